//! Listings that must not compile fail with exactly the error the book shows:
//! trybuild checks the error (`listing-*.stderr`, normalised by trybuild),
//! and `rustc_output_is_the_one_the_book_shows` checks what a reader sees when
//! running the command on the first line of `listing-*.out`, unchanged.
//! Refresh both with `cargo xtask outputs`.

use std::path::Path;

use xtask::listings::{self, Kind};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn compile_fail_listings() {
    let cases = trybuild::TestCases::new();
    let mut count = 0;
    for listing in listings::all(root()) {
        if listing.kind == Kind::CompileFail {
            cases.compile_fail(&listing.path);
            count += 1;
        }
    }
    assert!(count >= 1, "the book has a compile-fail listing");
}

#[test]
fn rustc_output_is_the_one_the_book_shows() {
    for listing in listings::all(root()).into_iter().filter(|l| l.kind == Kind::CompileFail) {
        let actual = listings::compiler_output(root(), &listing).expect("cargo runs");
        let path = listing.expected_output();
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask outputs`)", path.display()));
        assert_eq!(actual, expected, "{} (if intended, run `cargo xtask outputs`)", path.display());
    }
}
