//! The project's own NumPy oracle: real NumPy, installed from PyPI into
//! `.venv`, writes what the tests compare ndview with.
//!
//! * every `crates/ndview/tests/numpy/*.py` script writes the fixture beside
//!   it (`listings.json` for the operations of the book's listings, in the
//!   `numpy-cases` schema; `printing.json`; `default_rng.json`);
//! * every NumPy original of a listing, `listings/*/listing-*.py`, is run and
//!   its output written to `listing-*.py.out` (redacted by the listings' rule),
//!   for the book to show beside the Rust output.
//!
//! With `--check` the fixtures are regenerated all the same, and any that
//! differs from the committed one is an error; then they are regenerated a
//! second time with NumPy's CPU dispatch switched off
//! (`NPY_DISABLE_CPU_FEATURES` set to every dispatched feature), and must
//! come out the same again: what is committed does not depend on the CPU.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use xtask::listings;

use crate::{Result, cmd, output, tools};

pub fn run(root: &Path, check: bool) -> Result {
    let python = tools::ensure_python(root)?;
    let before = committed(root)?;
    regenerate(root, &python, None)?;
    let changed = differences(root, &before);
    if changed.is_empty() {
        eprintln!("xtask: {} NumPy fixtures and outputs regenerated, all as committed", before.len());
    } else {
        eprintln!("xtask: NumPy produced different fixtures for:\n  {}", changed.join("\n  "));
        if check {
            return Err("the committed NumPy fixtures are not what NumPy produces (see `git diff`)".into());
        }
        return Ok(());
    }
    if !check {
        return Ok(());
    }
    // NumPy picks its SIMD kernels by CPU, so a fixture computed with a
    // dispatched kernel could come out differently on another machine. Run
    // again with every dispatched feature switched off (NumPy's baseline):
    // what is committed must be what both runs give.
    let features = output(
        cmd(&python)
            .args(["-c", "import numpy._core._multiarray_umath as m; print(' '.join(m.__cpu_dispatch__))"]),
    )?;
    let features = features.trim();
    regenerate(root, &python, Some(features))?;
    let changed = differences(root, &before);
    if !changed.is_empty() {
        return Err(format!(
            "with NPY_DISABLE_CPU_FEATURES=\"{features}\" NumPy produces other fixtures for:\n  {}\n\
             (a fixture depends on the CPU: compute its inputs exactly)",
            changed.join("\n  ")
        )
        .into());
    }
    eprintln!("xtask: the same {} files again with NPY_DISABLE_CPU_FEATURES=\"{features}\"", before.len());
    Ok(())
}

/// The fixtures and outputs the oracle writes, each with its committed text.
fn committed(root: &Path) -> Result<BTreeMap<PathBuf, Option<String>>> {
    let mut before = BTreeMap::new();
    for script in scripts(root)? {
        let fixture = script.with_extension("json");
        before.insert(fixture.clone(), fs::read_to_string(&fixture).ok());
    }
    for listing in listings::all(root) {
        if let Some(py) = listing.numpy_original() {
            let out = py_out(&py);
            before.insert(out.clone(), fs::read_to_string(&out).ok());
        }
    }
    Ok(before)
}

fn scripts(root: &Path) -> Result<Vec<PathBuf>> {
    let numpy_dir = root.join("crates/ndview/tests/numpy");
    let mut scripts: Vec<PathBuf> = fs::read_dir(&numpy_dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    scripts.sort();
    Ok(scripts)
}

fn py_out(py: &Path) -> PathBuf {
    PathBuf::from(format!("{}.out", py.display()))
}

/// Runs every oracle script and every NumPy original, with
/// `NPY_DISABLE_CPU_FEATURES` set to `disabled` if given.
fn regenerate(root: &Path, python: &Path, disabled: Option<&str>) -> Result {
    let python_cmd = || {
        let mut c = cmd(python);
        match disabled {
            Some(features) => c.env("NPY_DISABLE_CPU_FEATURES", features),
            None => c.env_remove("NPY_DISABLE_CPU_FEATURES"),
        };
        c
    };
    for script in scripts(root)? {
        eprintln!("xtask: {} {}", python.display(), script.display());
        output(python_cmd().arg(&script))?;
    }
    for listing in listings::all(root) {
        let Some(py) = listing.numpy_original() else { continue };
        let stdout = output(python_cmd().arg(&py).current_dir(py.parent().unwrap()))?;
        let name = py.file_name().unwrap().to_string_lossy();
        fs::write(py_out(&py), format!("$ python {name}\n{}", listings::redact(&stdout)))?;
    }
    Ok(())
}

/// The files whose text is not what `before` holds, relative to `root`.
fn differences(root: &Path, before: &BTreeMap<PathBuf, Option<String>>) -> Vec<String> {
    before
        .iter()
        .filter(|(path, old)| fs::read_to_string(path).ok() != **old)
        .map(|(path, _)| path.strip_prefix(root).unwrap_or(path).display().to_string())
        .collect()
}
