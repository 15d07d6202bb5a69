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

/// `a/b/../c` → `a/c`, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every file under `dir` whose name ends in `.{extension}`, sorted.
pub fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == extension) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}
