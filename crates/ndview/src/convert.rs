//! Conversions to and from `ndarray`, without copying where the layout allows.
//!
//! The two crates describe memory the same way, with one difference: ndarray
//! counts strides in elements, ndview (like NumPy) in bytes. So:
//!
//! * **ndview → ndarray** is always zero-copy: any ndview view can be shown as
//!   an `ndarray::ArrayViewD` with the same elements (built with ndarray's safe
//!   constructor over the bytes the view spans, then with the axes that step
//!   backwards flipped);
//! * **ndarray → ndview** is zero-copy when the ndarray view's elements fill
//!   their span of memory with no gaps (ndarray's `to_slice_memory_order`),
//!   and a copy otherwise: an ndview view holds a slice of its whole span, and a
//!   span with gaps may contain elements that another (mutable) ndarray view
//!   owns, so it must not be borrowed;
//! * an owned ndarray array becomes an owned ndview array with the same buffer.

use ndarray::{Axis, Dimension, IxDyn, ShapeBuilder};

use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, Storage, StorageMut};
use crate::cow::CowArray;
use crate::element::Element;
use crate::layout::Layout;

/// Shape, element strides made non-negative, the lowest element's position,
/// and which axes run backwards.
fn ndarray_parts(layout: &Layout) -> (Vec<usize>, Vec<usize>, usize, Vec<usize>) {
    let itemsize = layout.itemsize() as isize;
    let shape = layout.shape().to_vec();
    let mut low = layout.offset() / itemsize;
    let mut backwards = Vec::new();
    let mut strides = Vec::with_capacity(shape.len());
    for (axis, (&d, &s)) in shape.iter().zip(layout.strides()).enumerate() {
        let s = s / itemsize;
        if s < 0 {
            backwards.push(axis);
            if d > 0 {
                low += s * (d as isize - 1);
            }
        }
        strides.push(s.unsigned_abs());
    }
    let low = if layout.size() == 0 { 0 } else { low as usize };
    (shape, strides, low, backwards)
}

impl<S: Storage> ArrayBase<S> {
    /// This array as an `ndarray` view of the same elements, without copying.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// let v = a.slice(s![::-1, 1::2])?;
    /// let nd = v.to_ndarray();
    /// assert_eq!(nd.shape(), &[3, 2]);
    /// assert_eq!(nd.strides(), &[-4, 2]); // elements, not bytes
    /// assert_eq!(nd[[0, 0]], 9);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn to_ndarray(&self) -> ndarray::ArrayViewD<'_, S::Elem> {
        let (shape, strides, low, backwards) = ndarray_parts(&self.layout);
        let data = self.data.as_slice();
        let mut view = ndarray::ArrayView::from_shape(IxDyn(&shape).strides(IxDyn(&strides)), &data[low..])
            .expect("an ndview layout stays inside its buffer");
        for axis in backwards {
            view.invert_axis(Axis(axis));
        }
        view
    }
}

impl<S: StorageMut> ArrayBase<S> {
    /// This array as a writable `ndarray` view of the same elements.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let mut a = Array::arange(6);
    /// a.slice_mut(s![::-2])?.to_ndarray_mut().fill(0);
    /// assert_eq!(a.to_vec(), vec![0, 0, 2, 0, 4, 0]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn to_ndarray_mut(&mut self) -> ndarray::ArrayViewMutD<'_, S::Elem> {
        let (shape, strides, low, backwards) = ndarray_parts(&self.layout);
        let data = self.data.as_mut_slice();
        let mut view =
            ndarray::ArrayViewMut::from_shape(IxDyn(&shape).strides(IxDyn(&strides)), &mut data[low..])
                .expect("a writable ndview layout stays inside its buffer and never overlaps itself");
        for axis in backwards {
            view.invert_axis(Axis(axis));
        }
        view
    }
}

/// The ndview layout of `v` within `span`, which holds all of v's elements.
fn layout_within<T, D: Dimension>(v: &ndarray::ArrayView<'_, T, D>, span: &[T]) -> Layout {
    let itemsize = size_of::<T>();
    let offset = (v.as_ptr() as usize).wrapping_sub(span.as_ptr() as usize) as isize;
    let offset = if v.is_empty() { 0 } else { offset };
    let strides: Vec<isize> = v.strides().iter().map(|s| s * itemsize as isize).collect();
    Layout::new(v.shape(), &strides, offset, itemsize, span.len())
        .expect("ndarray's elements lie in the span")
}

impl<'a, T: Element> ArrayView<'a, T> {
    /// An ndarray view as ndview: the same memory when its elements fill
    /// their span without gaps, otherwise a copy (see the module docs).
    ///
    /// ```
    /// use ndview::ArrayView;
    /// let nd = ndarray::Array::from_iter(0..12_i64).into_shape_with_order((3, 4)).unwrap();
    /// let t = ArrayView::from_ndarray(nd.t());
    /// assert!(t.is_view());
    /// assert_eq!(t.view().strides(), &[8, 32]);
    /// let cols = nd.slice(ndarray::s![.., ..;2]);
    /// assert!(ArrayView::from_ndarray(cols).is_copy());
    /// ```
    pub fn from_ndarray<D: Dimension>(v: ndarray::ArrayView<'a, T, D>) -> CowArray<'a, T> {
        match v.to_slice_memory_order() {
            Some(span) => {
                let layout = layout_within(&v, span);
                CowArray::View(ArrayBase { data: span, layout })
            }
            None => {
                let values: Vec<T> = v.iter().copied().collect();
                CowArray::Owned(Array::from_vec(values, v.shape()).expect("as many values as the shape"))
            }
        }
    }
}

impl<'a, T: Element> ArrayViewMut<'a, T> {
    /// A writable ndarray view as ndview, when its elements fill their span
    /// without gaps; `None` otherwise (a copy could not write back).
    ///
    /// ```
    /// use ndview::ArrayViewMut;
    /// let mut nd = ndarray::Array::from_iter(0..6_i64);
    /// let mut v = ArrayViewMut::from_ndarray(nd.view_mut()).unwrap();
    /// v[[5]] = 50;
    /// assert_eq!(nd[5], 50);
    /// ```
    pub fn from_ndarray<D: Dimension>(v: ndarray::ArrayViewMut<'a, T, D>) -> Option<ArrayViewMut<'a, T>> {
        let layout = {
            let view = v.view();
            let span = view.to_slice_memory_order()?;
            layout_within(&view, span)
        };
        let span = v.into_slice_memory_order()?;
        Some(ArrayBase { data: span, layout })
    }
}

impl<T: Element, D: Dimension> From<ndarray::Array<T, D>> for Array<T> {
    /// Takes over an owned ndarray array's buffer, without copying.
    ///
    /// ```
    /// use ndview::Array;
    /// let nd = ndarray::Array::from_iter(0..6_i64).into_shape_with_order((2, 3)).unwrap();
    /// let a = Array::from(nd);
    /// assert_eq!((a.shape(), a.strides()), (&[2, 3][..], &[24, 8][..]));
    /// ```
    fn from(a: ndarray::Array<T, D>) -> Array<T> {
        let itemsize = size_of::<T>();
        let shape = a.shape().to_vec();
        let strides: Vec<isize> = a.strides().iter().map(|s| s * itemsize as isize).collect();
        let (data, offset) = a.into_raw_vec_and_offset();
        let offset = offset.unwrap_or(0) * itemsize;
        let layout = Layout::new(&shape, &strides, offset as isize, itemsize, data.len())
            .expect("ndarray's layout stays inside its buffer");
        Array { data, layout }
    }
}

impl<T: Element> From<Array<T>> for ndarray::ArrayD<T> {
    /// Hands an owned ndview array to ndarray: its buffer as it is when the
    /// array is C-contiguous and fills it exactly (every array ndview makes
    /// itself), otherwise a C-order copy.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6).into_shape([2, 3]).unwrap();
    /// let nd = ndarray::ArrayD::from(a);
    /// assert_eq!(nd.shape(), &[2, 3]);
    /// assert_eq!(nd[[1, 2]], 5);
    /// ```
    fn from(a: Array<T>) -> ndarray::ArrayD<T> {
        let shape = IxDyn(a.shape());
        let data = if a.is_c_contiguous() && a.offset() == 0 && a.data.len() == a.size() {
            a.data
        } else {
            a.to_vec()
        };
        ndarray::ArrayD::from_shape_vec(shape, data).expect("as many elements as the shape")
    }
}

impl From<ndarray::ShapeError> for crate::Error {
    /// ndarray's `ShapeError` as an ndview [`Error`](crate::Error), so that
    /// `?` passes on errors of both crates in one function.
    ///
    /// ```
    /// use ndview::{Array, ArrayView};
    ///
    /// fn both() -> Result<String, ndview::Error> {
    ///     let a = Array::arange(6).into_shape([2, 3])?; // ndview's Error
    ///     let nd = ndarray::Array::from_iter(0..6_i64).into_shape_with_order((3, 2))?; // ndarray's ShapeError
    ///     Ok(format!("{a} {}", ArrayView::from_ndarray(nd.view())))
    /// }
    /// assert!(both().is_ok());
    ///
    /// let nd = ndarray::Array::from_iter(0..6_i64);
    /// let err = ndview::Error::from(nd.into_shape_with_order((4, 2)).unwrap_err());
    /// assert!(matches!(err, ndview::Error::Ndarray(_)));
    /// assert_eq!(err.to_string(), "ShapeError/IncompatibleShape: incompatible shapes");
    /// ```
    fn from(e: ndarray::ShapeError) -> crate::Error {
        crate::Error::Ndarray(e)
    }
}
