//! The entries of an index, and what can be turned into one.

use crate::array::{Array, ArrayBase, ArrayView, Storage};
use crate::cow::CowArray;
use crate::element::Element;
use crate::slicing::{Slice, SliceArg};

/// One entry of a NumPy index; usually written with [`ix!`](crate::ix).
///
/// ```
/// use ndview::{ix, IndexItem};
///
/// let index = ix![1:, newaxis, ..., -1];
/// assert!(matches!(index[0], IndexItem::Slice(_)));
/// assert!(matches!(index[1], IndexItem::NewAxis));
/// assert!(matches!(index[2], IndexItem::Ellipsis));
/// assert!(matches!(index[3], IndexItem::Index(-1)));
/// assert!(matches!(ix![[0, 2]][0], IndexItem::IntArray(_)));
/// ```
pub enum IndexItem<'a> {
    /// An integer: picks one position and drops the axis.
    Index(isize),
    /// A slice: keeps the axis, as in [`s!`](crate::s).
    Slice(Slice),
    /// `np.newaxis`: a new axis of length 1.
    NewAxis,
    /// `...`: as many whole axes as the other entries leave.
    Ellipsis,
    /// An integer index array (NumPy's `intp`).
    IntArray(CowArray<'a, i64>),
    /// A boolean mask; a 0-d one adds an axis of length 1 (`true`) or 0.
    BoolArray(CowArray<'a, bool>),
}

/// Anything [`ix!`](crate::ix) accepts as an entry.
///
/// ```
/// use ndview::{Array, IndexItem, IntoIndexItem};
///
/// assert!(matches!(3.into_index_item(), IndexItem::Index(3)));
/// assert!(matches!(true.into_index_item(), IndexItem::BoolArray(_)));
/// let rows = Array::from_vec(vec![0_i64, 2], [2])?;
/// assert!(matches!((&rows).into_index_item(), IndexItem::IntArray(_)));
/// # Ok::<(), ndview::Error>(())
/// ```
pub trait IntoIndexItem<'a> {
    /// The entry.
    ///
    /// ```
    /// use ndview::{IndexItem, IntoIndexItem};
    /// assert!(matches!([1, 2].into_index_item(), IndexItem::IntArray(_)));
    /// ```
    fn into_index_item(self) -> IndexItem<'a>;
}

impl<'a> IntoIndexItem<'a> for IndexItem<'a> {
    fn into_index_item(self) -> IndexItem<'a> {
        self
    }
}

impl<'a> IntoIndexItem<'a> for Slice {
    fn into_index_item(self) -> IndexItem<'a> {
        IndexItem::Slice(self)
    }
}

impl<'a> IntoIndexItem<'a> for SliceArg {
    fn into_index_item(self) -> IndexItem<'a> {
        match self {
            SliceArg::Index(i) => IndexItem::Index(i),
            SliceArg::Slice(s) => IndexItem::Slice(s),
        }
    }
}

macro_rules! int_item {
    ($($t:ty)*) => {$(
        impl<'a> IntoIndexItem<'a> for $t {
            fn into_index_item(self) -> IndexItem<'a> {
                IndexItem::Index(crate::SliceIndex::to_isize(self))
            }
        }
        impl ListElem for $t {
            fn list_item(self) -> ListValue {
                ListValue::Int(i64::try_from(self).unwrap_or(if (self as i128) < 0 { i64::MIN } else { i64::MAX }))
            }
        }
    )*};
}
int_item!(i8 i16 i32 i64 isize u8 u16 u32 u64 usize);

impl<'a> IntoIndexItem<'a> for bool {
    fn into_index_item(self) -> IndexItem<'a> {
        IndexItem::BoolArray(CowArray::Owned(Array::from_vec(vec![self], []).expect("one element")))
    }
}

/// The element types of index arrays: `i64` (integer indices) and `bool`
/// (masks).
///
/// ```
/// use ndview::{Array, IndexElem, IndexItem};
/// let m = Array::from_slice(&[true, false]);
/// assert!(matches!(bool::wrap(m.view().into()), IndexItem::BoolArray(_)));
/// ```
pub trait IndexElem: Element {
    /// The entry for an array of this element type.
    ///
    /// ```
    /// use ndview::{Array, IndexElem, IndexItem};
    /// let i = Array::from_slice(&[1_i64]);
    /// assert!(matches!(i64::wrap(i.view().into()), IndexItem::IntArray(_)));
    /// ```
    fn wrap(a: CowArray<'_, Self>) -> IndexItem<'_>;
}

impl IndexElem for i64 {
    fn wrap(a: CowArray<'_, i64>) -> IndexItem<'_> {
        IndexItem::IntArray(a)
    }
}

impl IndexElem for bool {
    fn wrap(a: CowArray<'_, bool>) -> IndexItem<'_> {
        IndexItem::BoolArray(a)
    }
}

impl<'a, T: Element> From<ArrayView<'a, T>> for CowArray<'a, T> {
    fn from(v: ArrayView<'a, T>) -> Self {
        CowArray::View(v)
    }
}

impl<'a, S: Storage> IntoIndexItem<'a> for &'a ArrayBase<S>
where
    S::Elem: IndexElem,
{
    fn into_index_item(self) -> IndexItem<'a> {
        S::Elem::wrap(CowArray::View(self.view()))
    }
}

impl<'a, T: IndexElem> IntoIndexItem<'a> for Array<T> {
    fn into_index_item(self) -> IndexItem<'a> {
        T::wrap(CowArray::Owned(self))
    }
}

impl<'a, T: IndexElem> IntoIndexItem<'a> for ArrayView<'a, T> {
    fn into_index_item(self) -> IndexItem<'a> {
        T::wrap(CowArray::View(self))
    }
}

/// One value of a literal index list: an integer or a boolean.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListValue {
    /// An integer index.
    Int(i64),
    /// A mask element.
    Bool(bool),
}

/// The elements of literal index lists such as `[0, 2]` or `[true, false]`:
/// every integer type and `bool`.
///
/// ```
/// use ndview::{IndexItem, IntoIndexItem};
/// assert!(matches!(vec![true, false].into_index_item(), IndexItem::BoolArray(_)));
/// assert!(matches!([[0_u8], [1]].into_index_item(), IndexItem::IntArray(_)));
/// ```
pub trait ListElem: Copy {
    /// The value.
    #[doc(hidden)]
    fn list_item(self) -> ListValue;
}

impl ListElem for bool {
    fn list_item(self) -> ListValue {
        ListValue::Bool(self)
    }
}

/// The entry for `values` (C order) of `shape`: a mask if they are booleans.
fn list_entry<'a, T: ListElem>(values: &[T], shape: &[usize]) -> IndexItem<'a> {
    let is_bool = values.first().is_some_and(|v| matches!(v.list_item(), ListValue::Bool(_)));
    if is_bool {
        let v: Vec<bool> = values.iter().map(|x| matches!(x.list_item(), ListValue::Bool(true))).collect();
        IndexItem::BoolArray(CowArray::Owned(Array::from_vec(v, shape).expect("the list's shape")))
    } else {
        let v: Vec<i64> = values
            .iter()
            .map(|x| match x.list_item() {
                ListValue::Int(i) => i,
                ListValue::Bool(b) => b as i64,
            })
            .collect();
        IndexItem::IntArray(CowArray::Owned(Array::from_vec(v, shape).expect("the list's shape")))
    }
}

impl<'a, T: ListElem, const N: usize> IntoIndexItem<'a> for [T; N] {
    fn into_index_item(self) -> IndexItem<'a> {
        list_entry(&self, &[N])
    }
}

impl<'a, T: ListElem, const N: usize, const M: usize> IntoIndexItem<'a> for [[T; M]; N] {
    fn into_index_item(self) -> IndexItem<'a> {
        list_entry(self.as_flattened(), &[N, M])
    }
}

impl<'a, T: ListElem> IntoIndexItem<'a> for Vec<T> {
    fn into_index_item(self) -> IndexItem<'a> {
        list_entry(&self, &[self.len()])
    }
}

impl<'a, T: ListElem> IntoIndexItem<'a> for &[T] {
    fn into_index_item(self) -> IndexItem<'a> {
        list_entry(self, &[self.len()])
    }
}

/// A value for an element-wise operation or an assignment: a scalar (read as
/// a 0-d array), a list, or any array or view (read in place).
///
/// ```
/// use ndview::{Array, Operand};
/// assert_eq!(5_i64.operand().view().shape(), &[] as &[usize]);
/// assert_eq!([1_i64, 2].operand().view().shape(), &[2]);
/// let a = Array::arange(3);
/// assert!(a.operand().is_view());
/// ```
pub trait Operand<T: Element> {
    /// The value as an array.
    ///
    /// ```
    /// use ndview::Operand;
    /// assert_eq!(true.operand().view().to_vec(), vec![true]);
    /// ```
    fn operand(&self) -> CowArray<'_, T>;
}

macro_rules! scalar_operand {
    ($($t:ty)*) => {$(
        impl Operand<$t> for $t {
            fn operand(&self) -> CowArray<'_, $t> {
                CowArray::Owned(Array::from_vec(vec![*self], []).expect("one element"))
            }
        }
    )*};
}
scalar_operand!(i8 i16 i32 i64 u8 u16 u32 u64 f64 bool);

impl<S: Storage> Operand<S::Elem> for ArrayBase<S> {
    fn operand(&self) -> CowArray<'_, S::Elem> {
        CowArray::View(self.view())
    }
}

impl<T: Element> Operand<T> for CowArray<'_, T> {
    fn operand(&self) -> CowArray<'_, T> {
        CowArray::View(self.view())
    }
}

impl<T: Element, X: Operand<T> + ?Sized> Operand<T> for &X {
    fn operand(&self) -> CowArray<'_, T> {
        (**self).operand()
    }
}

impl<T: Element, const N: usize> Operand<T> for [T; N] {
    fn operand(&self) -> CowArray<'_, T> {
        CowArray::View(ArrayView::from_slice(self))
    }
}

impl<T: Element, const N: usize, const M: usize> Operand<T> for [[T; M]; N] {
    fn operand(&self) -> CowArray<'_, T> {
        let flat = self.as_flattened();
        let item = size_of::<T>() as isize;
        CowArray::View(ArrayView::from_parts(flat, [N, M], [M as isize * item, item], 0).expect("in bounds"))
    }
}

impl<T: Element> Operand<T> for Vec<T> {
    fn operand(&self) -> CowArray<'_, T> {
        CowArray::View(ArrayView::from_slice(self))
    }
}

impl<T: Element> Operand<T> for [T] {
    fn operand(&self) -> CowArray<'_, T> {
        CowArray::View(ArrayView::from_slice(self))
    }
}
