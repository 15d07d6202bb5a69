//! The project's tooling, as a library so that the book's build script and
//! tests share it with the `cargo xtask` command.
//!
//! * [`listings`]: which listings exist, how each is run, its expected output
//!   and the one redaction rule for outputs that vary.
//! * [`include`]: mdBook's `{{#include}}` and `{{#rustdoc_include}}`, expanded
//!   the way mdBook does, so skeptic tests the code the reader sees.

pub mod include;
pub mod listings;

use std::path::{Path, PathBuf};

/// The workspace root (the directory holding `book.toml`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/xtask sits two levels below the root")
        .to_path_buf()
}
