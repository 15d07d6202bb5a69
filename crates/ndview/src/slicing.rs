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
//!
//! # Numbers at the edge of the address space
//!
//! * Python clips slice bounds and steps beyond `Py_ssize_t`
//!   (`_PyEval_SliceIndex`), and so does [`s!`](crate::s): `s![::(u128::MAX)]`
//!   is `s![::(isize::MAX)]`, `s![(i128::MIN):]` is `s![(isize::MIN):]`. That is
//!   exact, not an approximation: on any axis (at most `isize::MAX` long) the
//!   clipped bound selects the same elements as the true one would.
//! * An integer *index* beyond `isize` is never clipped: it becomes
//!   [`SliceArg::WideIndex`], out of bounds on every axis, and the error
//!   names the value as written (`index 18446744073709551615 is out of
//!   bounds …`).
//! * [`Slice::indices`] takes any `len`, but no axis is longer than
//!   `isize::MAX` (NumPy's `npy_intp`); a longer `len` is an error.
//! * A view with no elements may have any strides and offset (none is ever
//!   used); its new offset is computed as NumPy's C pointer arithmetic does,
//!   modulo 2^64, so it cannot overflow. For a view with elements every
//!   product is a byte position inside the buffer.

use crate::array::{ArrayBase, ArrayView, ArrayViewMut, Storage, StorageMut};
use crate::error::{Error, Result};
use crate::index::normalize_index;
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
    /// // No axis is longer than isize::MAX (NumPy's npy_intp).
    /// assert!(s.indices(usize::MAX).is_err());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SliceStepZero`] for a step of 0, and [`Error::SizeOverflow`]
    /// when `len` is more than `isize::MAX`.
    #[inline]
    pub fn indices(&self, len: usize) -> Result<(isize, isize, isize, usize)> {
        let Ok(len) = isize::try_from(len) else {
            return Err(Error::SizeOverflow { shape: vec![len], itemsize: 1 });
        };
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
    /// An integer index whose value does not fit in `isize`, as [`s!`](crate::s)
    /// writes `s![u64::MAX]`: out of bounds on every axis, kept exactly (sign
    /// and magnitude) for the error message.
    WideIndex {
        /// Whether the value is negative.
        negative: bool,
        /// Its absolute value.
        magnitude: u128,
    },
}

/// Anything usable as one number in [`s!`](crate::s): every integer type.
/// Slice bounds and steps beyond `isize` saturate, exactly like Python's
/// (`_PyEval_SliceIndex`); an integer index beyond `isize` is kept as a
/// [`SliceArg::WideIndex`] (see the module documentation).
///
/// ```
/// use ndview::{SliceArg, SliceIndex};
/// assert_eq!(3_u8.to_isize(), 3);
/// assert_eq!(u64::MAX.to_isize(), isize::MAX);
/// assert_eq!(u128::MAX.to_isize(), isize::MAX);
/// assert_eq!(i128::MIN.to_isize(), isize::MIN);
/// assert_eq!(u64::MAX.to_slice_arg(), SliceArg::WideIndex { negative: false, magnitude: u64::MAX as u128 });
/// ```
pub trait SliceIndex {
    /// The value as an `isize`, saturating (a slice bound or step).
    ///
    /// ```
    /// use ndview::SliceIndex;
    /// assert_eq!((-1_i64).to_isize(), -1);
    /// ```
    fn to_isize(self) -> isize;

    /// The value as an integer index: [`SliceArg::Index`] if it fits in
    /// `isize`, else [`SliceArg::WideIndex`] with the exact value.
    ///
    /// ```
    /// use ndview::{SliceArg, SliceIndex};
    /// assert_eq!((-2_i8).to_slice_arg(), SliceArg::Index(-2));
    /// ```
    fn to_slice_arg(self) -> SliceArg
    where
        Self: Sized,
    {
        SliceArg::Index(self.to_isize())
    }
}

macro_rules! slice_index_signed {
    ($($t:ty)*) => {$(
        impl SliceIndex for $t {
            #[inline]
            fn to_isize(self) -> isize {
                isize::try_from(self).unwrap_or(if self < 0 { isize::MIN } else { isize::MAX })
            }
            #[inline]
            fn to_slice_arg(self) -> SliceArg {
                match isize::try_from(self) {
                    Ok(i) => SliceArg::Index(i),
                    Err(_) => SliceArg::WideIndex { negative: self < 0, magnitude: (self as i128).unsigned_abs() },
                }
            }
        }
    )*};
}
macro_rules! slice_index_unsigned {
    ($($t:ty)*) => {$(
        impl SliceIndex for $t {
            #[inline]
            fn to_isize(self) -> isize {
                isize::try_from(self).unwrap_or(isize::MAX)
            }
            #[inline]
            fn to_slice_arg(self) -> SliceArg {
                match isize::try_from(self) {
                    Ok(i) => SliceArg::Index(i),
                    Err(_) => SliceArg::WideIndex { negative: false, magnitude: self as u128 },
                }
            }
        }
    )*};
}
slice_index_signed!(i8 i16 i32 i64 i128 isize);
slice_index_unsigned!(u8 u16 u32 u64 u128 usize);

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
        $crate::SliceIndex::to_slice_arg($($i)+)
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

/// The layout of `layout[args]`: the whole of NumPy's basic slicing.
///
/// Slices change an axis in place; integer indices move the offset and mark
/// their axis to be dropped at the end (the rarer case).
#[inline(always)]
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
                    // Wrapping: only an empty view can get past isize (see the header).
                    let i = normalize_index(*i, axis, len)? as isize;
                    offset = offset.wrapping_add(i.wrapping_mul(stride));
                    shape[axis] = usize::MAX; // dropped below
                    dropped = true;
                }
                &SliceArg::WideIndex { negative, magnitude } => {
                    return Err(Error::WideIndexOutOfBounds { negative, magnitude, axis, size: len });
                }
                SliceArg::Slice(s) => {
                    let (start, _, step, n) = s.indices(len)?;
                    if n > 0 {
                        offset = offset.wrapping_add(start.wrapping_mul(stride));
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
    // Always inlined, here and in `slice_layout`: the arguments are nearly
    // always an `s![…]` written at the call, so the compiler can fold each
    // axis's `match` and divide by a step it knows. With `#[inline]` alone
    // LLVM kept `slice` out of line once a program had two call sites.
    // `big.slice(s![::2, ::2])` in a stand-alone harness (2026-12-02): 21 ns
    // out of line, 9–10 ns inlined, 12–15 ns inlined with arguments unknown
    // at compile time; ndarray's `Array2` slice took 25 ns.
    #[inline(always)]
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
    #[inline(always)] // as `slice`
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
        // Bounds saturate as in Python; indices keep their value.
        let r = SliceArg::Slice(Slice { start: None, stop: None, step: Some(isize::MAX) });
        assert_eq!(s![::(u128::MAX)], [r]);
        let r = SliceArg::Slice(Slice { start: Some(isize::MIN), stop: None, step: Some(-isize::MAX) });
        assert_eq!(s![(i128::MIN)::(-isize::MAX)], [r]);
        assert_eq!(s![(u128::MAX)], [SliceArg::WideIndex { negative: false, magnitude: u128::MAX }]);
        assert_eq!(s![(i128::MIN)], [SliceArg::WideIndex { negative: true, magnitude: 1 << 127 }]);
    }

    #[test]
    fn wide_indices_are_named_exactly() {
        let a = Array::arange(3);
        assert_eq!(
            a.slice(s![(u64::MAX)]).unwrap_err().to_string(),
            "index 18446744073709551615 is out of bounds for axis 0 with size 3"
        );
        assert_eq!(
            a.slice(s![(i128::MIN)]).unwrap_err().to_string(),
            "index -170141183460469231731687303715884105728 is out of bounds for axis 0 with size 3"
        );
    }

    #[test]
    fn empty_views_with_huge_strides_slice_without_overflow() {
        let buffer = [0_i64; 1];
        let v = crate::ArrayView::from_parts(&buffer, [0, 5], [8, isize::MAX - 7], 0).unwrap();
        let w = v.slice(s![:, 3:]).unwrap();
        assert_eq!(w.shape(), &[0, 2]);
        let w = v.slice(s![:, -1]).unwrap();
        assert_eq!(w.shape(), &[0]);
        let w = w.slice(s![5:]).unwrap();
        assert_eq!(w.size(), 0);
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
