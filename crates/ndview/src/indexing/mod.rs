//! Advanced ("fancy") indexing and boolean masks, as NumPy 2.4 does them.
//!
//! ```text
//! NumPy source: numpy/_core/src/multiarray/mapping.c
//!   prepare_index          parse the index, count axes, check booleans
//!   get_view_from_index    the basic part: integers, slices, newaxis, ...
//!   mapiter_fill_info      where the new axes go, broadcast the index arrays
//!   PyArray_MapIterNew     allocate the result (its memory order!)
//!   PyArray_MapIterCheckIndices, check_and_adjust_index   bounds
//!   PyArray_MapIterSwapAxes, _get_transpose                move the axes
//!   array_boolean_subscript, array_assign_boolean_subscript   one full mask
//! numpy/_core/src/umath/ufunc_object.c: ufunc_at (np.add.at)
//! ```
//!
//! **The index.** An index is a list of entries ([`IndexItem`]): integers,
//! slices, `newaxis`, one `...`, integer arrays and boolean arrays. It is
//! *basic* when it holds no array: the result is then a view, exactly what
//! [`slice`](crate::ArrayBase::slice) computes (plus `newaxis` and `...`).
//! Any array makes it *advanced*: the result is a new array. ndview shows the
//! difference in the type: [`at`](crate::ArrayBase::at) returns a
//! [`CowArray`](crate::CowArray), `View` for a basic index and `Owned` for an
//! advanced one; [`select`](crate::ArrayBase::select) always returns an owned
//! [`Array`](crate::Array).
//!
//! **Parsing** (`prepare_index`). Each entry uses up axes of the source: an
//! integer, a slice and an integer array one each, a boolean array of k
//! dimensions k (it is replaced by its k `nonzero` index arrays, so
//! `a[mask]` is `a[mask.nonzero()]`), `newaxis` and a 0-d boolean none. An
//! `...` stands for the axes left over; without one, `...` is appended at
//! the end. More axes used than the array has is "too many indices". A
//! boolean array must match the lengths of the axes it stands for. A 0-d
//! boolean is an index array of shape `(1,)` (`True`, pick everything) or
//! `(0,)` (`False`, pick nothing) that uses no axis: it adds an axis of
//! length 1 or 0.
//!
//! **The basic part** (`get_view_from_index`). The integers, slices, newaxis
//! and `...` make a view, the *subspace*, with the axes of the index arrays
//! left out (an integer moves the offset and drops its axis, as always).
//!
//! **The index part** (`mapiter_fill_info`). The index arrays broadcast
//! together to the *index shape* (otherwise "shape mismatch: indexing arrays
//! could not be broadcast together with shapes ..."). The result has the
//! index shape's axes and the subspace's axes. Where do the index axes go?
//! If the advanced entries are next to each other, in their place; if a
//! slice, newaxis or `...` separates them, in front. In NumPy an *integer*
//! among array indices counts as advanced for this rule: `a[:, 0, [0, 1]]`
//! keeps the new axis in place, but `a[0, :, [0, 1]]` moves it to the front.
//!
//! **The result's memory** (`PyArray_MapIterNew`). NumPy iterates the index
//! axes outermost and the subspace innermost, and allocates the result in
//! that iteration order: the index axes first (in C order, or in the index
//! arrays' own memory order when the subspace has one element), then the
//! subspace axes *in the memory order of the source* (their strides sorted,
//! `PyArray_CreateSortedStridePerm`, which is `order='K'`). Only then are the
//! index axes moved into place (`PyArray_MapIterSwapAxes`), a transpose that
//! copies nothing. So for `a = np.arange(24).reshape(2, 3, 4)`,
//! `a[:, [0, 1], :]` is allocated as `(2, 2, 4)` with the index axis first and
//! transposed to shape `(2, 2, 4)` with strides `(32, 64, 8)`: not C order.
//! An empty result, like every empty allocation in NumPy, has strides 0.
//!
//! **Bounds.** Every index value is checked against its axis (negative counts
//! from the end), array by array, unless the index shape is empty; then
//! nothing is checked. For assignment the value's shape is checked first.
//!
//! **Assignment** runs the same machinery backwards: the value is broadcast
//! to the result's shape (leading length-1 axes may be dropped; otherwise
//! "shape mismatch: value array of shape ... could not be broadcast to
//! indexing result of shape ..."), its axes are moved like the result's, and
//! each element is written to the place the index reads from. A repeated
//! index is written several times; the last write wins. `a[i] += v` is
//! Python's `a[i] = a[i] + v`: one read, one add, one write per index
//! ("buffered"), so a repeated index adds once. `np.add.at(a, i, v)`
//! ([`add_at`](crate::ArrayBase::add_at)) adds for every repeat
//! ("unbuffered").
//!
//! **One full-shape mask** (`array_boolean_subscript`). `a[mask]` with a
//! single boolean array of `a`'s shape skips all of this: a scan of the mask
//! in C order that copies the picked elements (contiguous runs at once).
//!
//! The gather and scatter loops are in `copy.rs`, beside the other copies.

mod item;
mod plan;
mod select;
mod write;

pub use item::{IndexElem, IndexItem, IntoIndexItem, ListElem, Operand};
pub(crate) use plan::nditer_order;
pub use write::WrappingAdd;

/// NumPy's index written as in Python, for [`at`](crate::ArrayBase::at),
/// [`select`](crate::ArrayBase::select) and the assignments:
/// `ix![[0, 2], 1:]` is `a[[0, 2], 1:]`.
///
/// Items are separated by commas. An item is
///
/// * a slice `start:stop:step` (parts may be left out: `:`, `::2`, `1:`),
///   exactly as in [`s!`](crate::s);
/// * `newaxis` (NumPy's `np.newaxis`) or `...` (NumPy's `Ellipsis`);
/// * anything else is an expression converted by [`IntoIndexItem`]: an
///   integer (`2`, `-1`, `i + 1`), a `bool` (a 0-d mask), a list of integers
///   or of booleans (`[0, 2]`, `[[0], [1]]`, `vec![true, false]`), or an
///   array: `&Array<i64>` (an index array, read in place) or
///   `&Array<bool>` (a mask), owned arrays too.
///
/// As in `s!`, an expression that contains `:` or `::` (a path such as
/// `Array::arange(3)`) must be put in parentheses.
///
/// ```
/// use ndview::{ix, Array};
///
/// let a = Array::arange(12).into_shape([3, 4])?;
/// assert_eq!(a.select(ix![[0, 2], 1:])?.to_string(), "[[ 1  2  3]\n [ 9 10 11]]");
/// let mask = a.gt(8)?;
/// assert_eq!(a.select(ix![&mask])?.to_vec(), vec![9, 10, 11]);
/// assert_eq!(a.select(ix![..., [-1]])?.shape(), &[3, 1]);
/// assert_eq!(a.select(ix![newaxis, [1], 0])?.shape(), &[1, 1]);
/// let rows = vec![2, 2];
/// assert_eq!(a.select(ix![rows, 3])?.to_vec(), vec![11, 11]);
/// # Ok::<(), ndview::Error>(())
/// ```
#[macro_export]
macro_rules! ix {
    () => { [] as [$crate::IndexItem<'static>; 0] };
    ($($t:tt)+) => { $crate::__ix!(@munch [] [] [] $($t)+) };
}

/// The token muncher behind [`ix!`]: the same splitting as `s!`, with
/// `newaxis`, `...` and array expressions as items.
#[doc(hidden)]
#[macro_export]
macro_rules! __ix {
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] , $($rest:tt)*) => {
        $crate::__ix!(@munch [$($items)* $crate::__ix!(@item $($parts)* ($($cur)*)),] [] [] $($rest)*)
    };
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] : $($rest:tt)*) => {
        $crate::__ix!(@munch [$($items)*] [$($parts)* ($($cur)*)] [] $($rest)*)
    };
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] :: $($rest:tt)*) => {
        $crate::__ix!(@munch [$($items)*] [$($parts)* ($($cur)*) ()] [] $($rest)*)
    };
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*] $t:tt $($rest:tt)*) => {
        $crate::__ix!(@munch [$($items)*] [$($parts)*] [$($cur)* $t] $($rest)*)
    };
    (@munch [$($items:tt)*] [] []) => { [$($items)*] };
    (@munch [$($items:tt)*] [$($parts:tt)*] [$($cur:tt)*]) => {
        [$($items)* $crate::__ix!(@item $($parts)* ($($cur)*))]
    };
    (@item (newaxis)) => { $crate::IndexItem::NewAxis };
    (@item (...)) => { $crate::IndexItem::Ellipsis };
    (@item ($($e:tt)+)) => { $crate::IntoIndexItem::into_index_item($($e)+) };
    (@item ($($a:tt)*) ($($b:tt)*)) => {
        $crate::IndexItem::Slice($crate::Slice {
            start: $crate::__s!(@opt $($a)*),
            stop: $crate::__s!(@opt $($b)*),
            step: None,
        })
    };
    (@item ($($a:tt)*) ($($b:tt)*) ($($c:tt)*)) => {
        $crate::IndexItem::Slice($crate::Slice {
            start: $crate::__s!(@opt $($a)*),
            stop: $crate::__s!(@opt $($b)*),
            step: $crate::__s!(@opt $($c)*),
        })
    };
}

#[cfg(test)]
mod tests {
    use crate::Array;

    fn strides_of(r: crate::Result<Array<i64>>) -> (Vec<usize>, Vec<isize>) {
        let r = r.unwrap();
        (r.shape().to_vec(), r.strides().to_vec())
    }

    /// Layouts observed with NumPy 2.4.6 (`a = np.arange(12).reshape(3, 4)`,
    /// `idx = np.array([[0, 1], [2, 0]]).T`, F-ordered).
    #[test]
    fn result_layouts_follow_numpy() {
        let a = Array::arange(12).into_shape([3, 4]).unwrap();
        let idx = Array::from_vec(vec![0_i64, 1, 2, 0], [2, 2]).unwrap();
        let idx = idx.t().copy_order(crate::Order::K);
        assert_eq!(idx.strides(), &[8, 16]);
        // a subspace of 4 elements: index axes in C order
        assert_eq!(strides_of(a.select(ix![&idx])), (vec![2, 2, 4], vec![64, 32, 8]));
        // no subspace: the index arrays' own memory order
        assert_eq!(strides_of(Array::arange(10).select(ix![&idx])), (vec![2, 2], vec![8, 16]));
        assert_eq!(strides_of(a.select(ix![&idx, &idx])), (vec![2, 2], vec![8, 16]));
        // index axes in place, allocated first
        assert_eq!(strides_of(a.select(ix![:, &idx])), (vec![3, 2, 2], vec![8, 48, 24]));
        assert_eq!(strides_of(a.t().select(ix![[0, 1]])), (vec![2, 3], vec![24, 8]));
        assert_eq!(strides_of(a.t().select(ix![[[0], [1]], [0, 2]])), (vec![2, 2], vec![16, 8]));
        let b = Array::arange(24).into_shape([2, 3, 4]).unwrap();
        assert_eq!(strides_of(b.select(ix![:, [0, 1], :])), (vec![2, 2, 4], vec![32, 64, 8]));
        assert_eq!(b.select(ix![0, :, [0, 1]]).unwrap().shape(), &[2, 3]);
        assert_eq!(b.select(ix![:, 0, [0, 1]]).unwrap().shape(), &[2, 2]);
        // empty results have zero strides, like every empty allocation
        assert_eq!(strides_of(a.select(ix![false, ...])), (vec![0, 3, 4], vec![0, 0, 0]));
        assert_eq!(strides_of(a.select(ix![true])), (vec![1, 3, 4], vec![96, 32, 8]));
    }

    #[test]
    fn mask_assignment_errors_and_broadcasts() {
        let mut a = Array::arange(12).into_shape([3, 4]).unwrap();
        let m = a.gt(4).unwrap();
        let err = a.assign_at(ix![&m], [1, 2]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "NumPy boolean array indexing assignment cannot assign 2 input values to the 7 output values \
             where the mask is true"
        );
        let err = a.assign_at(ix![&m], [[1, 2]]).unwrap_err();
        assert_eq!(err.numpy_type(), "TypeError");
        let mut b = a.copy();
        b.assign_at(ix![&m], [5]).unwrap();
        assert_eq!(b.to_vec(), vec![0, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5]);
        let mut b = a.copy();
        b.add_assign_at(ix![&m], [1]).unwrap();
        assert_eq!(b.to_vec(), vec![0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
        // a[[0, 0, 1]] += [[1], [2], [3]]: the last write of row 0 wins
        a.add_assign_at(ix![[0, 0, 1]], [[1], [2], [3]]).unwrap();
        assert_eq!(a.to_vec(), vec![2, 3, 4, 5, 7, 8, 9, 10, 8, 9, 10, 11]);
    }

    #[test]
    fn keep_order_outputs() {
        let a = Array::arange(12).into_shape([3, 4]).unwrap();
        let w = crate::where_(&a.t().gt(3).unwrap(), 1, a.t()).unwrap();
        assert_eq!(w.strides(), &[8, 32]);
        let back = a.slice(crate::s![::-1, ::-1]).unwrap().gt(2).unwrap();
        assert_eq!(back.strides(), &[4, 1]);
    }

    #[test]
    fn bool_results_print_display_and_draw() {
        let m = Array::arange(3).gt(0).unwrap();
        assert_eq!(format!("{m:?}"), "array([False,  True,  True])");
        assert!(m.to_html().contains("True"));
        #[cfg(feature = "svg")]
        assert!(crate::diagram::svg(&m).contains("data-itemsize=\"1\""));
        let picked = Array::arange(3).select(ix![&m]).unwrap();
        assert!(!crate::shares_memory(&m, &picked).unwrap());
    }
}
