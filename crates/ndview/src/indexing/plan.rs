//! From an index to a plan: which elements, and where the result's axes go
//! (`prepare_index`, `get_view_from_index`, `mapiter_fill_info` and the
//! allocation in `PyArray_MapIterNew`, all in `mapping.c`).

use std::borrow::Cow;

use crate::array::ArrayView;
use crate::axis_vec::AxisVec;
use crate::broadcast::broadcast_to;
use crate::error::{Error, Result};
use crate::layout::{Dims, Layout, Strides};
use crate::slicing::{Slice, normalize_index};

use super::item::IndexItem;

/// NumPy's `NPY_MAXDIMS`.
const MAXDIMS: usize = 64;

/// An index array as the engine reads it: `i64` values and their layout.
pub(crate) struct IndexArray<'i> {
    data: Cow<'i, [i64]>,
    layout: Layout,
}

impl<'i> IndexArray<'i> {
    fn of(view: ArrayView<'i, i64>) -> IndexArray<'i> {
        IndexArray { layout: view.layout().clone(), data: Cow::Borrowed(view.data) }
    }

    fn owned(values: Vec<i64>) -> IndexArray<'i> {
        let layout = Layout::c_order(&[values.len()], 8);
        IndexArray { data: Cow::Owned(values), layout }
    }
}

/// One parsed entry (`npy_index_info`).
enum Entry<'i> {
    Int(isize),
    Slice(Slice),
    NewAxis,
    /// `...` and the number of axes it stands for.
    Ellipsis(usize),
    /// An index array; `bool_len` is the length of the axis a boolean array
    /// stood for (checked against the source).
    Fancy(IndexArray<'i>, Option<usize>),
    /// A 0-d boolean.
    Bool0(bool),
}

/// What an index asks for.
pub(crate) enum Prepared<'i> {
    /// A basic index: a view with this layout; `copy` when NumPy copies
    /// anyway (a 0-d integer array among the entries, `HAS_SCALAR_ARRAY`).
    Basic { layout: Layout, copy: bool },
    /// A single boolean array of the source's shape (`HAS_BOOL`).
    Mask(ArrayView<'i, bool>),
    /// An advanced index.
    Advanced(Plan<'i>),
}

/// One advanced entry of the plan (`mit->fancy_*`, `mit->iteraxes`).
pub(crate) struct Fancy<'i> {
    /// The index values; `None` for a 0-d boolean (always index 0).
    idx: Option<IndexArray<'i>>,
    /// Stride of the source axis it indexes, in elements.
    stride: isize,
    /// Length of that axis.
    dim: usize,
    /// That axis (for the bounds error).
    axis: usize,
}

/// An advanced index, ready to gather or scatter.
pub(crate) struct Plan<'i> {
    /// The basic part (`subspace`): a view of the source without the indexed
    /// axes; `None` when every entry is an index array.
    pub(crate) sub: Option<Layout>,
    /// Where the subspace (or the source) starts, in elements.
    pub(crate) base: isize,
    fancy: Vec<Fancy<'i>>,
    /// The broadcast index shape (`mit->dimensions[..nd_fancy]`).
    pub(crate) fshape: Dims,
    /// Where the index axes are put back (`mit->consec`); 0 = in front.
    pub(crate) consec: usize,
}

/// The result's layouts: in iteration order (index axes first) and final.
pub(crate) struct ResultLayout {
    /// Index axes, then subspace axes, with the allocated strides.
    pub(crate) iter: Layout,
    /// `iter` with the index axes moved into place.
    pub(crate) result: Layout,
}

/// The parsed entries and what they add up to.
struct Parsed<'i> {
    entries: Vec<Entry<'i>>,
    fancy: bool,
    scalar_array: bool,
}

/// `prepare_index`: parses `items` for an array of `shape`.
fn parse<'i>(shape: &[usize], items: &'i [IndexItem<'_>], allow_boolean: bool) -> Result<ParseOutcome<'i>> {
    let ndim = shape.len();
    let mut entries = Vec::with_capacity(items.len() + 1);
    let (mut used, mut new, mut fancy_ndim) = (0usize, 0usize, 0usize);
    let (mut fancy, mut newaxis, mut scalar_array, mut only_ints) = (false, false, false, true);
    let mut ellipsis = None;
    for item in items {
        if !matches!(item, IndexItem::Index(_)) {
            only_ints = false;
        }
        match item {
            IndexItem::Ellipsis => {
                if ellipsis.is_some() {
                    return Err(Error::MultipleEllipsis);
                }
                ellipsis = Some(entries.len());
                entries.push(Entry::Ellipsis(0));
            }
            IndexItem::NewAxis => {
                newaxis = true;
                new += 1;
                entries.push(Entry::NewAxis);
            }
            IndexItem::Slice(s) => {
                used += 1;
                new += 1;
                entries.push(Entry::Slice(*s));
            }
            IndexItem::Index(i) => {
                used += 1;
                entries.push(Entry::Int(*i));
            }
            IndexItem::BoolArray(b) => {
                let b = b.view();
                if items.len() == 1 && allow_boolean && b.shape() == shape {
                    return Ok(ParseOutcome::Mask(b));
                }
                fancy = true;
                fancy_ndim = fancy_ndim.max(1);
                if b.ndim() == 0 {
                    entries.push(Entry::Bool0(b.iter().next().copied().unwrap_or(false)));
                    continue;
                }
                for (k, column) in nonzero_columns(&b).into_iter().enumerate() {
                    entries.push(Entry::Fancy(IndexArray::owned(column), Some(b.shape()[k])));
                    used += 1;
                }
            }
            IndexItem::IntArray(a) => {
                let a = a.view();
                if a.ndim() == 0 {
                    scalar_array = true;
                    let v = *a.iter().next().expect("a 0-d array has one element");
                    entries.push(Entry::Int(v.clamp(isize::MIN as i64, isize::MAX as i64) as isize));
                    used += 1;
                    continue;
                }
                fancy = true;
                fancy_ndim = fancy_ndim.max(a.ndim());
                entries.push(Entry::Fancy(IndexArray::of(a), None));
                used += 1;
            }
        }
    }
    if used < ndim {
        let rest = ndim - used;
        match ellipsis {
            Some(pos) => entries[pos] = Entry::Ellipsis(rest),
            None => entries.push(Entry::Ellipsis(rest)),
        }
        new += rest;
        only_ints = false;
    } else if used > ndim {
        return Err(Error::TooManyIndices { ndim, given: used });
    }
    if fancy || (only_ints && scalar_array) {
        scalar_array = false;
    }
    if newaxis || fancy {
        if new + fancy_ndim > MAXDIMS {
            return Err(Error::TooManyDimensions { ndim: new + fancy_ndim });
        }
        let mut axis = 0;
        for e in &entries {
            match e {
                Entry::Fancy(_, Some(len)) if *len != shape[axis] => {
                    return Err(Error::BooleanIndexMismatch { axis, size: shape[axis], bool_size: *len });
                }
                Entry::Ellipsis(n) => axis += n,
                Entry::NewAxis | Entry::Bool0(_) => {}
                _ => axis += 1,
            }
        }
    }
    Ok(ParseOutcome::Entries(Parsed { entries, fancy, scalar_array }))
}

enum ParseOutcome<'i> {
    Entries(Parsed<'i>),
    Mask(ArrayView<'i, bool>),
}

/// The positions of the `true` elements of `b`, in C order, one `Vec` per
/// axis (what `nonzero` returns, as separate columns).
fn nonzero_columns(b: &ArrayView<'_, bool>) -> Vec<Vec<i64>> {
    let shape = b.shape();
    let count = b.iter().filter(|&&x| x).count();
    let mut columns: Vec<Vec<i64>> = (0..shape.len()).map(|_| Vec::with_capacity(count)).collect();
    let mut index = vec![0usize; shape.len()];
    for &x in b.iter() {
        if x {
            for (c, &i) in columns.iter_mut().zip(&index) {
                c.push(i as i64);
            }
        }
        for axis in (0..shape.len()).rev() {
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
    columns
}

/// `get_view_from_index`: the view the basic entries make, index arrays and
/// 0-d booleans left out.
fn view_from_index(layout: &Layout, entries: &[Entry<'_>]) -> Result<Layout> {
    let (mut shape, mut strides): (Dims, Strides) = (AxisVec::new(), AxisVec::new());
    let mut offset = layout.offset();
    let mut orig = 0;
    for e in entries {
        match e {
            Entry::Int(i) => {
                let i = normalize_index(*i, orig, layout.shape[orig])?;
                offset += i as isize * layout.strides[orig];
                orig += 1;
            }
            Entry::Ellipsis(n) => {
                for _ in 0..*n {
                    shape.push(layout.shape[orig]);
                    strides.push(layout.strides[orig]);
                    orig += 1;
                }
            }
            Entry::Slice(s) => {
                let (start, _, step, n) = s.indices(layout.shape[orig])?;
                let stride = layout.strides[orig];
                if n > 0 {
                    offset += start * stride;
                    strides.push(stride.wrapping_mul(step));
                } else {
                    strides.push(stride);
                }
                shape.push(n);
                orig += 1;
            }
            Entry::NewAxis => {
                shape.push(1);
                strides.push(0);
            }
            Entry::Bool0(_) => {}
            Entry::Fancy(..) => orig += 1,
        }
    }
    Ok(Layout::from_parts(shape, strides, offset, layout.itemsize()))
}

/// Parses `items` for the array `layout` and computes everything but the
/// bounds of the index values: the whole of NumPy's preparation, with its
/// errors in its order. `allow_boolean` enables the single-mask path (off
/// for `add_at`, as in `ufunc.at`).
pub(crate) fn prepare<'i>(
    layout: &Layout,
    items: &'i [IndexItem<'_>],
    allow_boolean: bool,
) -> Result<Prepared<'i>> {
    let parsed = match parse(layout.shape(), items, allow_boolean)? {
        ParseOutcome::Mask(m) => return Ok(Prepared::Mask(m)),
        ParseOutcome::Entries(p) => p,
    };
    let pure_fancy =
        parsed.fancy && parsed.entries.iter().all(|e| matches!(e, Entry::Fancy(..) | Entry::Bool0(_)));
    let sub = if pure_fancy { None } else { Some(view_from_index(layout, &parsed.entries)?) };
    if !parsed.fancy {
        let layout = sub.expect("a basic index has basic entries");
        return Ok(Prepared::Basic { layout, copy: parsed.scalar_array });
    }
    let itemsize = layout.itemsize() as isize;
    let base = sub.as_ref().map_or(layout.offset(), |s| s.offset()) / itemsize;
    let mut plan = Plan { sub, base, fancy: Vec::new(), fshape: AxisVec::new(), consec: 0 };
    fill_info(&mut plan, layout, parsed.entries)?;
    Ok(Prepared::Advanced(plan))
}

/// `mapiter_fill_info`: the index shape, the index entries, and where the
/// index axes go.
fn fill_info<'i>(plan: &mut Plan<'i>, layout: &Layout, entries: Vec<Entry<'i>>) -> Result<()> {
    let nd_fancy = entries
        .iter()
        .map(|e| match e {
            Entry::Fancy(a, _) => a.layout.ndim(),
            Entry::Bool0(_) => 1,
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let all_shapes: Vec<Vec<usize>> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Fancy(a, _) => Some(a.layout.shape().to_vec()),
            Entry::Bool0(v) => Some(vec![*v as usize]),
            _ => None,
        })
        .collect();
    let broadcast_error = || Error::IndexBroadcast { shapes: all_shapes.clone() };
    let mut dims: Dims = AxisVec::from_elem(1, nd_fancy);
    // -1: no advanced entry yet; 0: in one; 1: after one; 2: not consecutive.
    let (mut status, mut result_dim, mut curr_dim) = (-1, 0, 0);
    let itemsize = layout.itemsize() as isize;
    for e in entries {
        if matches!(e, Entry::Fancy(..) | Entry::Bool0(_) | Entry::Int(_)) {
            if status == -1 {
                plan.consec = result_dim;
                status = 0;
            } else if status == 1 {
                status = 2;
                plan.consec = 0;
            }
        } else if status == 0 {
            status = 1;
        }
        match e {
            Entry::Fancy(idx, _) => {
                let skip = nd_fancy - idx.layout.ndim();
                for (k, &d) in idx.layout.shape.iter().enumerate() {
                    let o = &mut dims[skip + k];
                    if d != 1 && d != *o {
                        if *o != 1 {
                            return Err(broadcast_error());
                        }
                        *o = d;
                    }
                }
                plan.fancy.push(Fancy {
                    idx: Some(idx),
                    stride: layout.strides[curr_dim] / itemsize,
                    dim: layout.shape[curr_dim],
                    axis: curr_dim,
                });
                curr_dim += 1;
            }
            Entry::Bool0(value) => {
                let n = value as usize;
                if n == 0 && dims[nd_fancy - 1] > 1 {
                    return Err(broadcast_error());
                }
                dims[nd_fancy - 1] *= n;
                plan.fancy.push(Fancy { idx: None, stride: 0, dim: 1, axis: 0 });
            }
            Entry::Ellipsis(n) => {
                curr_dim += n;
                result_dim += n;
            }
            Entry::NewAxis => result_dim += 1,
            Entry::Int(_) | Entry::Slice(_) => {
                curr_dim += 1;
                result_dim += 1;
            }
        }
    }
    plan.fshape = dims;
    Ok(())
}

impl Plan<'_> {
    /// Number of axes of the result.
    pub(crate) fn ndim(&self) -> usize {
        self.fshape.len() + self.sub.as_ref().map_or(0, |s| s.ndim())
    }

    /// The subspace's shape and strides (empty when there is none).
    pub(crate) fn sub_parts(&self) -> (&[usize], &[isize]) {
        match &self.sub {
            Some(s) => (s.shape(), s.strides()),
            None => (&[], &[]),
        }
    }

    /// The number of elements one index position stands for.
    pub(crate) fn sub_size(&self) -> usize {
        self.sub_parts().0.iter().product()
    }

    /// `PyArray_MapIterCheckIndices`: every index value in bounds, array by
    /// array, each in its memory order; nothing is checked when the index
    /// shape is empty.
    pub(crate) fn check_bounds(&self) -> Result<()> {
        if self.fshape.contains(&0) {
            return Ok(());
        }
        for f in &self.fancy {
            let Some(idx) = &f.idx else { continue };
            let perm = nditer_order(idx.layout.shape(), &[idx.layout.strides()]);
            let ordered = crate::axes::permuted(&idx.layout, &perm);
            for pos in crate::iter::Positions::new(&ordered) {
                let v = idx.data[pos];
                let i = v.clamp(isize::MIN as i64, isize::MAX as i64) as isize;
                normalize_index(i, f.axis, f.dim)?;
            }
        }
        Ok(())
    }

    /// For every position of the index shape, in C order, the element offset
    /// its index values add to [`Plan::base`] (checked bounds assumed).
    pub(crate) fn offsets(&self) -> Vec<isize> {
        let size: usize = self.fshape.iter().product();
        let mut offsets = vec![0isize; size];
        for f in &self.fancy {
            let Some(idx) = &f.idx else { continue };
            let b = broadcast_to(&idx.layout, &self.fshape).expect("the index arrays broadcast");
            let dim = f.dim as i64;
            for (o, pos) in offsets.iter_mut().zip(crate::iter::Positions::new(&b)) {
                let v = idx.data[pos];
                let v = if v < 0 { v + dim } else { v };
                *o += v as isize * f.stride;
            }
        }
        offsets
    }

    /// The layout NumPy allocates for the result (`PyArray_MapIterNew`): the
    /// index axes first, in C order (or in the index arrays' memory order
    /// when the subspace has one element), then the subspace axes in the
    /// source's memory order; then the index axes moved into place.
    pub(crate) fn result_layout(&self, itemsize: usize) -> ResultLayout {
        let nf = self.fshape.len();
        let (sub_shape, sub_strides) = self.sub_parts();
        let sub_size = self.sub_size();
        let nd = nf + sub_shape.len();
        let mut strides: Strides = AxisVec::from_elem(0, nd);
        if self.sub.is_none() || sub_size == 1 {
            let ops: Vec<Strides> = self
                .fancy
                .iter()
                .filter_map(|f| f.idx.as_ref())
                .map(|idx| broadcast_to(&idx.layout, &self.fshape).expect("broadcast").strides.clone())
                .collect();
            let ops: Vec<&[isize]> = ops.iter().map(|s| &s[..]).collect();
            let perm = nditer_order(&self.fshape, &ops);
            let mut step = (itemsize * sub_size) as isize;
            for &axis in perm.iter().rev() {
                strides[axis] = step;
                step = step.wrapping_mul(self.fshape[axis] as isize);
            }
        } else {
            let mut step = (itemsize * sub_size) as isize;
            for axis in (0..nf).rev() {
                strides[axis] = step;
                step = step.wrapping_mul(self.fshape[axis] as isize);
            }
        }
        let perm = sorted_stride_perm(sub_strides);
        let mut step = itemsize as isize;
        for &axis in perm.iter().rev() {
            strides[nf + axis] = step;
            step = step.wrapping_mul(sub_shape[axis] as isize);
        }
        let shape: Dims = self.fshape.iter().chain(sub_shape).copied().collect();
        if shape.contains(&0) {
            strides.iter_mut().for_each(|s| *s = 0);
        }
        let iter = Layout::from_parts(shape, strides, 0, itemsize);
        let result = if self.consec > 0 {
            crate::axes::permuted(&iter, &transpose_perm(nf, self.consec, nd, true))
        } else {
            iter.clone()
        };
        ResultLayout { iter, result }
    }

    /// The subspace axes in the source's memory order (largest stride first).
    pub(crate) fn sub_perm(&self) -> AxisVec<usize> {
        sorted_stride_perm(self.sub_parts().1)
    }
}

/// `_get_transpose`: the axis order that moves the index axes from the front
/// to `consec` (`getmap`) or back to the front (setting).
pub(crate) fn transpose_perm(n1: usize, n2: usize, n3: usize, getmap: bool) -> AxisVec<usize> {
    let bound = if getmap { n1 } else { n2 };
    (bound..n1 + n2).chain(0..bound).chain(n1 + n2..n3).collect()
}

/// Axes sorted by decreasing absolute stride, ties in axis order
/// (`PyArray_CreateSortedStridePerm`).
fn sorted_stride_perm(strides: &[isize]) -> AxisVec<usize> {
    let mut perm: AxisVec<usize> = (0..strides.len()).collect();
    perm.sort_by_key(|&a| std::cmp::Reverse(strides[a].unsigned_abs()));
    perm
}

/// The axis order NumPy's iterator picks for `order='K'` over several
/// operands of one (broadcast) shape (`npyiter_find_best_axis_ordering`,
/// `nditer_constr.c`), outermost first. Length-1 axes have stride 0 for the
/// iterator, and a zero stride compares with nothing; an operand with
/// different opinions on two axes leaves them as they are.
pub(crate) fn nditer_order(shape: &[usize], ops: &[&[isize]]) -> AxisVec<usize> {
    let ndim = shape.len();
    let stride = |axis: usize, op: usize| if shape[axis] == 1 { 0 } else { ops[op][axis] };
    // The iterator keeps its axes innermost first.
    let mut perm: AxisVec<usize> = (0..ndim).rev().collect();
    for i0 in 1..ndim {
        let j0 = perm[i0];
        let mut ipos = i0;
        for i1 in (0..i0).rev() {
            let j1 = perm[i1];
            let (mut ambiguous, mut swap) = (true, false);
            for op in 0..ops.len() {
                let (s0, s1) = (stride(j0, op), stride(j1, op));
                if s0 != 0 && s1 != 0 {
                    if s1.unsigned_abs() <= s0.unsigned_abs() {
                        swap = false;
                    } else if ambiguous {
                        swap = true;
                    }
                    ambiguous = false;
                }
            }
            if !ambiguous {
                if swap {
                    ipos = i1;
                } else {
                    break;
                }
            }
        }
        if ipos != i0 {
            perm[ipos..=i0].rotate_right(1);
        }
    }
    perm.reverse();
    perm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transpose_moves_index_axes() {
        assert_eq!(&*transpose_perm(1, 1, 3, true), &[1, 0, 2]);
        assert_eq!(&*transpose_perm(2, 1, 4, true), &[2, 0, 1, 3]);
        assert_eq!(&*transpose_perm(2, 1, 4, false), &[1, 2, 0, 3]);
    }

    #[test]
    fn keep_order_follows_memory() {
        assert_eq!(&*nditer_order(&[3, 4], &[&[8, 24]]), &[1, 0]);
        assert_eq!(&*nditer_order(&[3, 4], &[&[32, 8]]), &[0, 1]);
        assert_eq!(&*nditer_order(&[3, 1], &[&[8, 0]]), &[0, 1]);
    }
}
