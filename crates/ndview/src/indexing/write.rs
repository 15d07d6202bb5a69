//! Writing through an index: `a[index] = v` (`array_assign_subscript`),
//! `a[index] += v` (get, add, set) and `np.add.at(a, index, v)` (`ufunc_at`).

use crate::array::{ArrayBase, ArrayView, StorageMut};
use crate::axis_vec::AxisVec;
use crate::broadcast::{broadcast_shapes, broadcast_to};
use crate::copy::{Block, for_each_pair, scatter_indexed};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::iter::Positions;
use crate::layout::{Dims, Layout, Strides};

use super::item::{IndexItem, Operand};
use super::plan::{Plan, Prepared, prepare, transpose_perm};
use super::select::{gather_mask, gather_plan};

/// Element types with NumPy's `+`: integers wrap around on overflow (as
/// NumPy's do, silently), floats add, booleans `or` (`np.add` on `bool`).
///
/// ```
/// use ndview::WrappingAdd;
/// assert_eq!(i64::MAX.wrapping_add_elem(1), i64::MIN);
/// assert!(true.wrapping_add_elem(true));
/// assert_eq!(0.5.wrapping_add_elem(0.25), 0.75);
/// ```
pub trait WrappingAdd: Element {
    /// `self + other` as NumPy computes it for this type.
    ///
    /// ```
    /// use ndview::WrappingAdd;
    /// assert_eq!(250_u8.wrapping_add_elem(10), 4);
    /// ```
    fn wrapping_add_elem(self, other: Self) -> Self;
}

macro_rules! wrapping_add {
    ($($t:ty)*) => {$(
        impl WrappingAdd for $t {
            #[inline]
            fn wrapping_add_elem(self, other: Self) -> Self { self.wrapping_add(other) }
        }
    )*};
}
wrapping_add!(i8 i16 i32 i64 u8 u16 u32 u64);

impl WrappingAdd for f64 {
    #[inline]
    fn wrapping_add_elem(self, other: Self) -> Self {
        self + other
    }
}

impl WrappingAdd for bool {
    #[inline]
    fn wrapping_add_elem(self, other: Self) -> Self {
        self | other
    }
}

/// The value of a basic assignment read as the view's shape
/// (`PyArray_AssignArray`: leading length-1 axes of the value may go, then
/// it broadcasts).
fn basic_value(value: &Layout, into: &[usize]) -> Result<Layout> {
    let mut v = value.clone();
    while v.ndim() > into.len() && v.shape[0] == 1 {
        v = Layout::from_parts(
            AxisVec::from_slice(&v.shape[1..]),
            AxisVec::from_slice(&v.strides[1..]),
            v.offset,
            v.itemsize,
        );
    }
    broadcast_to(&v, into)
        .ok_or_else(|| Error::InputBroadcast { from: value.shape().to_vec(), into: into.to_vec() })
}

/// Combines every element of `layout` over `dst` with the value read through
/// `value` (already broadcast to the same shape), in C order.
fn write_basic<T: Copy>(
    dst: &mut [T],
    layout: &Layout,
    src: &[T],
    value: &Layout,
    mut f: impl FnMut(&mut T, T),
) {
    let (di, si) = (layout.itemsize() as isize, value.itemsize() as isize);
    let ds: Strides = layout.strides().iter().map(|s| s / di).collect();
    let ss: Strides = value.strides().iter().map(|s| s / si).collect();
    for_each_pair(layout.shape(), &ds, layout.offset() / di, &ss, value.offset() / si, |d, s| {
        f(&mut dst[d as usize], src[s as usize])
    });
}

/// The value of an advanced assignment read in the plan's iteration order
/// (index axes first), following `PyArray_MapIterNew` with an `extra_op`:
/// leading length-1 axes beyond the result's may go; the axes are moved
/// like the result's; then it broadcasts, or "shape mismatch: value array
/// ...".
fn plan_value(plan: &Plan<'_>, value: &Layout, result_shape: &[usize]) -> Result<Layout> {
    let nd = plan.ndim();
    let mismatch = || Error::ValueBroadcast { value: value.shape().to_vec(), result: result_shape.to_vec() };
    let mut v = value.clone();
    if v.ndim() > nd {
        let keep = v.ndim() - nd;
        let tail: usize = v.shape[keep..].iter().product();
        if tail != v.size() {
            return Err(mismatch());
        }
        v = Layout::from_parts(
            AxisVec::from_slice(&v.shape[keep..]),
            AxisVec::from_slice(&v.strides[keep..]),
            v.offset,
            v.itemsize,
        );
    }
    if plan.consec > 0 {
        v = move_value_axes(&v, plan, nd);
    }
    if plan.sub.is_some() && plan.sub_size() == 1 {
        // The subspace is not iterated: its axes of the value must be 1.
        let j = plan.sub_parts().0.len().min(v.ndim());
        if v.shape[v.ndim() - j..].iter().any(|&d| d != 1) {
            return Err(mismatch());
        }
    }
    let iter_shape: Dims = plan.fshape.iter().chain(plan.sub_parts().0).copied().collect();
    broadcast_to(&v, &iter_shape).ok_or_else(mismatch)
}

/// `PyArray_MapIterSwapAxes(.., getmap=0)`: length-1 axes in front up to
/// `nd`, then the index axes moved to the front.
fn move_value_axes(v: &Layout, plan: &Plan<'_>, nd: usize) -> Layout {
    let pad = nd - v.ndim();
    let shape: Dims = std::iter::repeat_n(1, pad).chain(v.shape.iter().copied()).collect();
    let strides: Strides = std::iter::repeat_n(0, pad).chain(v.strides.iter().copied()).collect();
    let padded = Layout::from_parts(shape, strides, v.offset, v.itemsize);
    crate::axes::permuted(&padded, &transpose_perm(plan.fshape.len(), plan.consec, nd, false))
}

/// Writes `src` (read through `value`, in the plan's iteration order)
/// through the plan into `dst`, combining with `f`.
fn scatter_plan<T: Copy>(
    dst: &mut [T],
    plan: &Plan<'_>,
    itemsize: usize,
    src: &[T],
    value: &Layout,
    f: impl FnMut(&mut T, T),
) {
    let isz = itemsize as isize;
    let nf = plan.fshape.len();
    let vs: Vec<isize> = value.strides().iter().map(|s| s / isz).collect();
    let (sub_shape, sub_strides) = plan.sub_parts();
    let perm = plan.sub_perm();
    let shape: Vec<usize> = perm.iter().map(|&a| sub_shape[a]).collect();
    let indexed: Vec<isize> = perm.iter().map(|&a| sub_strides[a] / isz).collect();
    let other: Vec<isize> = perm.iter().map(|&a| vs[nf + a]).collect();
    let block = Block { shape: &shape, indexed: &indexed, other: &other };
    let offsets = plan.offsets();
    scatter_indexed(dst, plan.base, &offsets, &plan.fshape, src, value.offset() / isz, &vs[..nf], &block, f);
}

/// `array_assign_boolean_subscript`: the value has 0 or 1 axes, and one
/// element or one per `true`.
fn assign_mask<T: Copy>(
    dst: &mut [T],
    layout: &Layout,
    mask: &ArrayView<'_, bool>,
    src: &[T],
    value: &Layout,
) -> Result<()> {
    if value.ndim() > 1 {
        return Err(Error::BoolAssignNdim { ndim: value.ndim() });
    }
    let count = mask.iter().filter(|&&m| m).count();
    if value.ndim() == 1 && value.shape[0] != 1 && value.shape[0] != count {
        return Err(Error::BoolAssignCount { values: value.shape[0], count });
    }
    let vstep = if value.ndim() == 1 && value.shape[0] != 1 { value.strides[0] } else { 0 };
    let isz = value.itemsize() as isize;
    let mut v = value.offset() / isz;
    let mask_data = mask.buffer();
    for (d, m) in Positions::new(layout).zip(Positions::new(mask.layout())) {
        if mask_data[m] {
            dst[d] = src[v as usize];
            v += vstep / isz;
        }
    }
    Ok(())
}

/// The ufunc rule of an in-place `out += v`: the inputs broadcast together,
/// to exactly the output's shape. Returns `v` read as `out`'s shape.
fn inplace_value(out: &[usize], v: &Layout) -> Result<Layout> {
    let shapes = [out, v.shape(), out];
    let Some(b) = broadcast_shapes(&shapes) else {
        return Err(Error::OperandsBroadcast { shapes: shapes.iter().map(|s| s.to_vec()).collect() });
    };
    if &*b != out {
        return Err(Error::OutputBroadcast { output: out.to_vec(), broadcast: b.to_vec() });
    }
    Ok(broadcast_to(v, out).expect("checked above"))
}

impl<S: StorageMut> ArrayBase<S> {
    /// NumPy's `a[index] = value`, in place: the value (a scalar, a list or
    /// an array) is broadcast to the shape the index selects. A repeated
    /// index is written once per repeat; the last write wins.
    ///
    /// ```
    /// use ndview::{ix, Array};
    ///
    /// let mut a = Array::arange(12).into_shape([3, 4])?;
    /// let mask = a.gt(8)?;
    /// a.assign_at(ix![&mask], 0)?;                  // a[a > 8] = 0
    /// a.assign_at(ix![[0, 1], 1:3], [[-1, -2]])?;  // broadcast to (2, 2)
    /// assert_eq!(a.to_string(), "[[ 0 -1 -2  3]\n [ 4 -1 -2  7]\n [ 8  0  0  0]]");
    /// let err = a.assign_at(ix![[0, 1]], [1, 2, 3]).unwrap_err();
    /// assert_eq!(err.to_string(), "shape mismatch: value array of shape (3,) \
    ///     could not be broadcast to indexing result of shape (2,4)");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn assign_at<'a>(
        &mut self,
        index: impl AsRef<[IndexItem<'a>]>,
        value: impl Operand<S::Elem>,
    ) -> Result<()> {
        let value = value.operand();
        let vview = value.view();
        let (vdata, vlayout) = (vview.buffer(), vview.layout().clone());
        match prepare(&self.layout, index.as_ref(), true)? {
            Prepared::Basic { layout, .. } => {
                let v = basic_value(&vlayout, layout.shape())?;
                write_basic(self.data.as_mut_slice(), &layout, vdata, &v, |d, s| *d = s);
            }
            Prepared::Mask(mask) => {
                assign_mask(self.data.as_mut_slice(), &self.layout, &mask, vdata, &vlayout)?;
            }
            Prepared::Advanced(plan) => {
                let result = plan.result_layout(self.itemsize()).result;
                let v = plan_value(&plan, &vlayout, result.shape())?;
                plan.check_bounds()?;
                let itemsize = self.itemsize();
                scatter_plan(self.data.as_mut_slice(), &plan, itemsize, vdata, &v, |d, s| *d = s);
            }
        }
        Ok(())
    }
}

impl<S: StorageMut> ArrayBase<S>
where
    S::Elem: WrappingAdd,
{
    /// NumPy's `a[index] += value`, which Python runs as `a[index] =
    /// a[index] + value` ("buffered"): every selected element is read once,
    /// added to, and written back, so an index repeated `k` times still adds
    /// **once** (the last write wins). See [`add_at`](ArrayBase::add_at)
    /// for adding once per repeat.
    ///
    /// ```
    /// use ndview::{ix, Array};
    ///
    /// let mut a = Array::<i64>::zeros([4]);
    /// a.add_assign_at(ix![[0, 0, 0, 2]], 1)?;   // a[[0, 0, 0, 2]] += 1
    /// assert_eq!(a.to_vec(), vec![1, 0, 1, 0]);
    /// let mut b = Array::<i64>::zeros([4]);
    /// b.add_at(ix![[0, 0, 0, 2]], 1)?;          // np.add.at(b, [0, 0, 0, 2], 1)
    /// assert_eq!(b.to_vec(), vec![3, 0, 1, 0]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn add_assign_at<'a>(
        &mut self,
        index: impl AsRef<[IndexItem<'a>]>,
        value: impl Operand<S::Elem>,
    ) -> Result<()> {
        let value = value.operand();
        let vview = value.view();
        let (vdata, vlayout) = (vview.buffer(), vview.layout().clone());
        let itemsize = self.itemsize();
        let add = |d: &mut S::Elem, s: S::Elem| *d = d.wrapping_add_elem(s);
        match prepare(&self.layout, index.as_ref(), true)? {
            Prepared::Basic { layout, .. } => {
                // Read all, add, write all back: also right when the view
                // reaches one element twice (NumPy copies such an output).
                let tmp = self.view_with(layout.clone()).copy();
                let v = inplace_value(layout.shape(), &vlayout)?;
                let mut tmp = tmp;
                write_basic(&mut tmp.data, &tmp.layout.clone(), vdata, &v, add);
                write_basic(self.data.as_mut_slice(), &layout, &tmp.data, &tmp.layout, |d, s| *d = s);
            }
            Prepared::Mask(mask) => {
                let mut tmp = gather_mask(self.data.as_slice(), &self.layout, &mask);
                let v = inplace_value(tmp.shape(), &vlayout)?;
                let tl = tmp.layout.clone();
                write_basic(&mut tmp.data, &tl, vdata, &v, add);
                assign_mask(self.data.as_mut_slice(), &self.layout, &mask, &tmp.data, &tl)?;
            }
            Prepared::Advanced(plan) => {
                let mut tmp = gather_plan(self.data.as_slice(), &self.layout, &plan)?;
                let v = inplace_value(tmp.shape(), &vlayout)?;
                let tl = tmp.layout.clone();
                write_basic(&mut tmp.data, &tl, vdata, &v, add);
                let v = plan_value(&plan, &tl, tl.shape())?;
                scatter_plan(self.data.as_mut_slice(), &plan, itemsize, &tmp.data, &v, |d, s| *d = s);
            }
        }
        Ok(())
    }

    /// NumPy's `np.add.at(a, index, value)` ("unbuffered"): adds `value`
    /// (broadcast to the shape the index selects) to every selected element,
    /// once **per occurrence**, so a repeated index adds repeatedly.
    ///
    /// ```
    /// use ndview::{ix, Array};
    ///
    /// let mut counts = Array::<i64>::zeros([3]);
    /// let labels = Array::from_vec(vec![0_i64, 2, 2, 1, 2], [5])?;
    /// counts.add_at(ix![&labels], 1)?;          // a histogram
    /// assert_eq!(counts.to_vec(), vec![1, 1, 3]);
    /// let err = counts.add_at(ix![[0, 1]], [1, 2, 3]).unwrap_err();
    /// assert_eq!(err.to_string(), "array is not broadcastable to correct shape");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn add_at<'a>(
        &mut self,
        index: impl AsRef<[IndexItem<'a>]>,
        value: impl Operand<S::Elem>,
    ) -> Result<()> {
        let value = value.operand();
        let vview = value.view();
        let (vdata, vlayout) = (vview.buffer(), vview.layout().clone());
        let itemsize = self.itemsize();
        let add = |d: &mut S::Elem, s: S::Elem| *d = d.wrapping_add_elem(s);
        match prepare(&self.layout, index.as_ref(), false)? {
            Prepared::Basic { layout, .. } => {
                let v = broadcast_to(&vlayout, layout.shape()).ok_or(Error::NotBroadcastable)?;
                write_basic(self.data.as_mut_slice(), &layout, vdata, &v, add);
            }
            Prepared::Mask(_) => unreachable!("add_at parses masks as index arrays"),
            Prepared::Advanced(plan) => {
                plan.check_bounds()?;
                let nd = plan.ndim();
                if vlayout.ndim() > nd {
                    return Err(Error::NotBroadcastable);
                }
                let v = if plan.sub.is_some() && plan.consec > 0 {
                    move_value_axes(&vlayout, &plan, nd)
                } else {
                    vlayout
                };
                let iter_shape: Dims = plan.fshape.iter().chain(plan.sub_parts().0).copied().collect();
                let v = broadcast_to(&v, &iter_shape).ok_or(Error::NotBroadcastable)?;
                scatter_plan(self.data.as_mut_slice(), &plan, itemsize, vdata, &v, add);
            }
        }
        Ok(())
    }
}
