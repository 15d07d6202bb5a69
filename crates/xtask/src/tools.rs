//! Every external tool the project uses, pinned here and installed on first
//! use into the project folder (never globally):
//!
//! | tool | version | where |
//! |---|---|---|
//! | mdBook | 0.4.52 | `.tools/bin` (`cargo install --locked`) |
//! | mdbook-cmdrun | 0.7.3 | `.tools/bin` (0.7.3 cannot parse mdBook 0.5's input) |
//! | evcxr_jupyter | 0.22.0 | `.tools/bin` (needs Rust 1.95) |
//! | Python packages | `crates/xtask/requirements.txt` | `.venv` |
//! | playwright-core | `crates/xtask/browser/package-lock.json` | `crates/xtask/browser/node_modules` |
//! | Chromium, poppler-utils | Debian's | `/usr/bin/chromium`, `/usr/bin/pdfinfo` (apt) |
//! | Miri | nightly Rust's `miri` component | rustup's nightly toolchain (the one tool installed globally, as rustup keeps toolchains) |
//!
//! A tool whose pinned version is already installed is not installed again.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, cmd, run};

/// A crate installed with `cargo install --locked` into `.tools`.
pub struct CargoTool {
    /// The crate (and binary) name.
    pub name: &'static str,
    /// The exact version.
    pub version: &'static str,
}

pub const MDBOOK: CargoTool = CargoTool { name: "mdbook", version: "0.4.52" };
pub const MDBOOK_CMDRUN: CargoTool = CargoTool { name: "mdbook-cmdrun", version: "0.7.3" };
pub const EVCXR_JUPYTER: CargoTool = CargoTool { name: "evcxr_jupyter", version: "0.22.0" };

pub fn tools_dir(root: &Path) -> PathBuf {
    root.join(".tools")
}

pub fn bin(root: &Path, name: &str) -> PathBuf {
    tools_dir(root).join("bin").join(name)
}

/// Installs `tool` into `.tools` unless that exact version is there.
pub fn ensure_cargo_tool(root: &Path, tool: &CargoTool) -> Result<PathBuf> {
    let dir = tools_dir(root);
    let listed = Command::new("cargo").args(["install", "--list", "--root"]).arg(&dir).output()?;
    let wanted = format!("{} v{}:", tool.name, tool.version);
    let path = bin(root, tool.name);
    if String::from_utf8_lossy(&listed.stdout).lines().any(|l| l == wanted) && path.exists() {
        return Ok(path);
    }
    eprintln!("xtask: installing {} {} into {}", tool.name, tool.version, dir.display());
    run(cmd("cargo").args(["install", "--locked", "--root"]).arg(&dir).args([
        tool.name,
        "--version",
        &format!("={}", tool.version),
    ]))?;
    Ok(path)
}

/// mdBook and mdbook-cmdrun.
pub fn ensure_mdbook(root: &Path) -> Result<PathBuf> {
    ensure_cargo_tool(root, &MDBOOK_CMDRUN)?;
    ensure_cargo_tool(root, &MDBOOK)
}

/// The project's Python: a virtual environment with the pinned packages.
pub fn ensure_python(root: &Path) -> Result<PathBuf> {
    let venv = root.join(".venv");
    let python = venv.join("bin").join("python");
    let requirements = root.join("crates/xtask/requirements.txt");
    let stamp = venv.join(".requirements-installed");
    let wanted = std::fs::read_to_string(&requirements)?;
    if python.exists() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return Ok(python);
    }
    if !python.exists() {
        eprintln!("xtask: creating {}", venv.display());
        run(cmd("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    eprintln!("xtask: installing Python packages from {}", requirements.display());
    run(cmd(&python)
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(&requirements))?;
    std::fs::write(&stamp, wanted)?;
    Ok(python)
}

/// Debian's Chromium, fonts for the screenshots and the PDF (the book's
/// pages use emoji, as the NumPy section does), and poppler's `pdfinfo` and
/// `pdftotext` to check the PDF, installed with apt when missing.
pub fn ensure_chromium() -> Result<PathBuf> {
    let path = PathBuf::from("/usr/bin/chromium");
    let emoji = Path::new("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf");
    let poppler = Path::new("/usr/bin/pdftotext");
    if path.exists() && emoji.exists() && poppler.exists() {
        return Ok(path);
    }
    eprintln!("xtask: installing Debian's chromium and fonts with apt-get");
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut c = if sudo { cmd("sudo") } else { cmd("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut c)
    };
    apt(&["update", "-qq"])?;
    apt(&[
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        "chromium",
        "fonts-dejavu-core",
        "fonts-noto-color-emoji",
        "poppler-utils",
    ])?;
    Ok(path)
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// playwright-core (no browser download: it drives Debian's Chromium).
pub fn ensure_playwright(root: &Path) -> Result<PathBuf> {
    let dir = root.join("crates/xtask/browser");
    let version = |path: PathBuf, key: &str| -> Option<String> {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
        let found = if key.is_empty() { &v["version"] } else { &v["dependencies"][key] };
        found.as_str().map(str::to_string)
    };
    let pinned = version(dir.join("package.json"), "playwright-core").ok_or("no playwright-core pin")?;
    if version(dir.join("node_modules/playwright-core/package.json"), "") == Some(pinned) {
        return Ok(dir);
    }
    eprintln!("xtask: installing playwright-core with npm ci");
    run(cmd("npm")
        .args(["ci", "--no-audit", "--no-fund", "--silent"])
        .current_dir(&dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    Ok(dir)
}

/// Nightly Rust with Miri, installed with rustup when missing, and Miri's
/// sysroot (`cargo +nightly miri setup`, quick when it is already built).
pub fn ensure_miri() -> Result {
    let installed =
        cmd("cargo").args(["+nightly", "miri", "--version"]).output().is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("xtask: installing nightly Rust with Miri");
        run(cmd("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
            "--component",
            "miri",
        ]))?;
    }
    run(cmd("cargo").args(["+nightly", "miri", "setup"]))
}
