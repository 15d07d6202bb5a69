//! Views with any shape and strides you choose, checked.
//!
//! NumPy's `np.lib.stride_tricks.as_strided` trusts you: a wrong stride reads
//! (or writes) outside the buffer. ndview checks every request instead:
//!
//! * every element the new view can reach must lie inside the buffer, and
//!   strides must be whole elements, otherwise [`Error::OutOfBuffer`] or
//!   [`Error::Misaligned`];
//! * a **mutable** view must not reach one element through two indices
//!   ([`Error::InternalOverlap`]): writing through such a view is legal in
//!   NumPy but means one `&mut` per index, two of them to the same element,
//!   which Rust forbids. The test is NumPy's exact internal-overlap solver
//!   (`solve_may_have_internal_overlap`, `mem_overlap.c`), bounded by
//!   [`DEFAULT_MAX_WORK`](crate::DEFAULT_MAX_WORK): a layout it cannot prove
//!   overlap-free within the bound is refused too
//!   ([`Error::InternalOverlapUndecided`]), never searched for hours.
//!
//! The shape must keep NumPy's limits (64 axes, `isize::MAX` bytes), so
//! `ArrayView::from_parts(&[0_i64; 100], [1 << 60], [0], 0)` is "array is
//! too big" as in NumPy's `test_array_too_big`, although it reaches one
//! element. A length-1 axis's stride is never used and may be anything.

use crate::array::{ArrayBase, ArrayView, ArrayViewMut, Storage, StorageMut};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::overlap::{DEFAULT_MAX_WORK, Overlap, solve_internal_overlap};

/// The layout `as_strided` asks for: starting where `from` starts.
fn strided_layout(from: &Layout, shape: &[usize], strides: &[isize], buffer_len: usize) -> Result<Layout> {
    Layout::new(shape, strides, from.offset(), from.itemsize(), buffer_len)
}

/// Fails unless no element of `layout` is reached twice.
fn check_no_internal_overlap(layout: &Layout) -> Result<()> {
    let (shape, strides) = (layout.shape().to_vec(), layout.strides().to_vec());
    match solve_internal_overlap(layout, Some(DEFAULT_MAX_WORK)) {
        Overlap::No => Ok(()),
        Overlap::Yes => Err(Error::InternalOverlap { shape, strides }),
        Overlap::TooHard => {
            Err(Error::InternalOverlapUndecided { shape, strides, max_work: Some(DEFAULT_MAX_WORK) })
        }
        Overlap::Overflow => Err(Error::InternalOverlapUndecided { shape, strides, max_work: None }),
    }
}

impl<S: Storage> ArrayBase<S> {
    /// A view with the given shape and byte strides, starting at this array's
    /// first element, like NumPy's `as_strided`, but checked: every element
    /// must lie inside the buffer.
    ///
    /// ```
    /// use ndview::Array;
    /// let x = Array::arange(6);
    /// // Sliding windows of 3: rows overlap, nothing is copied.
    /// let w = x.as_strided([4, 3], [8, 8])?;
    /// assert_eq!(w.to_string(), "[[0 1 2]\n [1 2 3]\n [2 3 4]\n [3 4 5]]");
    /// // One window too many would read past the end.
    /// assert!(x.as_strided([5, 3], [8, 8]).is_err());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn as_strided(
        &self,
        shape: impl AsRef<[usize]>,
        strides: impl AsRef<[isize]>,
    ) -> Result<ArrayView<'_, S::Elem>> {
        let data = self.data.as_slice();
        let layout = strided_layout(&self.layout, shape.as_ref(), strides.as_ref(), data.len())?;
        Ok(self.view_with(layout))
    }
}

impl<S: StorageMut> ArrayBase<S> {
    /// A writable [`as_strided`](ArrayBase::as_strided) view; also rejects any
    /// layout that reaches an element twice.
    ///
    /// ```
    /// use ndview::Array;
    /// let mut x = Array::arange(6);
    /// x.as_strided_mut([3], [16])?.fill(0); // every second element
    /// assert_eq!(x.to_vec(), vec![0, 1, 0, 3, 0, 5]);
    /// let err = x.as_strided_mut([4, 3], [8, 8]).unwrap_err();
    /// assert!(err.to_string().contains("overlaps itself"));
    /// // A length-1 axis's stride never matters: each element is reached once.
    /// assert!(x.as_strided_mut([2, 1, 2], [8, isize::MIN, 16]).is_ok());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn as_strided_mut(
        &mut self,
        shape: impl AsRef<[usize]>,
        strides: impl AsRef<[isize]>,
    ) -> Result<ArrayViewMut<'_, S::Elem>> {
        let len = self.data.as_slice().len();
        let layout = strided_layout(&self.layout, shape.as_ref(), strides.as_ref(), len)?;
        check_no_internal_overlap(&layout)?;
        Ok(self.view_mut_with(layout))
    }
}

impl<'a, T: Element> ArrayView<'a, T> {
    /// A view of `buffer` with the given shape, byte strides and byte offset
    /// of the first element, checked like [`as_strided`](ArrayBase::as_strided).
    ///
    /// ```
    /// use ndview::ArrayView;
    /// let buffer = [0_i64, 1, 2, 3, 4, 5];
    /// let v = ArrayView::from_parts(&buffer, [2, 3], [-24, 8], 24)?;
    /// assert_eq!(v.to_string(), "[[3 4 5]\n [0 1 2]]");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn from_parts(
        buffer: &'a [T],
        shape: impl AsRef<[usize]>,
        strides: impl AsRef<[isize]>,
        offset: isize,
    ) -> Result<ArrayView<'a, T>> {
        let layout = Layout::new(shape.as_ref(), strides.as_ref(), offset, size_of::<T>(), buffer.len())?;
        Ok(ArrayBase { data: buffer, layout })
    }

    /// A view of `buffer` with `layout`, checked against the buffer.
    ///
    /// ```
    /// use ndview::{Array, ArrayView};
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// let layout = a.t().layout().clone();
    /// let again = ArrayView::with_layout(a.buffer(), layout)?;
    /// assert_eq!(again.shape(), &[3, 2]);
    /// let wide = ndview::Layout::c_order(&[3], 16);
    /// assert_eq!(ArrayView::with_layout(a.buffer(), wide).unwrap_err().to_string(),
    ///            "the layout's item size 16 bytes must equal the size of the element type, 8 bytes");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn with_layout(buffer: &'a [T], layout: Layout) -> Result<ArrayView<'a, T>> {
        if layout.itemsize() != size_of::<T>() {
            return Err(Error::ItemSizeMismatch { layout: layout.itemsize(), element: size_of::<T>() });
        }
        layout.check_within(buffer.len())?;
        Ok(ArrayBase { data: buffer, layout })
    }

    /// A one-dimensional view of a whole slice.
    ///
    /// ```
    /// use ndview::ArrayView;
    /// let v = ArrayView::from_slice(&[1u8, 2, 3]);
    /// assert_eq!(v.strides(), &[1]);
    /// ```
    pub fn from_slice(buffer: &'a [T]) -> ArrayView<'a, T> {
        let layout = Layout::c_order(&[buffer.len()], size_of::<T>());
        ArrayBase { data: buffer, layout }
    }
}

impl<'a, T: Element> ArrayViewMut<'a, T> {
    /// A writable view of `buffer` with the given shape, byte strides and
    /// offset; rejects layouts outside the buffer or reaching an element twice.
    ///
    /// ```
    /// use ndview::ArrayViewMut;
    /// let mut buffer = [0_i64; 6];
    /// let mut v = ArrayViewMut::from_parts(&mut buffer, [3], [16], 8)?;
    /// v.fill(1);
    /// assert_eq!(buffer, [0, 1, 0, 1, 0, 1]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn from_parts(
        buffer: &'a mut [T],
        shape: impl AsRef<[usize]>,
        strides: impl AsRef<[isize]>,
        offset: isize,
    ) -> Result<ArrayViewMut<'a, T>> {
        let layout = Layout::new(shape.as_ref(), strides.as_ref(), offset, size_of::<T>(), buffer.len())?;
        check_no_internal_overlap(&layout)?;
        Ok(ArrayBase { data: buffer, layout })
    }
}
