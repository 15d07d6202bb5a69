//! Jupyter notebooks for the evcxr kernel, generated from the book.
//!
//! One notebook per section of the book (a part of `src/SUMMARY.md`), made
//! from its chapters in order:
//!
//! * prose becomes Markdown cells (includes expanded, links between chapters
//!   turned into links to headings of the notebook);
//! * every Rust listing becomes one code cell, at its first appearance: the
//!   whole program, with `fn main` unwrapped and the body put in a block
//!   `{ … }`. evcxr keeps a cell's variables for later cells only if they own
//!   their data; a view borrows, so it cannot be kept, and every listing
//!   makes its views where it uses them (which costs nothing: that is the
//!   lesson). A later appearance of the same listing is shown as code only;
//! * a listing that must not compile is shown as code, with its error;
//! * the output blocks of the book are left out: running the cell prints them;
//! * so are its memory figures (`<figure class="memory">`, drawn by cmdrun):
//!   in Jupyter a display cell beside each (below) draws the same diagram;
//! * a chapter may add cells for Jupyter only, in a comment the book does not
//!   show: `<!-- notebook` (prose, then one fenced `rust` block) `-->`. These
//!   are the cells that show arrays richly (`evcxr_display`).
//!
//! `cargo xtask test` regenerates the notebooks (they must equal the committed
//! ones), runs them on the real evcxr kernel with `jupyter nbconvert
//! --execute`, and compares each listing cell's printed text with the
//! listing's expected output.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{Value, json};
use xtask::{include, listings, normalize};

use crate::{Result, cmd, run, tools};

/// A section of the book: its title and chapters (title, path under `src`).
struct Section {
    title: String,
    chapters: Vec<(String, String)>,
}

fn sections(root: &Path) -> Result<Vec<Section>> {
    let summary = fs::read_to_string(root.join("src/SUMMARY.md"))?;
    let mut out: Vec<Section> = Vec::new();
    for line in summary.lines() {
        if let Some(title) = line.strip_prefix("# ").filter(|t| *t != "Summary") {
            out.push(Section { title: title.trim().to_string(), chapters: Vec::new() });
        } else if let (Some(section), Some(rest)) = (out.last_mut(), line.trim_start().strip_prefix("- [")) {
            let (title, rest) = rest.split_once("](").ok_or("a SUMMARY entry without a link")?;
            let path = rest.trim_end().trim_end_matches(')');
            section.chapters.push((title.to_string(), path.to_string()));
        }
    }
    Ok(out)
}

/// `Section 1: Revisiting Array Memory and Views` → `section-1-revisiting-array-memory-and-views`.
fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

/// The anchor Jupyter gives a heading: its text with spaces as dashes.
fn heading_anchor(title: &str) -> String {
    title.replace(' ', "-")
}

/// A cell under construction.
enum Cell {
    Markdown(String),
    Code { source: String, metadata: Value },
}

/// A listing program as a notebook cell: the items before `main` and the body
/// of `main` (without its final `Ok(())`), in one block.
pub fn listing_cell(program: &str) -> String {
    let lines: Vec<&str> = program.lines().filter(|l| !l.contains("ANCHOR")).collect();
    let Some(main) = lines.iter().position(|l| l.starts_with("fn main(")) else {
        return program.to_string();
    };
    let end = lines.iter().rposition(|l| *l == "}").filter(|&e| e > main).unwrap_or(lines.len());
    let mut body: Vec<&str> = lines[main + 1..end].to_vec();
    if body.last().is_some_and(|l| l.trim() == "Ok(())") {
        body.pop();
    }
    let mut out = String::from("{\n");
    for line in &lines[..main] {
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("    {line}\n"));
        }
    }
    for line in body {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("};");
    out
}

/// The code a reader sees in a Rust block: includes expanded, hidden lines dropped.
fn visible_code(block: &str, dir: &Path) -> Result<String> {
    let expanded = include::expand(block, dir)?;
    Ok(expanded
        .lines()
        .filter(|l| !(l.trim_start().starts_with("# ") || l.trim() == "#"))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// The listing a Rust block includes, if any.
fn included_listing(block: &str, dir: &Path) -> Option<PathBuf> {
    let start = block.find("{{#rustdoc_include ").or_else(|| block.find("{{#include "))?;
    let rest = &block[start..];
    let target = rest[rest.find(' ')? + 1..rest.find("}}")?].trim();
    let file = target.split(':').next()?;
    Some(normalize(&dir.join(file)))
}

/// Markdown fixed for Jupyter: captions as emphasis, chapter links as
/// heading links, links to the project's files as plain text (a notebook
/// does not know where the repository is published), and `<details>`
/// unwrapped where a code cell split it.
fn tidy_markdown(text: &str, titles: &[(String, String)]) -> String {
    let mut out = crate::preprocess::repo_links(text, None);
    // Links to the published notebook itself and the PDF: not in a notebook.
    out = crate::preprocess::published_links(&out, None).unwrap_or(out);
    while let Some(start) = out.find("<span class=\"caption\">") {
        let Some(end) = out[start..].find("</span>") else { break };
        let inner = out[start + "<span class=\"caption\">".len()..start + end].to_string();
        out.replace_range(start..start + end + "</span>".len(), &format!("*{inner}*"));
    }
    for (title, path) in titles {
        let file = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
        let to = format!("](#{})", heading_anchor(title));
        out = out.replace(&format!("]({file})"), &to);
        // A link to a heading inside the chapter goes to the chapter: Jupyter
        // names headings otherwise than mdBook.
        let with_fragment = format!("]({file}#");
        while let Some(start) = out.find(&with_fragment) {
            let Some(end) = out[start..].find(')') else { break };
            out.replace_range(start..start + end + 1, &to);
        }
    }
    // Pages outside the sections (such as Rust for NumPy Users) stay Markdown
    // files of the book's source, one folder up from `notebooks/`.
    out = out.replace("](../", "](../src/");
    if out.matches("<details").count() != out.matches("</details>").count() {
        let mut kept = Vec::new();
        for line in out.lines() {
            let t = line.trim();
            if t.starts_with("<details") || t == "</details>" {
                continue;
            }
            if let Some(summary) = t.strip_prefix("<summary>").and_then(|s| s.strip_suffix("</summary>")) {
                kept.push(format!("**{summary}**"));
                continue;
            }
            kept.push(line.to_string());
        }
        out = kept.join("\n");
    }
    out.trim().to_string()
}

/// The cells of one chapter.
fn chapter_cells(
    root: &Path,
    chapter: &Path,
    titles: &[(String, String)],
    seen: &mut BTreeSet<PathBuf>,
) -> Result<Vec<Cell>> {
    let text = fs::read_to_string(chapter)?;
    let dir = chapter.parent().unwrap();
    let mut cells = Vec::new();
    let mut markdown = String::new();
    let flush = |markdown: &mut String, cells: &mut Vec<Cell>| {
        let tidy = tidy_markdown(markdown, titles);
        if !tidy.is_empty() {
            cells.push(Cell::Markdown(tidy));
        }
        markdown.clear();
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.starts_with("<figure class=\"memory\">") {
            // A memory figure: the book draws it with cmdrun, the display cell beside it in Jupyter.
            let end =
                (i..lines.len()).find(|&k| lines[k].trim() == "</figure>").ok_or("unclosed <figure>")?;
            i = end + 1;
            // and the blank line after it, so that no two blank lines are left
            if lines.get(i).is_some_and(|l| l.trim().is_empty()) {
                i += 1;
            }
            continue;
        }
        if trimmed.starts_with("<!-- notebook") {
            // Jupyter-only cells: prose, then one rust block, up to `-->`.
            let end = (i..lines.len()).find(|&k| lines[k].trim() == "-->").ok_or("unclosed <!-- notebook")?;
            let inner = &lines[i + 1..end];
            let fence = inner
                .iter()
                .position(|l| l.starts_with("```rust"))
                .ok_or("a notebook comment needs a rust block")?;
            let close =
                inner[fence + 1..].iter().position(|l| l.starts_with("```")).ok_or("unclosed block")?
                    + fence
                    + 1;
            markdown.push_str(&inner[..fence].join("\n"));
            markdown.push('\n');
            flush(&mut markdown, &mut cells);
            let code = inner[fence + 1..close].join("\n");
            cells.push(Cell::Code {
                source: format!("{{\n{}\n}}", indent(&code)),
                metadata: json!({"display": true}),
            });
            i = end + 1;
            continue;
        }
        if let Some(info) = trimmed.strip_prefix("```") {
            let end = (i + 1..lines.len())
                .find(|&k| lines[k].trim_start().starts_with("```"))
                .ok_or("unclosed fence")?;
            let block = lines[i + 1..end].join("\n");
            let is_rust = info.split(',').next() == Some("rust");
            if block.contains("<!-- cmdrun") {
                // An output block: running the cell prints it.
            } else if is_rust && info.contains("compile_fail") {
                markdown.push_str(&format!("```rust\n{}\n```\n", visible_code(&block, dir)?));
            } else if is_rust {
                let listing = included_listing(&block, dir).ok_or("a rust block that includes no listing")?;
                if seen.insert(listing.clone()) {
                    flush(&mut markdown, &mut cells);
                    let program = fs::read_to_string(&listing)?;
                    let name = listing.file_stem().unwrap().to_string_lossy().into_owned();
                    let rel = listing.strip_prefix(root).unwrap_or(&listing).display().to_string();
                    cells.push(Cell::Code {
                        source: format!("// {rel}\n{}", listing_cell(&program)),
                        metadata: json!({"listing": name}),
                    });
                } else {
                    markdown.push_str(&format!("```rust\n{}\n```\n", visible_code(&block, dir)?));
                }
            } else {
                let expanded = include::expand(&block, dir)?;
                markdown.push_str(&format!("```{info}\n{expanded}\n```\n"));
            }
            i = end + 1;
            continue;
        }
        markdown.push_str(&include::expand(line, dir)?);
        markdown.push('\n');
        i += 1;
    }
    flush(&mut markdown, &mut cells);
    Ok(cells)
}

fn indent(code: &str) -> String {
    code.lines()
        .map(|l| if l.is_empty() { String::new() } else { format!("    {l}") })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `ndarray` version the workspace uses, for the `:dep` line.
fn ndarray_version(root: &Path) -> Result<String> {
    let manifest = fs::read_to_string(root.join("Cargo.toml"))?;
    let line = manifest
        .lines()
        .find(|l| l.starts_with("ndarray = "))
        .ok_or("no ndarray in [workspace.dependencies]")?;
    Ok(line.split('"').nth(1).ok_or("ndarray's version")?.to_string())
}

fn notebook(root: &Path, section: &Section) -> Result<String> {
    let src = root.join("src");
    let mut cells = vec![
        Cell::Markdown(format!(
            "# {}\n\n*Array Memory and Views, in Rust*, as a notebook for the Rust kernel (evcxr). \
             It is generated from the book by `cargo xtask notebooks`; edit the book, not this file.\n\n\
             **How the cells work.** evcxr keeps a variable from one cell for the next only if it owns its \
             data. A view *borrows* its array, so it cannot be kept. So every listing runs in its own block \
             `{{ … }}` and makes the views it needs where it uses them. That costs nothing: making a view only \
             computes a shape, strides and an offset, which is what this section is about.\n\n\
             Run the next cell first: it compiles ndview (from this repository) and ndarray, once.",
            section.title
        )),
        Cell::Code {
            source: format!(
                ":dep ndview = {{ path = \"../crates/ndview\" }}\n:dep ndarray = \"{}\"",
                ndarray_version(root)?
            ),
            metadata: json!({"setup": true}),
        },
    ];
    let mut seen = BTreeSet::new();
    for (_, path) in &section.chapters {
        cells.extend(chapter_cells(root, &src.join(path), &section.chapters, &mut seen)?);
    }
    let cells: Vec<Value> = cells
        .into_iter()
        .enumerate()
        .map(|(n, cell)| {
            let id = format!("cell-{n:03}");
            match cell {
                Cell::Markdown(text) => {
                    json!({"cell_type": "markdown", "id": id, "metadata": {}, "source": lines(&text)})
                }
                Cell::Code { source, metadata } => json!({
                    "cell_type": "code", "execution_count": null, "id": id,
                    "metadata": metadata, "outputs": [], "source": lines(&source)
                }),
            }
        })
        .collect();
    let nb = json!({
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Rust", "language": "rust", "name": "rust"},
            "language_info": {"codemirror_mode": "rust", "file_extension": ".rs", "mimetype": "text/rust",
                              "name": "Rust", "pygment_lexer": "rust", "version": ""}
        },
        "nbformat": 4,
        "nbformat_minor": 5
    });
    Ok(serde_json::to_string_pretty(&nb)? + "\n")
}

/// A cell's text as Jupyter stores it: lines, each with its newline but the last.
fn lines(text: &str) -> Vec<String> {
    let parts: Vec<&str> = text.split_inclusive('\n').collect();
    parts.iter().map(|s| s.to_string()).collect()
}

/// The notebooks, by file name.
fn all_notebooks(root: &Path) -> Result<Vec<(String, String)>> {
    sections(root)?.iter().map(|s| Ok((format!("{}.ipynb", slug(&s.title)), notebook(root, s)?))).collect()
}

/// Writes `notebooks/` from the book; with `check`, fails if a committed
/// notebook differs from what the book gives (and writes nothing).
pub fn generate(root: &Path, check: bool) -> Result {
    let dir = root.join("notebooks");
    fs::create_dir_all(&dir)?;
    let wanted = all_notebooks(root)?;
    let mut stale = Vec::new();
    for (name, text) in &wanted {
        let path = dir.join(name);
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
            if !check {
                fs::write(&path, text)?;
            }
        }
    }
    let extra: Vec<String> = fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ipynb") && !wanted.iter().any(|(w, _)| w == n))
        .collect();
    if check && (!stale.is_empty() || !extra.is_empty()) {
        return Err(format!(
            "notebooks/ is not what the book gives: {} (run `cargo xtask notebooks`)",
            [stale, extra].concat().join(", ")
        )
        .into());
    }
    eprintln!("xtask: {} notebook(s) {}", wanted.len(), if check { "are current" } else { "written" });
    Ok(())
}

/// evcxr_jupyter installed, JupyterLab in `.venv`, and the Rust kernel
/// registered in that environment only (not in the user's Jupyter).
fn ensure_kernel(root: &Path) -> Result<PathBuf> {
    let evcxr = tools::ensure_cargo_tool(root, &tools::EVCXR_JUPYTER)?;
    let python = tools::ensure_python(root)?;
    let spec_dir = root.join(".venv/share/jupyter/kernels/rust");
    fs::create_dir_all(&spec_dir)?;
    let spec = json!({
        "argv": [evcxr.display().to_string(), "--control_file", "{connection_file}"],
        "display_name": "Rust",
        "language": "rust",
        "interrupt_mode": "message"
    });
    fs::write(spec_dir.join("kernel.json"), serde_json::to_string_pretty(&spec)?)?;
    Ok(python)
}

/// Runs every notebook on the evcxr kernel and compares what each listing
/// cell prints with the listing's expected output.
pub fn execute_and_compare(root: &Path) -> Result {
    let python = ensure_kernel(root)?;
    let jupyter = python.with_file_name("jupyter");
    let out_dir = root.join("target/notebooks");
    fs::create_dir_all(&out_dir)?;
    let mut problems = Vec::new();
    for (name, _) in all_notebooks(root)? {
        let start = Instant::now();
        run(cmd(&jupyter)
            .args(["nbconvert", "--to", "notebook", "--execute", "--allow-errors"])
            .args(["--ExecutePreprocessor.timeout=1200", "--ExecutePreprocessor.kernel_name=rust"])
            .arg("--output-dir")
            .arg(&out_dir)
            .arg(root.join("notebooks").join(&name)))?;
        eprintln!("xtask: executed {name} in {:.1} s", start.elapsed().as_secs_f64());
        let executed: Value = serde_json::from_str(&fs::read_to_string(out_dir.join(&name))?)?;
        problems.extend(compare(root, &name, &executed)?);
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Array(parts) => parts.iter().filter_map(Value::as_str).collect(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// The problems of one executed notebook.
fn compare(root: &Path, name: &str, nb: &Value) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let by_name: std::collections::BTreeMap<String, listings::Listing> =
        listings::all(root).into_iter().map(|l| (l.name.clone(), l)).collect();
    let (mut compared, mut html) = (0, 0);
    for cell in nb["cells"].as_array().ok_or("no cells")? {
        if cell["cell_type"] != "code" {
            continue;
        }
        let id = cell["id"].as_str().unwrap_or("?");
        let outputs = cell["outputs"].as_array().cloned().unwrap_or_default();
        let mut stdout = String::new();
        for o in &outputs {
            match o["output_type"].as_str() {
                Some("error") => problems.push(format!("{name} {id}: error {}", o["evalue"])),
                Some("stream") if o["name"] == "stderr" => {
                    problems.push(format!("{name} {id}: stderr {:?}", text_of(&o["text"])))
                }
                Some("stream") => stdout.push_str(&text_of(&o["text"])),
                _ => {}
            }
            if text_of(&o["data"]["text/html"]).contains("<table class=\"ndview\"") {
                html += 1;
            }
        }
        if let Some(listing) = cell["metadata"]["listing"].as_str() {
            let Some(l) = by_name.get(listing) else {
                problems.push(format!("{name} {id}: unknown listing {listing}"));
                continue;
            };
            let expected = fs::read_to_string(l.expected_output())?;
            let expected = expected.split_once('\n').map(|(_, rest)| rest).unwrap_or("");
            if listings::redact(&stdout) != expected {
                problems.push(format!(
                    "{name} {id} ({listing}): the cell printed\n{stdout}\nbut the listing's expected output is\n{expected}"
                ));
            }
            compared += 1;
        }
        if cell["metadata"]["display"] == true
            && !outputs.iter().any(|o| text_of(&o["data"]["text/html"]).contains("<table class=\"ndview\""))
        {
            problems.push(format!("{name} {id}: a display cell without ndview's HTML"));
        }
    }
    eprintln!("xtask: {name}: {compared} listing cells match their expected output, {html} HTML displays");
    if html == 0 {
        problems.push(format!("{name}: no cell shows ndview's HTML display"));
    }
    Ok(problems)
}

/// Sets everything up on first use and opens JupyterLab on `notebooks/`.
pub fn jupyter(root: &Path) -> Result {
    generate(root, false)?;
    let python = ensure_kernel(root)?;
    run(cmd(python.with_file_name("jupyter"))
        .args(["lab", "--ServerApp.ip=127.0.0.1", "--ServerApp.root_dir"])
        .arg(root.join("notebooks")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_becomes_a_block() {
        let program = "use ndview::Array;\n\nfn main() -> Result<(), ndview::Error> {\n    // ANCHOR: all\n    let a = Array::arange(3);\n    println!(\"{a}\");\n    // ANCHOR_END: all\n    Ok(())\n}\n";
        assert_eq!(
            listing_cell(program),
            "{\n    use ndview::Array;\n\n    let a = Array::arange(3);\n    println!(\"{a}\");\n};"
        );
    }

    #[test]
    fn slugs_and_anchors() {
        assert_eq!(
            slug("Section 1: Revisiting Array Memory and Views"),
            "section-1-revisiting-array-memory-and-views"
        );
        assert_eq!(heading_anchor("Strides: The Blueprint"), "Strides:-The-Blueprint");
    }
}
