//! Listings that must not compile fail with exactly the error the book shows
//! (`listing-*.stderr`, produced by rustc; refresh with `cargo xtask outputs`).

#[test]
fn compile_fail_listings() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = trybuild::TestCases::new();
    let mut count = 0;
    for listing in xtask::listings::all(root) {
        if listing.kind == xtask::listings::Kind::CompileFail {
            cases.compile_fail(&listing.path);
            count += 1;
        }
    }
    assert!(count >= 1, "the book has a compile-fail listing");
}
