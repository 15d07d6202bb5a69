//! A result that is either a view or a fresh copy, and says which.
//!
//! NumPy's `ravel` and `reshape` return a view when the memory layout allows
//! and a copy otherwise, and the caller can only find out by checking
//! `base` or `np.shares_memory`. In ndview the answer is in the type.

use std::fmt;

use crate::array::{Array, ArrayView};
use crate::element::Element;
use crate::layout::Layout;

/// Either a view of existing memory or a newly allocated array.
///
/// ```
/// use ndview::{Array, CowArray};
///
/// let a = Array::arange(12).into_shape([3, 4])?;
/// assert!(matches!(a.ravel(), CowArray::View(_)));       // contiguous: a view
/// assert!(matches!(a.t().ravel(), CowArray::Owned(_)));  // transposed: a copy
/// assert!(a.t().ravel().is_copy());
/// # Ok::<(), ndview::Error>(())
/// ```
pub enum CowArray<'a, T: Element> {
    /// A view of the input's memory: no element was copied.
    View(ArrayView<'a, T>),
    /// A new array: the elements were copied.
    Owned(Array<T>),
}

impl<'a, T: Element> CowArray<'a, T> {
    /// Whether no element was copied.
    ///
    /// ```
    /// use ndview::Array;
    /// assert!(Array::arange(4).ravel().is_view());
    /// ```
    pub fn is_view(&self) -> bool {
        matches!(self, CowArray::View(_))
    }

    /// Whether the elements were copied into new memory.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// assert!(Array::arange(4).slice(s![::2])?.ravel().is_copy());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn is_copy(&self) -> bool {
        !self.is_view()
    }

    /// A read-only view of the result, whichever it is.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6);
    /// let r = a.reshape([2, 3])?;
    /// assert_eq!(r.view().shape(), &[2, 3]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn view(&self) -> ArrayView<'_, T> {
        match self {
            CowArray::View(v) => v.view(),
            CowArray::Owned(a) => a.view(),
        }
    }

    /// The layout of the result.
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(6).reshape([2, 3])?.layout().strides(), &[24, 8]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn layout(&self) -> &Layout {
        match self {
            CowArray::View(v) => v.layout(),
            CowArray::Owned(a) => a.layout(),
        }
    }

    /// An owned array: the copy itself, or a copy of the view.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(4);
    /// let owned: Array<i64> = a.ravel().into_owned();
    /// assert!(owned.owns_data());
    /// ```
    ///
    /// # Panics
    /// If the view must be copied and the memory cannot be allocated;
    /// [`try_into_owned`](CowArray::try_into_owned) returns the error.
    pub fn into_owned(self) -> Array<T> {
        self.try_into_owned().unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`into_owned`](CowArray::into_owned), or NumPy's `MemoryError` when
    /// the view's copy cannot be allocated.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(4);
    /// assert_eq!(a.ravel().try_into_owned()?.to_vec(), vec![0, 1, 2, 3]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_into_owned(self) -> crate::Result<Array<T>> {
        match self {
            CowArray::View(v) => v.try_copy(),
            CowArray::Owned(a) => Ok(a),
        }
    }
}

impl<T: Element> crate::array::AsArray for CowArray<'_, T> {
    type Elem = T;
    fn as_view(&self) -> ArrayView<'_, T> {
        self.view()
    }
}

/// Prints the elements like NumPy's `str()`.
impl<T: Element> fmt::Display for CowArray<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.view(), f)
    }
}

/// Prints like NumPy's `repr()`.
impl<T: Element> fmt::Debug for CowArray<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.view(), f)
    }
}
