//! PLACEHOLDER, being replaced by the port of NumPy's default_rng().integers().
#![allow(missing_docs)]
