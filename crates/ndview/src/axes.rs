//! Reordering axes: `t()`, `transpose`, `swapaxes`.
//!
//! A transpose moves no element. It permutes the shape and the strides
//! together, so the same byte offsets are read in another order: a 3×4 array
//! with strides `(32, 8)` becomes a 4×3 array with strides `(8, 32)`.
//! NumPy: `PyArray_Transpose` and `PyArray_SwapAxes`
//! (`numpy/_core/src/multiarray/shape.c`), axis numbers checked by
//! `check_and_adjust_axis` (negative counts from the end).

use crate::axis_vec::AxisVec;

use crate::array::{ArrayBase, ArrayView, ArrayViewMut, Storage, StorageMut};
use crate::error::{Error, Result};
use crate::layout::Layout;

/// An axis number checked against `ndim`; negative counts from the end.
pub(crate) fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let adjusted = if axis < 0 { axis + ndim as isize } else { axis };
    if adjusted < 0 || adjusted >= ndim as isize {
        return Err(Error::AxisOutOfBounds { axis, ndim });
    }
    Ok(adjusted as usize)
}

/// The layout with its axes in the order `perm` (already checked), outermost first.
pub(crate) fn permuted(layout: &Layout, perm: &[usize]) -> Layout {
    Layout::from_parts(
        perm.iter().map(|&p| layout.shape[p]).collect(),
        perm.iter().map(|&p| layout.strides[p]).collect(),
        layout.offset(),
        layout.itemsize(),
    )
}

/// The layout of `a.transpose(axes)`.
pub(crate) fn transpose_layout(layout: &Layout, axes: &[isize]) -> Result<Layout> {
    let ndim = layout.ndim();
    if axes.len() != ndim {
        return Err(Error::AxesDontMatch { axes: axes.to_vec(), ndim });
    }
    let mut perm: AxisVec<usize> = AxisVec::new();
    let mut seen: AxisVec<bool> = AxisVec::from_elem(false, ndim);
    for &axis in axes {
        let a = normalize_axis(axis, ndim)?;
        if seen[a] {
            return Err(Error::RepeatedAxis { axes: axes.to_vec() });
        }
        seen[a] = true;
        perm.push(a);
    }
    Ok(permuted(layout, &perm))
}

/// The layout with the axes reversed (`a.T`).
pub(crate) fn reversed_layout(layout: &Layout) -> Layout {
    let perm: AxisVec<usize> = (0..layout.ndim()).rev().collect();
    permuted(layout, &perm)
}

/// The layout of `a.swapaxes(axis1, axis2)`.
pub(crate) fn swapaxes_layout(layout: &Layout, axis1: isize, axis2: isize) -> Result<Layout> {
    let ndim = layout.ndim();
    let (a, b) = (normalize_axis(axis1, ndim)?, normalize_axis(axis2, ndim)?);
    let mut perm: AxisVec<usize> = (0..ndim).collect();
    perm.swap(a, b);
    Ok(permuted(layout, &perm))
}

impl<S: Storage> ArrayBase<S> {
    /// The transpose, `a.T`: axes reversed, no element moved.
    ///
    /// ```
    /// use ndview::Array;
    /// let arr = Array::arange(12).into_shape([3, 4])?;
    /// let t = arr.t();
    /// assert_eq!((t.shape(), t.strides()), (&[4, 3][..], &[8, 32][..]));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn t(&self) -> ArrayView<'_, S::Elem> {
        self.view_with(reversed_layout(&self.layout))
    }

    /// The axes in the order `axes` (a permutation of `0..ndim`; negative
    /// numbers count from the end), like `a.transpose(axes)`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(24).into_shape([2, 3, 4])?;
    /// assert_eq!(a.transpose([1, 0, 2])?.strides(), &[32, 96, 8]);
    /// assert_eq!(a.transpose([0, 0, 1]).unwrap_err().to_string(),
    ///            "repeated axis in transpose: (0, 0, 1)");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn transpose(&self, axes: impl AsRef<[isize]>) -> Result<ArrayView<'_, S::Elem>> {
        Ok(self.view_with(transpose_layout(&self.layout, axes.as_ref())?))
    }

    /// Axes `axis1` and `axis2` exchanged, like `a.swapaxes(axis1, axis2)`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(24).into_shape([2, 3, 4])?;
    /// assert_eq!(a.swapaxes(0, -1)?.shape(), &[4, 3, 2]);
    /// assert_eq!(a.swapaxes(0, 3).unwrap_err().to_string(),
    ///            "axis 3 is out of bounds for array of dimension 3");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn swapaxes(&self, axis1: isize, axis2: isize) -> Result<ArrayView<'_, S::Elem>> {
        Ok(self.view_with(swapaxes_layout(&self.layout, axis1, axis2)?))
    }
}

impl<S: StorageMut> ArrayBase<S> {
    /// The transpose as a writable view.
    ///
    /// ```
    /// use ndview::Array;
    /// let mut a = Array::arange(6).into_shape([2, 3])?;
    /// a.t_mut()[[2, 0]] = 50;
    /// assert_eq!(a[[0, 2]], 50);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn t_mut(&mut self) -> ArrayViewMut<'_, S::Elem> {
        let layout = reversed_layout(&self.layout);
        self.view_mut_with(layout)
    }
}
