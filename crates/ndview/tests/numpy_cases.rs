//! ndview replays NumPy's answers: the 690 shared reference cases
//! (`numpy/cases.json`, NumPy 2.4.6), the 492 cases of advanced indexing and
//! masking (`numpy/indexing-cases.json`, NumPy 2.4.6) and the project's own fixtures for the
//! book's listings (`numpy/listings.json`, written by `listings.py` with real
//! NumPy; `cargo xtask oracle` regenerates it). Every field of every case must
//! match, `shares_memory_max_work_1` included.

#[allow(dead_code)]
#[path = "../examples/conform.rs"]
mod conform;

fn replay(file: &str) {
    let path = format!("{}/tests/numpy/{file}", env!("CARGO_MANIFEST_DIR"));
    let report = conform::run_file(&path).unwrap();
    assert!(report.passed > 0, "{file}: no cases");
    assert!(
        report.failed == 0,
        "{file}: {} passed, {} failed\n{}",
        report.passed,
        report.failed,
        report.mismatches.join("\n")
    );
    assert_eq!(report.pairs_max_work_1, report.pairs);
}

#[test]
fn shared_numpy_cases() {
    replay("cases.json");
}

#[test]
fn shared_indexing_cases() {
    replay("indexing-cases.json");
}

#[test]
fn fixtures_for_the_book_listings() {
    replay("listings.json");
}
