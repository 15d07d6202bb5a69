//! `reshape` and `ravel`: a new shape over the same memory when possible.
//!
//! NumPy's rules (`numpy/_core/src/multiarray/shape.c`):
//!
//! * **reshape** (`_reshape_with_copy_arg`). Unchanged dimensions give a plain
//!   view with the strides as they were. Otherwise the one unknown dimension
//!   (any negative entry) is worked out (`_fix_unknown_dimension`) and the
//!   sizes must agree. A contiguous array (in the requested order) is always
//!   a view, with strides filled in afresh. A non-contiguous array is a view
//!   if `_attempt_nocopy_reshape` succeeds: length-1 axes are dropped, then old
//!   and new axes are matched in groups of equal product, and each group of old
//!   axes must be "chained" (`stride[k] == dim[k+1] * stride[k+1]`), i.e. walk
//!   memory as one axis would. Otherwise the elements are copied and the copy
//!   reshaped.
//! * **ravel** (`PyArray_Ravel`). A view exactly when the array is contiguous
//!   in the requested order; it does *not* try the no-copy reshape, so
//!   `arange(10)[::2].ravel()` copies although `.reshape(-1)` gives a view.

use crate::axis_vec::AxisVec;

use crate::array::{Array, ArrayBase, ArrayView, Storage};
use crate::copy::{copy_in_order, gather, is_fortran, sorted_stride_perm};
use crate::cow::CowArray;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::layout::{Dims, Layout, Order, Strides, check_shape};

/// What a reshape will do.
enum Plan {
    /// A view with this layout over the same buffer.
    View(Layout),
    /// A copy of the elements in `order`, then viewed with `layout`.
    Copy { order: Order, layout: Layout },
}

/// NumPy's `_fix_unknown_dimension`: the shape with its unknown dimension
/// worked out, or the reshape error.
fn fix_unknown_dimension(newshape: &[isize], size: usize) -> Result<Dims> {
    if newshape.len() > crate::error::MAX_DIMS {
        return Err(Error::TooManyDimensions { found: newshape.len() });
    }
    let mismatch = || Error::Reshape { size, shape: newshape.to_vec() };
    let mut unknown = None;
    let mut known: usize = 1;
    for (i, &d) in newshape.iter().enumerate() {
        if d < 0 {
            if unknown.is_some() {
                return Err(Error::MultipleUnknownDimensions);
            }
            unknown = Some(i);
        } else {
            known =
                known.checked_mul(d as usize).filter(|&k| k <= isize::MAX as usize).ok_or_else(mismatch)?;
        }
    }
    let mut dims: Dims = newshape.iter().map(|&d| d.max(0) as usize).collect();
    match unknown {
        Some(i) => {
            if known == 0 || !size.is_multiple_of(known) {
                return Err(mismatch());
            }
            dims[i] = size / known;
        }
        None if known != size => return Err(mismatch()),
        None => {}
    }
    Ok(dims)
}

/// NumPy's `_attempt_nocopy_reshape`: strides that show `layout`'s elements
/// with shape `newdims` without moving them, if there are any.
fn attempt_nocopy_reshape(layout: &Layout, newdims: &[usize], order: Order) -> Option<Strides> {
    let is_f = order == Order::F;
    // Length-1 axes never move: leave them out.
    let (olddims, oldstrides): (Dims, Strides) =
        layout.shape().iter().zip(layout.strides()).filter(|&(&d, _)| d != 1).map(|(&d, &s)| (d, s)).unzip();
    let (oldnd, newnd) = (olddims.len(), newdims.len());
    let mut newstrides: Strides = AxisVec::from_elem(0, newnd);
    let (mut oi, mut oj, mut ni, mut nj) = (0, 1, 0, 1);
    while ni < newnd && oi < oldnd {
        let (mut np, mut op) = (newdims[ni], olddims[oi]);
        // Grow whichever side has the smaller product until they match.
        while np != op {
            if np < op {
                np *= newdims[nj];
                nj += 1;
            } else {
                op *= olddims[oj];
                oj += 1;
            }
        }
        // The old axes of this group must walk memory as one axis would.
        for ok in oi..oj - 1 {
            // (Checked: a product past isize is no stride of the layout.)
            let chained = if is_f {
                (olddims[ok] as isize).checked_mul(oldstrides[ok]) == Some(oldstrides[ok + 1])
            } else {
                (olddims[ok + 1] as isize).checked_mul(oldstrides[ok + 1]) == Some(oldstrides[ok])
            };
            if !chained {
                return None;
            }
        }
        // Strides for the new axes of the group, from its fastest axis out.
        if is_f {
            newstrides[ni] = oldstrides[oi];
            for nk in ni + 1..nj {
                newstrides[nk] = newstrides[nk - 1] * newdims[nk - 1] as isize;
            }
        } else {
            newstrides[nj - 1] = oldstrides[oj - 1];
            for nk in (ni + 1..nj).rev() {
                newstrides[nk - 1] = newstrides[nk] * newdims[nk] as isize;
            }
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    // Trailing new axes of length 1 take the last stride.
    let mut last = if ni >= 1 { newstrides[ni - 1] } else { layout.itemsize() as isize };
    if is_f && ni >= 1 {
        last *= newdims[ni - 1] as isize;
    }
    for s in &mut newstrides[ni..] {
        *s = last;
    }
    Some(newstrides)
}

/// How NumPy reshapes `layout` to `newshape` in `order`.
fn plan_reshape(layout: &Layout, newshape: &[isize], order: Order) -> Result<Plan> {
    let order = match order {
        Order::A if is_fortran(layout) => Order::F,
        Order::A => Order::C,
        Order::K => return Err(Error::OrderNotPermitted),
        other => other,
    };
    // Nothing to do: the same dimensions (an unknown one never matches).
    let same = newshape.len() == layout.ndim()
        && newshape.iter().zip(layout.shape()).all(|(&n, &d)| n >= 0 && n as usize == d);
    if same {
        return Ok(Plan::View(layout.clone()));
    }
    let dims = fix_unknown_dimension(newshape, layout.size())?;
    // `(0,)` reshaped to `(0, 2^62, 2^62)` has the right size, but is too big.
    check_shape(&dims, layout.itemsize())?;
    let contiguous = match order {
        Order::F => layout.is_f_contiguous(),
        _ => layout.is_c_contiguous(),
    };
    let itemsize = layout.itemsize();
    // Strides filled in afresh; F order only matters with 2 or more axes.
    let fill = if order == Order::F && dims.len() > 1 { Order::F } else { Order::C };
    if contiguous {
        let mut new = Layout::filled(&dims, itemsize, fill);
        new.offset = layout.offset();
        return Ok(Plan::View(new));
    }
    if let Some(strides) = attempt_nocopy_reshape(layout, &dims, order) {
        return Ok(Plan::View(Layout::from_parts(dims, strides, layout.offset(), itemsize)));
    }
    Ok(Plan::Copy { order, layout: Layout::filled(&dims, itemsize, fill) })
}

/// The flat view `ravel` gives in `order`, if it gives one (`PyArray_Ravel`).
fn ravel_view(layout: &Layout, order: Order) -> Option<Layout> {
    let itemsize = layout.itemsize();
    let flat = || {
        let mut l = Layout::filled(&[layout.size()], itemsize, Order::C);
        l.offset = layout.offset();
        l
    };
    let order = match order {
        Order::K if layout.is_c_contiguous() => Order::C,
        Order::K if layout.is_f_contiguous() => Order::F,
        Order::A if is_fortran(layout) => Order::F,
        Order::A => Order::C,
        other => other,
    };
    match order {
        Order::C if layout.is_c_contiguous() => Some(flat()),
        Order::F if layout.is_f_contiguous() => Some(flat()),
        Order::K => {
            // A view if the strides, sorted, describe a contiguous block
            // walked forwards.
            let perm = sorted_stride_perm(layout);
            let mut expected = itemsize as isize;
            for &axis in perm.iter().rev() {
                let dim = layout.shape()[axis];
                if dim == 1 {
                    continue;
                }
                if layout.strides()[axis] != expected {
                    return None;
                }
                expected *= dim as isize;
            }
            Some(flat())
        }
        _ => None,
    }
}

impl<S: Storage> ArrayBase<S> {
    /// The elements in a new shape, in C order: a view when NumPy's no-copy
    /// rule allows, a copy otherwise. One entry of `shape` may be `-1`
    /// ("whatever is left").
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(12);
    /// let r = a.reshape([3, -1])?;
    /// assert!(r.is_view());
    /// assert_eq!(r.view().shape(), &[3, 4]);
    /// // Every second element: not contiguous, but chained, so still a view.
    /// assert!(a.slice(s![::2])?.reshape([2, 3])?.is_view());
    /// // A transpose cannot be read in C order without moving elements.
    /// assert!(r.view().t().reshape([12])?.is_copy());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn reshape(&self, shape: impl AsRef<[isize]>) -> Result<CowArray<'_, S::Elem>> {
        self.reshape_order(shape, Order::C)
    }

    /// [`reshape`](ArrayBase::reshape) reading and writing the elements in
    /// `order` (`C`, `F`, or `A`; NumPy does not allow `K`).
    ///
    /// ```
    /// use ndview::{Array, Order};
    /// let a = Array::arange(6);
    /// let f = a.reshape_order([2, 3], Order::F)?;
    /// assert_eq!(f.view().to_vec(), vec![0, 2, 4, 1, 3, 5]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn reshape_order(&self, shape: impl AsRef<[isize]>, order: Order) -> Result<CowArray<'_, S::Elem>> {
        Ok(match plan_reshape(&self.layout, shape.as_ref(), order)? {
            Plan::View(layout) => CowArray::View(self.view_with(layout)),
            Plan::Copy { order, layout } => {
                let data = gather(self.data.as_slice(), &self.layout, order)?;
                CowArray::Owned(Array { data, layout })
            }
        })
    }

    /// A reshape that must not copy: the view, or an error saying why not
    /// (NumPy 2.1's `reshape(..., copy=False)`).
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!(a.reshape_view([2, 6])?.strides(), &[48, 8]);
    /// let err = a.t().reshape_view([12]).unwrap_err();
    /// assert!(err.to_string().starts_with("Unable to avoid creating a copy while reshaping"));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn reshape_view(&self, shape: impl AsRef<[isize]>) -> Result<ArrayView<'_, S::Elem>> {
        match plan_reshape(&self.layout, shape.as_ref(), Order::C)? {
            Plan::View(layout) => Ok(self.view_with(layout)),
            Plan::Copy { layout, .. } => Err(Error::ReshapeNeedsCopy {
                from: self.shape().to_vec(),
                strides: self.strides().to_vec(),
                to: layout.shape().to_vec(),
            }),
        }
    }

    /// The elements as one axis, in C order: a view exactly when NumPy's
    /// `ravel` gives one (the array is C-contiguous), a copy otherwise.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let data = Array::arange(12).into_shape([3, 4])?;
    /// assert!(data.ravel().is_view());
    /// assert!(data.slice(s![:, :2])?.ravel().is_copy());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    ///
    /// # Panics
    /// If a copy is needed and its memory cannot be allocated;
    /// [`try_ravel`](ArrayBase::try_ravel) returns the error instead.
    pub fn ravel(&self) -> CowArray<'_, S::Elem> {
        self.ravel_order(Order::C)
    }

    /// [`ravel`](ArrayBase::ravel), or NumPy's `MemoryError` when a copy is
    /// needed and cannot be allocated.
    ///
    /// ```
    /// use ndview::Array;
    /// let x = Array::from_vec(vec![1_i64], [1])?;
    /// assert!(x.try_ravel()?.is_view());
    /// // 2^40 repeats of one element are not contiguous: a copy of 8 TiB.
    /// let err = x.as_strided([1 << 40], [0])?.try_ravel().unwrap_err();
    /// assert!(err.to_string().starts_with("Unable to allocate 8.00 TiB"));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_ravel(&self) -> Result<CowArray<'_, S::Elem>> {
        self.try_ravel_order(Order::C)
    }

    /// [`ravel_order`](ArrayBase::ravel_order), or NumPy's `MemoryError`.
    ///
    /// ```
    /// use ndview::{Array, Order};
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// assert!(a.t().try_ravel_order(Order::F)?.is_view());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_ravel_order(&self, order: Order) -> Result<CowArray<'_, S::Elem>> {
        Ok(match ravel_view(&self.layout, order) {
            Some(layout) => CowArray::View(self.view_with(layout)),
            None => CowArray::Owned(self.try_flatten_order(order)?),
        })
    }

    /// [`ravel`](ArrayBase::ravel) in `order`; `K` gives a view whenever the
    /// elements are one contiguous block walked forwards.
    ///
    /// ```
    /// use ndview::{Array, Order};
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert!(a.t().ravel_order(Order::K).is_view());
    /// assert!(a.t().ravel_order(Order::C).is_copy());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    ///
    /// # Panics
    /// As [`ravel`](ArrayBase::ravel).
    pub fn ravel_order(&self, order: Order) -> CowArray<'_, S::Elem> {
        self.try_ravel_order(order).unwrap_or_else(|e| panic!("{e}"))
    }
}

impl<T: Element> Array<T> {
    /// The same array in a new shape, keeping its buffer when NumPy's
    /// no-copy rule allows (it always does for a freshly made array).
    ///
    /// ```
    /// use ndview::Array;
    /// let data = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!((data.shape(), data.strides()), (&[3, 4][..], &[32, 8][..]));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn into_shape(self, shape: impl AsRef<[isize]>) -> Result<Array<T>> {
        Ok(match plan_reshape(&self.layout, shape.as_ref(), Order::C)? {
            Plan::View(layout) => Array { data: self.data, layout },
            Plan::Copy { order, layout } => {
                let copy = copy_in_order(&self.data, &self.layout, order)?;
                Array { data: copy.data, layout }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(shape: &[usize], strides: &[isize], new: &[isize]) -> Option<Vec<isize>> {
        let len = 1000;
        let l = Layout::new(shape, strides, 0, 8, len).unwrap();
        match plan_reshape(&l, new, Order::C).unwrap() {
            Plan::View(v) => Some(v.strides().to_vec()),
            Plan::Copy { .. } => None,
        }
    }

    #[test]
    fn nocopy_examples_from_numpy() {
        // arange(12)[::2] reshaped
        assert_eq!(plan(&[6], &[16], &[1, 6]), Some(vec![96, 16]));
        assert_eq!(plan(&[6], &[16], &[6, 1]), Some(vec![16, 16]));
        assert_eq!(plan(&[6], &[16], &[2, 1, 3]), Some(vec![48, 48, 16]));
        // a transpose needs a copy
        assert_eq!(plan(&[4, 3], &[8, 32], &[12]), None);
    }

    #[test]
    fn unknown_dimension_rules() {
        assert_eq!(&*fix_unknown_dimension(&[3, -1], 12).unwrap(), &[3, 4]);
        assert_eq!(&*fix_unknown_dimension(&[5, -1], 0).unwrap(), &[5, 0]);
        assert_eq!(fix_unknown_dimension(&[-1, -1], 12), Err(Error::MultipleUnknownDimensions));
        assert!(fix_unknown_dimension(&[0, -1], 12).is_err());
    }
}
