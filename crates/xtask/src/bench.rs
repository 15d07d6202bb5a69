//! ndview vs ndarray vs NumPy (in progress).
use std::path::Path;

use crate::Result;

pub fn run(_root: &Path) -> Result {
    Err("bench: not written yet".into())
}
