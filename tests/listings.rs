//! Every program listing prints exactly its committed expected output, and
//! `listings/`, `Cargo.toml` and the chapters agree about which listings exist
//! (the other binaries, `figures` and `bench-figures`, are tested in
//! `figures.rs`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::listings::{self, Kind, Listing};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where cargo put the listing binaries (it builds them before these tests).
fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_listing-02-01")).parent().unwrap().to_path_buf()
}

fn programs() -> Vec<Listing> {
    listings::all(root()).into_iter().filter(|l| l.kind == Kind::Program).collect()
}

#[test]
fn every_listing_prints_its_expected_output() {
    let mut failures = Vec::new();
    let all = programs();
    assert!(all.len() >= 15, "found only {} program listings", all.len());
    for listing in &all {
        let out = Command::new(bin_dir().join(&listing.name)).output().expect("the listing runs");
        assert!(out.status.success(), "{} failed: {}", listing.name, String::from_utf8_lossy(&out.stderr));
        let actual = listings::expected_file_text(listing, &String::from_utf8(out.stdout).unwrap());
        let expected = fs::read_to_string(listing.expected_output()).unwrap_or_else(|e| {
            panic!("{}: {e} (run `cargo xtask outputs`)", listing.expected_output().display())
        });
        if actual != expected {
            failures.push(format!(
                "{} prints something else than {}:\n--- expected\n{expected}\n--- actual\n{actual}",
                listing.name,
                listing.expected_output().display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(if the change is intended, run `cargo xtask outputs`)",
        failures.join("\n")
    );
}

#[test]
fn expected_outputs_start_with_the_command_that_made_them() {
    for listing in listings::all(root()) {
        let text = fs::read_to_string(listing.expected_output()).unwrap();
        assert_eq!(text.lines().next(), Some(listing.command_line().as_str()), "{}", listing.name);
    }
}

/// The binaries of the book package that are not listings: `figures`, which
/// prints the memory diagrams the chapters show, and `bench-figures`, which
/// prints the performance chapter's benchmark table and plot.
const TOOLS: [(&str, &str); 2] = [("figures", "figures/figures.rs"), ("bench-figures", "figures/bench.rs")];

#[test]
fn every_program_listing_is_a_binary_and_every_binary_a_listing() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let declared: Vec<(String, String)> = manifest
        .split("[[bin]]")
        .skip(1)
        .map(|block| {
            let field = |key: &str| {
                let line = block.lines().find(|l| l.starts_with(key)).expect("name and path");
                line.split('"').nth(1).unwrap().to_string()
            };
            (field("name ="), field("path ="))
        })
        .collect();
    // Compile-fail listings are binaries too, built only with the feature
    // `compile-fail` (to show rustc's error), and never run.
    let expected: Vec<(String, String)> = listings::all(root())
        .iter()
        .map(|l| (l.name.clone(), l.path.strip_prefix(root()).unwrap().display().to_string()))
        .collect();
    for block in manifest.split("[[bin]]").skip(1) {
        let compile_fail = listings::all(root())
            .into_iter()
            .any(|l| l.kind == Kind::CompileFail && block.contains(&format!("name = \"{}\"", l.name)));
        let gated = block.contains("required-features = [\"compile-fail\"]");
        assert_eq!(gated, compile_fail, "only compile-fail listings need the feature:{block}");
    }
    let is_tool = |(name, path): &(String, String)| TOOLS.contains(&(name.as_str(), path.as_str()));
    let (tools, listings): (Vec<_>, Vec<_>) = declared.into_iter().partition(is_tool);
    assert_eq!(listings, expected);
    let tools: Vec<(&str, &str)> = tools.iter().map(|(n, p)| (n.as_str(), p.as_str())).collect();
    assert_eq!(tools, TOOLS, "each tool binary declared once");
}

#[test]
fn every_listing_appears_in_a_chapter() {
    let chapters: String = xtask::include::markdown_files(&root().join("src"))
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    for listing in listings::all(root()) {
        let file = listing.path.strip_prefix(root()).unwrap().display().to_string();
        assert!(chapters.contains(&file), "{file} is not included in any chapter");
        if listing.kind == Kind::Program {
            let run = format!("<!-- cmdrun --strict ../../target/debug/{} -->", listing.name);
            assert!(chapters.contains(&run), "the output of {} is not shown in any chapter", listing.name);
        }
    }
}

#[test]
fn numpy_originals_have_their_numpy_output() {
    for listing in listings::all(root()) {
        if let Some(py) = listing.numpy_original() {
            let out = PathBuf::from(format!("{}.out", py.display()));
            let text = fs::read_to_string(&out)
                .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask oracle`)", out.display()));
            let name = py.file_name().unwrap().to_string_lossy();
            assert!(text.starts_with(&format!("$ python {name}\n")), "{}", out.display());
        }
    }
}
