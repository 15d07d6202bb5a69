//! The project's own NumPy oracle: real NumPy, installed from PyPI into
//! `.venv`, writes what the tests compare ndview with.
//!
//! * every `crates/ndview/tests/numpy/*.py` script writes the fixture beside
//!   it (`listings.json` for the operations of the book's listings, in the
//!   `numpy-cases` schema; `printing.json`; `random.json`);
//! * every NumPy original of a listing, `listings/*/listing-*.py`, is run and
//!   its output written to `listing-*.py.out` (redacted by the listings' rule),
//!   for the book to show beside the Rust output.
//!
//! With `--check` the fixtures are regenerated all the same, and any that
//! differs from the committed one is an error.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use xtask::listings;

use crate::{Result, cmd, output, tools};

pub fn run(root: &Path, check: bool) -> Result {
    let python = tools::ensure_python(root)?;
    let mut before: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();

    let numpy_dir = root.join("crates/ndview/tests/numpy");
    let mut scripts: Vec<PathBuf> = fs::read_dir(&numpy_dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    scripts.sort();
    for script in &scripts {
        let fixture = script.with_extension("json");
        before.insert(fixture.clone(), fs::read_to_string(&fixture).ok());
        eprintln!("xtask: {} {}", python.display(), script.display());
        output(cmd(&python).arg(script))?;
    }

    for listing in listings::all(root) {
        let Some(py) = listing.numpy_original() else { continue };
        let out_path = PathBuf::from(format!("{}.out", py.display()));
        before.insert(out_path.clone(), fs::read_to_string(&out_path).ok());
        let stdout = output(cmd(&python).arg(&py).current_dir(py.parent().unwrap()))?;
        let name = py.file_name().unwrap().to_string_lossy();
        fs::write(&out_path, format!("$ python {name}\n{}", listings::redact(&stdout)))?;
    }

    let changed: Vec<String> = before
        .iter()
        .filter(|(path, old)| fs::read_to_string(path).ok() != **old)
        .map(|(path, _)| path.strip_prefix(root).unwrap_or(path).display().to_string())
        .collect();
    if changed.is_empty() {
        eprintln!("xtask: {} NumPy fixtures and outputs regenerated, all as committed", before.len());
        return Ok(());
    }
    eprintln!("xtask: NumPy produced different fixtures for:\n  {}", changed.join("\n  "));
    if check {
        return Err("the committed NumPy fixtures are not what NumPy produces (see `git diff`)".into());
    }
    Ok(())
}
