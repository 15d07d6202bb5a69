//! The book's own mdBook preprocessors, so that plain `mdbook build` and
//! `mdbook serve` give the complete book from a fresh clone.
//!
//! `book.toml` runs `cargo xtask preprocess STAGE` twice around cmdrun:
//!
//! * `listings`, **before** cmdrun: builds every listing binary (and the
//!   `figures` binary) with `cargo build`, in `target/`, the directory the
//!   chapters' cmdrun lines run them from. Cargo rebuilds only what changed,
//!   so a second `mdbook build` compiles nothing. A listing that does not
//!   compile fails the build with cargo's error, which names its file. The
//!   same stage turns links to the project's own files, written
//!   `[text](repo:PATH)`, into links to the repository when
//!   `output.html.git-repository-url` is set (the deploy sets it) and into
//!   plain text when it is not: the book never points at an invented address.
//!   Markers `<!-- published: pdf -->` and `<!-- published: notebook NAME -->`
//!   become links to the PDF and to a section's executed notebook when the
//!   site is built for publishing (`PUBLISH_ENV` set by `cargo xtask build
//!   --publish` and `cargo xtask test`, which add those files), and vanish
//!   otherwise: a plain `mdbook serve` draws no link to a file it lacks.
//! * `check`, **after** cmdrun: mdbook-cmdrun writes `**cmdrun error**` into
//!   the page and still exits 0 when a command fails; this stage fails the
//!   build instead, naming the chapter and the command.
//!
//! The protocol is mdBook's: `STAGE supports RENDERER` answers with the exit
//! status; otherwise `[context, book]` arrives as JSON on standard input and
//! the (changed) book leaves on standard output. Everything else goes to
//! standard error.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

use crate::{Result, cmd, run};

/// Set (to `1`) when the site is built with the PDF and the notebooks.
pub const PUBLISH_ENV: &str = "ARRAY_BOOK_PUBLISH";

/// The marker mdbook-cmdrun puts in a page where a command failed.
pub const CMDRUN_ERROR: &str = "**cmdrun error**";

pub fn main(root: &Path, args: &[String]) -> Result {
    let stage = args.first().map(String::as_str).ok_or("usage: cargo xtask preprocess <listings|check>")?;
    if args.get(1).map(String::as_str) == Some("supports") {
        // Both stages work on Markdown, for any renderer.
        return Ok(());
    }
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let [context, mut book]: [Value; 2] =
        serde_json::from_str(&input).map_err(|e| format!("mdBook's input is not [context, book]: {e}"))?;
    match stage {
        "listings" => {
            build_listings(root)?;
            let url = context["config"]["output"]["html"]["git-repository-url"].as_str().map(str::to_string);
            let publishing = std::env::var_os(PUBLISH_ENV).is_some_and(|v| v == "1");
            for_each_chapter(&mut book, &mut |chapter| {
                let depth = chapter["path"].as_str().map_or(0, |p| p.matches('/').count());
                if let Some(content) = chapter["content"].as_str() {
                    let linked = repo_links(content, url.as_deref().map(|u| (u, root)));
                    let linked =
                        published_links(&linked, publishing.then(|| "../".repeat(depth)).as_deref())?;
                    chapter["content"] = Value::String(linked);
                }
                Ok(())
            })?;
        }
        "check" => {
            let mut errors = Vec::new();
            for_each_chapter(&mut book, &mut |chapter| {
                let content = chapter["content"].as_str().unwrap_or_default();
                let path = chapter["path"].as_str().unwrap_or("?");
                errors.extend(cmdrun_errors(content).into_iter().map(|e| format!("src/{path}: {e}")));
                Ok(())
            })?;
            if !errors.is_empty() {
                return Err(format!("a listing or figure failed to run:\n{}", errors.join("\n")).into());
            }
        }
        other => return Err(format!("unknown preprocessor stage {other:?}").into()),
    }
    println!("{book}");
    Ok(())
}

/// Builds every binary of the book package in `target/` (the directory the
/// cmdrun lines name), cargo's output on standard error.
pub fn build_listings(root: &Path) -> Result {
    run(cmd("cargo")
        .args(["build", "--package", "array-memory-book", "--bins"])
        .env("CARGO_TARGET_DIR", root.join("target"))
        .stdout(Stdio::from(std::io::stderr())))
}

/// Calls `f` on every chapter of mdBook's book JSON, sub-chapters included.
fn for_each_chapter(book: &mut Value, f: &mut dyn FnMut(&mut Value) -> Result) -> Result {
    fn walk(items: &mut Value, f: &mut dyn FnMut(&mut Value) -> Result) -> Result {
        for item in items.as_array_mut().into_iter().flatten() {
            if let Some(chapter) = item.get_mut("Chapter") {
                f(chapter)?;
                walk(&mut chapter["sub_items"], f)?;
            }
        }
        Ok(())
    }
    walk(&mut book["sections"], f)
}

/// Every cmdrun error in a chapter, one line each.
pub fn cmdrun_errors(content: &str) -> Vec<String> {
    content.lines().filter(|l| l.contains(CMDRUN_ERROR)).map(|l| l.trim().to_string()).collect()
}

/// `[text](repo:PATH)` → `[text](URL/blob/HEAD/PATH)` (`tree` for a folder
/// of the checkout at `root`) when the repository URL is known, else just
/// `text`.
pub fn repo_links(content: &str, repo: Option<(&str, &Path)>) -> String {
    const MARK: &str = "](repo:";
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(at) = rest.find(MARK) {
        let Some(open) = rest[..at].rfind('[') else { break };
        let Some(close) = rest[at..].find(')') else { break };
        let text = &rest[open + 1..at];
        let path = &rest[at + MARK.len()..at + close];
        out.push_str(&rest[..open]);
        match repo {
            Some((url, root)) => {
                let kind = if root.join(path).is_dir() { "tree" } else { "blob" };
                out.push_str(&format!("[{text}]({}/{kind}/HEAD/{path})", url.trim_end_matches('/')));
            }
            None => out.push_str(text),
        }
        rest = &rest[at + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The `<!-- published: … -->` markers as links (`prefix` leads from the
/// chapter to the site's root), or removed when `prefix` is `None`.
pub fn published_links(content: &str, prefix: Option<&str>) -> Result<String> {
    const MARK: &str = "<!-- published:";
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(at) = rest.find(MARK) {
        let end = rest[at..].find("-->").ok_or("an unclosed <!-- published: marker")? + at;
        out.push_str(&rest[..at]);
        let words: Vec<&str> = rest[at + MARK.len()..end].split_whitespace().collect();
        if let Some(pre) = prefix {
            let pdf = crate::publish::PDF;
            let nb = crate::publish::NOTEBOOKS;
            out.push_str(&match words.as_slice() {
                ["pdf"] => format!(
                    "<p class=\"published\">The whole book as one PDF, to read offline: \
                     <a href=\"{pre}{pdf}\">{pdf}</a>.</p>"
                ),
                ["notebook", name] => format!(
                    "<p class=\"published\">This section as a Jupyter notebook for the Rust kernel \
                     (evcxr), run when this site was built: <a href=\"{pre}{nb}/{name}.html\">read it \
                     with its outputs</a>, or <a href=\"{pre}{nb}/{name}.ipynb\" download>download the \
                     <code>.ipynb</code></a>.</p>"
                ),
                other => return Err(format!("unknown marker <!-- published: {} -->", other.join(" ")).into()),
            });
        }
        rest = &rest[end + 3..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_links_become_links_or_text() {
        let root = xtask::project_root();
        let md = "See [`slicing.rs`](repo:crates/ndview/src/slicing.rs) and [the crate](repo:crates/ndview).";
        assert_eq!(repo_links(md, None), "See `slicing.rs` and the crate.");
        assert_eq!(
            repo_links(md, Some(("https://example.org/o/r/", &root))),
            "See [`slicing.rs`](https://example.org/o/r/blob/HEAD/crates/ndview/src/slicing.rs) and \
             [the crate](https://example.org/o/r/tree/HEAD/crates/ndview)."
        );
        assert_eq!(repo_links("no links [here](x.md)", None), "no links [here](x.md)");
    }

    #[test]
    fn published_markers_become_links_only_when_publishing() {
        let md = "a\n<!-- published: notebook s1 -->\nb";
        assert_eq!(published_links(md, None).unwrap(), "a\n\nb");
        let linked = published_links(md, Some("../")).unwrap();
        assert!(linked.contains("href=\"../notebooks/s1.html\"") && linked.contains("../notebooks/s1.ipynb"));
        assert!(published_links("<!-- published: pdf -->", Some("")).unwrap().contains("href=\"array-"));
        assert!(published_links("<!-- published: cake -->", Some("")).is_err());
    }

    #[test]
    fn cmdrun_errors_are_found() {
        let page = "text\n**cmdrun error**: '../../target/debug/listing-02-01' returned exit code 127\nmore";
        assert_eq!(cmdrun_errors(page).len(), 1);
        assert!(cmdrun_errors("fine").is_empty());
    }
}
