//! Building, serving and checking the book.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use xtask::listings::{self, Kind};
use xtask::normalize;

use crate::{Result, cmd, output, run, tools};

/// `PATH` with `.tools/bin` first, so mdBook finds mdbook-cmdrun.
fn tool_path(root: &Path) -> std::ffi::OsString {
    let mut paths = vec![tools::tools_dir(root).join("bin")];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).expect("paths without separators")
}

/// Sets up and writes the static site; returns its folder. mdBook's first
/// preprocessor builds the listings (see `preprocess.rs`). `publishing`:
/// the pages link the PDF and the notebooks, which the caller then adds.
pub fn build(root: &Path, publishing: bool) -> Result<PathBuf> {
    let mdbook = tools::ensure_mdbook(root)?;
    let site = root.join("target/book");
    let mut mdbook = cmd(&mdbook);
    mdbook.arg("build").env("PATH", tool_path(root));
    match publishing {
        true => mdbook.env(crate::preprocess::PUBLISH_ENV, "1"),
        false => mdbook.env_remove(crate::preprocess::PUBLISH_ENV),
    };
    run(&mut mdbook)?;
    eprintln!("xtask: the book is in {} (static files, ready to publish)", site.display());
    Ok(site)
}

/// Sets up and serves the book on 127.0.0.1:3000 (rebuilt on every change
/// to a chapter, a listing, a figure or ndview).
pub fn serve(root: &Path) -> Result {
    let mdbook = tools::ensure_mdbook(root)?;
    eprintln!("xtask: serving the book on http://127.0.0.1:3000 (Ctrl-C stops)");
    run(cmd(&mdbook)
        .args(["serve", "--hostname", "127.0.0.1", "--port", "3000"])
        .env("PATH", tool_path(root)))
}

/// Rewrites every program listing's expected output from a fresh run, and the
/// compile-fail listings' errors from rustc (through trybuild).
pub fn write_outputs(root: &Path) -> Result {
    crate::preprocess::build_listings(root)?;
    for listing in listings::all(root) {
        match listing.kind {
            Kind::Program => {
                let stdout = output(&mut cmd(root.join("target/debug").join(&listing.name)))?;
                fs::write(listing.expected_output(), listings::expected_file_text(&listing, &stdout))?;
                eprintln!("xtask: wrote {}", listing.expected_output().display());
            }
            Kind::CompileFail => {
                let text = listings::compiler_output(root, &listing)?;
                fs::write(listing.expected_output(), text)?;
                eprintln!("xtask: wrote {}", listing.expected_output().display());
            }
        }
    }
    run(cmd("cargo")
        .args(["test", "--package", "array-memory-book", "--test", "compile_fail"])
        .env("TRYBUILD", "overwrite"))
}

/// The checks on the built site: no cmdrun error, every internal link and
/// anchor resolves, and the rendered Rust blocks are exactly the blocks
/// skeptic tests.
pub fn check(site: &Path) -> Result {
    let pages = html_files(site);
    if pages.is_empty() {
        return Err(format!("no HTML pages in {}", site.display()).into());
    }
    let mut problems = Vec::new();
    let mut ids: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut texts = BTreeMap::new();
    for page in &pages {
        let text = fs::read_to_string(page)?;
        if text.contains("cmdrun error") {
            problems.push(format!("{}: contains a cmdrun error", rel(site, page)));
        }
        ids.insert(page.clone(), attribute_values(&text, "id").into_iter().collect());
        texts.insert(page.clone(), text);
    }
    let mut links = 0;
    let mut external = BTreeSet::new();
    for (page, text) in &texts {
        for target in attribute_values(text, "href").into_iter().chain(attribute_values(text, "src")) {
            if target.contains("://") || target.starts_with("mailto:") || target.starts_with("//") {
                // Offline, these cannot be fetched: they are listed instead.
                external.insert(target);
                continue;
            }
            links += 1;
            let (path, fragment) = match target.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (target.as_str(), None),
            };
            let file = if path.is_empty() {
                page.clone()
            } else if let Some(from_root) = path.strip_prefix('/') {
                // Site-absolute (mdBook's 404 page): the site is served from its root.
                normalize(&site.join(from_root))
            } else {
                normalize(&page.parent().unwrap().join(path))
            };
            let file = if file.is_dir() { file.join("index.html") } else { file };
            if !file.exists() {
                problems.push(format!("{}: broken link {target:?}", rel(site, page)));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                let known = ids.get(&file).is_some_and(|set| set.contains(f));
                if file.extension().is_some_and(|e| e == "html") && !known {
                    problems.push(format!("{}: link {target:?} names a missing anchor", rel(site, page)));
                }
            }
        }
    }
    // Rust blocks on the chapter pages (print.html repeats them all).
    let mut rust_blocks = 0;
    for (page, text) in &texts {
        let name = page.file_name().unwrap().to_string_lossy();
        if name == "print.html" || name == "404.html" || name == "toc.html" {
            continue;
        }
        rust_blocks += text.matches("<code class=\"language-rust").count();
    }
    let listed = output(cmd("cargo").args([
        "test",
        "--package",
        "array-memory-book",
        "--test",
        "skeptic",
        "--",
        "--list",
    ]))?;
    let skeptic_tests = listed.lines().filter(|l| l.ends_with(": test")).count();
    eprintln!(
        "xtask: {} pages, {links} internal links checked, {rust_blocks} Rust blocks rendered, {skeptic_tests} skeptic tests",
        pages.len()
    );
    eprintln!("xtask: {} external links (not fetched offline):", external.len());
    for link in &external {
        eprintln!("  {link}");
    }
    if rust_blocks != skeptic_tests {
        problems.push(format!(
            "{rust_blocks} Rust blocks in the rendered book but {skeptic_tests} skeptic tests"
        ));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

fn rel(site: &Path, p: &Path) -> String {
    p.strip_prefix(site).unwrap_or(p).display().to_string()
}

/// Every value of `name="..."` in an HTML text, entity-decoded for `&amp;`.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        rest = &rest[at + needle.len()..];
        if let Some(end) = rest.find('"') {
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    xtask::files_with_extension(dir, "html")
}
