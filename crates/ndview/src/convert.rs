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
//!
//! Axes of length 1 (and every axis of an empty array) are handed to ndarray
//! with stride 0: ndview accepts any stride there (NumPy does, the stride is
//! never used), ndarray's constructors check them. ndarray has no 64-axis
//! limit, ndview has NumPy's; and ndarray's overlap test for writable views
//! is stricter than NumPy's exact one (it refuses axes that interleave, such
//! as 3 × 2 elements with strides 2 and 3). Each conversion that can meet one of those has a `try_`
//! twin returning the error; the others document their panic.

use ndarray::{Axis, Dimension, IxDyn, ShapeBuilder};

use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, Storage, StorageMut};
use crate::cow::CowArray;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::layout::Layout;

/// ndarray's error as ndview's.
fn refused(e: ndarray::ShapeError) -> Error {
    Error::Ndarray { reason: e.to_string() }
}

/// Shape, element strides made non-negative, the lowest element's position,
/// and which axes run backwards.
fn ndarray_parts(layout: &Layout) -> (Vec<usize>, Vec<usize>, usize, Vec<usize>) {
    let itemsize = layout.itemsize() as isize;
    let shape = layout.shape().to_vec();
    let empty = layout.size() == 0;
    let mut low = layout.offset() / itemsize;
    let mut backwards = Vec::new();
    let mut strides = Vec::with_capacity(shape.len());
    for (axis, (&d, &s)) in shape.iter().zip(layout.strides()).enumerate() {
        // A stride that is never used is 0 for ndarray (see the module docs).
        let s = if d <= 1 || empty { 0 } else { s / itemsize };
        if s < 0 {
            backwards.push(axis);
            if d > 0 {
                low += s * (d as isize - 1);
            }
        }
        strides.push(s.unsigned_abs());
    }
    let low = if empty { 0 } else { low as usize };
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
    ///
    /// # Panics
    /// Never for a layout ndview accepted (it lies inside its buffer, and
    /// unused strides are handed over as 0); [`try_to_ndarray`](ArrayBase::try_to_ndarray)
    /// returns ndarray's error instead, should ndarray refuse.
    pub fn to_ndarray(&self) -> ndarray::ArrayViewD<'_, S::Elem> {
        self.try_to_ndarray().unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`to_ndarray`](ArrayBase::to_ndarray), or ndarray's refusal as
    /// [`Error::Ndarray`].
    ///
    /// ```
    /// use ndview::ArrayView;
    /// let buffer = [1_i64, 2];
    /// // An empty view with huge strides, and a length-1 axis with any stride.
    /// let empty = ArrayView::from_parts(&buffer, [0, 3], [8, isize::MAX - 7], 0)?;
    /// assert_eq!(empty.try_to_ndarray()?.shape(), &[0, 3]);
    /// let one = ArrayView::from_parts(&buffer, [1, 2], [isize::MIN, 8], 0)?;
    /// assert_eq!(one.try_to_ndarray()?[[0, 1]], 2);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_to_ndarray(&self) -> Result<ndarray::ArrayViewD<'_, S::Elem>> {
        let (shape, strides, low, backwards) = ndarray_parts(&self.layout);
        let data = self.data.as_slice();
        let mut view = ndarray::ArrayView::from_shape(IxDyn(&shape).strides(IxDyn(&strides)), &data[low..])
            .map_err(refused)?;
        for axis in backwards {
            view.invert_axis(Axis(axis));
        }
        Ok(view)
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
    ///
    /// # Panics
    /// When ndarray refuses the layout: its overlap test is stricter than
    /// NumPy's exact one, so an `as_strided_mut` view whose axes interleave
    /// (strides 16 and 24 bytes over 3 × 2 elements) is refused. [`try_to_ndarray_mut`](ArrayBase::try_to_ndarray_mut)
    /// returns the error instead.
    pub fn to_ndarray_mut(&mut self) -> ndarray::ArrayViewMutD<'_, S::Elem> {
        self.try_to_ndarray_mut().unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`to_ndarray_mut`](ArrayBase::to_ndarray_mut), or ndarray's refusal
    /// as [`Error::Ndarray`].
    ///
    /// ```
    /// use ndview::Array;
    /// let mut x = Array::arange(10);
    /// assert!(x.try_to_ndarray_mut().is_ok());
    /// // Elements 0, 3, 2, 5, 4, 7: none twice (ndview proves it), but
    /// // ndarray's simpler test cannot tell.
    /// let mut interleaved = x.as_strided_mut([3, 2], [16, 24])?;
    /// assert!(interleaved.try_to_ndarray_mut().is_err());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_to_ndarray_mut(&mut self) -> Result<ndarray::ArrayViewMutD<'_, S::Elem>> {
        let (shape, strides, low, backwards) = ndarray_parts(&self.layout);
        let data = self.data.as_mut_slice();
        let mut view =
            ndarray::ArrayViewMut::from_shape(IxDyn(&shape).strides(IxDyn(&strides)), &mut data[low..])
                .map_err(refused)?;
        for axis in backwards {
            view.invert_axis(Axis(axis));
        }
        Ok(view)
    }
}

/// The ndview layout of `v` within `span`, which holds all of v's elements.
/// Fails only beyond NumPy's limits (more than 64 axes).
fn layout_within<T, D: Dimension>(v: &ndarray::ArrayView<'_, T, D>, span: &[T]) -> Result<Layout> {
    let itemsize = size_of::<T>();
    let offset = (v.as_ptr() as usize).wrapping_sub(span.as_ptr() as usize) as isize;
    let offset = if v.is_empty() { 0 } else { offset };
    // Wrapping: only an unused stride (length-1 axis, empty array) can be that large.
    let strides: Vec<isize> = v.strides().iter().map(|s| s.wrapping_mul(itemsize as isize)).collect();
    Layout::new(v.shape(), &strides, offset, itemsize, span.len())
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
    ///
    /// # Panics
    /// For an ndarray view of more than 64 axes (NumPy's limit);
    /// [`try_from_ndarray`](ArrayView::try_from_ndarray) returns the error.
    pub fn from_ndarray<D: Dimension>(v: ndarray::ArrayView<'a, T, D>) -> CowArray<'a, T> {
        ArrayView::try_from_ndarray(v).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`from_ndarray`](ArrayView::from_ndarray), or the error for an
    /// ndarray view beyond NumPy's limits (more than 64 axes) or a copy
    /// that cannot be allocated.
    ///
    /// ```
    /// use ndview::ArrayView;
    /// let nd = ndarray::ArrayD::<u8>::zeros(ndarray::IxDyn(&[1; 65]));
    /// assert_eq!(ArrayView::try_from_ndarray(nd.view()).unwrap_err().to_string(),
    ///            "maximum supported dimension for an ndarray is currently 64, found 65");
    /// ```
    pub fn try_from_ndarray<D: Dimension>(v: ndarray::ArrayView<'a, T, D>) -> Result<CowArray<'a, T>> {
        match v.to_slice_memory_order() {
            Some(span) => {
                let layout = layout_within(&v, span)?;
                Ok(CowArray::View(ArrayBase { data: span, layout }))
            }
            None => {
                crate::layout::check_shape(v.shape(), size_of::<T>())?;
                let mut values = crate::array::try_vec::<T>(v.len(), v.shape())?;
                values.extend(v.iter().copied());
                Ok(CowArray::Owned(Array::from_vec(values, v.shape())?))
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
    ///
    /// # Panics
    /// For an ndarray view of more than 64 axes (NumPy's limit);
    /// [`try_from_ndarray`](ArrayViewMut::try_from_ndarray) returns the error.
    pub fn from_ndarray<D: Dimension>(v: ndarray::ArrayViewMut<'a, T, D>) -> Option<ArrayViewMut<'a, T>> {
        ArrayViewMut::try_from_ndarray(v).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`from_ndarray`](ArrayViewMut::from_ndarray), or the error for an
    /// ndarray view beyond NumPy's limits (more than 64 axes). `Ok(None)`
    /// when the elements do not fill their span without gaps.
    ///
    /// ```
    /// use ndview::ArrayViewMut;
    /// let mut nd = ndarray::Array::from_iter(0..6_i64);
    /// assert!(ArrayViewMut::try_from_ndarray(nd.view_mut())?.is_some());
    /// let mut deep = ndarray::ArrayD::<u8>::zeros(ndarray::IxDyn(&[1; 65]));
    /// assert!(ArrayViewMut::try_from_ndarray(deep.view_mut()).is_err());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_from_ndarray<D: Dimension>(
        v: ndarray::ArrayViewMut<'a, T, D>,
    ) -> Result<Option<ArrayViewMut<'a, T>>> {
        let layout = {
            let view = v.view();
            let Some(span) = view.to_slice_memory_order() else {
                return Ok(None);
            };
            layout_within(&view, span)?
        };
        let Some(span) = v.into_slice_memory_order() else {
            return Ok(None);
        };
        Ok(Some(ArrayBase { data: span, layout }))
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
    ///
    /// # Panics
    /// For more than 64 axes (NumPy's limit);
    /// [`Array::try_from_ndarray`] returns the error.
    fn from(a: ndarray::Array<T, D>) -> Array<T> {
        Array::try_from_ndarray(a).unwrap_or_else(|e| panic!("{e}"))
    }
}

impl<T: Element> Array<T> {
    /// Takes over an owned ndarray array's buffer, without copying, or the
    /// error for an array beyond NumPy's limits (more than 64 axes).
    ///
    /// ```
    /// use ndview::Array;
    /// let nd = ndarray::Array::from_iter(0..6_i64).into_shape_with_order((2, 3)).unwrap();
    /// assert_eq!(Array::try_from_ndarray(nd)?.strides(), &[24, 8]);
    /// let deep = ndarray::ArrayD::<u8>::zeros(ndarray::IxDyn(&[1; 65]));
    /// assert!(Array::try_from_ndarray(deep).is_err());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_from_ndarray<D: Dimension>(a: ndarray::Array<T, D>) -> Result<Array<T>> {
        let itemsize = size_of::<T>();
        let shape = a.shape().to_vec();
        let strides: Vec<isize> = a.strides().iter().map(|s| s.wrapping_mul(itemsize as isize)).collect();
        let (data, offset) = a.into_raw_vec_and_offset();
        let offset = offset.unwrap_or(0) * itemsize;
        let layout = Layout::new(&shape, &strides, offset as isize, itemsize, data.len())?;
        Ok(Array { data, layout })
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
    ///
    /// # Panics
    /// Only if the C-order copy cannot be allocated (then with NumPy's
    /// `MemoryError` message); the shape always matches the elements.
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
    /// assert!(matches!(err, ndview::Error::Shape(_)));
    /// assert_eq!(err.to_string(), "ShapeError/IncompatibleShape: incompatible shapes");
    /// ```
    fn from(e: ndarray::ShapeError) -> crate::Error {
        crate::Error::Shape(e)
    }
}
