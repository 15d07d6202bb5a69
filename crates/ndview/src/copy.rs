//! Copies: the one place where elements are moved into new memory.
//!
//! `copy`, `to_owned`, `flatten`, `to_vec`, and the copying branches of
//! `reshape` and `ravel` all come here. A copy walks the source in some
//! order of its axes and writes the elements one after another into a fresh
//! buffer, so the result is contiguous whatever the source was. NumPy:
//! `PyArray_NewCopy` and `PyArray_Flatten` (`numpy/_core/src/multiarray/`),
//! with the choice of axis order for `order='K'` from `PyArray_NewLikeArray`
//! (`ctors.c`) and `npyiter_find_best_axis_ordering` (`nditer_constr.c`).
//!
//! The inner loop is kept here alone so it can be tuned in one place: a
//! contiguous source is one `memcpy`; otherwise the innermost axis is copied
//! with a fixed step.

use crate::axis_vec::AxisVec;

use crate::array::{Array, ArrayBase, Storage};
use crate::axes::{permuted, reversed_layout};
use crate::element::Element;
use crate::layout::{Dims, Layout, Order};

/// The elements of `layout` over `data` in C order of the (already permuted)
/// layout, appended to `out`.
fn gather_c<T: Copy>(data: &[T], layout: &Layout, out: &mut Vec<T>) {
    let size = layout.size();
    if size == 0 {
        return;
    }
    let itemsize = layout.itemsize() as isize;
    let start = layout.offset() / itemsize;
    if layout.is_c_contiguous() {
        let start = start as usize;
        out.extend_from_slice(&data[start..start + size]);
        return;
    }
    // Drop length-1 axes (their stride never matters), then copy the last
    // axis as a run with a fixed step for every index of the outer axes.
    let (shape, strides): (Dims, AxisVec<isize>) = layout
        .shape()
        .iter()
        .zip(layout.strides())
        .filter(|&(&d, _)| d != 1)
        .map(|(&d, &s)| (d, s / itemsize))
        .unzip();
    let ndim = shape.len();
    let (inner_len, inner_step) = (shape[ndim - 1], strides[ndim - 1]);
    let mut index: Dims = AxisVec::from_elem(0, ndim - 1);
    let mut row = start;
    out.reserve(size);
    loop {
        let mut pos = row;
        for _ in 0..inner_len {
            out.push(data[pos as usize]);
            pos += inner_step;
        }
        // Advance the outer odometer.
        let mut axis = ndim - 1;
        loop {
            if axis == 0 {
                return;
            }
            axis -= 1;
            index[axis] += 1;
            row += strides[axis];
            if index[axis] < shape[axis] {
                break;
            }
            row -= strides[axis] * shape[axis] as isize;
            index[axis] = 0;
        }
    }
}

/// NumPy's `PyArray_ISFORTRAN`: F-contiguous and not C-contiguous.
pub(crate) fn is_fortran(layout: &Layout) -> bool {
    layout.is_f_contiguous() && !layout.is_c_contiguous()
}

/// The axes sorted by decreasing absolute stride, ties in axis order
/// (`PyArray_CreateSortedStridePerm`).
pub(crate) fn sorted_stride_perm(layout: &Layout) -> AxisVec<usize> {
    let mut perm: AxisVec<usize> = (0..layout.ndim()).collect();
    perm.sort_by_key(|&a| std::cmp::Reverse(layout.strides[a].unsigned_abs()));
    perm
}

/// The axis order in which NumPy's iterator visits an array for `order='K'`
/// (`npyiter_find_best_axis_ordering`): an insertion sort from the innermost
/// axis outwards by absolute stride, where a zero stride compares with
/// nothing. Returned outermost first.
fn k_iteration_axes(layout: &Layout) -> AxisVec<usize> {
    let ndim = layout.ndim();
    let stride = |axis: usize| layout.strides[axis];
    // NumPy's iterator keeps its axes innermost first.
    let mut perm: AxisVec<usize> = (0..ndim).rev().collect();
    for i0 in 1..ndim {
        let j0 = perm[i0];
        let mut ipos = i0;
        for i1 in (0..i0).rev() {
            let (s0, s1) = (stride(j0), stride(perm[i1]));
            if s0 != 0 && s1 != 0 {
                if s1.unsigned_abs() <= s0.unsigned_abs() {
                    break;
                }
                ipos = i1;
            }
        }
        if ipos != i0 {
            perm[ipos..=i0].rotate_right(1);
        }
    }
    perm.reverse();
    perm
}

/// The elements of `layout` over `data`, read in `order`, in a new `Vec`.
pub(crate) fn gather<T: Copy>(data: &[T], layout: &Layout, order: Order) -> Vec<T> {
    let mut out = Vec::with_capacity(layout.size());
    let order = match order {
        Order::A if is_fortran(layout) => Order::F,
        Order::A => Order::C,
        other => other,
    };
    match order {
        Order::F => gather_c(data, &reversed_layout(layout), &mut out),
        Order::K => gather_c(data, &permuted(layout, &k_iteration_axes(layout)), &mut out),
        _ => gather_c(data, layout, &mut out),
    }
    out
}

/// A new array with the elements of `layout` over `data`, its memory laid out
/// in `order` (NumPy's `a.copy(order)`).
pub(crate) fn copy_in_order<T: Element>(data: &[T], layout: &Layout, order: Order) -> Array<T> {
    let itemsize = layout.itemsize();
    let order = match order {
        Order::A if is_fortran(layout) => Order::F,
        Order::A => Order::C,
        Order::K if layout.is_c_contiguous() || layout.ndim() <= 1 => Order::C,
        Order::K if layout.is_f_contiguous() => Order::F,
        other => other,
    };
    match order {
        Order::F => {
            let new = Layout::fresh(layout.shape(), itemsize, Order::F);
            Array { data: gather(data, layout, Order::F), layout: new }
        }
        Order::K => {
            // Keep the order of the strides: the axis with the largest stride
            // stays outermost in memory.
            let perm = sorted_stride_perm(layout);
            let mut strides: AxisVec<isize> = AxisVec::from_elem(0, layout.ndim());
            let mut step = itemsize as isize;
            for &axis in perm.iter().rev() {
                strides[axis] = step;
                step *= layout.shape[axis] as isize;
            }
            if layout.size() == 0 {
                strides.iter_mut().for_each(|s| *s = 0);
            }
            let values = {
                let mut out = Vec::with_capacity(layout.size());
                gather_c(data, &permuted(layout, &perm), &mut out);
                out
            };
            let new = Layout::from_parts(layout.shape.clone(), strides, 0, itemsize);
            Array { data: values, layout: new }
        }
        _ => {
            let new = Layout::fresh(layout.shape(), itemsize, Order::C);
            Array { data: gather(data, layout, Order::C), layout: new }
        }
    }
}

impl<S: Storage> ArrayBase<S> {
    /// A copy in new memory, C-contiguous (NumPy's `a.copy()`).
    ///
    /// ```
    /// use ndview::{s, shares_memory, Array};
    /// let data = Array::arange(12).into_shape([3, 4])?;
    /// let copy = data.slice(s![1:, :3])?.copy();
    /// assert!(copy.owns_data() && copy.is_c_contiguous());
    /// assert_eq!(copy.strides(), &[24, 8]);
    /// assert!(!shares_memory(&data, &copy)?);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn copy(&self) -> Array<S::Elem> {
        self.copy_order(Order::C)
    }

    /// A copy whose memory is laid out in `order` (NumPy's `a.copy(order)`);
    /// `K` keeps the source's order of strides.
    ///
    /// ```
    /// use ndview::{Array, Order};
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!(a.t().copy_order(Order::K).strides(), &[8, 32]);
    /// assert_eq!(a.t().copy_order(Order::C).strides(), &[24, 8]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn copy_order(&self, order: Order) -> Array<S::Elem> {
        copy_in_order(self.data.as_slice(), &self.layout, order)
    }

    /// The same as [`copy`](ArrayBase::copy), under `ndarray`'s name.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(3);
    /// assert!(a.view().to_owned().owns_data());
    /// ```
    pub fn to_owned(&self) -> Array<S::Elem> {
        self.copy()
    }

    /// A one-dimensional copy of the elements in C order (NumPy's
    /// `a.flatten()`): always new memory, even when a view would do.
    ///
    /// ```
    /// use ndview::{shares_memory, Array};
    /// let data = Array::arange(6).into_shape([2, 3])?;
    /// let flat = data.flatten();
    /// assert_eq!(flat.shape(), &[6]);
    /// assert!(!shares_memory(&data, &flat)?);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn flatten(&self) -> Array<S::Elem> {
        self.flatten_order(Order::C)
    }

    /// A one-dimensional copy of the elements read in `order`.
    ///
    /// ```
    /// use ndview::{Array, Order};
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// assert_eq!(a.flatten_order(Order::F).to_vec(), vec![0, 3, 1, 4, 2, 5]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn flatten_order(&self, order: Order) -> Array<S::Elem> {
        Array::from_vec_1d(gather(self.data.as_slice(), &self.layout, order))
    }

    /// The elements in C order, in a `Vec`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// assert_eq!(a.t().to_vec(), vec![0, 3, 1, 4, 2, 5]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn to_vec(&self) -> Vec<S::Elem> {
        gather(self.data.as_slice(), &self.layout, Order::C)
    }
}

// ---------------------------------------------------------------------------
// Gathers and scatters through index arrays (advanced indexing, `take`,
// masks). The index values are turned into element offsets once, before
// these loops run; the loops only add strides.
// ---------------------------------------------------------------------------

/// Calls `f(a, b)` for every index of `shape` in C order, where `a` and `b`
/// are element positions stepping by `a_strides` and `b_strides` from
/// `a_start` and `b_start`. The last axis is the inner loop.
#[inline]
pub(crate) fn for_each_pair(
    shape: &[usize],
    a_strides: &[isize],
    a_start: isize,
    b_strides: &[isize],
    b_start: isize,
    mut f: impl FnMut(isize, isize),
) {
    if shape.contains(&0) {
        return;
    }
    let nd = shape.len();
    if nd == 0 {
        f(a_start, b_start);
        return;
    }
    let (inner, ia, ib) = (shape[nd - 1], a_strides[nd - 1], b_strides[nd - 1]);
    let mut index: Dims = AxisVec::from_elem(0, nd - 1);
    let (mut pa, mut pb) = (a_start, b_start);
    loop {
        let (mut x, mut y) = (pa, pb);
        for _ in 0..inner {
            f(x, y);
            x += ia;
            y += ib;
        }
        let mut axis = nd - 1;
        loop {
            if axis == 0 {
                return;
            }
            axis -= 1;
            index[axis] += 1;
            pa += a_strides[axis];
            pb += b_strides[axis];
            if index[axis] < shape[axis] {
                break;
            }
            pa -= a_strides[axis] * shape[axis] as isize;
            pb -= b_strides[axis] * shape[axis] as isize;
            index[axis] = 0;
        }
    }
}

/// C-order element strides of `shape`: walking with them counts 0, 1, 2, …
pub(crate) fn counting_strides(shape: &[usize]) -> AxisVec<isize> {
    let mut strides: AxisVec<isize> = AxisVec::from_elem(0, shape.len());
    let mut step = 1isize;
    for axis in (0..shape.len()).rev() {
        strides[axis] = step;
        step *= shape[axis] as isize;
    }
    strides
}

/// One side of an indexed copy: the block copied per index position.
pub(crate) struct Block<'s> {
    /// Shape of the block (the subspace), outermost first.
    pub(crate) shape: &'s [usize],
    /// Element strides of the block in the indexed array.
    pub(crate) indexed: &'s [isize],
    /// Element strides of the block in the other array.
    pub(crate) other: &'s [isize],
}

/// The gather of advanced indexing: for index position `k` (C order over
/// `outer`), the block at `base + offsets[k]` of `src` goes to `dst` at
/// `k · dst_outer` (element strides).
pub(crate) fn gather_indexed<T: Copy>(
    src: &[T],
    base: isize,
    offsets: &[isize],
    outer: &[usize],
    dst_outer: &[isize],
    block: &Block<'_>,
    dst: &mut [T],
) {
    let count = counting_strides(outer);
    if let ([len], [step], [1]) = (block.shape, block.indexed, block.other) {
        // A one-axis block written contiguously: rows (`a[idx]`, one copy
        // each) or columns (`a[:, idx]`). Columns are copied in tiles of a
        // few rows, so that the reads of one tile stay within a few pages
        // and every write fills whole cache lines.
        let (len, step) = (*len, *step);
        let mut starts = Vec::with_capacity(offsets.len());
        for_each_pair(outer, dst_outer, 0, &count, 0, |d, k| {
            starts.push((d as usize, base + offsets[k as usize]))
        });
        if step == 1 {
            for &(d, s) in &starts {
                dst[d..d + len].copy_from_slice(&src[s as usize..s as usize + len]);
            }
            return;
        }
        const TILE: usize = 16;
        let mut i0 = 0;
        while i0 < len {
            let i1 = (i0 + TILE).min(len);
            for &(d, s) in &starts {
                for (i, out) in dst[d + i0..d + i1].iter_mut().enumerate() {
                    *out = src[(s + (i0 + i) as isize * step) as usize];
                }
            }
            i0 = i1;
        }
        return;
    }
    let count = counting_strides(outer);
    for_each_pair(outer, dst_outer, 0, &count, 0, |d, k| {
        let s = base + offsets[k as usize];
        for_each_pair(block.shape, block.indexed, s, block.other, d, |s, d| {
            dst[d as usize] = src[s as usize];
        });
    });
}

/// The scatter of advanced indexing: for index position `k` (C order), each
/// element of the block at `base + offsets[k]` of `dst` is combined by `f`
/// with the value read from `src` (whose outer strides are `src_outer`,
/// starting at `src_start`). Repeated positions are visited once per repeat,
/// in order, so with `f = assign` the last write wins and with `f = add`
/// every repeat adds.
#[allow(clippy::too_many_arguments)]
pub(crate) fn scatter_indexed<T: Copy>(
    dst: &mut [T],
    base: isize,
    offsets: &[isize],
    outer: &[usize],
    src: &[T],
    src_start: isize,
    src_outer: &[isize],
    block: &Block<'_>,
    mut f: impl FnMut(&mut T, T),
) {
    let count = counting_strides(outer);
    for_each_pair(outer, src_outer, src_start, &count, 0, |v, k| {
        let d = base + offsets[k as usize];
        for_each_pair(block.shape, block.indexed, d, block.other, v, |d, v| {
            f(&mut dst[d as usize], src[v as usize]);
        });
    });
}

/// The elements of `data` (read through `layout`) where `mask` (of the same
/// shape, read through `mask_layout`) is true, in C order: NumPy's
/// `array_boolean_subscript`. Contiguous runs of `true` are copied at once.
pub(crate) fn mask_select<T: Copy>(
    data: &[T],
    layout: &Layout,
    mask: &[bool],
    mask_layout: &Layout,
) -> Vec<T> {
    let contiguous = |l: &Layout| l.is_c_contiguous() && l.size() > 0;
    if contiguous(layout) && contiguous(mask_layout) {
        let (start, mstart) =
            ((layout.offset() / layout.itemsize() as isize) as usize, mask_layout.offset() as usize);
        let n = layout.size();
        let (data, mask) = (&data[start..start + n], &mask[mstart..mstart + n]);
        let count = mask.iter().filter(|&&m| m).count();
        let mut out = Vec::with_capacity(count);
        let mut i = 0;
        while i < n {
            if !mask[i] {
                i += 1;
                continue;
            }
            let run = mask[i..].iter().position(|&m| !m).unwrap_or(n - i);
            if run == 1 {
                out.push(data[i]);
            } else {
                out.extend_from_slice(&data[i..i + run]);
            }
            i += run + 1;
        }
        return out;
    }
    let values = crate::iter::Positions::new(layout);
    let picks = crate::iter::Positions::new(mask_layout);
    values.zip(picks).filter(|&(_, m)| mask[m]).map(|(v, _)| data[v]).collect()
}

/// The copy loop of `take` (`npy_fasttake_impl`, `item_selection.c`): for
/// every index of the outer axes (C order, element strides `outer`), for
/// every offset in `offsets`, the block at that place is appended to `out`.
/// A contiguous block is one `memcpy`.
pub(crate) fn take_blocks<T: Copy>(
    src: &[T],
    start: isize,
    outer: (&[usize], &[isize]),
    offsets: &[isize],
    block: (&[usize], &[isize]),
    out: &mut Vec<T>,
) {
    let chunk: usize = block.0.iter().product();
    let contiguous = {
        let mut expected = 1isize;
        block.0.iter().zip(block.1).rev().all(|(&d, &s)| {
            let ok = d == 1 || s == expected;
            expected *= d as isize;
            ok
        })
    };
    let zeros: AxisVec<isize> = AxisVec::from_elem(0, outer.0.len());
    if contiguous && chunk == 1 {
        // One element per index (`take` along the last axis): a tight loop.
        for_each_pair(outer.0, outer.1, start, &zeros, 0, |row, _| {
            out.extend(offsets.iter().map(|&o| src[(row + o) as usize]));
        });
        return;
    }
    for_each_pair(outer.0, outer.1, start, &zeros, 0, |row, _| {
        for &o in offsets {
            let at = (row + o) as usize;
            if contiguous {
                out.extend_from_slice(&src[at..at + chunk]);
            } else {
                let none: AxisVec<isize> = AxisVec::from_elem(0, block.0.len());
                for_each_pair(block.0, block.1, at as isize, &none, 0, |p, _| out.push(src[p as usize]));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_order_keeps_a_reversed_axis_as_it_is() {
        // ravel('K') of x[::-1] copies in C order: NumPy does not negate strides here.
        let l = Layout::new(&[4], &[-8], 24, 8, 4).unwrap();
        assert_eq!(gather(&[0, 1, 2, 3], &l, Order::K), vec![3, 2, 1, 0]);
    }

    #[test]
    fn k_order_follows_memory_for_a_transpose() {
        let l = Layout::new(&[3, 2], &[8, 24], 0, 8, 6).unwrap();
        assert_eq!(gather(&[0, 1, 2, 3, 4, 5], &l, Order::K), vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn inner_runs_cover_every_outer_index() {
        let data: Vec<i64> = (0..24).collect();
        let l = Layout::new(&[2, 3, 2], &[96, 32, 16], 0, 8, 24).unwrap();
        assert_eq!(gather(&data, &l, Order::C), vec![0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
    }
}
