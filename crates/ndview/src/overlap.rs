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

use crate::array::{ArrayBase, Storage};
use crate::error::{Error, Result};
use crate::layout::Layout;

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
    let (Some((start1, end1)), Some((start2, end2))) = (memory_extents(a, a_base), memory_extents(b, b_base)) else {
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

    let mut terms = Vec::with_capacity(layout.ndim() + 1);
    if strides_to_terms(layout, &mut terms, false).and_then(|()| push_itemsize_term(layout, &mut terms)).is_none() {
        return Overlap::Overflow;
    }

    // Drop axes of length 1; an empty axis means no elements at all; a zero
    // stride on a longer axis reaches its first element twice. NumPy answers
    // at the first such axis, in axis order.
    let mut kept = Vec::with_capacity(terms.len());
    for term in terms {
        if term.ub == 0 {
            continue;
        } else if term.ub < 0 {
            return Overlap::No;
        } else if term.a == 0 {
            return Overlap::Yes;
        }
        kept.push(term);
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
    mut b: i64,
    max_work: Option<u64>,
    require_ub_nontrivial: bool,
) -> (Overlap, Vec<i64>) {
    let no_solution = (Overlap::No, Vec::new());
    // NumPy reports invalid input (a <= 0, an odd bound) as an error; our
    // callers never build it. A negative bound has no solution.
    for term in terms {
        if term.a <= 0 {
            return (Overlap::Overflow, Vec::new());
        } else if term.ub < 0 {
            return no_solution;
        }
    }

    if require_ub_nontrivial {
        let mut ub_sum = Some(0i64);
        for term in terms {
            if term.ub % 2 != 0 {
                return (Overlap::Overflow, Vec::new());
            }
            ub_sum = ub_sum.and_then(|s| s.checked_add(term.a.checked_mul(term.ub / 2)?));
        }
        let Some(ub_sum) = ub_sum else {
            return (Overlap::Overflow, Vec::new());
        };
        b = ub_sum;
    }

    if b < 0 {
        return no_solution;
    }

    match terms {
        // With zero or one variable only the trivial solution can exist.
        [] if require_ub_nontrivial => no_solution,
        [] if b == 0 => (Overlap::Yes, Vec::new()),
        [] => no_solution,
        [_] if require_ub_nontrivial => no_solution,
        [only] => {
            let x = b / only.a;
            if b % only.a == 0 && (0..=only.ub).contains(&x) {
                (Overlap::Yes, vec![x])
            } else {
                no_solution
            }
        }
        _ => {
            let Some(chain) = diophantine_precompute(terms) else {
                return (Overlap::Overflow, Vec::new());
            };
            let mut search = Search {
                terms,
                chain,
                max_work,
                require_ub_nontrivial,
                x: vec![0; terms.len()],
                count: 0,
            };
            let answer = search.run(b);
            (answer, if answer == Overlap::Yes { search.x } else { Vec::new() })
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
    let mut chain = Chain {
        reduced: vec![Term { a: 0, ub: 0 }; n - 1],
        gamma: vec![0; n - 1],
        epsilon: vec![0; n - 1],
    };
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
fn buffer_address<S: Storage>(a: &ArrayBase<S>) -> usize {
    a.buffer().as_ptr().addr()
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
/// NumPy's `np.shares_memory(a, b)` (unlimited work).
///
/// The answer is exact: two arrays whose extents interleave without touching
/// a common byte do not share memory. The search can, in principle, take
/// time exponential in the number of axes. [`Error::Overflow`] is NumPy's
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
pub fn shares_memory<S1: Storage, S2: Storage>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<bool> {
    let overlap = solve_may_share_memory(a.layout(), buffer_address(a), b.layout(), buffer_address(b), None);
    shares_result(overlap, None)
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
pub fn may_share_memory<S1: Storage, S2: Storage>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> bool {
    let overlap = solve_may_share_memory(a.layout(), buffer_address(a), b.layout(), buffer_address(b), Some(0));
    // "Don't know, so say yes" (NumPy).
    overlap != Overlap::No
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
pub fn shares_memory_max_work<S1: Storage, S2: Storage>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    max_work: u64,
) -> Result<bool> {
    let overlap =
        solve_may_share_memory(a.layout(), buffer_address(a), b.layout(), buffer_address(b), Some(max_work));
    shares_result(overlap, Some(max_work))
}

impl<S: Storage> ArrayBase<S> {
    /// Whether two different indices of this array reach a common byte
    /// (NumPy's exact `solve_may_have_internal_overlap`, as tested by
    /// `numpy._core._multiarray_tests.internal_overlap`).
    ///
    /// Slices, transposes and reshaped views never overlap themselves;
    /// `as_strided` views with zero or too-small strides can. (For a buffer
    /// of more than `2^62` bytes the search could overflow; the answer is
    /// then `true`, "cannot rule it out".)
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
        solve_internal_overlap(self.layout(), None) != Overlap::No
    }
}
