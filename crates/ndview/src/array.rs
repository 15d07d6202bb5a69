//! Owned arrays and borrowed views: one struct, three kinds of storage.
//!
//! | type                    | storage      | NumPy                  |
//! |-------------------------|--------------|------------------------|
//! | [`Array<T>`]            | `Vec<T>`     | `OWNDATA` is true      |
//! | [`ArrayView<'a, T>`]    | `&'a [T]`    | a view (`base` is set) |
//! | [`ArrayViewMut<'a, T>`] | `&'a mut [T]`| a view you can write   |
//!
//! A view holds the **whole** buffer it was cut from plus its own
//! [`Layout`], so it can report NumPy's byte `offset` and can be sliced again
//! without losing track of where it lives. Rust's borrow checker does the job
//! NumPy leaves to you: while a mutable view of `data` is alive, `data` itself
//! cannot be read or written, and while any shared view is alive, `data`
//! cannot be changed. No run-time check is involved.

use std::ops::{Index, IndexMut};

use crate::axis_vec::AxisVec;

use crate::element::Element;
use crate::error::{Error, Result};
use crate::index::{check_unsigned_index, normalize_index};
use crate::layout::{Layout, check_shape};

mod sealed {
    pub trait Sealed {}
}

/// Where an array's elements live: an owned `Vec`, or a borrowed slice.
///
/// This trait is sealed; its three implementations are `Vec<T>`, `&[T]` and
/// `&mut [T]`. Code that works for any kind of array is generic over it:
///
/// ```
/// use ndview::{Array, ArrayBase, Storage};
///
/// fn first<S: Storage>(a: &ArrayBase<S>) -> Option<&S::Elem> {
///     a.iter().next()
/// }
/// let a = Array::arange(3);
/// assert_eq!(first(&a), Some(&0));
/// assert_eq!(first(&a.view()), Some(&0));
/// assert!(<Vec<i64> as Storage>::OWNS_DATA && !<&[i64] as Storage>::OWNS_DATA);
/// ```
pub trait Storage: sealed::Sealed {
    /// The element type.
    type Elem: Element;
    /// Whether the array owns its buffer (NumPy's `flags.owndata`).
    const OWNS_DATA: bool;
    /// Whether the array can be written through (NumPy's `flags.writeable`).
    const WRITEABLE: bool;
    /// The whole buffer.
    ///
    /// ```
    /// use ndview::Storage;
    /// let v = vec![1_i64, 2, 3];
    /// assert_eq!(v.as_slice(), &[1, 2, 3]);
    /// ```
    fn as_slice(&self) -> &[Self::Elem];
}

/// Storage that can be written: an owned `Vec` or a `&mut` slice.
///
/// ```
/// use ndview::{s, Array, ArrayBase, StorageMut};
///
/// fn zero_first<S: StorageMut<Elem = i64>>(a: &mut ArrayBase<S>) {
///     a.map_inplace(|x| *x = 0);
/// }
/// let mut a = Array::arange(4);
/// zero_first(&mut a.slice_mut(s![:2])?);
/// assert_eq!(a.to_vec(), vec![0, 0, 2, 3]);
/// # Ok::<(), ndview::Error>(())
/// ```
pub trait StorageMut: Storage {
    /// The whole buffer, writable.
    ///
    /// ```
    /// use ndview::StorageMut;
    /// let mut v = vec![1_i64, 2, 3];
    /// StorageMut::as_mut_slice(&mut v)[0] = 10;
    /// assert_eq!(v, [10, 2, 3]);
    /// ```
    fn as_mut_slice(&mut self) -> &mut [Self::Elem];
}

impl<T: Element> sealed::Sealed for Vec<T> {}
impl<T: Element> Storage for Vec<T> {
    type Elem = T;
    const OWNS_DATA: bool = true;
    const WRITEABLE: bool = true;
    fn as_slice(&self) -> &[T] {
        self
    }
}
impl<T: Element> StorageMut for Vec<T> {
    fn as_mut_slice(&mut self) -> &mut [T] {
        self
    }
}

impl<T: Element> sealed::Sealed for &[T] {}
impl<T: Element> Storage for &[T] {
    type Elem = T;
    const OWNS_DATA: bool = false;
    const WRITEABLE: bool = false;
    fn as_slice(&self) -> &[T] {
        self
    }
}

impl<T: Element> sealed::Sealed for &mut [T] {}
impl<T: Element> Storage for &mut [T] {
    type Elem = T;
    const OWNS_DATA: bool = false;
    const WRITEABLE: bool = true;
    fn as_slice(&self) -> &[T] {
        self
    }
}
impl<T: Element> StorageMut for &mut [T] {
    fn as_mut_slice(&mut self) -> &mut [T] {
        self
    }
}

/// An n-dimensional array: a buffer (owned or borrowed) plus a [`Layout`].
///
/// Use it through its three aliases, [`Array`], [`ArrayView`] and
/// [`ArrayViewMut`].
///
/// ```
/// use ndview::{s, Array};
///
/// let data = Array::arange(12).into_shape([3, 4])?;
/// let view = data.slice(s![1:, :3])?;
/// assert_eq!(view.shape(), &[2, 3]);
/// assert_eq!(view.strides(), &[32, 8]); // bytes, as NumPy reports them
/// assert_eq!(view.offset(), 32);        // it starts at element 4
/// assert!(view.is_view() && data.owns_data());
/// # Ok::<(), ndview::Error>(())
/// ```
pub struct ArrayBase<S> {
    pub(crate) data: S,
    pub(crate) layout: Layout,
}

/// An array that owns its elements (NumPy: `flags.owndata` is true).
///
/// ```
/// use ndview::Array;
/// let a: Array<f64> = Array::zeros([2, 2]);
/// assert!(a.owns_data());
/// ```
pub type Array<T> = ArrayBase<Vec<T>>;
/// A read-only view of another array's elements.
///
/// ```
/// use ndview::{s, Array, ArrayView};
/// let a = Array::arange(6);
/// let v: ArrayView<'_, i64> = a.slice(s![1::2])?;
/// assert_eq!(v.to_vec(), vec![1, 3, 5]);
/// # Ok::<(), ndview::Error>(())
/// ```
pub type ArrayView<'a, T> = ArrayBase<&'a [T]>;
/// A writable view of another array's elements.
///
/// ```
/// use ndview::{s, Array, ArrayViewMut};
/// let mut a = Array::arange(4);
/// let mut v: ArrayViewMut<'_, i64> = a.slice_mut(s![::-1])?;
/// v[[0]] = 30;
/// assert_eq!(a.to_vec(), vec![0, 1, 2, 30]);
/// # Ok::<(), ndview::Error>(())
/// ```
pub type ArrayViewMut<'a, T> = ArrayBase<&'a mut [T]>;

/// Anything that can be looked at as an array: owned arrays, views, and the
/// view-or-copy results of `ravel` and `reshape`. Functions that only read,
/// such as [`shares_memory`](crate::shares_memory), take any of them.
///
/// ```
/// use ndview::{Array, AsArray};
///
/// fn total(a: &impl AsArray<Elem = i64>) -> i64 {
///     a.as_view().iter().sum()
/// }
/// let data = Array::arange(4);
/// assert_eq!(total(&data), 6);
/// assert_eq!(total(&data.ravel()), 6);
/// ```
pub trait AsArray {
    /// The element type.
    type Elem: Element;
    /// A read-only view of the whole array.
    ///
    /// ```
    /// use ndview::{Array, AsArray};
    /// let a = Array::arange(4);
    /// assert!(a.ravel().as_view().is_view());
    /// ```
    fn as_view(&self) -> ArrayView<'_, Self::Elem>;
}

impl<S: Storage> AsArray for ArrayBase<S> {
    type Elem = S::Elem;
    fn as_view(&self) -> ArrayView<'_, S::Elem> {
        self.view()
    }
}

/// The layout facts NumPy keeps in `a.flags`.
///
/// ```
/// use ndview::Array;
///
/// let a = Array::arange(12).into_shape([3, 4])?;
/// let f = a.t().flags();
/// assert!(!f.c_contiguous && f.f_contiguous && !f.owndata);
/// # Ok::<(), ndview::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    /// Row-major contiguous (NumPy's relaxed rule, see [`Layout::is_c_contiguous`]).
    pub c_contiguous: bool,
    /// Column-major contiguous.
    pub f_contiguous: bool,
    /// The array owns its buffer; false for views.
    pub owndata: bool,
    /// The array can be written through (owned arrays and mutable views).
    pub writeable: bool,
}

impl<T: Element> Array<T> {
    /// An array of `shape` holding the elements of `data` in C (row-major)
    /// order. The length of `data` must equal the product of the shape. Like
    /// every new allocation in NumPy, an empty one gets all-zero strides.
    ///
    /// ```
    /// use ndview::Array;
    ///
    /// let a = Array::from_vec(vec![1.5, 2.0, 3.0, 4.0], [2, 2])?;
    /// assert_eq!(a.strides(), &[16, 8]);
    /// let err = Array::from_vec(vec![1, 2, 3], [2, 2]).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot reshape array of size 3 into shape (2,2)");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn from_vec(data: Vec<T>, shape: impl AsRef<[usize]>) -> Result<Array<T>> {
        let shape = shape.as_ref();
        let size = check_shape(shape, size_of::<T>())?;
        if size != data.len() {
            return Err(Error::Reshape {
                size: data.len(),
                shape: shape.iter().map(|&d| d as isize).collect(),
            });
        }
        Ok(Array { data, layout: Layout::fresh(shape, size_of::<T>(), crate::Order::C) })
    }

    /// A one-dimensional array of the elements of `data`.
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::from_slice(&[true, false]).shape(), &[2]);
    /// ```
    pub fn from_slice(data: &[T]) -> Array<T> {
        Array::from_vec_1d(data.to_vec())
    }

    pub(crate) fn from_vec_1d(data: Vec<T>) -> Array<T> {
        let layout = Layout::fresh(&[data.len()], size_of::<T>(), crate::Order::C);
        Array { data, layout }
    }

    /// An array of `shape` filled with zeros (`false` for `bool`).
    ///
    /// Like NumPy's `np.zeros`, it takes its memory zeroed from the
    /// allocator (`calloc`). A buffer the allocator gets straight from the
    /// kernel (a large one, above glibc's `mmap` threshold, which rises with
    /// the buffers freed to at most 32 MiB) is fresh pages: nothing is
    /// written, and the kernel zeroes each page when it is first written.
    /// `zeros([10_000_000])` of `i64` (80 MB) took 4 µs (the median of 15
    /// in one program, each dropped before the next), and the program's
    /// resident memory stayed at 2 MB; writing the zeros took 12 ms. A
    /// buffer the allocator reuses, `calloc` clears.
    ///
    /// # Panics
    /// With the message of [`Array::try_zeros`]'s error: if the shape breaks
    /// NumPy's limits ("array is too big", more than 64 axes) or the memory
    /// cannot be allocated.
    ///
    /// ```
    /// use ndview::Array;
    /// let z = Array::<f64>::zeros([2, 3]);
    /// assert_eq!(z.to_string(), "[[0. 0. 0.]\n [0. 0. 0.]]");
    /// ```
    pub fn zeros(shape: impl AsRef<[usize]>) -> Array<T> {
        Array::try_zeros(shape).unwrap_or_else(|e| panic!("{e}"))
    }

    /// An array of `shape` filled with zeros, or NumPy's error: the shape
    /// is too big ([`Error::SizeOverflow`]), has more than 64 axes
    /// ([`Error::TooManyDimensions`]), or its memory cannot be allocated
    /// ([`Error::MemoryError`], NumPy's `MemoryError`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::<u8>::try_zeros([2, 3])?.shape(), &[2, 3]);
    /// let err = Array::<i64>::try_zeros([0, 1 << 63]).unwrap_err();
    /// assert!(err.to_string().starts_with("array is too big"));
    /// let err = Array::<i64>::try_zeros([1 << 40]).unwrap_err();  // 8 TiB
    /// assert_eq!(err.to_string(), "Unable to allocate 8.00 TiB for an array with shape \
    ///                              (1099511627776,) and data type int64");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_zeros(shape: impl AsRef<[usize]>) -> Result<Array<T>> {
        let shape = shape.as_ref();
        let size = check_shape(shape, size_of::<T>())?;
        let data = crate::alloc::try_zeroed::<T>(size, shape)?;
        Ok(Array { data, layout: Layout::fresh(shape, size_of::<T>(), crate::Order::C) })
    }

    /// The elements in memory order, taking the buffer back out of the array.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(4).into_shape([2, 2])?;
    /// assert_eq!(a.into_raw_vec(), vec![0, 1, 2, 3]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn into_raw_vec(self) -> Vec<T> {
        self.data
    }
}

impl Array<i64> {
    /// `0, 1, …, n-1` as a one-dimensional `int64` array, like `np.arange(n)`.
    ///
    /// # Panics
    /// With the message of [`Array::try_arange`]'s error.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(5);
    /// assert_eq!(a.to_string(), "[0 1 2 3 4]");
    /// assert_eq!(a.strides(), &[8]);
    /// ```
    pub fn arange(n: usize) -> Array<i64> {
        Array::try_arange(n).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`Array::arange`], or NumPy's error when `n` items of 8 bytes are
    /// more than `isize::MAX` bytes or cannot be allocated.
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::try_arange(3)?.to_vec(), vec![0, 1, 2]);
    /// assert!(Array::try_arange(usize::MAX).unwrap_err().to_string().starts_with("array is too big"));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_arange(n: usize) -> Result<Array<i64>> {
        check_shape(&[n], size_of::<i64>())?;
        let mut data = try_vec::<i64>(n, &[n])?;
        // n <= isize::MAX / 8, so every value fits in i64.
        data.extend((0..n).map(|i| i as i64));
        Ok(Array::from_vec_1d(data))
    }
}

/// An empty `Vec` with room for `capacity` elements, or NumPy's
/// `MemoryError` for an array of `shape` when the allocator refuses
/// (from the global allocator, through [`crate::alloc`]: no abort).
pub(crate) fn try_vec<T: Element>(capacity: usize, shape: &[usize]) -> Result<Vec<T>> {
    crate::alloc::try_with_capacity(capacity, shape)
}

impl<S: Storage> ArrayBase<S> {
    /// The length of each axis (NumPy's `a.shape`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(12).into_shape([3, 4])?.shape(), &[3, 4]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn shape(&self) -> &[usize] {
        self.layout.shape()
    }

    /// Bytes to step along each axis (NumPy's `a.strides`).
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!(a.strides(), &[32, 8]);
    /// assert_eq!(a.t().strides(), &[8, 32]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn strides(&self) -> &[isize] {
        self.layout.strides()
    }

    /// Elements to step along each axis (what `ndarray`'s `strides()` returns).
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!(a.elem_strides(), vec![4, 1]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn elem_strides(&self) -> Vec<isize> {
        self.layout.elem_strides()
    }

    /// Size of one element in bytes (NumPy's `a.itemsize`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(3).itemsize(), 8);
    /// assert_eq!(Array::<u8>::zeros([3]).itemsize(), 1);
    /// ```
    pub fn itemsize(&self) -> usize {
        self.layout.itemsize()
    }

    /// Number of axes (NumPy's `a.ndim`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::<f64>::zeros([2, 3, 4]).ndim(), 3);
    /// ```
    pub fn ndim(&self) -> usize {
        self.layout.ndim()
    }

    /// Number of elements (NumPy's `a.size`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::<f64>::zeros([2, 3, 4]).size(), 24);
    /// ```
    pub fn size(&self) -> usize {
        self.layout.size()
    }

    /// Bytes the elements take, `size × itemsize` (NumPy's `a.nbytes`);
    /// for a view, the bytes it *shows*, not the bytes it owns (none).
    /// It cannot overflow: no layout is allowed more than `isize::MAX` bytes
    /// (NumPy's "array is too big"), even a view that repeats one element.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(10);
    /// assert_eq!(a.nbytes(), 80);
    /// assert_eq!(a.slice(s![::2])?.nbytes(), 40);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }

    /// Byte offset of the first element (`[0, 0, …]`) from the start of the
    /// buffer. NumPy does not show it directly; it is
    /// `a.__array_interface__['data'][0] - base.__array_interface__['data'][0]`.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(10);
    /// assert_eq!(a.slice(s![::-1])?.offset(), 72); // starts at the last element
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn offset(&self) -> isize {
        self.layout.offset()
    }

    /// The shape, strides and offset together.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// let t = a.t();
    /// assert_eq!((t.layout().shape(), t.layout().strides()), (&[4, 3][..], &[8, 32][..]));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Whether this array owns its buffer (NumPy's `flags.owndata`).
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(3);
    /// assert!(a.owns_data() && !a.view().owns_data());
    /// ```
    pub fn owns_data(&self) -> bool {
        S::OWNS_DATA
    }

    /// Whether this array is a view of another's buffer (NumPy: `a.base is
    /// not None`).
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(3);
    /// assert!(!a.is_view() && a.view().is_view());
    /// ```
    pub fn is_view(&self) -> bool {
        !S::OWNS_DATA
    }

    /// NumPy's `C_CONTIGUOUS` flag (relaxed rule: length-1 axes ignored, empty
    /// arrays contiguous).
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert!(a.is_c_contiguous());
    /// assert!(a.slice(s![1:2, :])?.is_c_contiguous());  // one whole row
    /// assert!(!a.slice(s![:, 1:2])?.is_c_contiguous()); // one column
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn is_c_contiguous(&self) -> bool {
        self.layout.is_c_contiguous()
    }

    /// NumPy's `F_CONTIGUOUS` flag.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert!(a.t().is_f_contiguous() && !a.is_f_contiguous());
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn is_f_contiguous(&self) -> bool {
        self.layout.is_f_contiguous()
    }

    /// The flags NumPy shows in `a.flags`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(4);
    /// assert!(a.flags().writeable && !a.view().flags().writeable);
    /// ```
    pub fn flags(&self) -> Flags {
        Flags {
            c_contiguous: self.is_c_contiguous(),
            f_contiguous: self.is_f_contiguous(),
            owndata: S::OWNS_DATA,
            writeable: S::WRITEABLE,
        }
    }

    /// The whole buffer this array's elements live in, in memory order, including
    /// elements the array does not show.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(6);
    /// let v = a.slice(s![4:1:-2])?;
    /// assert_eq!(v.to_vec(), vec![4, 2]);
    /// assert_eq!(v.buffer(), &[0, 1, 2, 3, 4, 5]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn buffer(&self) -> &[S::Elem] {
        self.data.as_slice()
    }

    /// A read-only view of the whole array.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(3);
    /// let v = a.view();
    /// assert_eq!((v.shape(), v.strides(), v.offset()), (a.shape(), a.strides(), 0));
    /// ```
    pub fn view(&self) -> ArrayView<'_, S::Elem> {
        ArrayBase { data: self.data.as_slice(), layout: self.layout.clone() }
    }

    /// A view with another layout over the same buffer (the caller checked it).
    #[inline]
    pub(crate) fn view_with(&self, layout: Layout) -> ArrayView<'_, S::Elem> {
        ArrayBase { data: self.data.as_slice(), layout }
    }

    /// The element at `index`, one index per axis; negative indices count from
    /// the end, as in NumPy.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!(a.get(&[1, -1])?, &7);
    /// assert_eq!(a.get(&[3, 0]).unwrap_err().to_string(),
    ///            "index 3 is out of bounds for axis 0 with size 3");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn get(&self, index: &[isize]) -> Result<&S::Elem> {
        let pos = self.element_position(index)?;
        Ok(&self.data.as_slice()[pos])
    }

    /// Buffer position (in elements) of `index`, checked as NumPy checks it.
    fn element_position(&self, index: &[isize]) -> Result<usize> {
        let ndim = self.ndim();
        if index.len() > ndim {
            return Err(Error::TooManyIndices { ndim, given: index.len() });
        }
        if index.len() < ndim {
            return Err(Error::MissingIndices { ndim, given: index.len() });
        }
        let mut checked: AxisVec<usize> = AxisVec::new();
        for (axis, (&i, &size)) in index.iter().zip(self.shape()).enumerate() {
            checked.push(normalize_index(i, axis, size)?);
        }
        Ok(self.layout.byte_position(&checked) / self.itemsize())
    }

    /// Buffer position of a `usize` index (`a[[i, j]]`), or the panic message.
    fn unsigned_position(&self, index: &[usize]) -> Result<usize, String> {
        let ndim = self.ndim();
        if index.len() > ndim {
            return Err(Error::TooManyIndices { ndim, given: index.len() }.to_string());
        }
        if index.len() < ndim {
            return Err(Error::MissingIndices { ndim, given: index.len() }.to_string());
        }
        let mut checked: AxisVec<usize> = AxisVec::new();
        for (axis, (&i, &size)) in index.iter().zip(self.shape()).enumerate() {
            checked.push(check_unsigned_index(i, axis, size)?);
        }
        Ok(self.layout.byte_position(&checked) / self.itemsize())
    }

    /// The elements in C (row-major) order: the order `print` shows them.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// let t: Vec<i64> = a.t().iter().copied().collect();
    /// assert_eq!(t, vec![0, 3, 1, 4, 2, 5]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn iter(&self) -> crate::iter::Iter<'_, S::Elem> {
        crate::iter::Iter::new(self.data.as_slice(), &self.layout)
    }
}

impl<S: StorageMut> ArrayBase<S> {
    /// A writable view of the whole array. While it lives, the array cannot be
    /// used: the borrow checker sees to that.
    ///
    /// ```
    /// use ndview::Array;
    /// let mut a = Array::arange(3);
    /// a.view_mut().fill(7);
    /// assert_eq!(a.to_vec(), vec![7, 7, 7]);
    /// ```
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, S::Elem> {
        ArrayBase { data: self.data.as_mut_slice(), layout: self.layout.clone() }
    }

    /// A writable view with another layout over the same buffer.
    pub(crate) fn view_mut_with(&mut self, layout: Layout) -> ArrayViewMut<'_, S::Elem> {
        ArrayBase { data: self.data.as_mut_slice(), layout }
    }

    /// The element at `index`, writable; negative indices count from the end.
    ///
    /// ```
    /// use ndview::Array;
    /// let mut a = Array::arange(4);
    /// *a.get_mut(&[-1])? = 40;
    /// assert_eq!(a.to_vec(), vec![0, 1, 2, 40]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn get_mut(&mut self, index: &[isize]) -> Result<&mut S::Elem> {
        let pos = self.element_position(index)?;
        Ok(&mut self.data.as_mut_slice()[pos])
    }

    /// Writes `value` at `index` (NumPy's `a[i, j] = value`).
    ///
    /// ```
    /// use ndview::Array;
    /// let mut a = Array::arange(4).into_shape([2, 2])?;
    /// a.set(&[1, 0], 99)?;
    /// assert_eq!(a.to_string(), "[[ 0  1]\n [99  3]]");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn set(&mut self, index: &[isize], value: S::Elem) -> Result<()> {
        *self.get_mut(index)? = value;
        Ok(())
    }

    /// Writes `value` into every element the array shows (NumPy's `a[...] = value`).
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let mut a = Array::arange(6);
    /// a.slice_mut(s![::2])?.fill(0);
    /// assert_eq!(a.to_vec(), vec![0, 1, 0, 3, 0, 5]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn fill(&mut self, value: S::Elem) {
        self.map_inplace(|x| *x = value);
    }

    /// Calls `f` on every element the array shows, in C order.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let mut a = Array::arange(4);
    /// a.slice_mut(s![1:3])?.map_inplace(|x| *x *= 10);
    /// assert_eq!(a.to_vec(), vec![0, 10, 20, 3]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn map_inplace(&mut self, mut f: impl FnMut(&mut S::Elem)) {
        let positions = crate::iter::Positions::new(&self.layout);
        let data = self.data.as_mut_slice();
        for pos in positions {
            f(&mut data[pos]);
        }
    }

    /// Copies the elements of `src` into this array, element by element in C
    /// order, broadcasting `src` to this array's shape as NumPy's `a[...] =
    /// src` does (see `broadcast.rs`: a length-1 or missing axis repeats).
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let mut a = Array::<i64>::zeros([2, 3]);
    /// let b = Array::arange(3);
    /// a.slice_mut(s![1])?.assign(&b)?;
    /// assert_eq!(a.to_string(), "[[0 0 0]\n [0 1 2]]");
    /// a.assign(&b)?;                               // each row gets b
    /// assert_eq!(a.to_string(), "[[0 1 2]\n [0 1 2]]");
    /// a.assign(&Array::from_vec(vec![7], [1])?)?;  // shape (1,) into (2, 3)
    /// assert_eq!(a.to_vec(), vec![7; 6]);
    /// assert_eq!(a.assign(&Array::arange(2)).unwrap_err().to_string(),
    ///            "could not broadcast input array from shape (2,) into shape (2,3)");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn assign<S2: Storage<Elem = S::Elem>>(&mut self, src: &ArrayBase<S2>) -> Result<()> {
        let layout = crate::broadcast::broadcast_for_assign(src.layout(), self.shape())?;
        let mut values = crate::iter::Iter::new(src.data.as_slice(), &layout);
        self.map_inplace(|x| {
            if let Some(v) = values.next() {
                *x = *v;
            }
        });
        Ok(())
    }
}

/// Indexing with one `usize` per axis, like `a[[1, 2]]`. A `usize` never
/// counts from the end: `a[[usize::MAX]]` is out of bounds, not the last
/// element.
///
/// # Panics
/// If the number of indices is not the number of axes, or an index is out of
/// bounds (with the message [`ArrayBase::get`] would return as an error,
/// naming the index as given).
///
/// ```
/// use ndview::Array;
/// let a = Array::arange(12).into_shape([3, 4])?;
/// assert_eq!(a[[2, 1]], 9);
/// # Ok::<(), ndview::Error>(())
/// ```
impl<S: Storage, const N: usize> Index<[usize; N]> for ArrayBase<S> {
    type Output = S::Elem;
    fn index(&self, index: [usize; N]) -> &S::Elem {
        let pos = self.unsigned_position(&index).unwrap_or_else(|e| panic!("{e}"));
        &self.data.as_slice()[pos]
    }
}

/// Writing through an index, like `view[[0, 0]] = 999`.
///
/// # Panics
/// As for [`Index`].
///
/// ```
/// use ndview::{s, Array};
/// let mut data = Array::arange(12).into_shape([3, 4])?;
/// let mut view = data.slice_mut(s![1:, :3])?;
/// view[[0, 0]] = 999;
/// assert_eq!(data[[1, 0]], 999);
/// # Ok::<(), ndview::Error>(())
/// ```
impl<S: StorageMut, const N: usize> IndexMut<[usize; N]> for ArrayBase<S> {
    fn index_mut(&mut self, index: [usize; N]) -> &mut S::Elem {
        let pos = self.unsigned_position(&index).unwrap_or_else(|e| panic!("{e}"));
        &mut self.data.as_mut_slice()[pos]
    }
}

/// Arrays are equal when their shapes and elements (in C order) are equal,
/// whatever their strides or buffers.
///
/// ```
/// use ndview::{s, Array};
/// let a = Array::arange(4);
/// let b = Array::from_vec(vec![3, 2, 1, 0], [4])?;
/// assert!(a.slice(s![::-1])? == b);
/// # Ok::<(), ndview::Error>(())
/// ```
impl<S: Storage, S2: Storage<Elem = S::Elem>> PartialEq<ArrayBase<S2>> for ArrayBase<S> {
    fn eq(&self, other: &ArrayBase<S2>) -> bool {
        self.shape() == other.shape() && self.iter().eq(other.iter())
    }
}

/// Cloning an owned array copies its buffer as it is (same layout); cloning a
/// read-only view copies only the metadata.
impl<S: Storage + Clone> Clone for ArrayBase<S> {
    fn clone(&self) -> Self {
        ArrayBase { data: self.data.clone(), layout: self.layout.clone() }
    }
}
