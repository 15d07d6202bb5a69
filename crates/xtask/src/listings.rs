//! The book's listings: one Rust file each under `listings/<chapter>/`.
//!
//! A listing `listing-CC-NN.rs` is either
//!
//! * a **program** (a `[[bin]]` of the root package): its expected output is
//!   committed beside it as `listing-CC-NN.out`, whose first line is the
//!   command that produced it (`$ cargo run --bin listing-CC-NN`) and the rest
//!   is what the program printed; or
//! * a **compile-fail** listing, which must not compile: beside it,
//!   `listing-CC-NN.stderr` holds the compiler's error as trybuild normalises
//!   it (no line numbers), and `listing-CC-NN.out` what a reader sees: its
//!   first line the command (`$ cargo check --quiet --bin listing-CC-NN
//!   --features compile-fail`, a `[[bin]]` that only that feature builds), the
//!   rest what cargo and rustc printed, unchanged (see [`compiler_output`]).
//!
//! Beside a listing may sit the NumPy original, `listing-CC-NN.py`, with the
//! output real NumPy printed for it, `listing-CC-NN.py.out`.
//!
//! # The redaction rule
//!
//! Outputs that vary from run to run are measured times, and only those. A
//! time is a decimal number followed by a space and a unit (`ns`, `µs`, `us`,
//! `ms` or `s`); [`redact`] replaces the number with `<time>`. Committed
//! outputs hold the redacted text; a fresh run is redacted before it is
//! compared. The page shows the real times of the build.

use std::fs;
use std::path::{Path, PathBuf};

/// What kind of listing a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A program that runs and prints its expected output.
    Program,
    /// Code that must not compile.
    CompileFail,
}

/// One listing of the book.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The file stem and binary name, e.g. `listing-02-01`.
    pub name: String,
    /// The Rust source.
    pub path: PathBuf,
    /// Program or compile-fail.
    pub kind: Kind,
}

impl Listing {
    /// The committed expected output of a program.
    pub fn expected_output(&self) -> PathBuf {
        self.path.with_extension("out")
    }

    /// The committed compiler error of a compile-fail listing.
    pub fn expected_stderr(&self) -> PathBuf {
        self.path.with_extension("stderr")
    }

    /// The NumPy original, if there is one.
    pub fn numpy_original(&self) -> Option<PathBuf> {
        let py = self.path.with_extension("py");
        py.exists().then_some(py)
    }

    /// The first line of the expected output: how a reader runs it (for a
    /// compile-fail listing, how a reader sees the compiler's error).
    pub fn command_line(&self) -> String {
        match self.kind {
            Kind::Program => format!("$ cargo run --bin {}", self.name),
            Kind::CompileFail => format!("$ {}", self.compile_fail_args().join(" ")),
        }
    }

    fn compile_fail_args(&self) -> Vec<String> {
        ["cargo", "check", "--quiet", "--bin", &self.name, "--features", "compile-fail"]
            .map(String::from)
            .to_vec()
    }
}

/// What a compile-fail listing's command prints, as its `.out` file holds it:
/// the command line, then cargo's standard error (rustc's messages and cargo's
/// last line) as it is, without colours. The command runs in `root` with its
/// own target directory (`target/compile-fail`), so that it never waits for
/// the lock of a build that is running it (`cargo test`).
pub fn compiler_output(root: &Path, listing: &Listing) -> std::io::Result<String> {
    let args = listing.compile_fail_args();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(&args[1..])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target/compile-fail"))
        .env("CARGO_TERM_COLOR", "never")
        .output()?;
    if out.status.success() {
        return Err(std::io::Error::other(format!("{} compiled, but it must not", listing.name)));
    }
    Ok(format!("{}\n{}", listing.command_line(), String::from_utf8_lossy(&out.stderr)))
}

/// All listings under `root/listings`, sorted by name.
pub fn all(root: &Path) -> Vec<Listing> {
    let mut out = Vec::new();
    let Ok(chapters) = fs::read_dir(root.join("listings")) else { return out };
    for chapter in chapters.flatten() {
        let Ok(files) = fs::read_dir(chapter.path()) else { continue };
        for file in files.flatten() {
            let path = file.path();
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
            if !(stem.starts_with("listing-") && path.extension().is_some_and(|e| e == "rs")) {
                continue;
            }
            let kind = if path.with_extension("stderr").exists() { Kind::CompileFail } else { Kind::Program };
            out.push(Listing { name: stem.to_string(), path, kind });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The text of an expected-output file: the command line, then the output.
pub fn expected_file_text(listing: &Listing, output: &str) -> String {
    format!("{}\n{}", listing.command_line(), redact(output))
}

/// Applies the redaction rule (see the module docs) to a program's output.
///
/// ```
/// assert_eq!(
///     xtask::listings::redact("View: 0.000012 s\nCopy: 3.5 ms\nshape: 3 s"),
///     "View: <time> s\nCopy: <time> ms\nshape: <time> s"
/// );
/// assert_eq!(xtask::listings::redact("size 12 bytes"), "size 12 bytes");
/// ```
pub fn redact(text: &str) -> String {
    const UNITS: [&str; 5] = ["ns", "µs", "us", "ms", "s"];
    let is_number = |w: &str| {
        !w.is_empty()
            && w.chars().all(|c| c.is_ascii_digit() || c == '.')
            && w.chars().filter(|&c| c == '.').count() <= 1
            && w.chars().any(|c| c.is_ascii_digit())
    };
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let words: Vec<&str> = line.split(' ').collect();
        for (j, word) in words.iter().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            let unit = words.get(j + 1).map(|u| u.trim_end_matches([',', ';', ')', '.']));
            if is_number(word) && unit.is_some_and(|u| UNITS.contains(&u)) {
                out.push_str("<time>");
            } else {
                out.push_str(word);
            }
        }
    }
    out
}
