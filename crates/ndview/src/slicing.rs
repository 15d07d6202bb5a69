//! Basic indexing and slicing, with NumPy's exact rules.
//!
//! Slicing never copies. For each axis it computes a new length, a new stride
//! and moves the offset, following NumPy's `get_view_from_index`
//! (`numpy/_core/src/multiarray/mapping.c`), which asks CPython to normalise
//! each slice (`PySlice_Unpack` and `PySlice_AdjustIndices`,
//! `Objects/sliceobject.c`):
//!
//! 1. **Unpack.** A missing step is 1; a step of 0 is an error. A missing
//!    start is 0, or "the end" when stepping backwards; a missing stop is "past
//!    the end", or "before the beginning" when stepping backwards.
//! 2. **Adjust.** A negative start or stop counts from the end (`x += len`);
//!    what is still out of range is *clipped*, never an error: below 0 it
//!    becomes 0 (or -1 when stepping backwards), at or past the end it becomes
//!    `len` (or `len - 1` when stepping backwards).
//! 3. **Count.** `n = ceil((stop - start) / step)` if that is positive, else 0.
//! 4. **View.** `offset += start × stride`, `stride ×= step`, `len = n`. If
//!    `n` is 0, NumPy uses `start = 0, step = 1`: the offset and the stride
//!    stay as they were.
//!
//! An integer index instead picks one position and drops the axis; it may be
//! negative (counted from the end) but must be in range.

use crate::array::{ArrayBase, ArrayView, ArrayViewMut, Storage, StorageMut};
use crate::error::{Error, Result};
use crate::layout::Layout;

/// One slice `start:stop:step`, each part optional, as in Python.
///
/// ```
/// use ndview::Slice;
/// // x[::-1]
/// let reverse = Slice { start: None, stop: None, step: Some(-1) };
/// assert_eq!(reverse.indices(5)?, (4, -1, -1, 5));
/// # Ok::<(), ndview::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Slice {
    /// First index (`None`: from the start, or from the end when `step < 0`).
    pub start: Option<isize>,
    /// Index to stop before (`None`: to the end, or past the beginning when `step < 0`).
    pub stop: Option<isize>,
    /// Step between indices (`None`: 1); must not be 0.
    pub step: Option<isize>,
}

impl Slice {
    /// Python's `slice.indices(len)` followed by the element count: the
    /// normalised `(start, stop, step, n)` of this slice on an axis of length
    /// `len` (steps 1 and 2 above).
    ///
    /// ```
    /// use ndview::Slice;
    /// // x[2:8:-2] on 10 elements: counting down from 2 never reaches 8.
    /// let s = Slice { start: Some(2), stop: Some(8), step: Some(-2) };
    /// assert_eq!(s.indices(10)?, (2, 8, -2, 0));
    /// // x[-100:100] is clipped to the whole axis.
    /// let s = Slice { start: Some(-100), stop: Some(100), step: None };
    /// assert_eq!(s.indices(10)?, (0, 10, 1, 10));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    #[inline]
    pub fn indices(&self, len: usize) -> Result<(isize, isize, isize, usize)> {
        let len = len as isize;
        // PySlice_Unpack
        let step = match self.step {
            None => 1,
            Some(0) => return Err(Error::SliceStepZero),
            // So that -step cannot overflow.
            Some(s) => s.max(-isize::MAX),
        };
        let start = self.start.unwrap_or(if step < 0 { isize::MAX } else { 0 });
        let stop = self.stop.unwrap_or(if step < 0 { isize::MIN } else { isize::MAX });
        // PySlice_AdjustIndices
        let adjust = |x: isize| -> isize {
            if x < 0 {
                let x = x + len;
                if x < 0 { if step < 0 { -1 } else { 0 } } else { x }
            } else if x >= len {
                if step < 0 { len - 1 } else { len }
            } else {
                x
            }
        };
        let (start, stop) = (adjust(start), adjust(stop));
        // How many steps fit, rounding up; the distance and the step are
        // positive here, so the division is done on unsigned numbers.
        let count = |distance: isize, step: isize| (distance as usize - 1) / step as usize + 1;
        let n = if step < 0 {
            if stop < start { count(start - stop, -step) } else { 0 }
        } else if start < stop {
            count(stop - start, step)
        } else {
            0
        };
        Ok((start, stop, step, n))
    }
}

/// What one axis of an index does: pick one position, or take a slice.
///
/// Usually written with the [`s!`](crate::s) macro.
///
/// ```
/// use ndview::{s, Slice, SliceArg};
/// assert_eq!(s![1, ::2], [
///     SliceArg::Index(1),
///     SliceArg::Slice(Slice { start: None, stop: None, step: Some(2) }),
/// ]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SliceArg {
    /// An integer index: picks one position and drops the axis.
    Index(isize),
    /// A slice: keeps the axis.
    Slice(Slice),
}

/// Anything usable as one number in [`s!`](crate::s): every integer type.
/// Values beyond `isize` saturate, like Python's slice bounds.
///
/// ```
/// use ndview::SliceIndex;
/// assert_eq!(3_u8.to_isize(), 3);
/// assert_eq!(u64::MAX.to_isize(), isize::MAX);
/// ```
pub trait SliceIndex {
    /// The value as an `isize`, saturating.
    ///
    /// ```
    /// use ndview::SliceIndex;
    /// assert_eq!((-1_i64).to_isize(), -1);
    /// ```
    fn to_isize(self) -> isize;
}

macro_rules! slice_index {
    ($($t:ty)*) => {$(
        impl SliceIndex for $t {
            #[inline]
            fn to_isize(self) -> isize {
                isize::try_from(self).unwrap_or(if (self as i128) < 0 { isize::MIN } else { isize::MAX })
            }
        }
    )*};
}
slice_index!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// NumPy's basic index, written as in Python: `s![1:, :3]` is `a[1:, :3]`.
///
/// Items are separated by commas, one per axis from the first; axes left out
/// are taken whole. An item is an integer index (`2`, `-1`, `i + 1`) or a
/// slice `start:stop:step` where every part may be left out (`:`, `::2`,
/// `::-1`, `1:`, `:3`, `-3:`). The numbers follow NumPy's rules exactly,
/// including negative steps: `s![8:2:-2]` is NumPy's `x[8:2:-2]`
/// (`[8, 6, 4]`), which is **not** `ndarray`'s `s![2..8;-2]` (`[7, 5, 3]`).
///
/// A part that itself contains `:` or `::` (a path such as `i64::MAX`) must be
/// put in parentheses.
///
/// ```
/// use ndview::{s, Array};
///
/// let x = Array::arange(10);
/// assert_eq!(x.slice(s![8:2:-2])?.to_vec(), vec![8, 6, 4]);
/// assert_eq!(x.slice(s![::-3])?.to_vec(), vec![9, 6, 3, 0]);
/// assert_eq!(x.slice(s![-3:])?.to_vec(), vec![7, 8, 9]);
/// let data = Array::arange(12).into_shape([3, 4])?;
/// assert_eq!(data.slice(s![1:, :3])?.shape(), &[2, 3]);
/// assert_eq!(data.slice(s![-1])?.to_vec(), vec![8, 9, 10, 11]);
/// let n = 2;
/// assert_eq!(data.slice(s![:, (n - 1)::n])?.to_vec(), vec![1, 3, 5, 7, 9, 11]);
/// # Ok::<(), ndview::Error>(())
/// ```
#[macro_export]
macro_rules! s {
    () => { [] as [$crate::SliceArg; 0] };
    ($($t:tt)+) => { $crate::__s!(@munch [] [] [] $($t)+) };
}

/// The token muncher behind [`s!`]: splits the tokens on `,` into items and
/// each item on `:` (and `::`) into parts.
#[doc(hidden)]
#[macro_export]
macro_rules! __s {
    // A comma ends an item.
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] , $($rest:tt)*) => {
        $crate::__s!(@munch [$($items)* $crate::__s!(@item $($parts)* ($($cur)*)),] [] [] $($rest)*)
    };
    // A colon ends a part.
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] : $($rest:tt)*) => {
        $crate::__s!(@munch [$($items)*] [$($parts)* ($($cur)*)] [] $($rest)*)
    };
    // `::` is one token to Rust and two colons to Python: an empty middle part.
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] :: $($rest:tt)*) => {
        $crate::__s!(@munch [$($items)*] [$($parts)* ($($cur)*) ()] [] $($rest)*)
    };
    // Any other token belongs to the current part.
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] $t:tt $($rest:tt)*) => {
        $crate::__s!(@munch [$($items)*] [$($parts)*] [$($cur)* $t] $($rest)*)
    };
    // The end, after a trailing comma.
    (@munch [$($items:tt)*] [] []) => { [$($items)*] };
    // The end.
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*]) => {
        [$($items)* $crate::__s!(@item $($parts)* ($($cur)*))]
    };
    (@item ($($i:tt)+)) => {
        $crate::SliceArg::Index($crate::SliceIndex::to_isize($($i)+))
    };
    (@item ($($a:tt)*) ($($b:tt)*)) => {
        $crate::SliceArg::Slice($crate::Slice {
            start: $crate::__s!(@opt $($a)*),
            stop: $crate::__s!(@opt $($b)*),
            step: None,
        })
    };
    (@item ($($a:tt)*) ($($b:tt)*) ($($c:tt)*)) => {
        $crate::SliceArg::Slice($crate::Slice {
            start: $crate::__s!(@opt $($a)*),
            stop: $crate::__s!(@opt $($b)*),
            step: $crate::__s!(@opt $($c)*),
        })
    };
    (@opt) => { None };
    (@opt $($e:tt)+) => { Some($crate::SliceIndex::to_isize($($e)+)) };
}

/// An integer index checked and counted from the end as NumPy does
/// (`check_and_adjust_index`).
pub(crate) fn normalize_index(index: isize, axis: usize, size: usize) -> Result<usize> {
    let adjusted = if index < 0 { index + size as isize } else { index };
    if adjusted < 0 || adjusted >= size as isize {
        return Err(Error::IndexOutOfBounds { index, axis, size });
    }
    Ok(adjusted as usize)
}

/// The layout of `layout[args]`: the whole of NumPy's basic slicing.
///
/// Slices change an axis in place; integer indices move the offset and mark
/// their axis to be dropped at the end (the rarer case).
#[inline]
pub(crate) fn slice_layout(layout: &Layout, args: &[SliceArg]) -> Result<Layout> {
    let ndim = layout.ndim();
    if args.len() > ndim {
        return Err(Error::TooManyIndices { ndim, given: args.len() });
    }
    let mut shape = layout.shape.clone();
    let mut strides = layout.strides.clone();
    let mut offset = layout.offset();
    let mut dropped = false;
    {
        let (shape, strides) = (&mut shape[..], &mut strides[..]);
        for (axis, arg) in args.iter().enumerate() {
            let (len, stride) = (shape[axis], strides[axis]);
            match arg {
                SliceArg::Index(i) => {
                    offset += normalize_index(*i, axis, len)? as isize * stride;
                    shape[axis] = usize::MAX; // dropped below
                    dropped = true;
                }
                SliceArg::Slice(s) => {
                    let (start, _, step, n) = s.indices(len)?;
                    if n > 0 {
                        offset += start * stride;
                        // Wraps only when n == 1, where the stride is never used
                        // (NumPy computes it the same way in C).
                        strides[axis] = stride.wrapping_mul(step);
                    }
                    shape[axis] = n;
                }
            }
        }
    }
    if dropped {
        let keep = |axis: &usize| shape[*axis] != usize::MAX;
        strides = (0..ndim).filter(keep).map(|a| strides[a]).collect();
        shape.retain(|d| *d != usize::MAX);
    }
    Ok(Layout::from_parts(shape, strides, offset, layout.itemsize()))
}

impl<S: Storage> ArrayBase<S> {
    /// A view of part of the array: NumPy's `a[...]` with integers and slices.
    /// No element is copied; only shape, strides and offset change.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let arr = Array::arange(12).into_shape([3, 4])?;
    /// let v = arr.slice(s![::2, ::-1])?;
    /// assert_eq!(v.to_string(), "[[ 3  2  1  0]\n [11 10  9  8]]");
    /// assert_eq!((v.strides(), v.offset()), (&[64, -8][..], 24));
    /// assert_eq!(arr.slice(s![::0]).unwrap_err().to_string(), "slice step cannot be zero");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    #[inline]
    pub fn slice(&self, args: impl AsRef<[SliceArg]>) -> Result<ArrayView<'_, S::Elem>> {
        Ok(self.view_with(slice_layout(&self.layout, args.as_ref())?))
    }
}

impl<S: StorageMut> ArrayBase<S> {
    /// A writable view of part of the array; see [`slice`](ArrayBase::slice).
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let mut a = Array::arange(6);
    /// a.slice_mut(s![::-2])?.fill(0);
    /// assert_eq!(a.to_vec(), vec![0, 0, 2, 0, 4, 0]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn slice_mut(&mut self, args: impl AsRef<[SliceArg]>) -> Result<ArrayViewMut<'_, S::Elem>> {
        let layout = slice_layout(&self.layout, args.as_ref())?;
        Ok(self.view_mut_with(layout))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Array;

    fn idx(start: Option<isize>, stop: Option<isize>, step: Option<isize>, len: usize) -> Vec<isize> {
        let (start, _, step, n) = Slice { start, stop, step }.indices(len).unwrap();
        (0..n as isize).map(|k| start + k * step).collect()
    }

    #[test]
    fn negative_steps_follow_python() {
        assert_eq!(idx(Some(8), Some(2), Some(-2), 10), vec![8, 6, 4]);
        assert_eq!(idx(Some(7), None, Some(-1), 10), vec![7, 6, 5, 4, 3, 2, 1, 0]);
        assert_eq!(idx(None, Some(7), Some(-1), 10), vec![9, 8]);
        assert_eq!(idx(Some(5), Some(-1), Some(-1), 10), Vec::<isize>::new());
        assert_eq!(idx(Some(-100), Some(100), Some(3), 10), vec![0, 3, 6, 9]);
        assert_eq!(idx(None, None, Some(isize::MIN), 4), vec![3]);
    }

    #[test]
    fn empty_result_keeps_offset_and_stride() {
        let a = Array::arange(12).into_shape([3, 4]).unwrap();
        let v = a.slice(s![:, 3:1]).unwrap();
        assert_eq!((v.shape(), v.strides(), v.offset()), (&[3, 0][..], &[32, 8][..], 0));
    }

    #[test]
    fn macro_forms() {
        let full = SliceArg::Slice(Slice::default());
        assert_eq!(s![:], [full]);
        assert_eq!(s![:, 1,], [full, SliceArg::Index(1)]);
        let r = SliceArg::Slice(Slice { start: Some(1), stop: None, step: Some(-1) });
        assert_eq!(s![1::-1], [r]);
        let r = SliceArg::Slice(Slice { start: Some(-3), stop: Some(-1), step: Some(2) });
        assert_eq!(s![-3:-1:2], [r]);
        let n: usize = 3;
        let r = SliceArg::Slice(Slice { start: None, stop: Some(3), step: None });
        assert_eq!(s![:n], [r]);
        assert_eq!(s![], []);
    }

    #[test]
    fn index_errors_name_the_value() {
        let a = Array::arange(12).into_shape([3, 4]).unwrap();
        assert_eq!(
            a.slice(s![0, 4]).unwrap_err().to_string(),
            "index 4 is out of bounds for axis 1 with size 4"
        );
        assert_eq!(
            a.slice(s![0, 0, 0]).unwrap_err().to_string(),
            "too many indices for array: array is 2-dimensional, but 3 were indexed"
        );
    }
}
