//! PLACEHOLDER, being replaced by the port of NumPy's mem_overlap.c.
#![allow(missing_docs)]
use crate::array::{ArrayBase, AsArray, Storage};
use crate::error::{Error, Result};
use crate::layout::Layout;

/// The answer of NumPy's overlap solver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overlap { No, Yes, TooHard, Overflow }

fn addresses(base: usize, l: &Layout) -> Vec<usize> {
    let mut v = Vec::new();
    for p in crate::iter::Positions::new(l) { for b in 0..l.itemsize() { v.push(base + p * l.itemsize() + b); } }
    v.sort(); v
}

pub(crate) fn solve_may_share_memory(a: &Layout, a_base: usize, b: &Layout, b_base: usize, _max_work: Option<u64>) -> Overlap {
    let (x, y) = (addresses(a_base, a), addresses(b_base, b));
    if x.iter().any(|p| y.binary_search(p).is_ok()) { Overlap::Yes } else { Overlap::No }
}

pub(crate) fn solve_internal_overlap(l: &Layout, _max_work: Option<u64>) -> Overlap {
    let p: Vec<usize> = crate::iter::Positions::new(l).collect();
    let mut q = p.clone(); q.sort(); q.dedup();
    if q.len() != p.len() { Overlap::Yes } else { Overlap::No }
}

fn base<A: AsArray>(a: &A) -> usize { a.as_view().buffer().as_ptr() as usize }

pub fn shares_memory(a: &impl AsArray, b: &impl AsArray) -> bool {
    solve_may_share_memory(a.as_view().layout(), base(a), b.as_view().layout(), base(b), None) == Overlap::Yes
}
pub fn may_share_memory(a: &impl AsArray, b: &impl AsArray) -> bool {
    solve_may_share_memory(a.as_view().layout(), base(a), b.as_view().layout(), base(b), None) == Overlap::Yes
}
pub fn shares_memory_max_work(a: &impl AsArray, b: &impl AsArray, max_work: u64) -> Result<bool> {
    match solve_may_share_memory(a.as_view().layout(), base(a), b.as_view().layout(), base(b), Some(max_work)) {
        Overlap::Yes => Ok(true), Overlap::No => Ok(false), Overlap::TooHard => Err(Error::TooHard { max_work }), Overlap::Overflow => Err(Error::Overflow),
    }
}
impl<S: Storage> ArrayBase<S> {
    pub fn internal_overlap(&self) -> bool { solve_internal_overlap(self.layout(), None) == Overlap::Yes }
}
