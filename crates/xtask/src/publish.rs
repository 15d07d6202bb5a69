//! What the published site carries beyond mdBook's pages: the whole book as
//! one PDF, and each section's notebook executed on the evcxr kernel, as a
//! page to read and as the `.ipynb` to download.
//!
//! `cargo xtask build --publish` and `cargo xtask test` make them the same
//! way (the test after running and checking the notebooks), so the deploy
//! publishes exactly what the tests checked. `cargo xtask serve` and plain
//! `mdbook serve` leave them out: they need Chromium and the Rust kernel.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{Result, cmd, output, run, tools};

/// The PDF's file name, at the root of the site; the introduction links it.
pub const PDF: &str = "array-memory-and-views-in-rust.pdf";
/// Where the executed notebooks go in the site; each section's first page
/// links them.
pub const NOTEBOOKS: &str = "notebooks";

/// Adds the executed notebooks (from `target/notebooks`, where
/// `notebooks::execute_and_compare` leaves them) and the PDF to `site`.
pub fn add_extras(root: &Path, site: &Path) -> Result {
    add_notebooks(root, site)?;
    pdf(root, site)?;
    Ok(())
}

/// Each executed notebook as HTML and as `.ipynb`, in `site/notebooks/`.
pub fn add_notebooks(root: &Path, site: &Path) -> Result {
    let executed = root.join("target/notebooks");
    let out = site.join(NOTEBOOKS);
    fs::create_dir_all(&out)?;
    let jupyter = tools::ensure_python(root)?.with_file_name("jupyter");
    let notebooks = xtask::files_with_extension(&executed, "ipynb");
    if notebooks.is_empty() {
        return Err(format!("no executed notebooks in {}", executed.display()).into());
    }
    for nb in notebooks {
        fs::copy(&nb, out.join(nb.file_name().unwrap()))?;
        // JupyterLab's page without its scripts from a CDN
        // (`crates/xtask/nbconvert/offline`): the page must read offline, and
        // the browser check allows no outside request.
        run(cmd(&jupyter)
            .args(["nbconvert", "--to", "html", "--template", "offline"])
            .arg(format!(
                "--TemplateExporter.extra_template_basedirs={}",
                root.join("crates/xtask/nbconvert").display()
            ))
            .arg("--output-dir")
            .arg(&out)
            .arg(&nb))?;
        let page = out.join(nb.file_name().unwrap()).with_extension("html");
        let html = fs::read_to_string(&page)?;
        fs::write(&page, site_links(&html))?;
    }
    Ok(())
}

/// A notebook links the book's pages as the repository's Markdown files
/// (`../src/PAGE.md#anchor`, right in `notebooks/`); on the site they are
/// `../PAGE.html#anchor`.
fn site_links(html: &str) -> String {
    const FROM: &str = "href=\"../src/";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(FROM) {
        out.push_str(&rest[..at]);
        out.push_str("href=\"../");
        rest = &rest[at + FROM.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        let target = &rest[..end];
        let (path, fragment) = target.split_once('#').map_or((target, None), |(p, f)| (p, Some(f)));
        out.push_str(path.strip_suffix(".md").map_or(path.to_string(), |p| format!("{p}.html")).as_str());
        if let Some(f) = fragment {
            out.push('#');
            out.push_str(f);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The whole book (mdBook's `print.html`) printed to PDF by headless Chromium.
pub fn pdf(root: &Path, site: &Path) -> Result<PathBuf> {
    let chromium = tools::ensure_chromium()?;
    let pdf = site.join(PDF);
    let profile = root.join("target/chromium-profile");
    let _ = fs::remove_dir_all(&profile);
    let page = format!("file://{}", site.join("print.html").display());
    run(cmd(&chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(page))?;
    // (No --virtual-time-budget: with it, Chromium 156 exits 0 on print.html,
    // whose script calls window.print(), without writing the PDF.)
    if !pdf.exists() {
        return Err(format!("Chromium wrote no {}", pdf.display()).into());
    }
    let info = pdf_info(&pdf)?;
    eprintln!("xtask: {} ({} pages, {} KiB)", pdf.display(), info.pages, info.bytes / 1024);
    Ok(pdf)
}

/// What `pdfinfo` and `pdftotext` (poppler) say of a PDF.
pub struct PdfInfo {
    pub pages: usize,
    pub bytes: u64,
    pub text: String,
}

pub fn pdf_info(pdf: &Path) -> Result<PdfInfo> {
    let info = output(cmd("pdfinfo").arg(pdf))?;
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("pdfinfo gives no page count for {}", pdf.display()))?;
    let text = output(cmd("pdftotext").args(["-layout"]).arg(pdf).arg("-"))?;
    Ok(PdfInfo { pages, bytes: fs::metadata(pdf)?.len(), text })
}

#[cfg(test)]
mod tests {
    #[test]
    fn notebook_links_to_the_book_become_site_links() {
        let html = r#"<a href="../src/rust-for-numpy-users.md#errors-result-and-">x</a> <a href="https://e.org/a.md">y</a>"#;
        assert_eq!(
            super::site_links(html),
            r#"<a href="../rust-for-numpy-users.html#errors-result-and-">x</a> <a href="https://e.org/a.md">y</a>"#
        );
    }
}
