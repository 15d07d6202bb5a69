//! Do two arrays share memory? Does one array reach an element twice?
//!
//! This module is a port of NumPy's `numpy/_core/src/common/mem_overlap.c`
//! (and the Python entry points `array_shares_memory_impl` in
//! `multiarraymodule.c`). It keeps NumPy's algorithm step by step, including
//! the order in which candidates are visited and where the work counter goes
//! up, so that `shares_memory_max_work(a, b, 1)` gives up (or not) exactly
//! where `np.shares_memory(a, b, max_work=1)` does.
//!
//! # The problem: a bounded Diophantine equation
//!
//! Element `[i, j, …]` of an array starts at byte
//! `base + offset + i*stride[0] + j*stride[1] + …`, and an element covers
//! `itemsize` bytes, which we treat as one more axis with stride 1 and length
//! `itemsize`. Two arrays share memory when some byte is reached by both:
//!
//! ```text
//! Σ stride_a[i]·x_a[i]  −  Σ stride_b[i]·x_b[i]  ==  start_b − start_a,
//! 0 <= x_a[i] < shape_a[i],   0 <= x_b[i] < shape_b[i]
//! ```
//!
//! A negative stride becomes positive by the change of variables
//! `x → shape − 1 − x`, and a zero stride (or an axis of length 1) can be
//! dropped. What is left is a *bounded Diophantine equation with positive
//! coefficients*:
//!
//! ```text
//! a[0]·x[0] + a[1]·x[1] + … + a[n−1]·x[n−1] == b,   a[i] > 0,   0 <= x[i] <= ub[i]
//! ```
//!
//! Deciding it is NP-hard: the work can grow exponentially with the number of
//! axes, which is why NumPy (and we) can cap the work.
//!
//! # The steps, and the NumPy function each one follows
//!
//! 1. **Memory extents** (`offset_bounds_from_strides`,
//!    `get_array_memory_extents`). Each array reaches the half-open byte range
//!    `[ptr + Σ min(0, s·(d−1)), ptr + Σ max(0, s·(d−1)) + itemsize)`; an array
//!    with a zero-length axis reaches nothing. If the two ranges do not
//!    intersect, the answer is *no* without any further work. With
//!    `max_work == 0` ([`may_share_memory`]) the answer stops here: ranges
//!    that intersect are "too hard".
//! 2. **The equation** (`solve_may_share_memory`, `strides_to_terms`). Counting
//!    both arrays from the low end of their extents, a shared byte means
//!    `Σ|s_a|·x_a + Σ|s_b|·x_b' == end_b − 1 − start_a` (or the same with the
//!    roles swapped); NumPy picks the smaller right-hand side. One term
//!    `(|stride|, dim − 1)` per axis with `dim > 1` and `stride != 0` of both
//!    arrays, and `(1, itemsize − 1)` per array when `itemsize > 1`.
//! 3. **Simplification** (`diophantine_simplify`). Sort the terms by
//!    coefficient, largest first; merge terms with equal coefficients (adding
//!    their bounds); trim each bound to `b / a`; drop terms whose bound is 0.
//! 4. **Euclid's chain** (`diophantine_precompute`, `euclid`). Following
//!    Ramachandran (2006), the first two terms are replaced by one:
//!    `a₁x₁ + a₂x₂` can only take values `gcd(a₁, a₂)·x'` with
//!    `0 <= x' <= (a₁/g)·ub₁ + (a₂/g)·ub₂`. Repeating this down the list gives,
//!    for every level `v`, the gcd of the first `v + 1` coefficients, the
//!    Bézout factors `γ, ε` with `γ·a₁ + ε·a₂ = g`, and the bound of the
//!    combined variable.
//! 5. **Depth-first search** (`diophantine_dfs`). At level `v` (starting with
//!    the last, smallest coefficient) the equation is `a₁x₁ + a₂x₂ = b` where
//!    `a₁x₁` stands for all the earlier terms combined. If `g ∤ b` there is no
//!    solution. Otherwise every solution is `x₁ = γc + (a₂/g)t`,
//!    `x₂ = εc − (a₁/g)t` (`c = b/g`) for an integer `t`, and the bounds on `x₁`
//!    and `x₂` give a range `t_l..=t_u` by ceiling and floor division. Each `t`
//!    in that range, in increasing order, fixes a candidate `x[v] = x₂` and the
//!    search goes one level down with `b − a₂·x[v]`. At level 1 both remaining
//!    variables are fixed, and the first `t` is a solution.
//! 6. **Work counting** (`diophantine_dfs`'s `count`). The counter goes up by
//!    one each time a call fails: `g ∤ b` (possible only at the top level),
//!    an empty `t` range, a trivial solution rejected at level 1, or a level
//!    whose candidates are all exhausted. Every call first checks `count >= max_work` and gives up
//!    ("too hard") if so. `max_work == None` is NumPy's `-1`: no limit. The
//!    search tree is finite (each level tries at most `ub + 1` candidates), so
//!    an unlimited search always ends, though it can take exponential time on
//!    contrived layouts (NumPy's header gives one with three axes of 1049).
//!
//! # The work bound: no search runs unbounded
//!
//! NumPy's `np.shares_memory` searches without a limit by default
//! (`max_work=-1`), and a contrived layout can make that take longer than
//! anyone will wait (NumPy's header gives three axes of 1049; an
//! overlap-free 22-axis layout doubles the time with every axis). ndview
//! never does: every public search, [`shares_memory`],
//! [`ArrayBase::internal_overlap`], the overlap check of `as_strided_mut`
//! and `ArrayViewMut::from_parts`, and the memory diagrams, stops after
//! [`DEFAULT_MAX_WORK`] failed candidates (NumPy's `count`) and reports
//! "too hard", the way `shares_memory_max_work` does. Between two counted
//! failures the search descends at most once per term, so a search with
//! bound `w` over `n` terms enters at most `2·w + 3·n + 1` levels in all (a
//! test counts them). [`shares_memory`] then returns [`Error::TooHard`];
//! [`ArrayBase::internal_overlap`] answers `true` ("cannot rule it out", as
//! NumPy's ufuncs do with their `max_work=1`); a mutable `as_strided` is
//! refused with [`Error::InternalOverlapUndecided`]. Every layout that
//! slicing, transposing or reshaping makes is decided in a handful of steps.
//!
//! **Internal overlap** (`solve_may_have_internal_overlap`): a C-contiguous
//! array has none. Otherwise, two different indices `x ≠ y` reach the same
//! byte when `Σ a·x = Σ a·y`; with `z = x' + y'` (after mapping signs as above)
//! that is `Σ|a|·z = Σ|a|·ub, 0 <= z <= 2·ub, z ≠ ub`. A zero stride on an axis
//! longer than 1 overlaps at once. The terms are sorted but not simplified
//! (simplifying could change the inequality), and the search of step 5
//! ignores the trivial solution `z = ub`.
//!
//! # Integer overflow, and why [`shares_memory`] returns a `Result`
//!
//! NumPy works in `npy_int64`, with 128-bit intermediates in the search, and
//! answers `MEM_OVERLAP_OVERFLOW` (Python's `OverflowError`) when a value does
//! not fit. We use the same checks at the same places (`i128` for NumPy's
//! `npy_extint128_t`, whose products of two `i64` always fit), so we overflow
//! exactly when NumPy does. Every `Layout` that reaches elements lies inside
//! its buffer, and a buffer holds at most `isize::MAX` bytes. What does that
//! rule out?
//!
//! * The extents, `|stride|`, `dim − 1` and the right-hand side (smaller than
//!   either extent) all fit in `i64`.
//! * The **search itself cannot overflow** once `b` and all bounds fit in
//!   `i64`: `|γ| <= a₂/g` and `|ε| <= a₁/g`, so every `t` in a non-empty range
//!   lies in `[−|c|, |c|]`, the shifted `x₁, x₂` lie in `[0, ub]`,
//!   `t_u − t_l <= ub₁`, and the next right-hand side `b − a₂·x[v] = a₁·x₁`
//!   lies in `[0, b]`.
//! * But the **bounds can overflow**. Simplification merges equal coefficients
//!   of *both* arrays into one bound, and Euclid's chain makes the combined
//!   bound `(Σ aᵢ·ubᵢ)/g`; both sums add up the two extents, which can reach
//!   `2·isize::MAX`. Example: a `u8` array `x` of `2^62 + 1` bytes (allowed,
//!   it is less than `isize::MAX`), `shares_memory(&x, &x)`: the two terms
//!   `(1, 2^62)` merge into a bound of `2^63`, one more than `i64::MAX`.
//!   NumPy 2.4.6 raises `OverflowError` for exactly this (checked with an
//!   unbacked `as_strided` view), and so do we; at `2^62` bytes both answer
//!   `True`.
//!
//! So the guarantee does not rule out an overflow: it needs a buffer of more
//! than `2^62` bytes (4 EiB), which no 64-bit machine today can allocate (and
//! on a 32-bit target it is impossible: every sum stays below `2^32`), but it
//! is not *provably* impossible. [`shares_memory`] therefore returns
//! `Result<bool>` with [`Error::Overflow`] rather than guess.
//!
//! Internal overlap has the same exposure, for the same size of buffer (the
//! doubled bounds `2·ub` and Euclid's chain over them). NumPy doubles without
//! a check; we check, and [`ArrayBase::internal_overlap`] answers `true`,
//! "cannot rule it out", on overflow.

use std::cmp::{Reverse, max, min};

use crate::array::{ArrayBase, AsArray, Storage};
use crate::error::{Error, Result};
use crate::layout::Layout;

/// The work bound of every overlap search that does not take one: at most
/// this many failed candidates (NumPy's `max_work`; see the module
/// documentation). NumPy's hard problems of a few axes need fewer than 10;
/// this many take well under a second.
///
/// ```
/// use ndview::{shares_memory, shares_memory_max_work, Array, DEFAULT_MAX_WORK};
/// let x = Array::arange(4);
/// assert_eq!(shares_memory(&x, &x), shares_memory_max_work(&x, &x, DEFAULT_MAX_WORK));
/// ```
pub const DEFAULT_MAX_WORK: u64 = 100_000;

/// The answer of NumPy's overlap solver.
///
/// NumPy's `mem_overlap_t` also has `MEM_OVERLAP_ERROR` (invalid input). Our
/// callers never build invalid input; where NumPy would report it for an
/// arithmetic reason we answer [`Overlap::Overflow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overlap {
    /// No solution: the memory is not shared (`MEM_OVERLAP_NO`).
    No,
    /// A solution was found: some byte is shared (`MEM_OVERLAP_YES`).
    Yes,
    /// The search gave up after `max_work` failures (`MEM_OVERLAP_TOO_HARD`).
    TooHard,
    /// An intermediate value did not fit in 64 bits (`MEM_OVERLAP_OVERFLOW`).
    Overflow,
}

/// One term `a·x`, `0 <= x <= ub`, of a bounded Diophantine equation
/// (NumPy's `diophantine_term_t`). The solver only ever builds terms with
/// `a > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Term {
    a: i64,
    ub: i64,
}

// ---------------------------------------------------------------------------
// Step 1: memory extents
// ---------------------------------------------------------------------------

/// The half-open byte range `[lower, upper)` the array reaches, relative to
/// its element `[0, 0, …]`; `(0, 0)` (empty) when an axis has length 0.
/// NumPy's `offset_bounds_from_strides`. Computed in `i128`, so exact for any
/// layout we can be handed; `None` only for absurd layouts beyond that.
fn offset_bounds_from_strides(layout: &Layout) -> Option<(i128, i128)> {
    if layout.shape().contains(&0) {
        return Some((0, 0));
    }
    let (mut lower, mut upper) = (0i128, 0i128);
    for (&dim, &stride) in layout.shape().iter().zip(layout.strides()) {
        // |stride| <= 2^63 and dim − 1 < 2^64: the product fits in i128.
        let max_axis_offset = stride as i128 * (dim as i128 - 1);
        if max_axis_offset > 0 {
            upper = upper.checked_add(max_axis_offset)?;
        } else {
            lower = lower.checked_add(max_axis_offset)?;
        }
    }
    Some((lower, upper.checked_add(layout.itemsize() as i128)?))
}

/// The half-open address range `[start, end)` holding the array's data
/// (NumPy's `get_array_memory_extents`). `base` is the buffer's address.
fn memory_extents(layout: &Layout, base: usize) -> Option<(i128, i128)> {
    let (lower, upper) = offset_bounds_from_strides(layout)?;
    let data = base as i128 + layout.offset() as i128;
    Some((data.checked_add(lower)?, data.checked_add(upper)?))
}

// ---------------------------------------------------------------------------
// Step 2: the equation
// ---------------------------------------------------------------------------

/// Appends one term `(|stride|, dim − 1)` per axis (NumPy's
/// `strides_to_terms`). With `skip_empty`, axes of length <= 1 and zero
/// strides are left out. `None` when `|stride|` or `dim − 1` does not fit in
/// `i64` (NumPy checks only the first; the second cannot happen in NumPy).
fn strides_to_terms(layout: &Layout, terms: &mut Vec<Term>, skip_empty: bool) -> Option<()> {
    for (&dim, &stride) in layout.shape().iter().zip(layout.strides()) {
        if skip_empty && (dim <= 1 || stride == 0) {
            continue;
        }
        let a = i64::try_from(stride).ok()?.checked_abs()?;
        let ub = i64::try_from(dim).ok()? - 1;
        terms.push(Term { a, ub });
    }
    Some(())
}

/// Appends the term `(1, itemsize − 1)` for the bytes inside one element,
/// if `itemsize > 1`.
fn push_itemsize_term(layout: &Layout, terms: &mut Vec<Term>) -> Option<()> {
    if layout.itemsize() > 1 {
        let ub = i64::try_from(layout.itemsize()).ok()? - 1;
        terms.push(Term { a: 1, ub });
    }
    Some(())
}

/// The terms of the shared-byte equation for `a` and `b`, before
/// simplification. `None` on overflow.
fn share_terms(a: &Layout, b: &Layout) -> Option<Vec<Term>> {
    let mut terms = Vec::with_capacity(a.ndim() + b.ndim() + 2);
    strides_to_terms(a, &mut terms, true)?;
    strides_to_terms(b, &mut terms, true)?;
    push_itemsize_term(a, &mut terms)?;
    push_itemsize_term(b, &mut terms)?;
    Some(terms)
}

/// Whether two arrays share a byte: NumPy's `solve_may_share_memory`.
///
/// `a_base`/`b_base` are the addresses of the two buffers. `max_work`:
/// `None` searches without limit (NumPy's `-1`), `Some(0)` only compares the
/// extents (NumPy's `0`), `Some(n)` gives up after `n` failed calls of the search.
pub(crate) fn solve_may_share_memory(
    a: &Layout,
    a_base: usize,
    b: &Layout,
    b_base: usize,
    max_work: Option<u64>,
) -> Overlap {
    let (Some((start1, end1)), Some((start2, end2))) = (memory_extents(a, a_base), memory_extents(b, b_base))
    else {
        return Overlap::Overflow;
    };
    if !(start1 < end2 && start2 < end1 && start1 < end1 && start2 < end2) {
        return Overlap::No; // the extents do not intersect
    }
    if max_work == Some(0) {
        return Overlap::TooHard; // bounds check only
    }

    // Counted from the low end of a's extent and the high end of b's, or the
    // other way round: both right-hand sides are >= 0 after the check above,
    // and NumPy takes the smaller one.
    let Ok(rhs) = i64::try_from(min(end2 - 1 - start1, end1 - 1 - start2)) else {
        return Overlap::Overflow;
    };

    let Some(mut terms) = share_terms(a, b) else {
        return Overlap::Overflow;
    };
    if diophantine_simplify(&mut terms, rhs).is_none() {
        return Overlap::Overflow;
    }
    solve_diophantine(&terms, rhs, max_work, false).0
}

/// Whether two different indices of one array reach a common byte: NumPy's
/// `solve_may_have_internal_overlap`. `max_work` as in
/// [`solve_may_share_memory`].
pub(crate) fn solve_internal_overlap(layout: &Layout, max_work: Option<u64>) -> Overlap {
    if is_c_contiguous(layout) {
        return Overlap::No; // quick case
    }

    // Drop axes of length 1 (their stride, whatever it is, is never used);
    // an empty axis means no elements at all; a zero stride on a longer axis
    // reaches its first element twice. NumPy answers at the first such axis,
    // in axis order, and adds the item-size term last.
    let mut kept = Vec::with_capacity(layout.ndim() + 1);
    for (&dim, &stride) in layout.shape().iter().zip(layout.strides()) {
        if dim == 1 {
            continue;
        } else if dim == 0 {
            return Overlap::No;
        } else if stride == 0 {
            return Overlap::Yes;
        }
        let (Some(a), Ok(ub)) =
            (i64::try_from(stride).ok().and_then(i64::checked_abs), i64::try_from(dim - 1))
        else {
            return Overlap::Overflow;
        };
        kept.push(Term { a, ub });
    }
    if push_itemsize_term(layout, &mut kept).is_none() {
        return Overlap::Overflow;
    }
    // One variable has only the trivial solution; `solve_diophantine` says
    // so whatever the bound. Answering before the doubling below keeps a
    // single huge axis (a reversed `u8` array of more than 2^62 bytes) from
    // overflowing, where NumPy's unchecked doubling also ends in "no".
    if kept.len() <= 1 {
        return Overlap::No;
    }
    // z = x' + y' ranges over 0..=2·ub. (NumPy doubles without a check.)
    for term in &mut kept {
        let Some(ub) = term.ub.checked_mul(2) else {
            return Overlap::Overflow;
        };
        term.ub = ub;
    }

    // Sort only: `diophantine_simplify` could change the inequality part.
    sort_by_coefficient(&mut kept);
    solve_diophantine(&kept, -1, max_work, true).0
}

/// NumPy's C-contiguous flag (the relaxed rule of
/// [`Layout::is_c_contiguous`]), evaluated with checked arithmetic so that
/// no layout can make it panic.
fn is_c_contiguous(layout: &Layout) -> bool {
    if layout.shape().contains(&0) {
        return true;
    }
    let mut expected = Some(layout.itemsize() as i128);
    for (&dim, &stride) in layout.shape().iter().zip(layout.strides()).rev() {
        if dim == 1 {
            continue;
        }
        if expected != Some(stride as i128) {
            return false;
        }
        expected = expected.and_then(|e| e.checked_mul(dim as i128));
    }
    true
}

// ---------------------------------------------------------------------------
// Step 3: simplification
// ---------------------------------------------------------------------------

/// Largest coefficient first (NumPy's `diophantine_sort_A` with `qsort`).
/// Our sort is stable; NumPy's order of equal coefficients is whatever `qsort`
/// leaves, which only matters for internal overlap with a work limit (never
/// used: [`ArrayBase::internal_overlap`] searches without limit).
fn sort_by_coefficient(terms: &mut [Term]) {
    terms.sort_by_key(|t| Reverse(t.a));
}

/// Combines equal coefficients, trims the bounds to `b / a` and removes
/// variables that must be 0, keeping the feasible/infeasible answer (NumPy's
/// `diophantine_simplify`). `None` on overflow of a merged bound.
fn diophantine_simplify(terms: &mut Vec<Term>, b: i64) -> Option<()> {
    // Skip obviously infeasible problems: the solver answers "no" for them.
    if b < 0 || terms.iter().any(|t| t.ub < 0) {
        return Some(());
    }

    sort_by_coefficient(terms);

    // Combine identical coefficients: a·x + a·y = a·(x + y).
    let mut overflow = false;
    terms.dedup_by(|next, kept| {
        if next.a != kept.a {
            return false;
        }
        match kept.ub.checked_add(next.ub) {
            Some(ub) => kept.ub = ub,
            None => overflow = true,
        }
        true
    });
    if overflow {
        return None;
    }

    // Trim bounds; a variable whose bound becomes 0 is 0 in any solution.
    for term in terms.iter_mut() {
        term.ub = min(term.ub, b / term.a);
    }
    terms.retain(|t| t.ub != 0);
    Some(())
}

// ---------------------------------------------------------------------------
// Steps 4–6: solving
// ---------------------------------------------------------------------------

/// Solves `Σ terms[i].a · x[i] == b, 0 <= x[i] <= terms[i].ub`, with the
/// coefficients sorted largest first (NumPy's `solve_diophantine`).
///
/// With `require_ub_nontrivial`, every bound must be even, `b` is ignored and
/// replaced by `Σ a·(ub/2)`, and the trivial solution `x = ub/2` does not
/// count: the internal-overlap problem.
///
/// Returns the answer and, for [`Overlap::Yes`], the solution found (the
/// first one in NumPy's search order).
fn solve_diophantine(
    terms: &[Term],
    b: i64,
    max_work: Option<u64>,
    require_ub_nontrivial: bool,
) -> (Overlap, Vec<i64>) {
    let (answer, x, _) = solve_diophantine_counted(terms, b, max_work, require_ub_nontrivial);
    (answer, x)
}

/// [`solve_diophantine`], also returning the number of levels the search
/// entered.
fn solve_diophantine_counted(
    terms: &[Term],
    mut b: i64,
    max_work: Option<u64>,
    require_ub_nontrivial: bool,
) -> (Overlap, Vec<i64>, u64) {
    let no_solution = (Overlap::No, Vec::new(), 0);
    // NumPy reports invalid input (a <= 0, an odd bound) as an error; our
    // callers never build it. A negative bound has no solution.
    for term in terms {
        if term.a <= 0 {
            return (Overlap::Overflow, Vec::new(), 0);
        } else if term.ub < 0 {
            return no_solution;
        }
    }

    if require_ub_nontrivial {
        let mut ub_sum = Some(0i64);
        for term in terms {
            if term.ub % 2 != 0 {
                return (Overlap::Overflow, Vec::new(), 0);
            }
            ub_sum = ub_sum.and_then(|s| s.checked_add(term.a.checked_mul(term.ub / 2)?));
        }
        let Some(ub_sum) = ub_sum else {
            return (Overlap::Overflow, Vec::new(), 0);
        };
        b = ub_sum;
    }

    if b < 0 {
        return no_solution;
    }

    match terms {
        // With zero or one variable only the trivial solution can exist.
        [] if require_ub_nontrivial => no_solution,
        [] if b == 0 => (Overlap::Yes, Vec::new(), 0),
        [] => no_solution,
        [_] if require_ub_nontrivial => no_solution,
        [only] => {
            let x = b / only.a;
            if b % only.a == 0 && (0..=only.ub).contains(&x) {
                (Overlap::Yes, vec![x], 0)
            } else {
                no_solution
            }
        }
        _ => {
            let Some(chain) = diophantine_precompute(terms) else {
                return (Overlap::Overflow, Vec::new(), 0);
            };
            let mut search = Search {
                terms,
                chain,
                max_work,
                require_ub_nontrivial,
                x: vec![0; terms.len()],
                count: 0,
                steps: 0,
            };
            let answer = search.run(b);
            (answer, if answer == Overlap::Yes { search.x } else { Vec::new() }, search.steps)
        }
    }
}

/// Euclid's algorithm for `gcd(a1, a2)` with Bézout factors: returns
/// `(g, γ, ε)` with `γ·a1 + ε·a2 == g`, `|γ| <= a2/g`, `|ε| <= a1/g`
/// (NumPy's `euclid`). Both inputs are positive. The factors stay within
/// those bounds throughout, so the checked arithmetic never fails.
fn euclid(mut a1: i64, mut a2: i64) -> Option<(i64, i64, i64)> {
    let (mut gamma1, mut gamma2, mut epsilon1, mut epsilon2) = (1i64, 0i64, 0i64, 1i64);
    loop {
        if a2 <= 0 {
            return Some((a1, gamma1, epsilon1));
        }
        let r = a1 / a2;
        a1 %= a2;
        gamma1 = gamma1.checked_sub(r.checked_mul(gamma2)?)?;
        epsilon1 = epsilon1.checked_sub(r.checked_mul(epsilon2)?)?;

        if a1 <= 0 {
            return Some((a2, gamma2, epsilon2));
        }
        let r = a2 / a1;
        a2 %= a1;
        gamma2 = gamma2.checked_sub(r.checked_mul(gamma1)?)?;
        epsilon2 = epsilon2.checked_sub(r.checked_mul(epsilon1)?)?;
    }
}

/// The chain of reduced problems (NumPy's `Ep`, `Gamma`, `Epsilon`).
///
/// `reduced[k]` is the variable standing for the first `k + 2` terms combined:
/// its coefficient is their gcd, its bound `(Σ aᵢ·ubᵢ)/gcd` (only computed
/// where it is used, `k < n − 2`). `gamma[k]`, `epsilon[k]` are the Bézout
/// factors of the step that made it.
struct Chain {
    reduced: Vec<Term>,
    gamma: Vec<i64>,
    epsilon: Vec<i64>,
}

/// Builds the [`Chain`] for `n >= 2` terms (NumPy's `diophantine_precompute`).
/// `None` when a combined bound overflows `i64`.
fn diophantine_precompute(terms: &[Term]) -> Option<Chain> {
    let n = terms.len();
    let mut chain =
        Chain { reduced: vec![Term { a: 0, ub: 0 }; n - 1], gamma: vec![0; n - 1], epsilon: vec![0; n - 1] };
    for j in 1..n {
        // Step j combines the previous combined variable (or term 0) with term j.
        let prev = if j == 1 { terms[0] } else { chain.reduced[j - 2] };
        let next = terms[j];
        let (g, gamma, epsilon) = euclid(prev.a, next.a)?;
        let ub = if j < n - 1 {
            let (c1, c2) = (prev.a / g, next.a / g);
            c1.checked_mul(prev.ub)?.checked_add(c2.checked_mul(next.ub)?)?
        } else {
            0 // the last combination's bound is never used
        };
        chain.reduced[j - 1] = Term { a: g, ub };
        chain.gamma[j - 1] = gamma;
        chain.epsilon[j - 1] = epsilon;
    }
    Some(chain)
}

/// Floor division by a positive `d`.
fn floor_div(n: i128, d: i128) -> i128 {
    n.div_euclid(d)
}

/// Ceiling division by a positive `d`.
fn ceil_div(n: i128, d: i128) -> i128 {
    -(-n).div_euclid(d)
}

/// The state of NumPy's recursive `diophantine_dfs`, run as a loop with an
/// explicit stack (so that many axes cannot overflow the call stack).
struct Search<'a> {
    terms: &'a [Term],
    chain: Chain,
    max_work: Option<u64>,
    require_ub_nontrivial: bool,
    /// The candidate solution being built; `x[v]` is fixed at level `v`.
    x: Vec<i64>,
    /// Failed calls so far (NumPy's `count`).
    count: u64,
    /// Levels entered so far (calls of NumPy's `diophantine_dfs`): the
    /// whole work, counted for the test of the bound.
    steps: u64,
}

/// The candidates one level of the search tries, in order:
/// `x[v] = x2 − c2·t` for `t = 0, 1, …, t_u`.
struct Candidates {
    v: usize,
    b: i64,
    a2: i64,
    x2: i64,
    c2: i64,
    t_u: i64,
    /// The next `t` to try, `None` once all are tried.
    next: Option<i64>,
}

/// What entering one level of the search (one call of `diophantine_dfs`,
/// up to its loop) gives.
enum Level {
    /// The call answers at once.
    Done(Overlap),
    /// The call loops over these candidates.
    Loop(Candidates),
}

impl Search<'_> {
    /// A failed call: count it, answer "no".
    fn fail(&mut self) -> Level {
        self.count = self.count.saturating_add(1);
        Level::Done(Overlap::No)
    }

    /// Runs the search from the last level with right-hand side `b`.
    fn run(&mut self, b: i64) -> Overlap {
        let mut stack: Vec<Candidates> = Vec::with_capacity(self.terms.len());
        let mut level = self.enter(self.terms.len() - 1, b);
        loop {
            match level {
                Level::Done(Overlap::No) => {} // back to the parent's next candidate
                Level::Done(answer) => return answer,
                Level::Loop(candidates) => stack.push(candidates),
            }
            level = loop {
                let Some(top) = stack.last_mut() else {
                    return Overlap::No; // the top level failed
                };
                let Some(t) = top.next else {
                    // All candidates of this level failed: the call fails.
                    stack.pop();
                    self.count = self.count.saturating_add(1);
                    continue;
                };
                top.next = if t < top.t_u { Some(t + 1) } else { None };
                let Some(xv) = top.c2.checked_mul(t).and_then(|p| top.x2.checked_sub(p)) else {
                    return Overlap::Overflow;
                };
                self.x[top.v] = xv;
                let Some(b2) = top.a2.checked_mul(xv).and_then(|p| top.b.checked_sub(p)) else {
                    return Overlap::Overflow;
                };
                let v = top.v - 1;
                break self.enter(v, b2);
            };
        }
    }

    /// Level `v >= 1` with right-hand side `b`: everything `diophantine_dfs`
    /// does before its loop over candidates (or the whole call at level 1).
    fn enter(&mut self, v: usize, b: i64) -> Level {
        self.steps += 1;
        if self.max_work.is_some_and(|max_work| self.count >= max_work) {
            return Level::Done(Overlap::TooHard);
        }

        // a1·x1 + a2·x2 = b, x1 standing for all terms before v.
        let first = if v == 1 { self.terms[0] } else { self.chain.reduced[v - 2] };
        let (a1, u1) = (first.a, first.ub);
        let Term { a: a2, ub: u2 } = self.terms[v];
        let g = self.chain.reduced[v - 1].a;
        let (gamma, epsilon) = (self.chain.gamma[v - 1], self.chain.epsilon[v - 1]);

        // The allowed solutions: none unless g divides b. (Only the top level
        // can fail here: below it, b = a1·x1 is a multiple of g by
        // construction.)
        if b % g != 0 {
            return self.fail();
        }
        let c = b / g;
        let (c1, c2) = (a2 / g, a1 / g);

        // x1 = γc + c1·t, x2 = εc − c2·t for integer t, with 0 <= x1 <= u1 and
        // 0 <= x2 <= u2. In 128 bits, as NumPy: a product of two i64 fits.
        let x10 = gamma as i128 * c as i128;
        let x20 = epsilon as i128 * c as i128;
        let (c1w, c2w) = (c1 as i128, c2 as i128);
        let t_l = max(ceil_div(-x10, c1w), ceil_div(x20 - u2 as i128, c2w));
        let t_u = min(floor_div(u1 as i128 - x10, c1w), floor_div(x20, c2w));
        if t_l > t_u {
            return self.fail();
        }

        // Shift t so that it runs over 0..=t_u. NumPy converts each of these
        // to 64 bits with an overflow check (none can fail, see the module
        // header, but the checks stay). With t_l in i64 the products fit.
        let (Ok(t_l), Ok(t_u)) = (i64::try_from(t_l), i64::try_from(t_u)) else {
            return Level::Done(Overlap::Overflow);
        };
        let (Ok(x1), Ok(x2), Ok(t_u)) = (
            i64::try_from(x10 + c1w * t_l as i128),
            i64::try_from(x20 - c2w * t_l as i128),
            t_u.checked_sub(t_l).ok_or(()),
        ) else {
            return Level::Done(Overlap::Overflow);
        };

        if v > 1 {
            return Level::Loop(Candidates { v, b, a2, x2, c2, t_u, next: Some(0) });
        }

        // Base case: t = 0 is a solution (the range is not empty).
        self.x[0] = x1;
        self.x[1] = x2;
        if self.require_ub_nontrivial && self.x.iter().zip(self.terms).all(|(&x, t)| x == t.ub / 2) {
            // Ignore the trivial solution. (When it is the first of the
            // range it is the only one: the range is symmetric about it.)
            return self.fail();
        }
        Level::Done(Overlap::Yes)
    }
}

// ---------------------------------------------------------------------------
// The Python-level API (`array_shares_memory_impl`, `multiarraymodule.c`)
// ---------------------------------------------------------------------------

/// The address of an array's buffer.
/// The solver's view of an array: its layout and where its buffer starts.
fn region<A: AsArray>(a: &A) -> (Layout, usize) {
    let v = a.as_view();
    (v.layout().clone(), v.buffer().as_ptr().addr())
}

/// Runs the solver on two arrays.
fn solve(a: &impl AsArray, b: &impl AsArray, max_work: Option<u64>) -> Overlap {
    let ((la, pa), (lb, pb)) = (region(a), region(b));
    solve_may_share_memory(&la, pa, &lb, pb, max_work)
}

/// The solver's answer as `np.shares_memory` raises or returns it.
fn shares_result(overlap: Overlap, max_work: Option<u64>) -> Result<bool> {
    match overlap {
        Overlap::No => Ok(false),
        Overlap::Yes => Ok(true),
        // Only a limited search gives up; `u64::MAX` stands for "unlimited".
        Overlap::TooHard => Err(Error::TooHard { max_work: max_work.unwrap_or(u64::MAX) }),
        Overlap::Overflow => Err(Error::Overflow),
    }
}

/// Whether `a` and `b` have a byte of memory in common, decided exactly like
/// NumPy's `np.shares_memory(a, b)`, within [`DEFAULT_MAX_WORK`].
///
/// The answer is exact: two arrays whose extents interleave without touching
/// a common byte do not share memory. The search can, in principle, take
/// time exponential in the number of axes; where NumPy's unlimited default
/// would search on, ndview stops at [`DEFAULT_MAX_WORK`] and returns
/// [`Error::TooHard`] (use [`shares_memory_max_work`] for another bound). [`Error::Overflow`] is NumPy's
/// `OverflowError`; it needs buffers of more than `2^62` bytes (see the
/// module documentation).
///
/// ```
/// use ndview::{s, shares_memory, Array};
///
/// let x = Array::arange(80).into_shape([4, 20])?;
/// let a = x.slice(s![:, ::7])?;   // columns 0, 7, 14
/// let b = x.slice(s![:, 3::3])?;  // columns 3, 6, …, 18
/// assert!(!shares_memory(&a, &b)?); // interleaved, but never the same element
/// assert!(shares_memory(&x, &a)?);
/// assert!(!shares_memory(&x, &x.copy())?);
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn shares_memory(a: &impl AsArray, b: &impl AsArray) -> Result<bool> {
    shares_memory_max_work(a, b, DEFAULT_MAX_WORK)
}

/// Whether `a` and `b` *might* share memory, from their byte extents only,
/// like NumPy's `np.may_share_memory(a, b)` (`max_work=0`).
///
/// `false` is certain; `true` only means the extents intersect. It costs
/// one pass over the axes.
///
/// ```
/// use ndview::{s, may_share_memory, shares_memory, Array};
///
/// let x = Array::arange(80).into_shape([4, 20])?;
/// let a = x.slice(s![:, ::7])?;
/// let b = x.slice(s![:, 3::3])?;
/// assert!(may_share_memory(&a, &b));    // the extents intersect…
/// assert!(!shares_memory(&a, &b)?);     // …but no element is shared
/// assert!(!may_share_memory(&x.slice(s![:2])?, &x.slice(s![2:])?));
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn may_share_memory(a: &impl AsArray, b: &impl AsArray) -> bool {
    // "Don't know, so say yes" (NumPy).
    solve(a, b, Some(0)) != Overlap::No
}

/// [`shares_memory`] with NumPy's `max_work`: `np.shares_memory(a, b,
/// max_work=max_work)`.
///
/// The search gives up with [`Error::TooHard`] (NumPy's `TooHardError`)
/// once `max_work` candidates have failed; `max_work = 0` gives up as soon
/// as the extents intersect. Which problems need how much work follows
/// NumPy's search order exactly.
///
/// ```
/// use ndview::{s, shares_memory_max_work, Array, Error};
///
/// let x = Array::arange(80).into_shape([4, 20])?;
/// let a = x.slice(s![:, ::7])?;
/// let b = x.slice(s![:, 3::3])?;
/// assert_eq!(shares_memory_max_work(&a, &b, 1), Err(Error::TooHard { max_work: 1 }));
/// assert_eq!(shares_memory_max_work(&a, &b, 100), Ok(false));
/// // Disjoint extents need no work at all.
/// let (top, bottom) = (x.slice(s![:2])?, x.slice(s![2:])?);
/// assert_eq!(shares_memory_max_work(&top, &bottom, 0), Ok(false));
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn shares_memory_max_work(a: &impl AsArray, b: &impl AsArray, max_work: u64) -> Result<bool> {
    shares_result(solve(a, b, Some(max_work)), Some(max_work))
}

impl<S: Storage> ArrayBase<S> {
    /// Whether two different indices of this array reach a common byte
    /// (NumPy's exact `solve_may_have_internal_overlap`, as tested by
    /// `numpy._core._multiarray_tests.internal_overlap`).
    ///
    /// Slices, transposes and reshaped views never overlap themselves;
    /// `as_strided` views with zero or too-small strides can. The stride of
    /// an axis of length 1 never matters. The search stops after
    /// [`DEFAULT_MAX_WORK`]; if it has not decided by then (or, for a buffer
    /// of more than `2^62` bytes, overflows) the answer is `true`, "cannot
    /// rule it out", as NumPy's ufuncs treat `TooHardError`.
    ///
    /// ```
    /// use ndview::{s, Array};
    ///
    /// let x = Array::arange(10);
    /// assert!(!x.slice(s![::3])?.internal_overlap());
    /// assert!(x.as_strided([4, 3], [8, 8])?.internal_overlap());  // sliding windows
    /// assert!(x.as_strided([3], [0])?.internal_overlap());        // one element, thrice
    /// assert!(!x.as_strided([2, 5], [8, 16])?.internal_overlap()); // evens and odds
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn internal_overlap(&self) -> bool {
        solve_internal_overlap(self.layout(), Some(DEFAULT_MAX_WORK)) != Overlap::No
    }

    /// [`internal_overlap`](ArrayBase::internal_overlap) with a work bound,
    /// as NumPy's `_multiarray_tests.internal_overlap(a, max_work)`: the
    /// exact answer, or [`Error::TooHard`] once `max_work` candidates have
    /// failed ([`Error::Overflow`] for buffers beyond `2^62` bytes).
    ///
    /// ```
    /// use ndview::{Array, Error};
    /// let x = Array::arange(12);
    /// let windows = x.as_strided([3, 4], [8, 8])?;
    /// assert_eq!(windows.internal_overlap_max_work(100), Ok(true));
    /// assert_eq!(windows.internal_overlap_max_work(0), Err(Error::TooHard { max_work: 0 }));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn internal_overlap_max_work(&self, max_work: u64) -> Result<bool> {
        shares_result(solve_internal_overlap(self.layout(), Some(max_work)), Some(max_work))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::axis_vec::AxisVec;

    use super::*;
    use crate::{Array, ArrayView, s};

    /// A layout taken as given, not checked against any buffer.
    fn raw(shape: &[usize], strides: &[isize], offset: isize, itemsize: usize) -> Layout {
        Layout::from_parts(AxisVec::from_slice(shape), AxisVec::from_slice(strides), offset, itemsize)
    }

    /// Exact answer for two layouts in one buffer.
    fn exact(a: &Layout, b: &Layout) -> Overlap {
        solve_may_share_memory(a, 0, b, 0, None)
    }

    /// Where each element starts, by walking every index.
    fn element_starts(l: &Layout) -> Vec<i64> {
        let mut starts = Vec::new();
        if l.shape().contains(&0) {
            return starts;
        }
        let mut index = vec![0usize; l.ndim()];
        loop {
            let steps = index.iter().zip(l.strides()).map(|(&i, &s)| i as i64 * s as i64);
            starts.push(l.offset() as i64 + steps.sum::<i64>());
            let mut axis = l.ndim();
            loop {
                if axis == 0 {
                    return starts;
                }
                axis -= 1;
                index[axis] += 1;
                if index[axis] < l.shape()[axis] {
                    break;
                }
                index[axis] = 0;
            }
        }
    }

    /// Every byte the layout reaches.
    fn bytes(l: &Layout) -> BTreeSet<i64> {
        let size = l.itemsize() as i64;
        element_starts(l).into_iter().flat_map(|p| p..p + size).collect()
    }

    fn brute_shares(a: &Layout, b: &Layout) -> bool {
        !bytes(a).is_disjoint(&bytes(b))
    }

    /// Two different indices whose elements have a byte in common.
    fn brute_internal(l: &Layout) -> bool {
        let mut starts = element_starts(l);
        starts.sort_unstable();
        starts.windows(2).any(|w| w[1] - w[0] < l.itemsize() as i64)
    }

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
        }
        fn range(&mut self, lo: i64, hi: i64) -> i64 {
            lo + self.below((hi - lo + 1) as u64) as i64
        }
    }

    /// A random layout reaching only bytes `0..64`: 0 to 3 axes of length 0
    /// to 4, any byte strides (not only multiples of the item size), item
    /// sizes 1, 2, 4, 8.
    fn random_layout(rng: &mut Rng) -> Layout {
        loop {
            let itemsize = [1, 2, 4, 8][rng.below(4) as usize];
            let ndim = rng.below(4) as usize;
            let shape: Vec<usize> = (0..ndim).map(|_| rng.range(0, 4) as usize).collect();
            let strides: Vec<isize> = (0..ndim).map(|_| rng.range(-12, 12) as isize).collect();
            let probe = raw(&shape, &strides, 0, itemsize);
            let (low, high) = offset_bounds_from_strides(&probe).unwrap();
            if high - low > 64 {
                continue;
            }
            let offset = rng.range(-low as i64, (64 - high) as i64) as isize;
            return raw(&shape, &strides, offset, itemsize);
        }
    }

    fn numbers(text: &str) -> Vec<i64> {
        text.split([' ', ',']).filter(|t| !t.is_empty()).map(|t| t.parse().unwrap()).collect()
    }

    #[test]
    fn the_hard_case_of_numpys_header() -> Result<()> {
        // x = np.arange(80).reshape(4, 20); x[:, ::7] vs x[:, 3::3].
        let x = Array::arange(80).into_shape([4, 20])?;
        let (a, b) = (x.slice(s![:, ::7])?, x.slice(s![:, 3::3])?);
        assert_eq!(shares_memory(&a, &b), Ok(false));
        assert!(may_share_memory(&a, &b));
        // NumPy 2.4.6 gives up for max_work 0..=5 and decides at 6.
        for max_work in 0..=5 {
            assert_eq!(shares_memory_max_work(&a, &b, max_work), Err(Error::TooHard { max_work }));
        }
        assert_eq!(shares_memory_max_work(&a, &b, 6), Ok(false));
        // Non-overlap relies on 20 <= lcm(7, 3) = 21 columns.
        for (columns, shared) in [(21, false), (22, true)] {
            let x = Array::arange(4 * columns).into_shape([4, columns as isize])?;
            let (a, b) = (x.slice(s![:, ::7])?, x.slice(s![:, 3::3])?);
            assert_eq!(shares_memory(&a, &b), Ok(shared), "{columns} columns");
            assert!(may_share_memory(&a, &b));
        }
        Ok(())
    }

    #[test]
    fn the_header_equation_itself() {
        // 20·x1 + 7·x2 + 3·x3 = 78, 0 <= x <= (6, 2, 5): infeasible; 77 is
        // feasible and NumPy's search finds (3, 2, 1) first.
        let terms = [Term { a: 20, ub: 6 }, Term { a: 7, ub: 2 }, Term { a: 3, ub: 5 }];
        assert_eq!(solve_diophantine(&terms, 78, None, false), (Overlap::No, vec![]));
        assert_eq!(solve_diophantine(&terms, 77, None, false), (Overlap::Yes, vec![3, 2, 1]));
        assert_eq!(solve_diophantine(&terms, 78, Some(5), false).0, Overlap::TooHard);
        assert_eq!(solve_diophantine(&terms, 78, Some(6), false).0, Overlap::No);
    }

    #[test]
    fn three_d_views_share_but_need_work() -> Result<()> {
        let x = Array::arange(120).into_shape([4, 5, 6])?;
        let (a, b) = (x.slice(s![:, ::2, ::3])?, x.slice(s![:, ::3, ::2])?);
        assert_eq!(shares_memory(&a, &b), Ok(true));
        for max_work in 0..=2 {
            assert_eq!(shares_memory_max_work(&a, &b, max_work), Err(Error::TooHard { max_work }));
        }
        assert_eq!(shares_memory_max_work(&a, &b, 3), Ok(true));
        Ok(())
    }

    #[test]
    fn empty_arrays_never_share() -> Result<()> {
        let x = Array::arange(12).into_shape([3, 4])?;
        let empties =
            [x.slice(s![:0])?, x.slice(s![1:1])?, x.slice(s![:, 2:2])?, x.as_strided([0, 5], [8, 0])?];
        for e in &empties {
            for other in [&x.view(), e] {
                assert_eq!(shares_memory(e, other), Ok(false));
                assert!(!may_share_memory(e, other));
                assert_eq!(shares_memory_max_work(e, other, 0), Ok(false));
                assert_eq!(shares_memory_max_work(other, e, 1), Ok(false));
            }
            assert!(!e.internal_overlap());
        }
        Ok(())
    }

    #[test]
    fn separate_buffers_never_share() -> Result<()> {
        let x = Array::arange(12);
        let y = x.copy();
        assert_eq!(shares_memory(&x, &y), Ok(false));
        assert!(!may_share_memory(&x, &y));
        assert_eq!(shares_memory_max_work(&x, &y, 0), Ok(false));
        assert_eq!(shares_memory(&x, &x), Ok(true));
        assert_eq!(shares_memory_max_work(&x, &x, 0), Err(Error::TooHard { max_work: 0 }));
        Ok(())
    }

    #[test]
    fn max_work_zero_is_the_bounds_check() -> Result<()> {
        let x = Array::arange(10);
        let (evens, odds) = (x.slice(s![::2])?, x.slice(s![1::2])?);
        assert!(may_share_memory(&evens, &odds));
        assert_eq!(shares_memory_max_work(&evens, &odds, 0), Err(Error::TooHard { max_work: 0 }));
        // Incommensurate starts need no candidates at all.
        assert_eq!(shares_memory_max_work(&evens, &odds, 1), Ok(false));
        assert_eq!(shares_memory(&evens, &odds), Ok(false));
        Ok(())
    }

    #[test]
    fn slices_agree_with_brute_force() -> Result<()> {
        // Every slice with small start/stop/step of a 1-d array, and every
        // combination of a few slices (plus transposes) of a 2-d one.
        let line = Array::arange(9);
        let mut views: Vec<ArrayView<'_, i64>> = Vec::new();
        let ends = [None, Some(0), Some(1), Some(2), Some(-2), Some(7)];
        for start in ends {
            for stop in ends {
                for step in [1, 2, 3, 4, -1, -2, -3] {
                    let arg = [crate::SliceArg::Slice(crate::Slice { start, stop, step: Some(step) })];
                    views.push(line.slice(arg)?);
                }
            }
        }
        let grid = Array::arange(20).into_shape([4, 5])?;
        let mut grid_views: Vec<ArrayView<'_, i64>> = Vec::new();
        for rows in [s![:], s![1:], s![::2], s![1::2], s![::-1], s![::3], s![2], s![-1:0:-2]] {
            for cols in [s![:], s![:3], s![::2], s![1::2], s![::-2], s![4::-3], s![1], s![1:4]] {
                let w = grid.slice([rows[0], cols[0]])?;
                grid_views.push(ArrayView::with_layout(grid.buffer(), w.t().layout().clone())?);
                grid_views.push(w);
            }
        }
        for set in [&views, &grid_views] {
            for a in set.iter() {
                assert_eq!(a.internal_overlap(), brute_internal(a.layout()));
                for b in set.iter() {
                    let expected = brute_shares(a.layout(), b.layout());
                    assert_eq!(shares_memory(a, b), Ok(expected), "{:?} / {:?}", a.layout(), b.layout());
                    assert!(may_share_memory(a, b) || !expected);
                    if let Ok(answer) = shares_memory_max_work(a, b, 1) {
                        assert_eq!(answer, expected);
                    }
                }
            }
        }
        Ok(())
    }

    #[test]
    fn as_strided_views_agree_with_brute_force() -> Result<()> {
        // Checked as_strided views of a 24-element array, from a few starting
        // points (so that negative strides fit), zero strides included.
        let x = Array::arange(24);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut views = Vec::new();
        while views.len() < 150 {
            let start = rng.range(0, 23) as isize;
            let ndim = rng.range(1, 3) as usize;
            let shape: Vec<usize> = (0..ndim).map(|_| rng.range(0, 4) as usize).collect();
            let strides: Vec<isize> = (0..ndim).map(|_| 8 * rng.range(-6, 6) as isize).collect();
            if let Ok(v) = x.slice(s![start:])?.as_strided(&shape, &strides) {
                views.push(ArrayView::with_layout(x.buffer(), v.layout().clone())?);
            }
        }
        for a in &views {
            assert_eq!(a.internal_overlap(), brute_internal(a.layout()), "{:?}", a.layout());
            for b in &views {
                assert_eq!(shares_memory(a, b), Ok(brute_shares(a.layout(), b.layout())));
            }
        }
        Ok(())
    }

    #[test]
    fn raw_layouts_agree_with_brute_force() {
        // Mixed item sizes and strides that are not multiples of them: the
        // solver's own generality, beyond what ndview's views produce.
        let mut rng = Rng(0x0123_4567_89AB_CDEF);
        let layouts: Vec<Layout> = (0..400).map(|_| random_layout(&mut rng)).collect();
        for a in &layouts {
            let internal = solve_internal_overlap(a, None);
            assert_eq!(internal == Overlap::Yes, brute_internal(a), "{a:?}");
            assert!(matches!(internal, Overlap::Yes | Overlap::No));
        }
        for pair in layouts.chunks(2).take(200) {
            for a in &layouts[..40] {
                let b = &pair[0];
                let expected = if brute_shares(a, b) { Overlap::Yes } else { Overlap::No };
                assert_eq!(exact(a, b), expected, "{a:?} / {b:?}");
                assert_eq!(exact(b, a), expected);
            }
        }
    }

    /// `numpy._core._multiarray_tests.solve_diophantine(A, U, b, max_work,
    /// simplify, require_ub_nontrivial)` from NumPy 2.4.6, one problem per
    /// line: `A | U | b | simplify nontrivial | answer for max_work = -1, 1,
    /// 2, 3, 5, 8`, where an answer is the solution found, `N` (none) or `H`
    /// (too much work).
    const NUMPY_DIOPHANTINE: &str = "
    1 20 24 13 18|2 5 1 6 4|89|00|2,1,0,1,3 H H H H 2,1,0,1,3
    6 34 27 38|2 3 1 3|174|10|N H H H N N
    15 34 39 22 3|6 2 8 2 4|0|01|6,0,3,2,4 H H 6,0,3,2,4 6,0,3,2,4 6,0,3,2,4
    34 9 3 11 20|0 2 3 5 5|40|10|0,2,1,3 H 0,2,1,3 0,2,1,3 0,2,1,3 0,2,1,3
    31 40|6 4|0|01|N N N N N N
    36 13 24 8 36|6 2 4 2 2|0|01|2,1,2,1,2 H H H H H
    11 19 10|0 2 0|42|10|N N N N N N
    27 33 27|1 7 3|321|00|N N N N N N
    22 37 19|8 0 4|0|01|N H H H N N
    3 24 34 35 37|0 2 4 0 4|0|01|N H H H H H
    23 14 20 21|1 4 5 0|107|00|N H H H N N
    34 1 34 10 38|2 7 6 7 0|190|00|0,4,4,5,0 H H H H 0,4,4,5,0
    23 35 39 2 21|0 5 5 6 4|64|10|0,1,1,4 H H H H H
    26 36 16 29 33|0 8 8 4 2|0|01|0,3,6,1,2 H H H H H
    32 6 27 30 8|7 4 6 1 2|111|10|2,0,1,1,2 H H H H H
    37 12 1 34|4 0 7 5|323|00|4,0,5,5 H H 4,0,5,5 4,0,5,5 4,0,5,5
    2 26 24 14|4 3 1 3|64|00|0,1,1,1 H H H H 0,1,1,1
    10 37|2 5|54|00|N N N N N N
    33 19 2 14|6 7 4 4|275|00|3,6,3,4 H 3,6,3,4 3,6,3,4 3,6,3,4 3,6,3,4
    31 11 28 4 7|1 4 5 6 6|244|00|1,1,5,5,6 H H H 1,1,5,5,6 1,1,5,5,6
    8 28 15 40 1|2 0 5 2 4|36|10|N H H H N N
    15 40 33 22 32|3 6 5 1 2|190|00|2,1,2,1,1 H H H H 2,1,2,1,1
    29 21 16 17 7|4 0 8 2 2|0|01|4,0,1,0,2 H H H H H
    18 14 17|0 1 2|50|00|N N N N N N
    12 10|2 7|13|10|N N N N N N
    26 5 22 11|2 2 6 0|113|00|N H H N N N
    35 11|2 1|84|00|N N N N N N
    10 3 29 8 26|2 3 2 1 6|75|10|2,0,0,1,3 H H 2,0,0,1,3 2,0,0,1,3 2,0,0,1,3
    8 21 26|4 3 5|99|10|3,1,0 H H H 3,1,0 3,1,0
    1 7 9|0 4 0|0|01|N N N N N N
    5 5 25 10 29|7 2 6 3 6|73|10|2,0,0,3 H H H H H
    15 25 1 30|7 5 1 4|38|00|N H N N N N
    38 29 27|6 6 4|417|00|N H H H N N
    7 24 29|0 6 8|0|01|N H H H N N
    34 29|2 0|10|00|N N N N N N
    37 29 2 21 27|5 6 7 4 5|434|00|1,6,2,4,5 H H H H 1,6,2,4,5
    16 32 31|1 5 4|278|10|N H N N N N
    23 36 20 35 23|5 1 1 7 6|470|10|N H H H H N
    28 15 16|7 5 6|208|00|4,0,6 4,0,6 4,0,6 4,0,6 4,0,6 4,0,6
    29 2 16 3|8 0 2 0|0|01|N H H N N N
    26 33 12 13|5 5 5 6|416|00|N H H H N N
    30 1 15|8 2 6|0|01|3,1,5 H 3,1,5 3,1,5 3,1,5 3,1,5
    38 22 33 23 14|6 3 7 3 1|163|00|1,1,2,1,1 H H H H 1,1,2,1,1
    15 24 19|0 0 1|18|00|N N N N N N
    38 13 30 22 11|5 2 5 3 7|438|10|5,3,3,2,6 H H H H 5,3,3,2,6
    17 31 7 17 22|3 0 0 5 2|40|00|N H H H H H
    26 33 6 29|1 5 6 1|215|00|1,5,4,0 H H H H H
    39 8 26|4 6 4|0|01|N H H H N N
    5 34|1 6|193|10|N N N N N N
    21 36|5 4|1|10|N N N N N N
    1 25 33 25 19|0 0 0 2 2|0|01|N H H H N N
    23 6 30 13 17|3 6 1 3 6|227|10|1,2,6,1,6 H H H H H
    16 26 24 34 17|6 6 1 0 5|58|10|1,0,0,2 H H 1,0,0,2 1,0,0,2 1,0,0,2
    33 18 9 33|6 7 4 1|198|10|3,4,3 H 3,4,3 3,4,3 3,4,3 3,4,3
    27 2 33 35|6 4 2 5|302|00|6,0,0,4 H H H H 6,0,0,4
    11 24 8|3 6 2|90|00|N H H N N N
    39 23 5 34 2|7 1 2 4 3|339|10|6,2,1,2,2 H H H H H
    20 9 35|2 1 5|19|00|N N N N N N
    4 6 33|8 4 0|0|01|1,4,0 1,4,0 1,4,0 1,4,0 1,4,0 1,4,0
    31 11 9 6|6 5 6 6|28|00|0,2,0,1 H H H H H
";

    #[test]
    fn diophantine_search_order_and_work_match_numpy() {
        for line in NUMPY_DIOPHANTINE.trim().lines() {
            let parts: Vec<&str> = line.trim().split('|').collect();
            let (a, u, b) = (numbers(parts[0]), numbers(parts[1]), numbers(parts[2])[0]);
            let (simplify, nontrivial) = (parts[3].starts_with('1'), parts[3].ends_with('1'));
            let mut terms: Vec<Term> = a.iter().zip(&u).map(|(&a, &ub)| Term { a, ub }).collect();
            if simplify {
                diophantine_simplify(&mut terms, b).unwrap();
            }
            let answers = parts[4].split(' ');
            for (max_work, answer) in
                [None, Some(1), Some(2), Some(3), Some(5), Some(8)].into_iter().zip(answers)
            {
                let expected = match answer {
                    "H" => (Overlap::TooHard, vec![]),
                    "N" => (Overlap::No, vec![]),
                    x => (Overlap::Yes, numbers(x)),
                };
                let got = solve_diophantine(&terms, b, max_work, nontrivial);
                assert_eq!(got, expected, "{line} with max_work {max_work:?}");
            }
        }
    }

    /// `np.shares_memory(a, b, max_work=w)` from NumPy 2.4.6 for `as_strided`
    /// views of one 96-byte buffer: `shape/strides/offset/itemsize` of `a`
    /// and `b`, then the answers for `w` = -1, 1, 2, 3 (`T`, `F`, or `H` for
    /// `TooHardError`).
    const NUMPY_SHARES: &str = "
    5 2 5/2 -5 -2/21/1|2 1/4 -1/11/4|THHT
    2 3/-1 13/23/4|5/10/39/1|THTT
    2 4/3 1/52/8|4 5 1/-9 13 -2/38/4|THHH
    1 4 1/5 -6 -9/34/8|4/-5/31/1|THHT
    3 5 2/10 5 -11/18/8|1/-12/43/2|THHH
    3 1/11 4/54/2|3 1 2/-8 3 9/70/1|THHT
    5 3/-13 -12/78/2|4/-13/81/1|THTT
    5 3 1/-2 -13 -3/49/1|4 1 5/13 -3 6/5/1|THTT
    4 1/1 -11/22/4|5 3 2/0 -4 9/25/4|THHT
    1 4 1/3 5 10/50/8|1 5/-1 -11/65/4|THHT
    3/-10/60/4|5 5 5/-7 -5 8/50/4|THHT
    5 2/-12 -7/76/8|1 5/-4 6/44/4|THHH
    1 2 5/-7 -2 -3/47/1|5 2 4/1 -8 -8/69/1|THTT
    2 5 1/5 4 -6/64/1|5/11/35/4|THHT
    4 2 5/11 -9 12/10/2|1 1 4/7 -2 7/62/2|THHH
    3 5 3/-2 7 -11/58/2|2 1 3/-3 -7 -13/58/8|THTT
    3/-8/41/2|5 5 3/-13 5 9/53/2|THHH
    5 4/-9 -3/78/4|3 3 3/7 -9 5/58/1|THHH
    4 2 2/5 -5 2/47/2|4 1 1/12 9 -6/44/1|THTT
    3 3/-2 6/19/8|2 2 4/9 11 -13/56/2|THHT
    2/9/68/8|5 2/7 -11/49/8|THHH
    5 4/-5 -13/86/8|5 2 2/2 0 -2/52/8|THTT
    4 1 2/3 -11 -9/58/8|5 3/-12 -10/79/8|THHH
    3 3 2/-13 5 3/62/2|2 5/-1 13/26/2|THHH
    3/-12/62/2|4 4 1/11 5 -10/24/8|THHH
    5 5 2/-1 -7 10/82/4|3 5 5/-7 11 -3/34/4|THHH
    4 4 1/-2 13 -9/22/2|5 3/5 10/44/8|THHH
    4/9/29/8|4 2/11 -1/27/4|THHH
    3 1/7 13/41/2|5/6/21/4|THHH
    3 3/-3 -7/82/1|3 2/-9 -12/76/1|THHT
    5/8/17/4|3/9/30/1|FHHH
    3 4/11 5/49/1|3 2 5/7 -2 -13/67/2|THHH
    4/7/20/8|1 4/11 -8/46/1|THHT
    2 3 5/7 -4 -7/67/2|5/11/16/2|THHT
    2 1 4/11 6 -1/37/4|1 5 4/-5 -6 -13/67/1|THHH
    4 1/-7 -7/62/4|4 2/-6 13/66/2|THTT
    4 4 2/-10 7 13/50/1|1 4 1/-8 0 -2/35/4|THHH
    2 2/2 -13/74/4|5 3 1/8 -8 7/37/8|THHH
    3 2/10 -4/20/1|5 4 3/11 8 -2/11/8|THTT
    2 4/7 3/71/4|5 3 2/10 -5 -11/44/4|THHH
    1 3 1/-2 -9 10/80/2|1 3 4/-10 7 13/15/4|THHT
    4 2 1/7 11 2/7/8|2 5 2/-3 11 8/31/1|THTT
    1/7/60/8|4 4 2/11 -4 10/45/2|THHH
    3 1 5/5 9 6/16/2|1 4/10 7/34/4|THHT
    4 3 5/8 -2 8/18/1|4 1 5/-11 0 2/74/1|THHH
    2 1 5/-10 -6 9/59/1|4 2 3/-10 -3 -6/90/4|THHT
    2 5/-11 4/51/2|4 3/-8 -10/79/8|THHH
    2 4/8 -10/48/4|4/11/12/4|THHH
    5 5 1/-12 -11 12/92/4|4 2 5/11 5 -1/14/4|THTT
    4/9/20/2|4 3 3/-4 -5 -9/62/8|THTT
    1 2/13 13/70/2|5 1/8 5/50/2|THHT
    4/-7/23/1|3 3/2 5/12/2|THHT
    3 1 4/11 5 2/16/4|1/-6/26/4|THHH
    4/13/20/1|4 5 2/3 12 -2/3/8|THHH
    5 2/-13 -10/62/4|2/3/28/8|THHH
    3 1 5/9 -2 -4/35/4|1 5/-12 -7/59/8|THTT
    4 5 5/10 -9 3/45/8|4/6/63/8|THHH
    4 5/11 6/36/1|2 5 1/-12 8 -9/37/2|THHH
    5/-11/53/1|5 3/13 -9/32/1|THHT
    5/7/17/1|2 2 5/-13 -11 -12/72/2|THHH
    5 3 3/-9 4 -8/66/4|3 3 4/-8 -5 -6/88/8|THHH
    2 1 1/13 2 -9/44/1|1 5 5/-13 11 -12/48/2|THHH
    3 5 3/-4 6 -5/57/2|5 2 4/-2 8 11/40/8|THHH
    3 3/-8 8/64/1|3 4 5/3 -10 11/40/1|THHT
    5 1 1/3 -10 7/27/8|4 2/-7 9/44/2|THHT
    3/4/44/4|5 5 1/11 6 9/0/1|THTT
    2 3 3/-2 -10 9/28/8|4/0/22/4|THTT
    2 5/10 11/33/8|4/9/32/4|THTT
    5 5 5/2 -8 -4/55/2|4 3/12 -11/29/2|THHT
    3/-8/40/2|1 4 2/-1 -13 10/64/1|THHH
    2 1/7 -8/76/8|2 3/-7 -10/38/2|FFFF
    4/-11/54/1|1/-10/44/1|FFFF
    1 3/4 0/34/4|2 5/-9 -2/68/8|FFFF
    1 1/-3 -7/16/1|2 4/1 -8/76/2|FFFF
    3/-7/23/8|5 2 2/2 12 -8/48/4|FFFF
    1/9/0/4|3/13/22/1|FFFF
    4 1 2/7 -5 13/57/4|1/5/25/8|FFFF
    4/-3/14/4|1/7/41/8|FFFF
    3 2 2/9 -9 8/60/8|1/3/86/8|TTTT
    5/-6/84/4|3 1 4/-12 10 12/44/1|TTTT
    3 1/-9 -7/36/8|3 1/-5 4/18/4|TTTT
    3 2/11 -2/65/8|5 1 3/-11 7 -11/72/1|TTTT
    5/7/62/2|4 4 3/-10 -6 9/70/8|TTTT
    1/3/23/8|2 3/5 -8/35/8|TTTT
";

    #[test]
    fn shares_memory_work_matches_numpy() {
        let layout = |text: &str| {
            let f: Vec<&str> = text.split('/').collect();
            let shape: Vec<usize> = numbers(f[0]).iter().map(|&d| d as usize).collect();
            let strides: Vec<isize> = numbers(f[1]).iter().map(|&s| s as isize).collect();
            raw(&shape, &strides, f[2].parse().unwrap(), f[3].parse().unwrap())
        };
        for line in NUMPY_SHARES.trim().lines() {
            let parts: Vec<&str> = line.trim().split('|').collect();
            let (a, b) = (layout(parts[0]), layout(parts[1]));
            for (max_work, answer) in [None, Some(1), Some(2), Some(3)].into_iter().zip(parts[2].chars()) {
                let expected = match answer {
                    'T' => Overlap::Yes,
                    'F' => Overlap::No,
                    _ => Overlap::TooHard,
                };
                assert_eq!(
                    solve_may_share_memory(&a, 1000, &b, 1000, max_work),
                    expected,
                    "{line} {max_work:?}"
                );
            }
        }
    }

    #[test]
    fn overflow_only_beyond_two_to_the_62_bytes() {
        // NumPy 2.4.6: np.shares_memory(x, x) for an int8 as_strided view of
        // 2^62 bytes is True; of 2^62 + 1 bytes it raises OverflowError.
        let x = raw(&[1 << 62], &[1], 0, 1);
        assert_eq!(exact(&x, &x), Overlap::Yes);
        let x = raw(&[(1 << 62) + 1], &[1], 0, 1);
        assert_eq!(exact(&x, &x), Overlap::Overflow);
        assert_eq!(solve_may_share_memory(&x, 0, &x, 0, Some(0)), Overlap::TooHard);
        // One huge reversed axis has only the trivial solution: no overlap,
        // without doubling its bound.
        let reversed = raw(&[(1 << 62) + 1], &[-1], 1 << 62, 1);
        assert_eq!(solve_internal_overlap(&reversed, None), Overlap::No);
        // Two axes whose doubled bound overflows: "cannot rule it out".
        let two = raw(&[2, (1 << 62) + 1], &[1, 1], 0, 1);
        assert_eq!(solve_internal_overlap(&two, None), Overlap::Overflow);
    }

    #[test]
    fn extreme_layouts_do_not_panic() {
        let big = isize::MAX;
        let layouts = [
            raw(&[2], &[isize::MIN], 0, 8),
            raw(&[2, 3], &[isize::MIN, 8], big, 8),
            raw(&[usize::MAX], &[1], 0, 1),
            raw(&[usize::MAX, 2], &[big, -big], -big, 8),
            raw(&[3, 3, 3], &[big / 2, big / 3, 1], 0, 1),
            raw(&[2; 6], &[big / 7; 6], big, 1),
            raw(&[1, 2], &[isize::MIN, 0], 0, 4),
            raw(&[], &[], isize::MIN, usize::MAX),
            raw(&[4], &[8], 0, usize::MAX),
        ];
        for a in &layouts {
            for max_work in [None, Some(0), Some(1), Some(50)] {
                let _ = solve_internal_overlap(a, max_work);
            }
            let _ = is_c_contiguous(a);
            for b in &layouts {
                for base in [0, usize::MAX / 2, usize::MAX] {
                    // A limited search: an unlimited one may take (finite
                    // but) astronomical time on such layouts, as in NumPy.
                    for max_work in [Some(0), Some(1), Some(50)] {
                        let _ = solve_may_share_memory(a, base, b, 0, max_work);
                    }
                }
            }
        }
    }

    #[test]
    fn deep_problems_do_not_use_the_call_stack() {
        // 3000 axes of length 2 with byte strides 1, 2, …, 3000 against one
        // byte in the middle: a search 3000 levels deep.
        let n = 3000;
        let strides: Vec<isize> = (1..=n).collect();
        let a = raw(&vec![2; n as usize], &strides, 0, 1);
        let middle = raw(&[], &[], n * (n + 1) / 4, 1);
        assert_eq!(exact(&a, &middle), Overlap::Yes);
        assert_eq!(solve_internal_overlap(&a, None), Overlap::Yes);
    }

    #[test]
    fn internal_overlap_cases() -> Result<()> {
        let x = Array::arange(12).into_shape([3, 4])?;
        assert!(!x.internal_overlap());
        assert!(!x.t().internal_overlap());
        assert!(!x.slice(s![::-1, 1::2])?.internal_overlap());
        assert!(x.as_strided([3, 4], [8, 8])?.internal_overlap());
        assert!(x.as_strided([4, 3], [0, 8])?.internal_overlap());
        assert!(!x.as_strided([1, 3], [0, 8])?.internal_overlap()); // the zero stride is never used
        assert!(!x.as_strided([3, 2], [16, 8])?.internal_overlap());
        assert!(x.as_strided([3, 2], [8, 16])?.internal_overlap());
        // Internal overlap with a work limit: 0 gives up at once.
        let windows = x.as_strided([3, 4], [8, 8])?;
        assert_eq!(solve_internal_overlap(windows.layout(), Some(0)), Overlap::TooHard);
        assert_eq!(solve_internal_overlap(x.layout(), Some(0)), Overlap::No); // contiguous
        Ok(())
    }

    /// Hard problems: NumPy's header example (three axes of 1049), and
    /// overlap-free layouts of many axes whose exact search takes time
    /// exponential in the number of axes.
    fn hard_layouts() -> Vec<Layout> {
        let mut out = vec![raw(&[1049, 1049, 1049], &[1049 * 1049 + 1, 1049 + 1, 1], 0, 1)];
        for n in [12, 16, 22, 30, 64] {
            // Strides 2·3^k-ish (mod a large number): distinct, incommensurate.
            let strides: Vec<isize> =
                (0..n).map(|k| 1_000_003 + 7919 * k as isize * (k as isize + 3)).collect();
            out.push(raw(&vec![2; n], &strides, 0, 8));
            let strides: Vec<isize> = (0..n).map(|k| 8 * (1isize << k.min(40)) + 8).collect();
            out.push(raw(&vec![3; n], &strides, 0, 8));
        }
        out
    }

    #[test]
    fn every_search_returns_within_its_bound() {
        // Counted work, not wall time: the levels the search entered.
        let layouts = hard_layouts();
        for max_work in [0, 1, 10, 1000, DEFAULT_MAX_WORK] {
            for a in &layouts {
                // Internal overlap, as `internal_overlap()` and `as_strided_mut` run it.
                let mut terms: Vec<Term> = a
                    .shape()
                    .iter()
                    .zip(a.strides())
                    .filter(|&(&d, _)| d > 1)
                    .map(|(&d, &s)| Term { a: s.unsigned_abs() as i64, ub: 2 * (d as i64 - 1) })
                    .collect();
                if a.itemsize() > 1 {
                    terms.push(Term { a: 1, ub: 2 * (a.itemsize() as i64 - 1) });
                }
                sort_by_coefficient(&mut terms);
                let n = terms.len() as u64;
                let (answer, _, steps) = solve_diophantine_counted(&terms, -1, Some(max_work), true);
                assert!(steps <= 2 * max_work + 3 * n + 1, "{steps} steps for max_work {max_work}: {a:?}");
                assert_ne!(answer, Overlap::Overflow);
                assert_eq!(
                    answer == Overlap::TooHard,
                    solve_internal_overlap(a, Some(max_work)) == Overlap::TooHard
                );
                // Sharing with itself shifted by one item, as `shares_memory` runs it.
                let mut b = a.clone();
                b.offset += 8;
                let (Some((s1, e1)), Some((s2, e2))) = (memory_extents(a, 0), memory_extents(&b, 0)) else {
                    panic!("extents")
                };
                let rhs = i64::try_from(min(e2 - 1 - s1, e1 - 1 - s2)).unwrap();
                let mut terms = share_terms(a, &b).unwrap();
                diophantine_simplify(&mut terms, rhs).unwrap();
                let n = terms.len() as u64;
                let (_, _, steps) = solve_diophantine_counted(&terms, rhs, Some(max_work), false);
                assert!(steps <= 2 * max_work + 3 * n + 1, "{steps} steps for max_work {max_work}: {a:?}");
            }
        }
        // The public entry points use the default bound and say so.
        let x = Array::from_vec(vec![0u8; 1049 * 1049 + 1049 + 2], [1049 * 1049 + 1049 + 2]).unwrap();
        let hard = x.as_strided([2, 1049, 1049], [1049 * 1049 + 1, 1049 + 1, 1]);
        if let Ok(hard) = hard {
            let _ = hard.internal_overlap();
        }
    }
}
