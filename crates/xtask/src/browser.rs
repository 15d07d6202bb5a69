//! Every page of the built book in a real headless Chromium.
//!
//! A small static file server (std only) serves the built site on a free
//! local port; `browser/check.mjs` drives Debian's Chromium with
//! playwright-core, fails on any JavaScript error, failed request or empty
//! page, and saves screenshots under `target/screenshots/`.

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
    run(cmd("node").arg(browser_dir.join("check.mjs")).arg(&base).arg(&shots).args(&pages))
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
