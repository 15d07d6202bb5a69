//! `cargo xtask`: the one entry point for everything beyond `cargo test`.
//!
//! ```text
//! cargo xtask serve       set up, build the listings, serve the book on 127.0.0.1:3000
//! cargo xtask build       set up, build the listings, write the static site to target/book
//!                         (--publish: with the PDF and the executed notebooks, as deployed)
//! cargo xtask test        every check: tests, NumPy fixtures, Miri, book, links,
//!                         notebooks on the real kernel, every page in headless Chromium
//! cargo xtask outputs     rewrite the listings' expected outputs from fresh runs
//! cargo xtask oracle      rerun real NumPy: fixtures and the NumPy originals' outputs
//! cargo xtask notebooks   regenerate notebooks/ from the book (--run: and run them on evcxr)
//! cargo xtask jupyter     set up JupyterLab with the Rust kernel and open notebooks/
//! cargo xtask bench       ndview vs ndarray vs NumPy, as ratios measured in one run
//!                         (--quick: a short run; --record: write src/section-1/data/bench.json)
//! cargo xtask preprocess  the book's mdBook preprocessors (book.toml runs them)
//! ```

mod bench;
mod book;
mod browser;
mod notebooks;
mod oracle;
mod preprocess;
mod publish;
mod tools;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

pub type Result<T = (), E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

/// A command to run from the project root.
pub fn cmd(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut c = Command::new(program);
    c.current_dir(xtask::project_root());
    c
}

/// Runs a command with inherited output; an error if it fails.
pub fn run(c: &mut Command) -> Result {
    eprintln!("xtask$ {}", describe(c));
    let status = c.status().map_err(|e| format!("cannot start {}: {e}", describe(c)))?;
    if !status.success() {
        return Err(format!("failed ({status}): {}", describe(c)).into());
    }
    Ok(())
}

/// Runs a command and returns its standard output; an error if it fails.
pub fn output(c: &mut Command) -> Result<String> {
    let out = c.output().map_err(|e| format!("cannot start {}: {e}", describe(c)))?;
    if !out.status.success() {
        return Err(format!(
            "failed ({}): {}\n{}",
            out.status,
            describe(c),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

const USAGE: &str = "usage: cargo xtask <serve|build [--publish]|test|outputs|oracle [--check]|notebooks [--check|--run]|jupyter|bench [--quick] [--record]|preprocess STAGE>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = xtask::project_root();
    let check = args.iter().any(|a| a == "--check");
    let result = match args.first().map(String::as_str) {
        Some("serve") => book::serve(&root),
        Some("build") if args.iter().any(|a| a == "--publish") => publish_site(&root),
        Some("build") => book::build(&root, false).map(|_| ()),
        Some("test") => test(&root),
        Some("outputs") => book::write_outputs(&root),
        Some("oracle") => oracle::run(&root, check),
        Some("notebooks") if args.iter().any(|a| a == "--run") => {
            notebooks::generate(&root, false).and_then(|()| notebooks::execute_and_compare(&root))
        }
        Some("notebooks") => notebooks::generate(&root, check),
        Some("jupyter") => notebooks::jupyter(&root),
        Some("bench") => {
            bench::run(&root, args.iter().any(|a| a == "--quick"), args.iter().any(|a| a == "--record"))
        }
        Some("preprocess") => preprocess::main(&root, &args[1..]),
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The site as deployed: the book, the notebooks run on the real kernel and
/// checked, as pages and downloads, and the PDF.
fn publish_site(root: &Path) -> Result {
    let site = book::build(root, true)?;
    notebooks::execute_and_compare(root)?;
    publish::add_extras(root, &site)
}

/// The whole check, in the order that fails fastest.
fn test(root: &Path) -> Result {
    let mut timings = Vec::new();
    let mut step = |name: &str, f: &mut dyn FnMut() -> Result| -> Result {
        eprintln!("\n==== xtask test: {name}");
        let start = Instant::now();
        f()?;
        timings.push((name.to_string(), start.elapsed()));
        Ok(())
    };
    step("formatting and lints", &mut || {
        run(cmd("cargo").args(["fmt", "--all", "--check"]))?;
        run(cmd("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
    })?;
    step("NumPy fixtures are current", &mut || oracle::run(root, true))?;
    step("cargo test --workspace", &mut || run(cmd("cargo").args(["test", "--workspace"])))?;
    step("conformance runner on the NumPy cases", &mut || {
        run(cmd("cargo")
            .args(["run", "--release", "-p", "ndview", "--example", "conform", "--"])
            .args(["crates/ndview/tests/numpy/cases.json", "crates/ndview/tests/numpy/listings.json"]))?;
        // Section 2's cases on their own, so their closing line is theirs.
        run(cmd("cargo")
            .args(["run", "--release", "-p", "ndview", "--example", "conform", "--"])
            .arg("crates/ndview/tests/numpy/indexing-cases.json"))
    })?;
    step("benchmarks compile and run once", &mut || {
        run(cmd("cargo").args(["test", "-p", "ndview", "--benches"]))
    })?;
    step("Miri: ndview's copy engine and its one unsafe module", &mut || {
        tools::ensure_miri()?;
        // Scaled down: only the unit tests of the copy engine and of the
        // allocation module (the proptest cases are fewer under cfg(miri)).
        run(cmd("cargo")
            .args(["+nightly", "miri", "test", "-p", "ndview", "--lib", "--", "copy::", "alloc::"]))
    })?;
    step("ndview as a crate: docs without warnings, cargo package, publish --dry-run", &mut || {
        run(cmd("cargo").args(["doc", "--no-deps", "-p", "ndview"]).env("RUSTDOCFLAGS", "-D warnings"))?;
        run(cmd("cargo").args(["package", "-p", "ndview", "--allow-dirty"]))?;
        run(cmd("cargo").args(["publish", "--dry-run", "-p", "ndview", "--allow-dirty"]))
    })?;
    let mut site = None;
    step("book build (mdBook, every listing run by cmdrun)", &mut || {
        site = Some(book::build(root, true)?);
        Ok(())
    })?;
    let site = site.expect("the book was built");
    step("notebooks are current and run on the evcxr kernel", &mut || {
        notebooks::generate(root, true)?;
        notebooks::execute_and_compare(root)
    })?;
    step("the published extras: executed notebooks as pages, the PDF", &mut || {
        publish::add_extras(root, &site)
    })?;
    step("links, cmdrun errors, Rust block count", &mut || book::check(&site))?;
    step("every page and the PDF in headless Chromium", &mut || browser::check(root, &site))?;
    eprintln!("\n==== xtask test: all checks passed");
    for (name, t) in timings {
        eprintln!("{:>8.1} s  {name}", t.as_secs_f64());
    }
    Ok(())
}
