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
//! # The copy engine
//!
//! Which order the elements land in is decided above the engine (by
//! `gather` and `copy_in_order`, following NumPy); the engine only receives
//! a layout whose C order *is* the order to write, and makes that as cheap
//! as the memory allows. It works in four steps, cheapest case first:
//!
//! 1. **Simplify the walk** ([`Walk::new`]). Strides become element steps,
//!    axes of length 1 are dropped (their stride is never used), and
//!    neighbouring axes that step like one axis are merged: an outer axis
//!    whose step is the inner axis's step times its length continues where
//!    the inner one ends (NumPy's iterator does the same,
//!    `npyiter_coalesce_axes` in `nditer_api.c`). A C-contiguous array
//!    becomes one axis of step 1; `[::-1, ::-1]` of a C-contiguous array
//!    becomes one axis of step −1; `[::2, ::2]` stays two axes.
//! 2. **Contiguous runs.** If the innermost axis has step 1 each run is one
//!    `extend_from_slice` (a `memcpy`); step −1 is a reversed run
//!    (`iter().rev()` over the run's slice).
//! 3. **The inner axis with a fixed step.** Otherwise each run is read with
//!    a fixed step (`step_by`) and appended; the outer axes are an odometer
//!    that moves the start of the run by their steps, so nothing is
//!    multiplied per element and nothing is bounds-checked per element
//!    beyond the run's one slice. A step of `k` elements of 8 bytes uses
//!    `8/k` of each 64-byte cache line it loads (`[::2]` half, `[::8]` one
//!    element per line): for large steps that is what a strided copy
//!    costs. For steps of 2 to 4 the instructions count too: one element
//!    per iteration of `step_by` took longer than the memory needs, so
//!    those steps take every `k`-th element of `k`-element arrays
//!    ([`extend_every`]), a loop the compiler vectorises forwards and
//!    unrolls backwards.
//! 4. **Blocked transposes.** When some outer axis steps through memory
//!    more finely than the innermost one (a transpose: the output's rows are
//!    the source's columns), walking output order reads one element per
//!    cache line and comes back for the line's neighbour only after a whole
//!    column of other lines (1000 lines, 64 KB, for `big.T`: more than L1
//!    holds). The engine then copies the plane of that axis and the
//!    innermost one in square tiles of [`TILE`]×[`TILE`] elements (a band of
//!    output rows at a time, tile by tile along them), so every
//!    cache line loaded is used whole while it is still in L1, writing the
//!    tiles into a zeroed output (zeroed memory from the allocator is
//!    untouched pages for a large buffer, so the zeroing is free).
//!    A whole tile whose source runs have step 1 (the usual transpose) is
//!    copied through its 32 runs as fixed-size arrays, so the loop has no
//!    bounds checks and no index arithmetic: that took `big.T.copy()` from
//!    50–68 ms to 34–36 ms on this project's 2-core machine (under load).
//!    The runs of a tile are as far apart as the source's rows (80 KB for
//!    `big.T`), which the hardware prefetcher does not follow, so each whole
//!    tile asks for the lines of the next one along its band, when that one
//!    is whole too ([`alloc::prefetch`]), while it is copied. In a
//!    stand-alone copy of the kernel that took the transpose from
//!    18.8–22.1 ms to 15.5–16.8 ms (idle; the range is over two runs, each
//!    a median of 15 copies; a prefetch two tiles ahead gave 17.4 ms); in
//!    criterion's bench, 18.6 to 13.5 ms.
//!
//! Before any of this, `copy_in_order` takes the commonest copy, a
//! C-contiguous source copied in C order, without a walk: one `memcpy`.
//! For a small array the bookkeeping around it is most of the cost, so
//! when the source's layout is already the one a fresh array of its shape
//! has (an array as allocated, or a view of it that only narrows its first
//! axis or indexes it), its copy keeps that shape and those strides at
//! offset 0, and one pass over the axes ([`Layout::fresh_c_size`]) checks
//! it and counts the elements. When this was written (2026-12-02, rustc
//! 1.95, callgrind over 100 000 copies of 125 `i64` in a stand-alone
//! harness), a 1 kB copy ran 451 instructions, where it ran 526 with the
//! contiguity check, the count and fresh strides each computed on their
//! own; ndarray's `to_owned` of an `ArrayView1` ran 387, of an `ArrayViewD`
//! 697. The two cases share one call of `contiguous_values`: with a call in
//! each branch it was no longer inlined, and the copy ran 510.
//!
//! Every copy allocates fallibly first ([`alloc::try_with_capacity`]), so
//! a buffer that cannot be allocated is NumPy's `MemoryError`
//! ([`Error::MemoryError`](crate::Error::MemoryError)), not an abort; the
//! `try_` methods return it, the others panic with its message.
//!
//! Every buffer of 4 MiB or more is asked to be backed by transparent huge
//! pages before its first byte is written ([`crate::alloc`], as NumPy's
//! `indicate_hugepages` in `alloc.c`): the kernel then maps (and zeroes) it
//! 2 MiB at a time instead of taking one page fault per 4 KiB.
//!
//! Section 2's gathers reuse the engine through [`Walk`] and
//! [`extend_walk`] (append one strided block) or [`collect_walk`] (a new
//! buffer, blocked when that helps).

use crate::axis_vec::AxisVec;

use crate::alloc;
use crate::array::{Array, ArrayBase, Storage};
use crate::axes::{permuted, reversed_layout};
use crate::element::Element;
use crate::error::Result;
use crate::layout::{Dims, Layout, Order};

/// The side of the square tiles of a blocked transpose, in elements: 32
/// elements of 8 bytes are four cache lines, and a tile (32 source runs and
/// 32 output runs, 8 KiB of `i64` each way) stays in L1 while it is copied.
/// Square tiles of 8, 16 and 32 and oblong ones (64×8, 8×64) were tried on
/// the 1000×10 000 transpose, on a loaded machine; 32 was among the fastest.
pub(crate) const TILE: usize = 32;

/// One axis of a [`Walk`]: its length and its step, in elements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Axis {
    pub(crate) len: usize,
    pub(crate) step: isize,
}

/// A strided block of a buffer reduced to what a copy needs: the buffer
/// position of its first element and its axes, outermost first, without
/// length-1 axes and with neighbouring axes merged where they step as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Walk {
    pub(crate) start: usize,
    pub(crate) axes: AxisVec<Axis>,
    pub(crate) size: usize,
}

impl Walk {
    /// The walk of `layout` in its C order.
    pub(crate) fn new(layout: &Layout) -> Walk {
        let steps = layout.strides().iter().map(|&s| layout.items(s));
        Walk::from_parts(layout.items(layout.offset()), layout.shape().iter().copied().zip(steps))
    }

    /// The walk of the block starting at buffer position `start` (in
    /// elements) with these `(length, step)` axes, outermost first. For a
    /// non-empty block `start` and every position it reaches must be in the
    /// buffer the walk is used on (the copy functions index-check it).
    pub(crate) fn from_parts(start: isize, axes: impl IntoIterator<Item = (usize, isize)>) -> Walk {
        let mut merged: AxisVec<Axis> = AxisVec::new();
        let mut size = 1usize;
        for (len, step) in axes {
            size *= len;
            if len == 1 {
                continue;
            }
            match merged.last_mut() {
                // The outer axis continues where this one ends: one axis.
                // (Checked: an empty array's strides are never checked, so
                // the product may leave isize; then the axes do not merge.)
                Some(outer) if step.checked_mul(len as isize) == Some(outer.step) => {
                    outer.len *= len;
                    outer.step = step;
                }
                _ => merged.push(Axis { len, step }),
            }
        }
        if size == 0 {
            return Walk { start: 0, axes: AxisVec::new(), size: 0 };
        }
        Walk { start: start as usize, axes: merged, size }
    }

    /// The outer axis to tile with the innermost one, if a blocked copy
    /// reads memory better than the plain walk: the outer axis with the
    /// smallest step, when that is finer than the innermost axis's step.
    fn tile_axis(&self) -> Option<usize> {
        let n = self.axes.len();
        let inner = self.axes.get(n.checked_sub(1)?)?.step.unsigned_abs();
        let (k, finest) =
            self.axes[..n - 1].iter().enumerate().rev().min_by_key(|(_, a)| a.step.unsigned_abs())?;
        (finest.step.unsigned_abs() < inner).then_some(k)
    }
}

/// Calls `f` with the buffer position of the first element of every run of
/// the innermost axis, in C order of `outer`.
#[inline]
fn for_each_start(start: usize, outer: &[Axis], mut f: impl FnMut(isize)) {
    let mut index: AxisVec<usize> = AxisVec::from_elem(0, outer.len());
    let mut pos = start as isize;
    loop {
        f(pos);
        // Advance the odometer over the outer axes.
        let mut axis = outer.len();
        loop {
            if axis == 0 {
                return;
            }
            axis -= 1;
            index[axis] += 1;
            pos += outer[axis].step;
            if index[axis] < outer[axis].len {
                break;
            }
            pos -= outer[axis].step * outer[axis].len as isize;
            index[axis] = 0;
        }
    }
}

/// Appends the run of `axis.len` elements starting at `start` with a fixed step.
#[inline]
fn extend_run<T: Copy>(out: &mut Vec<T>, data: &[T], start: usize, axis: Axis) {
    let Axis { len, step } = axis;
    let stride = step.unsigned_abs();
    let span = (len - 1) * stride;
    // The run's elements in memory order, first to last.
    let run = if step < 0 { &data[start - span..=start] } else { &data[start..=start + span] };
    let forwards = step > 0;
    match stride {
        0 => out.extend(std::iter::repeat_n(data[start], len)),
        1 if forwards => out.extend_from_slice(run),
        1 => out.extend(run.iter().rev()),
        2 => extend_every::<T, 2>(out, run, forwards),
        3 => extend_every::<T, 3>(out, run, forwards),
        4 => extend_every::<T, 4>(out, run, forwards),
        _ if forwards => out.extend(run.iter().step_by(stride)),
        _ => out.extend(run.iter().rev().step_by(stride)),
    }
}

/// Appends every `K`-th element of `run` (whose length is a multiple of `K`
/// plus one), from its first element to its last, or from its last to its
/// first. With `K` known at compile time the loop reads the run as arrays of
/// `K` elements and keeps the first of each, which the compiler turns into
/// vector instructions forwards (for `i64`, two elements joined in a
/// register for each 16-byte store) and into an unrolled loop backwards;
/// `step_by` with a step known only at run time stays one element per
/// iteration. In a stand-alone copy of the runs of
/// `big[::2, ::2]` (medians of 41, idle) that took step 2 from 3.8 to 2.2 ms
/// and step −2 from 5.5–5.9 to 2.8–4.0 ms; steps of 3 and 4 gained 5 to
/// 35 %, a step of 8 only 1 to 5 %, so steps above 4 keep `step_by` rather
/// than compile one more loop per element type.
#[inline]
fn extend_every<T: Copy, const K: usize>(out: &mut Vec<T>, run: &[T], forwards: bool) {
    let (&last, before) = run.split_last().expect("a run has at least one element");
    let (chunks, rest) = before.as_chunks::<K>();
    debug_assert!(rest.is_empty(), "the run spans a whole number of steps");
    if forwards {
        out.extend(chunks.iter().map(|c| c[0]));
        out.push(last);
    } else {
        out.push(last);
        out.extend(chunks.iter().rev().map(|c| c[0]));
    }
}

/// Appends the elements of `walk` over `data`, in C order of its axes, to
/// `out`, one run of the innermost axis at a time (steps 2 and 3 of the
/// engine). Panics if the walk leaves `data`.
pub(crate) fn extend_walk<T: Copy>(out: &mut Vec<T>, data: &[T], walk: &Walk) {
    if walk.size == 0 {
        return;
    }
    out.reserve(walk.size);
    match walk.axes.split_last() {
        None => out.push(data[walk.start]),
        Some((&inner, outer)) => {
            for_each_start(walk.start, outer, |pos| extend_run(out, data, pos as usize, inner))
        }
    }
}

/// Writes the elements of `walk` over `data` into `dst` (exactly `walk.size`
/// long) in C order of the walk's axes, copying the plane of axis `k` and
/// the innermost axis in tiles (step 4 of the engine).
fn write_tiled<T: Copy>(dst: &mut [T], data: &[T], walk: &Walk, k: usize) {
    let axes = &walk.axes[..];
    let n = axes.len() - 1;
    debug_assert!(k < n && dst.len() == walk.size);
    // Where each axis steps in the output: C order of the walk's axes.
    let mut out_steps: AxisVec<usize> = AxisVec::from_elem(1, axes.len());
    for axis in (0..n).rev() {
        out_steps[axis] = out_steps[axis + 1] * axes[axis + 1].len;
    }
    // The other axes (all but k and the innermost) walk over the planes.
    let rest: AxisVec<Axis> = (0..n).filter(|&a| a != k).map(|a| axes[a]).collect();
    let rest_out: AxisVec<usize> = (0..n).filter(|&a| a != k).map(|a| out_steps[a]).collect();
    let (tall, wide, tall_out) = (axes[k], axes[n], out_steps[k]);
    let mut index: AxisVec<usize> = AxisVec::from_elem(0, rest.len());
    let (mut src, mut out) = (walk.start as isize, 0usize);
    loop {
        for ib in (0..tall.len).step_by(TILE) {
            let ie = (ib + TILE).min(tall.len);
            for jb in (0..wide.len).step_by(TILE) {
                let width = TILE.min(wide.len - jb);
                if tall.step == 1 && ie - ib == TILE && width == TILE {
                    // A whole tile over source runs of step 1: its 32 runs
                    // as fixed-size arrays, so that the copy below has no
                    // bounds checks and no index arithmetic.
                    let runs: [&[T; TILE]; TILE] = std::array::from_fn(|j| {
                        let at = (src + ib as isize + (jb + j) as isize * wide.step) as usize;
                        data[at..at + TILE].try_into().expect("TILE elements")
                    });
                    // Start loading the lines of the next tile along the band,
                    // if it is whole too, while this one is copied: its runs
                    // are `wide.step` apart, too far for the hardware
                    // prefetcher. A run that does not start on a line
                    // boundary reaches one line more: its last element is
                    // hinted too.
                    if jb + 2 * TILE <= wide.len {
                        for j in 0..TILE {
                            let at = src + ib as isize + (jb + TILE + j) as isize * wide.step;
                            let run = &data[at as usize..at as usize + TILE];
                            run.iter().step_by(per_line::<T>()).for_each(alloc::prefetch);
                            alloc::prefetch(&run[TILE - 1]);
                        }
                    }
                    for i in 0..TILE {
                        let at = out + (ib + i) * tall_out + jb;
                        let row: &mut [T; TILE] =
                            (&mut dst[at..at + TILE]).try_into().expect("TILE elements");
                        for (x, run) in row.iter_mut().zip(&runs) {
                            *x = run[i];
                        }
                    }
                    continue;
                }
                for i in ib..ie {
                    let from = src + i as isize * tall.step + jb as isize * wide.step;
                    let at = out + i * tall_out + jb;
                    for (j, x) in dst[at..at + width].iter_mut().enumerate() {
                        *x = data[(from + j as isize * wide.step) as usize];
                    }
                }
            }
        }
        // Advance the odometer over the other axes.
        let mut axis = rest.len();
        loop {
            if axis == 0 {
                return;
            }
            axis -= 1;
            index[axis] += 1;
            src += rest[axis].step;
            out += rest_out[axis];
            if index[axis] < rest[axis].len {
                break;
            }
            src -= rest[axis].step * rest[axis].len as isize;
            out -= rest_out[axis] * rest[axis].len;
            index[axis] = 0;
        }
    }
}

/// The elements of `walk` over `data` in a new buffer, by the cheapest of
/// the engine's strategies. Panics if the walk leaves `data`.
pub(crate) fn collect_walk<T: Element>(data: &[T], walk: &Walk, shape: &[usize]) -> Result<Vec<T>> {
    Ok(match walk.tile_axis() {
        Some(k) => {
            let mut out = alloc::try_zeroed(walk.size, shape)?;
            write_tiled(&mut out, data, walk, k);
            out
        }
        None => {
            let mut out = alloc::try_with_capacity(walk.size, shape)?;
            extend_walk(&mut out, data, walk);
            out
        }
    })
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

/// The elements of `layout` over `data`, read in `order`, in a new `Vec`
/// (or NumPy's `MemoryError` if it cannot be allocated).
pub(crate) fn gather<T: Element>(data: &[T], layout: &Layout, order: Order) -> Result<Vec<T>> {
    let order = match order {
        Order::A if is_fortran(layout) => Order::F,
        Order::A => Order::C,
        other => other,
    };
    if layout.is_c_contiguous() && (order == Order::C || layout.ndim() <= 1) {
        return contiguous_values(data, layout, layout.size());
    }
    let walk = match order {
        Order::F => Walk::new(&reversed_layout(layout)),
        Order::K => Walk::new(&permuted(layout, &k_iteration_axes(layout))),
        _ => Walk::new(layout),
    };
    collect_walk(data, &walk, layout.shape())
}

/// The elements of a C-contiguous `layout` over `data`, in a new `Vec`:
/// the most common copy, one `memcpy` without building a walk.
#[inline]
fn contiguous_values<T: Element>(data: &[T], layout: &Layout, size: usize) -> Result<Vec<T>> {
    debug_assert_eq!(layout.itemsize(), size_of::<T>());
    let mut values = alloc::try_with_capacity(size, layout.shape())?;
    if size > 0 {
        // The offset of an array with elements is never negative.
        let start = layout.offset() as usize / size_of::<T>();
        values.extend_from_slice(&data[start..start + size]);
    }
    Ok(values)
}

/// A new array with the elements of `layout` over `data`, its memory laid out
/// in `order` (NumPy's `a.copy(order)`).
#[inline]
pub(crate) fn copy_in_order<T: Element>(data: &[T], layout: &Layout, order: Order) -> Result<Array<T>> {
    if order != Order::F {
        // The most common copy, and for small arrays one where the
        // bookkeeping costs more than the bytes: a C-contiguous source
        // copied in C order (`K` and `A` are C for it) is one `memcpy` into
        // a fresh C-order layout. Most such sources already have that
        // layout (see the header), and their copy takes it as it is.
        let fresh = layout.fresh_c_size(size_of::<T>());
        if fresh.is_some() || layout.is_c_contiguous() {
            let values = contiguous_values(data, layout, fresh.unwrap_or_else(|| layout.size()))?;
            let new = match fresh {
                // Shape and strides cloned, the rest set: fewer instructions
                // than `Layout { offset: 0, ..layout.clone() }` (callgrind).
                Some(_) => {
                    Layout::from_parts(layout.shape.clone(), layout.strides.clone(), 0, layout.itemsize)
                }
                None => Layout::fresh_c(layout.shape(), layout.itemsize(), values.len()),
            };
            return Ok(Array { data: values, layout: new });
        }
    }
    copy_strided(data, layout, order)
}

/// [`copy_in_order`] for every source but a C-contiguous one copied in C
/// order. Kept out of line, so that the common case above compiles to a
/// short function with a small stack frame (this one needs room for walks
/// and permutations).
#[inline(never)]
fn copy_strided<T: Element>(data: &[T], layout: &Layout, order: Order) -> Result<Array<T>> {
    let itemsize = layout.itemsize();
    let order = match order {
        Order::A if is_fortran(layout) => Order::F,
        Order::A => Order::C,
        // (A C-contiguous source never gets here: `copy_in_order` took it.)
        Order::K if layout.ndim() <= 1 => Order::C,
        Order::K if layout.is_f_contiguous() => Order::F,
        other => other,
    };
    match order {
        Order::F => {
            let new = Layout::fresh(layout.shape(), itemsize, Order::F);
            Ok(Array { data: gather(data, layout, Order::F)?, layout: new })
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
            let values = collect_walk(data, &Walk::new(&permuted(layout, &perm)), layout.shape())?;
            let new = Layout::from_parts(layout.shape.clone(), strides, 0, itemsize);
            Ok(Array { data: values, layout: new })
        }
        _ => {
            let new = Layout::fresh(layout.shape(), itemsize, Order::C);
            Ok(Array { data: gather(data, layout, Order::C)?, layout: new })
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
    ///
    /// # Panics
    /// If the memory cannot be allocated, with the message of
    /// [`try_copy`](ArrayBase::try_copy)'s error.
    #[inline]
    pub fn copy(&self) -> Array<S::Elem> {
        self.copy_order(Order::C)
    }

    /// [`copy`](ArrayBase::copy), or NumPy's `MemoryError` when the memory
    /// cannot be allocated.
    ///
    /// ```
    /// use ndview::Array;
    /// let x = Array::from_vec(vec![7_i64], [1])?;
    /// // One element seen 2^40 times: 8 TiB to copy.
    /// let huge = x.as_strided([1 << 40], [0])?;
    /// assert_eq!(huge.try_copy().unwrap_err().to_string(),
    ///     "Unable to allocate 8.00 TiB for an array with shape (1099511627776,) and data type int64");
    /// assert_eq!(x.try_copy()?.to_vec(), vec![7]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    #[inline]
    pub fn try_copy(&self) -> Result<Array<S::Elem>> {
        self.try_copy_order(Order::C)
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
    ///
    /// # Panics
    /// As [`copy`](ArrayBase::copy).
    #[inline]
    pub fn copy_order(&self, order: Order) -> Array<S::Elem> {
        self.try_copy_order(order).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`copy_order`](ArrayBase::copy_order), or NumPy's `MemoryError`.
    ///
    /// ```
    /// use ndview::{Array, Order};
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// assert_eq!(a.try_copy_order(Order::F)?.strides(), &[8, 16]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    #[inline]
    pub fn try_copy_order(&self, order: Order) -> Result<Array<S::Elem>> {
        copy_in_order(self.data.as_slice(), &self.layout, order)
    }

    /// The same as [`copy`](ArrayBase::copy), under `ndarray`'s name.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(3);
    /// assert!(a.view().to_owned().owns_data());
    /// ```
    ///
    /// # Panics
    /// As [`copy`](ArrayBase::copy).
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
    ///
    /// # Panics
    /// As [`copy`](ArrayBase::copy); [`try_flatten`](ArrayBase::try_flatten)
    /// returns the error.
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
    ///
    /// # Panics
    /// As [`copy`](ArrayBase::copy).
    pub fn flatten_order(&self, order: Order) -> Array<S::Elem> {
        self.try_flatten_order(order).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`flatten`](ArrayBase::flatten), or NumPy's `MemoryError`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(4).into_shape([2, 2])?;
    /// assert_eq!(a.t().try_flatten()?.to_vec(), vec![0, 2, 1, 3]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_flatten(&self) -> Result<Array<S::Elem>> {
        self.try_flatten_order(Order::C)
    }

    /// [`flatten_order`](ArrayBase::flatten_order), or NumPy's `MemoryError`.
    ///
    /// ```
    /// use ndview::{Array, Order};
    /// let a = Array::arange(4).into_shape([2, 2])?;
    /// assert_eq!(a.try_flatten_order(Order::F)?.to_vec(), vec![0, 2, 1, 3]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_flatten_order(&self, order: Order) -> Result<Array<S::Elem>> {
        Ok(Array::from_vec_1d(gather(self.data.as_slice(), &self.layout, order)?))
    }

    /// The elements in C order, in a `Vec`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// assert_eq!(a.t().to_vec(), vec![0, 3, 1, 4, 2, 5]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    ///
    /// # Panics
    /// As [`copy`](ArrayBase::copy); [`try_to_vec`](ArrayBase::try_to_vec)
    /// returns the error.
    pub fn to_vec(&self) -> Vec<S::Elem> {
        self.try_to_vec().unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`to_vec`](ArrayBase::to_vec), or NumPy's `MemoryError` when the
    /// `Vec` cannot be allocated.
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(3).try_to_vec()?, vec![0, 1, 2]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_to_vec(&self) -> Result<Vec<S::Elem>> {
        gather(self.data.as_slice(), &self.layout, Order::C)
    }
}

// ---------------------------------------------------------------------------
// Gathers and scatters through index arrays (advanced indexing, `take`,
// masks). The index values are turned into element offsets once, before
// these loops run; the loops only add strides.
//
// A gather reads in the order of its index, which for random indices is no
// order at all: the hardware prefetcher, which streams memory ahead of a
// loop that walks it in order, sees nothing to follow, and every cache line
// is a miss that waits for memory. When the index is dense over a run of
// memory (at least one index per cache line of the run on average, so
// nearly every line is loaded anyway) and the run fits in the core's L2, the
// gather first reads the run once in order ([`Warmup`]), which the prefetcher
// streams in at the speed of memory, and then picks from it in L2. For
// `take` of 5 000 random columns of the 1000×10 000 `i64` array, each row
// an 80 KB run, this took the gather from 40 ms to 16 ms (into memory
// already touched, on this project's 2-core machine).
// ---------------------------------------------------------------------------

/// The bytes of a cache line.
const LINE: usize = 64;

/// How many elements of `T` one cache line holds (at least one), the step
/// at which reading a run touches each of its lines once.
fn per_line<T>() -> usize {
    (LINE / size_of::<T>().max(1)).max(1)
}

/// The longest run a gather warms, in bytes: half of the 512 KiB L2 of the
/// machine it was tuned on (this project's machines have had 512 KiB to
/// 2 MiB), so that what is read stays there while it is picked from.
const WARM_MAX_BYTES: usize = 256 << 10;

/// The run a gather through `offsets` reads from each start position,
/// `start + lo ..= start + hi`, when it is worth warming.
#[derive(Debug, Clone, Copy)]
struct Warmup {
    lo: isize,
    hi: isize,
}

impl Warmup {
    /// `Some` when a gather of elements of `T` at `offsets` should warm its
    /// run first: the picks are at least one per cache line of the run and
    /// the run fits in [`WARM_MAX_BYTES`].
    fn of<T>(offsets: &[isize]) -> Option<Warmup> {
        let lo = offsets.iter().copied().min()?;
        let hi = offsets.iter().copied().max()?;
        let bytes = (hi - lo) as usize * size_of::<T>().max(1) + size_of::<T>().max(1);
        (bytes <= WARM_MAX_BYTES && offsets.len() >= bytes.div_ceil(LINE)).then_some(Warmup { lo, hi })
    }

    /// Reads one element of every cache line of the run from `start`, in
    /// order, so that the prefetcher brings it into the caches before the
    /// gather reads it out of order. What it reads is passed to `black_box`
    /// only so that the compiler keeps the reads; the values are not used.
    fn warm<T: Copy>(self, src: &[T], start: isize) {
        let len = src.len() as isize;
        let run =
            &src[(start + self.lo).clamp(0, len) as usize..(start + self.hi + 1).clamp(0, len) as usize];
        for x in run.iter().step_by(per_line::<T>()) {
            std::hint::black_box(*x);
        }
    }
}

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
        const TILE: usize = 32;
        let warmup = Warmup::of::<T>(offsets);
        let mut i0 = 0;
        while i0 < len {
            let i1 = (i0 + TILE).min(len);
            if let Some(w) = warmup {
                for i in i0..i1 {
                    w.warm(src, base + i as isize * step);
                }
            }
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
        let (start, mstart) = (layout.items(layout.offset()) as usize, mask_layout.offset() as usize);
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
        // One element per index (`take` along the last axis): a tight loop,
        // over a row warmed first when the index is dense over it.
        let warmup = Warmup::of::<T>(offsets);
        for_each_pair(outer.0, outer.1, start, &zeros, 0, |row, _| {
            if let Some(w) = warmup {
                w.warm(src, row);
            }
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
    use proptest::prelude::*;

    #[test]
    fn k_order_keeps_a_reversed_axis_as_it_is() {
        // ravel('K') of x[::-1] copies in C order: NumPy does not negate strides here.
        let l = Layout::new(&[4], &[-8], 24, 8, 4).unwrap();
        assert_eq!(gather(&[0_i64, 1, 2, 3], &l, Order::K).unwrap(), vec![3, 2, 1, 0]);
    }

    #[test]
    fn k_order_follows_memory_for_a_transpose() {
        let l = Layout::new(&[3, 2], &[8, 24], 0, 8, 6).unwrap();
        assert_eq!(gather(&[0_i64, 1, 2, 3, 4, 5], &l, Order::K).unwrap(), vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn contiguous_copies_get_fresh_strides() {
        let data: Vec<i64> = (0..12).collect();
        // A fresh layout seen from element 4: its copy keeps shape and
        // strides, at offset 0.
        let fresh = Layout::new(&[2, 1, 4], &[32, 32, 8], 32, 8, 12).unwrap();
        // C-contiguous, with strides on its length-1 axes that no fresh
        // array has (NumPy's `a[1:2, ::5]` style): the copy gets fresh ones.
        let odd = Layout::new(&[1, 4, 1], &[-800, 8, 3], 32, 8, 12).unwrap();
        // Empty, with the strides of a C-order array (`a[:0]`): NumPy's copy
        // has all-zero strides.
        let empty = Layout::new(&[0, 4], &[32, 8], 0, 8, 0).unwrap();
        for (layout, values) in
            [(&fresh, (4..12).collect::<Vec<i64>>()), (&odd, (4..8).collect()), (&empty, vec![])]
        {
            for order in [Order::C, Order::A, Order::K] {
                let copy = copy_in_order(&data, layout, order).unwrap();
                assert_eq!(copy.layout, Layout::fresh(layout.shape(), 8, Order::C));
                assert_eq!(copy.buffer(), &values[..]);
            }
        }
        assert_eq!(copy_in_order(&data, &empty, Order::C).unwrap().strides(), &[0, 0]);
        // Items of 1, 2, 4 and 8 bytes, from an offset: the offset counts bytes.
        fn from_byte_16<T: Element + TryFrom<u8>>() {
            let data: Vec<T> = (0..24u8).map(|x| T::try_from(x).ok().unwrap()).collect();
            let n = size_of::<T>();
            let view = Layout::new(&[2, 4], &[4 * n as isize, n as isize], 16 * n as isize, n, 24).unwrap();
            let copy = copy_in_order(&data, &view, Order::C).unwrap();
            assert_eq!(copy.buffer(), &data[16..24]);
            assert_eq!(copy.layout, Layout::fresh(&[2, 4], n, Order::C));
            assert_eq!(gather(&data, &view, Order::C).unwrap(), &data[16..24]);
        }
        from_byte_16::<u8>();
        from_byte_16::<i16>();
        from_byte_16::<i32>();
        from_byte_16::<i64>();
    }

    #[test]
    fn inner_runs_cover_every_outer_index() {
        let data: Vec<i64> = (0..24).collect();
        let l = Layout::new(&[2, 3, 2], &[96, 32, 16], 0, 8, 24).unwrap();
        assert_eq!(gather(&data, &l, Order::C).unwrap(), vec![0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
    }

    #[test]
    fn runs_with_small_steps_either_way() {
        // Steps 2 to 4 have their own loop (`extend_every`), others their
        // own arms; a run of one element (which a walk never makes: it drops
        // axes of length 1) has nothing before its last.
        let data: Vec<i64> = (0..64).collect();
        for step in -5isize..=5 {
            for len in [1, 2, 7] {
                let start = if step < 0 { -step * (len as isize - 1) + 3 } else { 3 };
                let mut out = vec![-1];
                extend_run(&mut out, &data, start as usize, Axis { len, step });
                let expected = model(&data, start, &[(len, step)]);
                assert_eq!(out[1..], expected, "step {step}, {len} elements");
            }
        }
    }

    /// The brute-force model: every multi-index in C order, its buffer
    /// position computed from scratch.
    fn model(data: &[i64], start: isize, axes: &[(usize, isize)]) -> Vec<i64> {
        let size: usize = axes.iter().map(|a| a.0).product();
        (0..size)
            .map(|mut flat| {
                let mut pos = start;
                for &(len, step) in axes.iter().rev() {
                    pos += (flat % len) as isize * step;
                    flat /= len;
                }
                data[pos as usize]
            })
            .collect()
    }

    /// Random strided blocks: up to four axes (lengths up to 70, so that
    /// tiles of 32 are both whole and cut), steps of either sign, zero included,
    /// inside a buffer just large enough.
    fn block() -> impl Strategy<Value = (Vec<(usize, isize)>, Option<usize>)> {
        let axis = (prop_oneof![0usize..4, 1usize..70], -40isize..41);
        let most = if cfg!(miri) { 300 } else { 30_000 };
        (proptest::collection::vec(axis, 0..5), proptest::option::of(0usize..4))
            .prop_filter("a small block", move |(axes, _)| {
                axes.iter().map(|a| a.0).product::<usize>() <= most
            })
    }

    /// The start that keeps every position of `axes` at 0 or above, and the
    /// buffer length that holds them.
    fn placed(axes: &[(usize, isize)]) -> (isize, usize) {
        let (mut low, mut high) = (0isize, 0isize);
        for &(len, step) in axes {
            let span = step * (len.max(1) as isize - 1);
            if span < 0 { low += span } else { high += span }
        }
        (-low, (high - low + 1) as usize)
    }

    fn cases() -> u32 {
        if cfg!(miri) { 6 } else { 1024 }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

        /// Every strategy of the engine (runs, fixed steps, tiles over any
        /// outer axis, appended after existing elements or not) writes what
        /// the element-by-element model reads.
        #[test]
        fn the_engine_agrees_with_the_model((axes, tile) in block()) {
            let (start, len) = placed(&axes);
            let data: Vec<i64> = (0..len as i64).collect();
            let expected = model(&data, start, &axes);
            let walk = Walk::from_parts(start, axes.iter().copied());
            prop_assert_eq!(walk.size, expected.len());
            prop_assert_eq!(&collect_walk(&data, &walk, &[walk.size]).unwrap(), &expected);
            let mut appended = vec![-1, -2];
            extend_walk(&mut appended, &data, &walk);
            prop_assert_eq!(&appended[2..], &expected[..]);
            // Tiles over an outer axis of our choosing, whether or not the
            // engine would pick it.
            if let Some(k) = tile.filter(|&k| k + 1 < walk.axes.len()) {
                let mut out = vec![0; walk.size];
                write_tiled(&mut out, &data, &walk, k);
                prop_assert_eq!(&out, &expected);
            }
            // And through a layout, in every order.
            let shape: Vec<usize> = axes.iter().map(|a| a.0).collect();
            let strides: Vec<isize> = axes.iter().map(|a| a.1 * 8).collect();
            let layout = Layout::new(&shape, &strides, start * 8, 8, len).unwrap();
            prop_assert_eq!(&gather(&data, &layout, Order::C).unwrap(), &expected);
            let reversed: Vec<(usize, isize)> = axes.iter().rev().copied().collect();
            prop_assert_eq!(gather(&data, &layout, Order::F).unwrap(), model(&data, start, &reversed));
            for order in [Order::C, Order::F, Order::A, Order::K] {
                let copy = copy_in_order(&data, &layout, order).unwrap();
                let copied: Vec<i64> = copy.iter().copied().collect();
                prop_assert_eq!(&copied, &expected);
                prop_assert_eq!(copy.buffer().len(), expected.len());
            }
        }
    }

    #[test]
    fn an_empty_walk_with_huge_strides_does_not_overflow() {
        // The F-order walk of shape (2^40, 0) with strides (2^62, 8) bytes.
        let walk = Walk::from_parts(0, [(0, 1), (1 << 40, 1 << 59)]);
        assert_eq!(walk.size, 0);
    }

    #[test]
    fn whole_tiles_of_a_transpose() {
        // The tile kernel for source runs of step 1 (a transpose of a
        // C-contiguous array, forwards and with the other axis reversed, and
        // a 3-d permutation), with whole tiles and cut ones at both edges;
        // the 70-long axes have two whole tiles in a band, so the first one
        // prefetches the second.
        let data: Vec<i64> = (0..70 * 70 * 3).collect();
        for (start, axes) in [
            (0, vec![(70, 1), (45, 70)]),
            (44 * 70, vec![(70, 1), (45, -70)]),
            (0, vec![(70, 1), (3, 70 * 45), (45, 70)]),
            (0, vec![(70, 1), (70, 70)]),
            (69 * 70, vec![(70, 1), (70, -70)]),
        ] {
            let walk = Walk::from_parts(start, axes.iter().copied());
            assert_eq!(walk.tile_axis(), Some(0));
            let expected = model(&data, start, &axes);
            assert_eq!(collect_walk(&data, &walk, &[walk.size]).unwrap(), expected, "{axes:?}");
        }
    }

    #[test]
    fn merged_axes() {
        // A C-contiguous block is one run; [::-1, ::-1] of it one reversed run.
        let w = Walk::from_parts(0, [(3, 4), (1, 99), (4, 1)]);
        assert_eq!(&w.axes[..], &[Axis { len: 12, step: 1 }]);
        let w = Walk::from_parts(11, [(3, -4), (4, -1)]);
        assert_eq!(&w.axes[..], &[Axis { len: 12, step: -1 }]);
        // [::2, ::2] stays two axes; a transpose tiles its outer axis.
        let w = Walk::from_parts(0, [(2, 8), (2, 2)]);
        assert_eq!((w.axes.len(), w.tile_axis()), (2, None));
        assert_eq!(Walk::from_parts(0, [(4, 1), (3, 4)]).tile_axis(), Some(0));
        assert_eq!(Walk::from_parts(0, [(3, 0), (0, 4)]).size, 0);
    }

    /// Buffers past the huge-page threshold, for each path of the engine.
    #[test]
    #[cfg_attr(miri, ignore = "too large for Miri; the advice is skipped there anyway")]
    fn huge_page_sized_copies_agree_with_the_model() {
        let (rows, cols) = (1024usize, 700usize); // 5.7 MB of i64
        let data: Vec<i64> = (0..(rows * cols) as i64).collect();
        assert!(data.len() * 8 >= crate::alloc::HUGE_PAGE_THRESHOLD);
        for axes in [
            vec![(rows, cols as isize), (cols, 1)],
            vec![(cols, 1), (rows, cols as isize)],
            vec![(rows / 2, 2 * cols as isize), (cols / 2, 2)],
        ] {
            let walk = Walk::from_parts(0, axes.iter().copied());
            assert_eq!(collect_walk(&data, &walk, &[walk.size]).unwrap(), model(&data, 0, &axes));
        }
        let reversed = [(rows, -(cols as isize)), (cols, -1)];
        let walk = Walk::from_parts((rows * cols - 1) as isize, reversed);
        assert_eq!(
            collect_walk(&data, &walk, &[walk.size]).unwrap(),
            model(&data, (rows * cols - 1) as isize, &reversed)
        );
    }
}
