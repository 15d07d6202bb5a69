//! The metadata that turns a flat buffer into an n-dimensional array.
//!
//! An array is a block of memory plus a [`Layout`]: the `shape` (how many
//! elements along each axis), the `strides` (how many **bytes** to jump to move
//! one step along each axis) and the `offset` (where element `[0, 0, …]` sits,
//! in bytes from the start of the buffer). Element `[i, j, k]` lives at byte
//!
//! ```text
//! offset + i * strides[0] + j * strides[1] + k * strides[2]
//! ```
//!
//! Every view operation (slicing, transposing, reshaping without a copy) only
//! computes a new `Layout` for the same buffer. The two NumPy rules that live
//! here are how fresh strides are filled in (`_array_fill_strides`,
//! `numpy/_core/src/multiarray/ctors.c`) and the contiguity flags
//! (`_UpdateContiguousFlags`, `numpy/_core/src/multiarray/flagsobject.c`).
//!
//! # Limits: the ones NumPy has (`PyArray_NewFromDescr_int`, `ctors.c`)
//!
//! Every layout ndview makes or accepts passes [`check_shape`]: at most 64
//! axes (`NPY_MAXDIMS`: "maximum supported dimension for an ndarray is
//! currently 64, found 65"), an item size of at least one byte, and
//! `itemsize × (product of the axis lengths)` at most `isize::MAX` bytes,
//! where, as in NumPy's loop, axes of length 0 are left out of the product,
//! so `[0, usize::MAX]` is as much "too big" as `[usize::MAX, 0]` ("array is
//! too big; `arr.size * arr.dtype.itemsize` is larger than the maximum
//! possible size"). So `size()`, `nbytes()` and every `stride × index` of an
//! element in the buffer fit in `isize`, for any layout, by construction.
//!
//! The stride of an axis of length 1 is never used (the only index is 0),
//! and NumPy accepts any value there (`test_ravel`, `test_contiguous_flags`
//! in `numpy/_core/tests/test_multiarray.py`). So does ndview: such a stride
//! need not be a multiple of the item size, is left out of every overlap
//! test, and is never multiplied by anything but 0. Likewise an array with no
//! elements reaches nothing, so its strides are not checked at all.

use crate::axis_vec::AxisVec;

use crate::error::{Error, MAX_DIMS, Result};

/// NumPy's checks on a new array's shape (`PyArray_NewFromDescr_int`): at
/// most [`MAX_DIMS`] axes, a non-zero item size, and `itemsize × Π(dims ≠ 0)`
/// at most `isize::MAX` bytes. Returns the number of elements.
pub(crate) fn check_shape(shape: &[usize], itemsize: usize) -> Result<usize> {
    if shape.len() > MAX_DIMS {
        return Err(Error::TooManyDimensions { found: shape.len() });
    }
    if itemsize == 0 {
        return Err(Error::ZeroItemSize);
    }
    let too_big = || Error::SizeOverflow { shape: shape.to_vec(), itemsize };
    let mut nbytes = itemsize;
    let mut size: usize = 1;
    for &d in shape {
        if d == 0 {
            size = 0;
            continue;
        }
        nbytes = nbytes.checked_mul(d).filter(|&n| n <= isize::MAX as usize).ok_or_else(too_big)?;
        size = size.saturating_mul(d); // <= nbytes, so exact unless a 0 made it 0
    }
    if itemsize > isize::MAX as usize {
        return Err(too_big());
    }
    Ok(size)
}

/// Axis lengths, stored inline for up to four axes (no allocation per view).
pub(crate) type Dims = AxisVec<usize>;
/// Byte strides, stored inline for up to four axes.
pub(crate) type Strides = AxisVec<isize>;

/// Shape, byte strides and offset of an array in its buffer.
///
/// ```
/// use ndview::Layout;
///
/// // A fresh 3×4 array of 8-byte items: one row is 32 bytes, one column 8.
/// let layout = Layout::c_order(&[3, 4], 8);
/// assert_eq!(layout.shape(), &[3, 4]);
/// assert_eq!(layout.strides(), &[32, 8]);
/// assert_eq!(layout.offset(), 0);
/// assert!(layout.is_c_contiguous());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Layout {
    pub(crate) shape: Dims,
    pub(crate) strides: Strides,
    pub(crate) offset: isize,
    pub(crate) itemsize: usize,
}

/// Which way to walk the axes when laying out or reading elements.
///
/// ```
/// use ndview::{Array, Order};
///
/// let a = Array::arange(6).into_shape([2, 3]).unwrap();
/// assert_eq!(a.flatten_order(Order::C).to_vec(), vec![0, 1, 2, 3, 4, 5]);
/// assert_eq!(a.flatten_order(Order::F).to_vec(), vec![0, 3, 1, 4, 2, 5]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Order {
    /// Row-major: the last index changes fastest (NumPy's default).
    #[default]
    C,
    /// Column-major: the first index changes fastest (Fortran).
    F,
    /// F if the array is F-contiguous and not C-contiguous, else C.
    A,
    /// The order the elements already have in memory, as far as possible.
    K,
}

/// NumPy's contiguity rule (`_UpdateContiguousFlags`, `flagsobject.c`) over
/// `(length, stride)` pairs from the fastest-varying axis outwards: every
/// axis longer than 1 steps by the item size times the lengths inside it.
/// Length-1 axes are skipped (their stride is never used), and an array
/// with a zero-length axis is contiguous whatever its strides. One pass,
/// so that the common check on a small copy costs a few instructions.
#[inline]
fn contiguous_along<'a>(axes: impl Iterator<Item = (&'a usize, &'a isize)>, itemsize: usize) -> bool {
    let mut expected = itemsize as isize;
    let mut steps_match = true;
    for (&dim, &stride) in axes {
        if dim == 0 {
            return true;
        }
        if dim != 1 {
            steps_match &= stride == expected;
            // Cannot overflow: every layout keeps NumPy's size limit (item
            // size × the product of the non-zero lengths ≤ isize::MAX).
            expected *= dim as isize;
        }
    }
    steps_match
}

impl Layout {
    /// The layout of a fresh C-order (row-major) allocation of `shape`.
    ///
    /// Strides are filled the way NumPy's `_array_fill_strides` does: each stride
    /// is the item size times the product of the later axes, where axes of
    /// length 0 are **skipped** in that product. So `(0, 5)` gets strides
    /// `(40, 8)` and `(5, 0)` gets `(8, 8)`.
    ///
    /// ```
    /// use ndview::Layout;
    /// assert_eq!(Layout::c_order(&[2, 3, 4], 8).strides(), &[96, 32, 8]);
    /// assert_eq!(Layout::c_order(&[5, 0], 8).strides(), &[8, 8]);
    /// ```
    ///
    /// # Panics
    /// If the shape breaks NumPy's limits (see [`Layout::try_c_order`], which
    /// returns the error instead): more than 64 axes, item size 0, or more
    /// than `isize::MAX` bytes.
    pub fn c_order(shape: &[usize], itemsize: usize) -> Layout {
        Layout::try_c_order(shape, itemsize).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`Layout::c_order`], or the error NumPy would raise for the shape.
    ///
    /// ```
    /// use ndview::Layout;
    /// assert_eq!(Layout::try_c_order(&[3, 4], 8)?.strides(), &[32, 8]);
    /// // 4 × 2^62 items of 8 bytes: far more than isize::MAX bytes.
    /// let err = Layout::try_c_order(&[4, 1 << 62], 8).unwrap_err();
    /// assert!(err.to_string().starts_with("array is too big"));
    /// // A zero-length axis does not make the others small.
    /// assert!(Layout::try_c_order(&[0, 1 << 63], 8).is_err());
    /// assert_eq!(Layout::try_c_order(&[1; 65], 8).unwrap_err().to_string(),
    ///            "maximum supported dimension for an ndarray is currently 64, found 65");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_c_order(shape: &[usize], itemsize: usize) -> Result<Layout> {
        check_shape(shape, itemsize)?;
        Ok(Layout::filled(shape, itemsize, Order::C))
    }

    /// The layout of a fresh F-order (column-major) allocation of `shape`.
    ///
    /// ```
    /// use ndview::Layout;
    /// assert_eq!(Layout::f_order(&[2, 3, 4], 8).strides(), &[8, 16, 48]);
    /// ```
    ///
    /// # Panics
    /// As [`Layout::c_order`].
    pub fn f_order(shape: &[usize], itemsize: usize) -> Layout {
        Layout::try_f_order(shape, itemsize).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`Layout::f_order`], or the error NumPy would raise for the shape.
    ///
    /// ```
    /// use ndview::Layout;
    /// assert_eq!(Layout::try_f_order(&[3, 4], 8)?.strides(), &[8, 24]);
    /// assert!(Layout::try_f_order(&[1 << 62, 4], 8).is_err());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_f_order(shape: &[usize], itemsize: usize) -> Result<Layout> {
        check_shape(shape, itemsize)?;
        Ok(Layout::filled(shape, itemsize, Order::F))
    }

    /// Strides filled in C or F order, zero-length axes skipped in the product
    /// (the shape passed [`check_shape`], so nothing overflows).
    pub(crate) fn filled(shape: &[usize], itemsize: usize, order: Order) -> Layout {
        let mut strides: Strides = AxisVec::from_elem(0, shape.len());
        let mut step = itemsize as isize;
        let mut fill = |axis: usize| {
            strides[axis] = step;
            if shape[axis] != 0 {
                step *= shape[axis] as isize;
            }
        };
        match order {
            Order::F => (0..shape.len()).for_each(&mut fill),
            _ => (0..shape.len()).rev().for_each(&mut fill),
        }
        Layout { shape: AxisVec::from_slice(shape), strides, offset: 0, itemsize }
    }

    /// The layout NumPy gives a **new allocation** of `shape` (a copy, a
    /// flatten, `np.empty`): C-order strides, except that an empty allocation
    /// gets all-zero strides (`PyArray_NewFromDescr_int`, `ctors.c`).
    pub(crate) fn fresh(shape: &[usize], itemsize: usize, order: Order) -> Layout {
        let size = shape.iter().product();
        if order != Order::F {
            return Layout::fresh_c(shape, itemsize, size);
        }
        let mut layout = Layout::filled(shape, itemsize, order);
        if size == 0 {
            layout.strides.iter_mut().for_each(|s| *s = 0);
        }
        layout
    }

    /// [`Layout::fresh`] in C order, for a shape whose `size` the caller has
    /// already counted (a copy knows it from its buffer).
    #[inline]
    pub(crate) fn fresh_c(shape: &[usize], itemsize: usize, size: usize) -> Layout {
        let mut strides: Strides = AxisVec::from_elem(0, shape.len());
        if size > 0 {
            let mut step = itemsize as isize;
            for (s, &d) in strides.iter_mut().zip(shape).rev() {
                *s = step;
                step *= d as isize;
            }
        }
        Layout { shape: AxisVec::from_slice(shape), strides, offset: 0, itemsize }
    }

    /// The number of elements, if this layout is the one a fresh C-order
    /// allocation of its shape with items of `itemsize` bytes has
    /// ([`Layout::fresh`]), apart from its offset: no axis is empty, and
    /// every stride, a length-1 axis's included, is the item size times the
    /// lengths after it. A copy of such a layout keeps its shape and strides
    /// and only resets the offset. One pass over the axes, which also counts
    /// the elements; the caller passes the item size as a constant
    /// (`size_of::<T>()`, which every array's layout has), so the count is a
    /// shift.
    #[inline]
    pub(crate) fn fresh_c_size(&self, itemsize: usize) -> Option<usize> {
        debug_assert_eq!(itemsize, self.itemsize);
        let mut expected = itemsize as isize;
        for (&dim, &stride) in self.shape.iter().zip(self.strides.iter()).rev() {
            if dim == 0 || stride != expected {
                return None;
            }
            // Cannot overflow: every layout keeps NumPy's size limit.
            expected *= dim as isize;
        }
        Some(expected as usize / itemsize)
    }

    /// A layout from its parts, unchecked: the caller proves it stays inside
    /// its buffer (see [`Layout::check_within`]).
    #[inline]
    pub(crate) fn from_parts(shape: Dims, strides: Strides, offset: isize, itemsize: usize) -> Layout {
        debug_assert_eq!(shape.len(), strides.len());
        Layout { shape, strides, offset, itemsize }
    }

    /// A layout from a shape, byte strides and a byte offset, checked against
    /// a buffer of `buffer_len` items of `itemsize` bytes (no buffer is larger
    /// than `isize::MAX` bytes): the shape must
    /// keep NumPy's limits (see the module documentation), every element it
    /// reaches must lie in the buffer, and the strides of axes longer than 1
    /// and the offset must be multiples of the item size (ndview does not do
    /// unaligned access; a length-1 axis's stride is never used, so it may be
    /// anything, as in NumPy).
    ///
    /// ```
    /// use ndview::Layout;
    ///
    /// // Three rows of four, read backwards from the last element of 12.
    /// let l = Layout::new(&[3, 4], &[-32, -8], 88, 8, 12).unwrap();
    /// assert_eq!(l.offset(), 88);
    ///
    /// let err = Layout::new(&[3, 4], &[32, 8], 8, 8, 12).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "the layout with shape (3, 4), strides (32, 8) and offset 8 reaches bytes 8..104, \
    ///      outside the buffer of 96 bytes");
    /// // A length-1 axis may have any stride.
    /// assert!(Layout::new(&[1, 4], &[3, 8], 0, 8, 4).is_ok());
    /// ```
    pub fn new(
        shape: &[usize],
        strides: &[isize],
        offset: isize,
        itemsize: usize,
        buffer_len: usize,
    ) -> Result<Layout> {
        if shape.len() != strides.len() {
            return Err(Error::StridesLength { shape_len: shape.len(), strides_len: strides.len() });
        }
        check_shape(shape, itemsize)?;
        let layout =
            Layout::from_parts(AxisVec::from_slice(shape), AxisVec::from_slice(strides), offset, itemsize);
        layout.check_within(buffer_len)?;
        Ok(layout)
    }

    /// Checks that the shape keeps NumPy's limits, that every element this
    /// layout reaches lies inside a buffer of `buffer_len` items, and that the
    /// strides that are used and the offset are whole items.
    pub(crate) fn check_within(&self, buffer_len: usize) -> Result<()> {
        check_shape(&self.shape, self.itemsize)?;
        let itemsize = self.itemsize as isize;
        let empty = self.shape.contains(&0);
        for (&dim, &stride) in self.shape.iter().zip(&self.strides) {
            if dim > 1 && !empty && stride % itemsize != 0 {
                return Err(Error::Misaligned { what: "stride", value: stride, itemsize: self.itemsize });
            }
        }
        if self.offset % itemsize != 0 {
            return Err(Error::Misaligned { what: "offset", value: self.offset, itemsize: self.itemsize });
        }
        // No buffer is larger than isize::MAX bytes (Rust's and NumPy's limit).
        let len = buffer_len as u128 * self.itemsize as u128;
        if len > isize::MAX as u128 {
            return Err(Error::SizeOverflow { shape: vec![buffer_len], itemsize: self.itemsize });
        }
        let Some((low, high)) = self.byte_extent_checked() else {
            return Ok(()); // an empty array reaches nothing
        };
        if low < 0 || high as u128 > len {
            return Err(Error::OutOfBuffer {
                shape: self.shape.to_vec(),
                strides: self.strides.to_vec(),
                offset: self.offset,
                low,
                high,
                len,
            });
        }
        Ok(())
    }

    /// `[low, high)` in bytes from the buffer start, computed without overflow.
    /// (At most 64 axes, each `|stride| × (dim − 1) < 2^127 / 64`.)
    fn byte_extent_checked(&self) -> Option<(i128, i128)> {
        if self.shape.contains(&0) {
            return None;
        }
        let (mut low, mut high) = (self.offset as i128, self.offset as i128);
        for (&d, &s) in self.shape.iter().zip(&self.strides) {
            let span = (s as i128) * (d as i128 - 1);
            if span < 0 { low += span } else { high += span }
        }
        Some((low, high + self.itemsize as i128))
    }

    /// The length of each axis.
    ///
    /// ```
    /// assert_eq!(ndview::Layout::c_order(&[2, 5], 8).shape(), &[2, 5]);
    /// ```
    #[inline]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The byte stride of each axis.
    ///
    /// ```
    /// assert_eq!(ndview::Layout::c_order(&[2, 5], 4).strides(), &[20, 4]);
    /// ```
    #[inline]
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// Byte offset of element `[0, 0, …]` from the start of the buffer. It is
    /// never negative for an array with elements; an empty array may point
    /// anywhere, as in NumPy.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!(a.slice(s![2:, 1:])?.layout().offset(), 72); // element 9
    /// # Ok::<(), ndview::Error>(())
    /// ```
    #[inline]
    pub fn offset(&self) -> isize {
        self.offset
    }

    /// Size of one element in bytes.
    ///
    /// ```
    /// assert_eq!(ndview::Layout::c_order(&[2], 4).itemsize(), 4);
    /// ```
    #[inline]
    pub fn itemsize(&self) -> usize {
        self.itemsize
    }

    /// Number of axes.
    ///
    /// ```
    /// assert_eq!(ndview::Layout::c_order(&[2, 3, 4], 8).ndim(), 3);
    /// ```
    #[inline]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Number of elements: the product of the shape (1 for a 0-d array).
    /// It cannot overflow: every layout keeps NumPy's size limit.
    ///
    /// ```
    /// assert_eq!(ndview::Layout::c_order(&[2, 3], 8).size(), 6);
    /// assert_eq!(ndview::Layout::c_order(&[], 8).size(), 1);
    /// ```
    #[inline]
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// `bytes` counted in items: an offset or a stride divided by the item
    /// size. Every element type's size is a power of two, so this is a
    /// shift (one cycle) rather than a signed division (tens of cycles,
    /// which a small copy or a view notices). Exact for multiples of the
    /// item size; other values (the unused stride of a length-1 axis, any
    /// stride of an empty array) may round differently from `/`, which no
    /// caller relies on.
    #[inline]
    pub(crate) fn items(&self, bytes: isize) -> isize {
        if self.itemsize.is_power_of_two() {
            bytes >> self.itemsize.trailing_zeros()
        } else {
            bytes / self.itemsize as isize
        }
    }

    /// The strides counted in elements instead of bytes, as `ndarray` reports
    /// them. It cannot fail: no layout has item size 0. (A length-1 axis's
    /// stride that is not a multiple of the item size is rounded towards 0;
    /// it is never used.)
    ///
    /// ```
    /// use ndview::Layout;
    /// assert_eq!(Layout::c_order(&[3, 4], 8).elem_strides(), vec![4, 1]);
    /// ```
    pub fn elem_strides(&self) -> Vec<isize> {
        self.strides.iter().map(|s| s / self.itemsize as isize).collect()
    }

    /// The bytes this layout reaches, `[low, high)`, relative to the buffer
    /// start, or `None` for an empty array (NumPy's
    /// `get_array_memory_extents`, `mem_overlap.c`).
    ///
    /// ```
    /// use ndview::Layout;
    /// // Every second element of 10: the last one starts at byte 64 and ends at 72.
    /// let l = Layout::new(&[5], &[16], 0, 8, 10).unwrap();
    /// assert_eq!(l.byte_extent(), Some((0, 64 + 8)));
    /// ```
    pub fn byte_extent(&self) -> Option<(usize, usize)> {
        if self.shape.contains(&0) {
            return None;
        }
        let (mut low, mut high) = (self.offset, self.offset);
        for (&d, &s) in self.shape.iter().zip(&self.strides) {
            // Cannot overflow: the layout was checked to lie inside its buffer.
            let span = s * (d as isize - 1);
            if span < 0 { low += span } else { high += span }
        }
        Some((low as usize, high as usize + self.itemsize))
    }

    /// Byte position of the element at `index` (unchecked: `index[i] < shape[i]`).
    #[inline]
    pub(crate) fn byte_position(&self, index: &[usize]) -> usize {
        let mut pos = self.offset;
        for (&i, &s) in index.iter().zip(&self.strides) {
            pos += i as isize * s;
        }
        pos as usize
    }

    /// Whether the array is C-contiguous, by NumPy's relaxed rule: walking
    /// the axes from last to first, each axis longer than 1 must have stride
    /// `itemsize × (product of the later axes)`. Axes of length 1 are ignored
    /// (their stride is never used) and an empty array is contiguous.
    ///
    /// ```
    /// use ndview::Layout;
    /// // A (3, 1) column taken from a (3, 4) array: strides (32, 8). Not contiguous.
    /// assert!(!Layout::new(&[3, 1], &[32, 8], 8, 8, 12).unwrap().is_c_contiguous());
    /// // A (1, 4) row with any stride on its length-1 axis: contiguous.
    /// assert!(Layout::new(&[1, 4], &[999 * 8, 8], 0, 8, 4).unwrap().is_c_contiguous());
    /// ```
    #[inline]
    pub fn is_c_contiguous(&self) -> bool {
        let axes = self.shape.iter().zip(self.strides.iter());
        contiguous_along(axes.rev(), self.itemsize)
    }

    /// Whether the array is F-contiguous (the same rule, first axis to last).
    ///
    /// ```
    /// use ndview::Layout;
    /// assert!(Layout::f_order(&[3, 4], 8).is_f_contiguous());
    /// assert!(!Layout::c_order(&[3, 4], 8).is_f_contiguous());
    /// // One axis longer than 1: both C- and F-contiguous.
    /// assert!(Layout::c_order(&[1, 3, 1], 8).is_f_contiguous());
    /// ```
    #[inline]
    pub fn is_f_contiguous(&self) -> bool {
        contiguous_along(self.shape.iter().zip(self.strides.iter()), self.itemsize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_skips_zero_dims() {
        assert_eq!(Layout::c_order(&[0, 5], 8).strides(), &[40, 8]);
        assert_eq!(Layout::c_order(&[1, 6, 1], 8).strides(), &[48, 8, 8]);
        assert_eq!(Layout::fresh(&[3, 0], 8, Order::C).strides(), &[0, 0]);
    }

    #[test]
    fn flags_follow_numpy_relaxed_rules() {
        let l = Layout::new(&[1, 3, 1], &[98760, 8, -56], 0, 8, 3);
        // Out of a 3-element buffer: the length-1 axes never move.
        let l = l.unwrap();
        assert!(l.is_c_contiguous() && l.is_f_contiguous());
        let zero = Layout::new(&[4], &[0], 0, 8, 1).unwrap();
        assert!(!zero.is_c_contiguous() && !zero.is_f_contiguous());
        let empty = Layout::new(&[3, 0], &[8, 8], 0, 8, 0).unwrap();
        assert!(empty.is_c_contiguous() && empty.is_f_contiguous());
    }

    #[test]
    fn fresh_c_size_is_for_fresh_layouts_only() {
        for shape in [&[][..], &[1], &[5], &[3, 1, 4], &[1, 1], &[2, 3, 4, 5, 6], &[2, 0, 3], &[0]] {
            let fresh = Layout::fresh(shape, 8, Order::C);
            let size: usize = shape.iter().product();
            assert_eq!(fresh.fresh_c_size(8), (size > 0).then_some(size), "{shape:?}");
            // The offset does not matter; a view that starts elsewhere keeps it.
            let moved = Layout { offset: 16, ..fresh.clone() };
            assert_eq!(moved.fresh_c_size(8), fresh.fresh_c_size(8));
        }
        // C-contiguous, but with a stride on a length-1 axis that a fresh
        // array would not have: its copy needs fresh strides, so not this path.
        let row = Layout::new(&[1, 4], &[999 * 8, 8], 0, 8, 4).unwrap();
        assert!(row.is_c_contiguous() && row.fresh_c_size(8).is_none());
        // Reversed, transposed, strided: not fresh.
        assert_eq!(Layout::new(&[4], &[-8], 24, 8, 4).unwrap().fresh_c_size(8), None);
        assert_eq!(Layout::f_order(&[3, 4], 8).fresh_c_size(8), None);
        assert_eq!(Layout::new(&[2], &[16], 0, 8, 4).unwrap().fresh_c_size(8), None);
        assert_eq!(Layout::c_order(&[3, 4], 2).fresh_c_size(2), Some(12));
        // Empty, with the strides a C-order fill gives (a fresh empty array
        // has all-zero strides instead): not fresh.
        assert_eq!(Layout::c_order(&[2, 0, 3], 8).fresh_c_size(8), None);
        assert_eq!(Layout::new(&[0, 4], &[32, 8], 0, 8, 0).unwrap().fresh_c_size(8), None);
    }

    #[test]
    fn misaligned_strides_are_named() {
        let err = Layout::new(&[2], &[4], 0, 8, 4).unwrap_err();
        assert_eq!(err.to_string(), "stride 4 is not a multiple of the item size 8 bytes");
    }
}
