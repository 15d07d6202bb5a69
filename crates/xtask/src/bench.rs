//! ndview, ndarray and NumPy on the same machine, in one run, as ratios.
//!
//! Runs the criterion benchmark `crates/ndview/benches/views.rs` (making the
//! view `[::2, ::2]` of a 1000×10 000 `i64` array, and copying it), reads
//! criterion's estimates, times the same two operations in NumPy with
//! `timeit` (`bench_numpy.py`), and prints each time with its ratio to
//! ndview's. Times from different runs or machines are not compared.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::{Result, cmd, output, tools};

/// Criterion's mean estimate for one benchmark, in nanoseconds.
fn criterion_ns(root: &Path, group: &str, name: &str) -> Result<f64> {
    let path = root.join("target/criterion").join(group).join(name).join("new/estimates.json");
    let v: Value =
        serde_json::from_str(&fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?)?;
    v["mean"]["point_estimate"].as_f64().ok_or_else(|| format!("no mean in {}", path.display()).into())
}

fn show(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

pub fn run(root: &Path) -> Result {
    crate::run(cmd("cargo").args([
        "bench",
        "-p",
        "ndview",
        "--bench",
        "views",
        "--",
        "--warm-up-time",
        "1",
        "--measurement-time",
        "3",
    ]))?;
    let python = tools::ensure_python(root)?;
    let numpy: Value =
        serde_json::from_str(&output(cmd(&python).arg(root.join("crates/xtask/bench_numpy.py")))?)?;
    for (group, what) in
        [("view", "make the view big[::2, ::2]"), ("copy", "copy big[::2, ::2] (2.5 million i64)")]
    {
        let base = criterion_ns(root, group, "ndview")?;
        println!("\n{what}");
        let mut rows = vec![("ndview".to_string(), base)];
        for name in ["ndarray Array2", "ndarray ArrayD"] {
            if let Ok(ns) = criterion_ns(root, group, name) {
                rows.push((name.to_string(), ns));
            }
        }
        let np = numpy[group].as_f64().ok_or("NumPy's time")?;
        rows.push((format!("NumPy {}", numpy["numpy_version"].as_str().unwrap_or("")), np));
        for (name, ns) in rows {
            println!("  {name:<16} {:>12}   {:>6.2}× ndview's time", show(ns), ns / base);
        }
    }
    Ok(())
}
