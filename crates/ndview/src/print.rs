//! PLACEHOLDER, being replaced by the port of NumPy's arrayprint.py.
#![allow(missing_docs)]
use std::fmt;
use crate::array::{ArrayBase, Storage};

impl<S: Storage> fmt::Display for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_vec())
    }
}
impl<S: Storage> fmt::Debug for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "array({:?})", self.to_vec())
    }
}
