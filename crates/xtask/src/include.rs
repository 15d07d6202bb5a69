//! mdBook's include links, expanded outside mdBook.
//!
//! skeptic reads raw Markdown, so a chapter whose listing is pulled in with
//! `{{#rustdoc_include ../listings/x.rs:anchor}}` would give it nothing to
//! test. [`expand`] does what mdBook 0.4's `links` preprocessor does for the
//! two forms the book uses:
//!
//! * `{{#include PATH}}` and `{{#include PATH:ANCHOR}}`: the file, or the
//!   lines between `ANCHOR: name` and `ANCHOR_END: name` (other anchor lines
//!   dropped);
//! * `{{#rustdoc_include PATH}}` and `{{#rustdoc_include PATH:ANCHOR}}`: the
//!   whole file, with every line outside the anchor prefixed by `# ` (hidden
//!   on the page, compiled by rustdoc and skeptic).
//!
//! Paths are relative to the chapter's directory; included text is expanded
//! again (up to 10 levels, like mdBook). Any other `{{#...}}` link is an error
//! rather than silently left alone.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_DEPTH: usize = 10;

fn is_anchor_start(line: &str, name: &str) -> bool {
    anchor_name(line, "ANCHOR:").is_some_and(|n| n == name)
}

fn is_anchor_end(line: &str, name: &str) -> bool {
    anchor_name(line, "ANCHOR_END:").is_some_and(|n| n == name)
}

fn is_any_anchor(line: &str) -> bool {
    anchor_name(line, "ANCHOR:").is_some() || anchor_name(line, "ANCHOR_END:").is_some()
}

/// The name after `marker` (`ANCHOR:` or `ANCHOR_END:`) on this line, if any.
fn anchor_name<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let at = line.find(marker)?;
    let rest = line[at + marker.len()..].trim_start();
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// The lines between the anchors, anchor lines removed.
pub fn anchored_lines(text: &str, anchor: &str) -> String {
    let mut kept = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if inside {
            if is_anchor_end(line, anchor) {
                break;
            }
            if !is_any_anchor(line) {
                kept.push(line);
            }
        } else if is_anchor_start(line, anchor) {
            inside = true;
        }
    }
    kept.join("\n")
}

/// The whole file, lines outside the anchor hidden with `# `.
pub fn rustdoc_anchored_lines(text: &str, anchor: &str) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if inside {
            if is_anchor_end(line, anchor) {
                inside = false;
            } else if !is_any_anchor(line) {
                out.push(line.to_string());
            }
        } else if is_anchor_start(line, anchor) {
            inside = true;
        } else if !is_any_anchor(line) {
            out.push(format!("# {line}"));
        }
    }
    out.join("\n")
}

/// One `{{#kind path[:anchor]}}` link found in a text.
struct Link {
    start: usize,
    end: usize,
    kind: String,
    target: String,
}

fn next_link(text: &str, from: usize) -> Option<Link> {
    let mut search = from;
    loop {
        let start = search + text[search..].find("{{#")?;
        let end = start + text[start..].find("}}")? + 2;
        // `\{{#include}}` is an escaped link: mdBook prints it without the backslash.
        if start > 0 && text.as_bytes()[start - 1] == b'\\' {
            search = end;
            continue;
        }
        let inner = text[start + 3..end - 2].trim();
        let (kind, target) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        return Some(Link { start, end, kind: kind.to_string(), target: target.trim().to_string() });
    }
}

/// `text` (a chapter in `dir`) with its include links expanded.
pub fn expand(text: &str, dir: &Path) -> Result<String, String> {
    expand_depth(text, dir, 0)
}

fn expand_depth(text: &str, dir: &Path, depth: usize) -> Result<String, String> {
    if depth > MAX_DEPTH {
        return Err(format!("includes nested deeper than {MAX_DEPTH} in {}", dir.display()));
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some(link) = next_link(text, pos) {
        out.push_str(&text[pos..link.start]);
        let (file, anchor) = match link.target.split_once(':') {
            Some((f, a)) => (f, Some(a)),
            None => (link.target.as_str(), None),
        };
        let path = dir.join(file);
        let content = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let included = match (link.kind.as_str(), anchor) {
            ("include", None) => content.lines().collect::<Vec<_>>().join("\n"),
            ("include", Some(a)) => anchored_lines(&content, a),
            ("rustdoc_include", None) => content.lines().collect::<Vec<_>>().join("\n"),
            ("rustdoc_include", Some(a)) => rustdoc_anchored_lines(&content, a),
            (other, _) => return Err(format!("unsupported link {{{{#{other} ...}}}} in {}", dir.display())),
        };
        if anchor.is_some_and(|a| !content_has_anchor(&path, a)) {
            return Err(format!("anchor {:?} not found in {}", anchor.unwrap(), path.display()));
        }
        let parent = path.parent().unwrap_or(dir).to_path_buf();
        out.push_str(&expand_depth(&included, &parent, depth + 1)?);
        pos = link.end;
    }
    out.push_str(&text[pos..]);
    Ok(out)
}

fn content_has_anchor(path: &Path, anchor: &str) -> bool {
    fs::read_to_string(path).is_ok_and(|t| t.lines().any(|l| is_anchor_start(l, anchor)))
}

/// Every Markdown file under `dir`, sorted.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    crate::files_with_extension(dir, "md")
}

/// The Markdown as skeptic should read it. skeptic has no `compile_fail`: it
/// would compile and run such a block and fail. A `rust,compile_fail` fence is
/// handed to it as `rust,should_panic` instead, so the block counts as a test
/// that passes only if compiling (or running) it fails; trybuild checks that
/// the failure is the compiler error the book shows.
pub fn for_skeptic(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") && trimmed.contains("compile_fail") {
            out.push_str(&line.replace("compile_fail", "should_panic"));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "use x;\n// ANCHOR: body\nlet a = 1;\n// ANCHOR: inner\nlet b = 2;\n// ANCHOR_END: inner\n// ANCHOR_END: body\nfn end() {}";

    #[test]
    fn anchors_like_mdbook() {
        assert_eq!(anchored_lines(FILE, "body"), "let a = 1;\nlet b = 2;");
        assert_eq!(anchored_lines(FILE, "inner"), "let b = 2;");
        assert_eq!(
            rustdoc_anchored_lines(FILE, "inner"),
            "# use x;\n# let a = 1;\nlet b = 2;\n# fn end() {}"
        );
    }

    #[test]
    fn escaped_links_stay() {
        assert!(next_link("a \\{{#include x}} b", 0).is_none());
    }
}
