//! Reading through an index: `a[index]` (`array_subscript`).

use crate::array::{Array, ArrayBase, Storage};
use crate::copy::{Block, copy_in_order, gather_indexed, mask_select};
use crate::cow::CowArray;
use crate::element::Element;
use crate::error::Result;
use crate::layout::{Layout, Order};

use super::item::IndexItem;
use super::plan::{Plan, Prepared, prepare};

/// The new array an advanced index selects from `data` (viewed by `layout`),
/// in NumPy's layout. Bounds are checked here.
pub(crate) fn gather_plan<T: Element>(data: &[T], layout: &Layout, plan: &Plan<'_>) -> Result<Array<T>> {
    plan.check_bounds()?;
    let itemsize = layout.itemsize();
    let shapes = plan.result_layout(itemsize);
    let size = shapes.iter.size();
    let mut out = crate::alloc::try_zeroed(size, shapes.result.shape())?;
    if size > 0 {
        let nf = plan.fshape.len();
        let isz = itemsize as isize;
        let dst: Vec<isize> = shapes.iter.strides().iter().map(|s| s / isz).collect();
        let (sub_shape, sub_strides) = plan.sub_parts();
        // The block is walked in the source's memory order: the result's
        // subspace was allocated in that order, so the inner loop writes
        // contiguously.
        let perm = plan.sub_perm();
        let shape: Vec<usize> = perm.iter().map(|&a| sub_shape[a]).collect();
        let indexed: Vec<isize> = perm.iter().map(|&a| sub_strides[a] / isz).collect();
        let other: Vec<isize> = perm.iter().map(|&a| dst[nf + a]).collect();
        let block = Block { shape: &shape, indexed: &indexed, other: &other };
        gather_indexed(data, plan.base, &plan.offsets(), &plan.fshape, &dst[..nf], &block, &mut out);
    }
    Ok(Array { data: out, layout: shapes.result })
}

/// `a[mask]` for one mask of `a`'s shape: the picked elements in C order.
pub(crate) fn gather_mask<T: Element>(
    data: &[T],
    layout: &Layout,
    mask: &crate::ArrayView<'_, bool>,
) -> Array<T> {
    Array::from_vec_1d(mask_select(data, layout, mask.buffer(), mask.layout()))
}

impl<S: Storage> ArrayBase<S> {
    /// NumPy's `a[index]` for any index: a view ([`CowArray::View`]) when the
    /// index is basic (integers, slices, `newaxis`, `...`), a new array
    /// ([`CowArray::Owned`]) when it holds an integer or boolean array. The
    /// new array has NumPy's layout, which is not always C order.
    ///
    /// ```
    /// use ndview::{ix, shares_memory, Array, CowArray};
    ///
    /// let a = Array::arange(24).into_shape([2, 3, 4])?;
    /// let v = a.at(ix![:, 1:, newaxis])?;           // a[:, 1:, None]
    /// assert!(matches!(v, CowArray::View(_)) && v.layout().shape() == [2, 2, 1, 4]);
    /// let c = a.at(ix![:, [0, 1], :])?;            // a[:, [0, 1], :]
    /// assert!(c.is_copy());
    /// assert_eq!(c.layout().strides(), &[32, 64, 8]); // NumPy's, not C order
    /// assert!(!shares_memory(&a, &c)?);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn at<'a>(&self, index: impl AsRef<[IndexItem<'a>]>) -> Result<CowArray<'_, S::Elem>> {
        let data = self.data.as_slice();
        Ok(match prepare(&self.layout, index.as_ref(), true)? {
            Prepared::Basic { layout, copy: false } => CowArray::View(self.view_with(layout)),
            Prepared::Basic { layout, copy: true } => {
                CowArray::Owned(copy_in_order(data, &layout, Order::K)?)
            }
            Prepared::Mask(mask) => CowArray::Owned(gather_mask(data, &self.layout, &mask)),
            Prepared::Advanced(plan) => CowArray::Owned(gather_plan(data, &self.layout, &plan)?),
        })
    }

    /// The elements an index picks, always as a new array: NumPy's
    /// `a[index]` for an advanced index (and a copy of the view for a basic
    /// one). See the [module rules](crate::ix) for the index syntax.
    ///
    /// ```
    /// use ndview::{ix, Array};
    ///
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// let rows = a.select(ix![[2, 0, 2]])?;                     // a[[2, 0, 2]]
    /// assert_eq!(rows.to_string(), "[[ 8  9 10 11]\n [ 0  1  2  3]\n [ 8  9 10 11]]");
    /// let corners = a.select(ix![[0, -1], [0, -1]])?;          // a[[0, -1], [0, -1]]
    /// assert_eq!(corners.to_vec(), vec![0, 11]);
    /// let err = a.select(ix![[3]]).unwrap_err();
    /// assert_eq!(err.to_string(), "index 3 is out of bounds for axis 0 with size 3");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn select<'a>(&self, index: impl AsRef<[IndexItem<'a>]>) -> Result<Array<S::Elem>> {
        Ok(self.at(index)?.into_owned())
    }
}
