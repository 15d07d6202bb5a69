//! `take`, `compress`, `nonzero`, `argwhere`: indexing by lists along one
//! axis, and the positions of the non-zero elements.
//!
//! NumPy: `PyArray_TakeFrom`, `npy_fasttake_impl`, `PyArray_Compress` and
//! `PyArray_Nonzero` (`numpy/_core/src/multiarray/item_selection.c`);
//! `np.argwhere` (`numpy/_core/numeric.py`).
//!
//! * `take(a, indices, axis)` is `a[:, …, indices, …]` on one axis, always a
//!   new C-order array of shape `a.shape[:axis] + indices.shape +
//!   a.shape[axis+1:]`; `axis=None` takes from the flattened array. Modes:
//!   `raise` (out-of-range is an error), `wrap` (modulo the length), `clip`
//!   (to the nearest end). An axis of length 0 cannot give a non-empty result.
//! * `compress(condition, a, axis)` is `take(a, nonzero(condition), axis)`: a
//!   condition shorter than the axis counts as false beyond its end; a longer
//!   one is an index error where it is true.
//! * `nonzero(a)` gives one index array per axis, all views of one
//!   `(count, ndim)` buffer (stride `ndim × 8`), in C order of the elements.
//! * `argwhere(a)` is `transpose(nonzero(a))`: a `(count, ndim)` array laid
//!   out as the `(ndim, count)` array it was transposed from.

use crate::array::{Array, ArrayBase, ArrayView, Storage};
use crate::axes::normalize_axis;
use crate::copy::take_blocks;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::index::normalize_index;
use crate::indexing::{IndexItem, Operand};
use crate::layout::{Layout, Order};

/// What `take` does with an index outside `0..len` (NumPy's `mode`).
///
/// ```
/// use ndview::{Array, TakeMode};
/// let a = Array::arange(4);
/// assert_eq!(a.take([5, -5], None, TakeMode::Wrap)?.to_vec(), vec![1, 3]);
/// assert_eq!(a.take([5, -5], None, TakeMode::Clip)?.to_vec(), vec![3, 0]);
/// assert!(a.take([5], None, TakeMode::Raise).is_err());
/// # Ok::<(), ndview::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TakeMode {
    /// An error (`IndexError`); negative indices count from the end.
    #[default]
    Raise,
    /// Modulo the length.
    Wrap,
    /// To the first or the last element.
    Clip,
}

impl<S: Storage> ArrayBase<S> {
    /// NumPy's `np.take(a, indices, axis, mode=mode)`: the elements at
    /// `indices` along `axis` (`None`: of the flattened array), in a new
    /// C-order array.
    ///
    /// ```
    /// use ndview::{Array, TakeMode};
    ///
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// let cols = a.take([3, 0], Some(1), TakeMode::Raise)?;    // np.take(a, [3, 0], axis=1)
    /// assert_eq!(cols.to_string(), "[[ 3  0]\n [ 7  4]\n [11  8]]");
    /// assert_eq!(a.take([[0, 11]], None, TakeMode::Raise)?.shape(), &[1, 2]);
    /// let err = a.take([4], Some(1), TakeMode::Raise).unwrap_err();
    /// assert_eq!(err.to_string(), "index 4 is out of bounds for axis 1 with size 4");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn take(
        &self,
        indices: impl Operand<i64>,
        axis: Option<isize>,
        mode: TakeMode,
    ) -> Result<Array<S::Elem>> {
        let indices = indices.operand();
        let indices = indices.view();
        match axis {
            None => {
                let flat = self.flatten();
                take_along(flat.data.as_slice(), &flat.layout, &indices, 0, mode)
            }
            Some(axis) => {
                let axis = normalize_axis(axis, self.ndim())?;
                take_along(self.data.as_slice(), &self.layout, &indices, axis, mode)
            }
        }
    }

    /// NumPy's `np.compress(condition, a, axis)`: the slices along `axis`
    /// (`None`: the flattened elements) where `condition` is true.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6).into_shape([3, 2])?;
    /// assert_eq!(a.compress([false, true], Some(1))?.to_vec(), vec![1, 3, 5]);
    /// assert_eq!(a.compress([true, false, true], None)?.to_vec(), vec![0, 2]);
    /// let err = a.compress([false, false, false, true], Some(0)).unwrap_err();
    /// assert_eq!(err.to_string(), "index 3 is out of bounds for axis 0 with size 3");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn compress(&self, condition: impl Operand<bool>, axis: Option<isize>) -> Result<Array<S::Elem>> {
        let condition = condition.operand();
        let condition = condition.view();
        if condition.ndim() != 1 {
            return Err(Error::ConditionNot1d);
        }
        let picked: Vec<i64> =
            condition.iter().enumerate().filter(|(_, c)| **c).map(|(i, _)| i as i64).collect();
        self.take(picked, axis, TakeMode::Raise)
    }

    /// NumPy's `np.nonzero(a)`: the positions of the elements that are not
    /// zero (not `false`), one index array per axis, in C order. The arrays
    /// are strided views of one `(count, ndim)` buffer, as in NumPy.
    ///
    /// ```
    /// use ndview::{ix, Array};
    ///
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// let nz = a.gt(3)?.nonzero()?;
    /// assert_eq!(nz.get(0).to_vec(), vec![1, 1]);   // rows
    /// assert_eq!(nz.get(1).to_vec(), vec![1, 2]);   // columns
    /// assert_eq!(nz.get(1).strides(), &[16]);
    /// assert_eq!(a.select(nz.index())?.to_vec(), vec![4, 5]);  // a[np.nonzero(a > 3)]
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn nonzero(&self) -> Result<Nonzero> {
        if self.ndim() == 0 {
            return Err(Error::NonzeroZeroD { is_bool: S::Elem::DTYPE == "bool" });
        }
        let ndim = self.ndim();
        let zero = S::Elem::zero();
        let count = self.iter().filter(|&&x| x != zero).count();
        let mut coords = Vec::with_capacity(count * ndim);
        let mut index = vec![0i64; ndim];
        let shape = self.shape();
        for &x in self.iter() {
            if x != zero {
                coords.extend_from_slice(&index);
            }
            for axis in (0..ndim).rev() {
                index[axis] += 1;
                if (index[axis] as usize) < shape[axis] {
                    break;
                }
                index[axis] = 0;
            }
        }
        Ok(Nonzero { coords, count, ndim })
    }

    /// NumPy's `np.argwhere(a)`: the positions of the non-zero elements, one
    /// row per element, shape `(count, ndim)`. Like NumPy's (a transpose of
    /// `nonzero`), the array is F-ordered: strides `(8, 8 × count)`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// let w = a.gt(3)?.argwhere();
    /// assert_eq!(w.to_string(), "[[1 1]\n [1 2]]");
    /// assert_eq!(w.strides(), &[8, 16]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn argwhere(&self) -> Array<i64> {
        if self.ndim() == 0 {
            let one = self.view_with(Layout::from_parts(
                crate::axis_vec::AxisVec::from_slice(&[1]),
                crate::axis_vec::AxisVec::from_slice(&[0]),
                self.offset(),
                self.itemsize(),
            ));
            let w = one.argwhere();
            // argwhere(atleast_1d(a))[:, :0]
            let (count, stride) = (w.shape()[0], w.strides()[0]);
            let layout = Layout::from_parts(
                crate::axis_vec::AxisVec::from_slice(&[count, 0]),
                crate::axis_vec::AxisVec::from_slice(&[stride, w.strides()[1]]),
                0,
                8,
            );
            return Array { data: w.data, layout };
        }
        let nz = self.nonzero().expect("not 0-d");
        let (count, ndim) = (nz.count, nz.ndim);
        let mut data = vec![0i64; count * ndim];
        for i in 0..count {
            for k in 0..ndim {
                data[k * count + i] = nz.coords[i * ndim + k];
            }
        }
        let mut layout = Layout::fresh(&[ndim, count], 8, Order::C);
        layout = crate::axes::permuted(&layout, &[1, 0]);
        Array { data, layout }
    }
}

/// The index of one `take`: checked as NumPy checks it, then turned into
/// element offsets along `axis`, then copied block by block.
fn take_along<T: Element>(
    data: &[T],
    layout: &Layout,
    indices: &ArrayView<'_, i64>,
    axis: usize,
    mode: TakeMode,
) -> Result<Array<T>> {
    let shape = layout.shape();
    let max_item = shape[axis];
    let out_shape: Vec<usize> =
        shape[..axis].iter().chain(indices.shape()).chain(&shape[axis + 1..]).copied().collect();
    let size = crate::layout::check_shape(&out_shape, layout.itemsize())?;
    if max_item == 0 && size != 0 {
        return Err(Error::EmptyTake);
    }
    let n: usize = shape[..axis].iter().product();
    let isz = layout.itemsize() as isize;
    let stride = layout.strides()[axis] / isz;
    let mut offsets = Vec::with_capacity(indices.size());
    for &v in indices.iter() {
        let m = max_item as i64;
        let i = match mode {
            TakeMode::Raise if n > 0 => {
                normalize_index(v.clamp(isize::MIN as i64, isize::MAX as i64) as isize, axis, max_item)?
                    as i64
            }
            TakeMode::Raise => 0,
            TakeMode::Wrap => v.rem_euclid(m.max(1)),
            TakeMode::Clip => v.clamp(0, (m - 1).max(0)),
        };
        offsets.push(i as isize * stride);
    }
    let strides: Vec<isize> = layout.strides().iter().map(|s| s / isz).collect();
    let mut out = crate::alloc::try_with_capacity(size, &out_shape)?;
    if size > 0 {
        take_blocks(
            data,
            layout.offset() / isz,
            (&shape[..axis], &strides[..axis]),
            &offsets,
            (&shape[axis + 1..], &strides[axis + 1..]),
            &mut out,
        );
    }
    Array::from_vec(out, out_shape)
}

/// The result of [`nonzero`](ArrayBase::nonzero): one index array per axis,
/// views of one `(count, ndim)` buffer.
///
/// ```
/// use ndview::Array;
/// let nz = Array::from_slice(&[0_i64, 7, 0, 9]).nonzero()?;
/// assert_eq!((nz.len(), nz.count()), (1, 2));
/// assert_eq!(nz.get(0).to_vec(), vec![1, 3]);
/// # Ok::<(), ndview::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nonzero {
    coords: Vec<i64>,
    count: usize,
    ndim: usize,
}

impl Nonzero {
    /// The number of index arrays (the number of axes of the input).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::<i64>::zeros([2, 3]).nonzero()?.len(), 2);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.ndim
    }

    /// Whether there are no index arrays (never: 0-d input is an error).
    ///
    /// ```
    /// use ndview::Array;
    /// assert!(!Array::arange(2).nonzero()?.is_empty());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.ndim == 0
    }

    /// The number of non-zero elements.
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(4).nonzero()?.count(), 3);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn count(&self) -> usize {
        self.count
    }

    /// The index array of `axis`: a view with stride `ndim × 8` bytes into the
    /// shared buffer, starting at its column.
    ///
    /// # Panics
    /// If `axis >= self.len()`.
    ///
    /// ```
    /// use ndview::Array;
    /// let nz = Array::arange(6).into_shape([3, 2])?.nonzero()?;
    /// assert_eq!(nz.get(1).offset(), 8);
    /// assert_eq!(nz.get(1).to_vec(), vec![1, 0, 1, 0, 1]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn get(&self, axis: usize) -> ArrayView<'_, i64> {
        assert!(axis < self.ndim, "axis {axis} of a nonzero result with {} arrays", self.ndim);
        let offset = if self.count == 0 { 0 } else { axis as isize * 8 };
        ArrayView::from_parts(&self.coords, [self.count], [self.ndim as isize * 8], offset)
            .expect("the column lies in the buffer")
    }

    /// All index arrays, in axis order.
    ///
    /// ```
    /// use ndview::Array;
    /// let nz = Array::arange(4).into_shape([2, 2])?.nonzero()?;
    /// assert_eq!(nz.arrays().len(), 2);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn arrays(&self) -> Vec<ArrayView<'_, i64>> {
        (0..self.ndim).map(|k| self.get(k)).collect()
    }

    /// The index arrays as an index, for `a.select(nz.index())` (NumPy's
    /// `a[np.nonzero(m)]`).
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(5);
    /// assert_eq!(a.select(a.gt(2)?.nonzero()?.index())?.to_vec(), vec![3, 4]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn index(&self) -> Vec<IndexItem<'_>> {
        (0..self.ndim).map(|k| IndexItem::IntArray(crate::CowArray::View(self.get(k)))).collect()
    }
}
