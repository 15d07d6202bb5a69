//! Expands the book's include links and hands the result to skeptic, so that
//! `cargo test` compiles and runs every Rust block a reader sees, including
//! the listings pulled in from `listings/`.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("book");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=listings");

    let src = root.join("src");
    let mut expanded = Vec::new();
    for chapter in xtask::include::markdown_files(&src) {
        let text = fs::read_to_string(&chapter).expect("a readable chapter");
        let dir = chapter.parent().expect("a chapter lives in a directory");
        let text = xtask::include::expand(&text, dir).unwrap_or_else(|e| panic!("{e}"));
        let target = out.join(chapter.strip_prefix(&src).expect("under src"));
        write_if_changed(&target, &xtask::include::for_skeptic(&text));
        expanded.push(target);
    }
    skeptic::generate_doc_tests(&expanded);
}

/// Writes only when the content changed, so the file's time stays put and
/// cargo does not rerun this script for nothing.
fn write_if_changed(path: &Path, content: &str) {
    if fs::read_to_string(path).is_ok_and(|old| old == content) {
        return;
    }
    fs::create_dir_all(path.parent().expect("a parent")).expect("a writable OUT_DIR");
    fs::write(path, content).expect("a writable OUT_DIR");
}
