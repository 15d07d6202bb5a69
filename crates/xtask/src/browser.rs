//! Every page of the built book in a real headless Chromium.
//!
//! A small static file server (std only) serves the built site on a free
//! local port; `browser/check.mjs` drives Debian's Chromium with
//! playwright-core, fails on any JavaScript error, failed request or empty
//! page, and saves screenshots under `target/screenshots/`. The pages are
//! every HTML file of the site: the chapters, and, on a site built for
//! publishing, the executed notebooks. Then the PDF: its page count, a
//! listing's output and every diagram's text must be in it.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;

use crate::{Result, book, cmd, run, tools};

pub fn check(root: &Path, site: &Path) -> Result {
    tools::ensure_chromium()?;
    let browser_dir = tools::ensure_playwright(root)?;
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base = format!("http://{}", listener.local_addr()?);
    let served = site.to_path_buf();
    thread::spawn(move || serve(listener, served));
    // Every page but toc.html, which is the sidebar for browsers without
    // JavaScript (loaded in a frame, not a page to read).
    let pages: Vec<String> = book::html_files(site)
        .iter()
        .map(|p| p.strip_prefix(site).unwrap().to_string_lossy().into_owned())
        .filter(|p| p != "toc.html")
        .collect();
    let shots = root.join("target/screenshots");
    let _ = fs::remove_dir_all(&shots);
    run(cmd("node").arg(browser_dir.join("check.mjs")).arg(&base).arg(&shots).args(&pages))?;
    let notebooks = pages.iter().filter(|p| p.starts_with(crate::publish::NOTEBOOKS)).count();
    eprintln!("xtask: {} pages opened, {notebooks} of them executed notebooks", pages.len());
    check_pdf(root, site)
}

/// The PDF holds the whole book: at least a page per chapter, the output of
/// the first listing, and the text of every memory diagram of `print.html`.
fn check_pdf(root: &Path, site: &Path) -> Result {
    let pdf = site.join(crate::publish::PDF);
    let info = crate::publish::pdf_info(&pdf)?;
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let text = squeeze(&info.text);
    let chapters = book::html_files(site).len();
    let mut problems = Vec::new();
    if info.pages < chapters {
        problems.push(format!("{} pages for {chapters} HTML files", info.pages));
    }
    let first = xtask::listings::all(root)
        .into_iter()
        .find(|l| l.kind == xtask::listings::Kind::Program)
        .ok_or("no program listing")?;
    let expected = fs::read_to_string(first.expected_output())?;
    // The output as the page shows it: without the `$ cargo run` line.
    for line in expected.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        if !text.contains(&squeeze(line)) {
            problems.push(format!("the output of {} is missing: {line:?}", first.name));
        }
    }
    let print = fs::read_to_string(site.join("print.html"))?;
    let diagrams = svg_texts(&print);
    for (i, texts) in diagrams.iter().enumerate() {
        let missing: Vec<&String> = texts.iter().filter(|t| !text.contains(&squeeze(t))).collect();
        if !missing.is_empty() {
            problems.push(format!(
                "diagram {} of print.html: {} of its texts missing, e.g. {:?}",
                i + 1,
                missing.len(),
                missing[0]
            ));
        }
    }
    eprintln!(
        "xtask: {} has {} pages ({} KiB), the output of {}, and the text of all {} diagrams",
        pdf.display(),
        info.pages,
        info.bytes / 1024,
        first.name,
        diagrams.len()
    );
    if diagrams.is_empty() {
        problems.push("print.html has no diagrams".to_string());
    }
    if problems.is_empty() { Ok(()) } else { Err(format!("the PDF: {}", problems.join("\n")).into()) }
}

/// The `<text>` contents of each `<svg>` of an HTML page (entities decoded).
fn svg_texts(html: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for svg in html.split("<svg").skip(1) {
        let svg = svg.split("</svg>").next().unwrap_or_default();
        let mut texts = Vec::new();
        for part in svg.split("<text").skip(1) {
            let Some(body) = part.split_once('>').map(|(_, b)| b) else { continue };
            let content = body.split("</text>").next().unwrap_or_default();
            let content = content.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            if !content.trim().is_empty() && !content.contains('<') {
                texts.push(content);
            }
        }
        if !texts.is_empty() {
            out.push(texts);
        }
    }
    out
}

fn serve(listener: TcpListener, root: PathBuf) {
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        thread::spawn(move || {
            let _ = respond(stream, &root);
        });
    }
}

fn respond(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut request = String::new();
    BufReader::new(&stream).read_line(&mut request)?;
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let mut file = root.join(path.trim_start_matches('/'));
    if path.contains("..") {
        file = root.join("404.html");
    }
    if file.is_dir() {
        file = file.join("index.html");
    }
    let (status, body, file) = match fs::read(&file) {
        Ok(b) => ("200 OK", b, file),
        Err(_) => {
            ("404 Not Found", fs::read(root.join("404.html")).unwrap_or_default(), root.join("404.html"))
        }
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("ttf") => "font/ttf",
        _ => "application/octet-stream",
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}
