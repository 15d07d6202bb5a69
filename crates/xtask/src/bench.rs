//! ndview, ndarray and NumPy on the same machine, in one run, as ratios.
//!
//! `cargo xtask bench` runs the criterion benchmarks
//! `crates/ndview/benches/views.rs` (Section 1's views and copies: ndview,
//! ndarray and the floor, a `copy_from_slice` into memory already touched)
//! and `crates/ndview/benches/indexing.rs` (Section 2's masks and gathers)
//! one group at a time,
//! times the same operation in NumPy with `timeit` (`bench_numpy.py`, in the
//! project's venv) straight after each group, reads criterion's medians,
//! and prints one table of medians and ratios, then the size sweep. `--quick` measures briefly (for
//! a check that everything runs, not for numbers); `--record` also writes
//! the results, with the machine, the date and the versions, to
//! [`RECORD`], which the performance chapter draws its table and plot from
//! at build time. Times from different runs or machines are not compared.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::{Result, cmd, output, tools};

/// The committed record of the last `cargo xtask bench --record`.
pub const RECORD: &str = "src/section-1/data/bench.json";

/// One row of the table: criterion's group, what it times, the ndarray
/// benchmarks that compete (the fastest is taken), the target and what it
/// is measured against.
struct Op {
    bench: Bench,
    group: &'static str,
    what: &'static str,
    ndarray: &'static [(&'static str, &'static str)],
    target: Target,
}

/// The criterion benchmarks in `crates/ndview/benches`, one per section of
/// the book, whose table shows their rows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bench {
    /// `views.rs`: Section 1's views and copies, the floors and the sweep.
    Views,
    /// `indexing.rs`: Section 2's masks and gathers.
    Indexing,
}

impl Bench {
    const ALL: [Bench; 2] = [Bench::Views, Bench::Indexing];

    fn name(self) -> &'static str {
        match self {
            Bench::Views => "views",
            Bench::Indexing => "indexing",
        }
    }

    fn section(self) -> u8 {
        match self {
            Bench::Views => 1,
            Bench::Indexing => 2,
        }
    }
}

#[derive(Clone, Copy)]
enum Target {
    /// ndview ≤ ratio × ndarray.
    Ndarray(f64),
    /// ndview ≤ ratio × the faster of NumPy and ndarray.
    Best(f64),
    /// ndview ≤ ratio × NumPy.
    Numpy(f64),
    /// ndview ≤ r1 × NumPy and ≤ r2 × the floor.
    NumpyAndFloor(f64, f64),
}

const OPS: [Op; 10] = [
    Op {
        bench: Bench::Views,
        group: "view",
        what: "view `big[::2, ::2]`",
        ndarray: &[
            ("ndarray Array2", "`slice(s![..;2, ..;2])` on `Array2`"),
            ("ndarray ArrayD", "`slice(s![..;2, ..;2])` on `ArrayD`"),
        ],
        target: Target::Ndarray(1.0),
    },
    Op {
        bench: Bench::Views,
        group: "copy_step2",
        what: "copy of `big[::2, ::2]` (20 MB out)",
        ndarray: &[("ndarray", "`to_owned()`")],
        target: Target::Best(0.8),
    },
    Op {
        bench: Bench::Views,
        group: "copy_reversed",
        what: "copy of `big[::-1, ::-1]`",
        ndarray: &[("ndarray", "`as_standard_layout().into_owned()`")],
        target: Target::Best(0.8),
    },
    Op {
        bench: Bench::Views,
        group: "copy_permuted",
        what: "copy of `a3.transpose(2, 0, 1)`, `a3` 100×200×500",
        ndarray: &[
            ("ndarray", "`as_standard_layout().into_owned()`"),
            ("ndarray assign", "`zeros` + `assign`"),
        ],
        target: Target::Best(0.8),
    },
    Op {
        bench: Bench::Views,
        group: "copy_transpose",
        what: "copy of `big.T` into C order",
        ndarray: &[
            ("ndarray", "`as_standard_layout().into_owned()`"),
            ("ndarray assign", "`zeros` + `assign`"),
        ],
        target: Target::Numpy(0.5),
    },
    Op {
        bench: Bench::Views,
        group: "copy_contiguous",
        what: "contiguous copy of `big` (80 MB)",
        ndarray: &[("ndarray", "`to_owned()`")],
        target: Target::NumpyAndFloor(1.0, 1.3),
    },
    Op {
        bench: Bench::Indexing,
        group: "mask",
        what: "`big[big % 3 == 0]`, the mask made and used",
        ndarray: &[("ndarray", "`mapv`, then `iter().zip(&m)` + `filter_map`")],
        target: Target::Numpy(1.0),
    },
    Op {
        bench: Bench::Indexing,
        group: "mask_select",
        what: "`big[m]`, the mask `m` already made",
        ndarray: &[("ndarray", "`iter().zip(&m)` + `filter_map`")],
        target: Target::Numpy(1.0),
    },
    Op {
        bench: Bench::Indexing,
        group: "take",
        what: "`np.take(big, cols, axis=1)`, 5 000 random columns",
        ndarray: &[("ndarray", "`select(Axis(1), &cols)`")],
        target: Target::Numpy(1.0),
    },
    Op {
        bench: Bench::Indexing,
        group: "fancy_columns",
        what: "`big[:, cols]`, the same columns",
        ndarray: &[("ndarray", "`select(Axis(1), &cols)`")],
        target: Target::Numpy(1.0),
    },
];

/// The byte sizes of the sweep, one a line, shared with `views.rs` (and
/// passed to bench_numpy.py one at a time).
const SWEEP_BYTES: &str = "crates/ndview/benches/sweep-bytes.txt";

fn sweep_bytes(root: &Path) -> Result<Vec<u64>> {
    let path = root.join(SWEEP_BYTES);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines().map(|l| l.parse().map_err(|e| format!("{}: {l:?}: {e}", path.display()).into())).collect()
}

/// Criterion's median for one benchmark, in nanoseconds.
fn criterion_ns(root: &Path, id: &str) -> Result<f64> {
    let path = root.join("target/criterion").join(id).join("new/estimates.json");
    let v: Value =
        serde_json::from_str(&fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?)?;
    v["median"]["point_estimate"].as_f64().ok_or_else(|| format!("no median in {}", path.display()).into())
}

/// A time with a unit that suits it.
pub fn show(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

/// The first line of a command's output, or `unknown`.
fn first_line(c: &mut std::process::Command) -> String {
    output(c).ok().and_then(|s| s.lines().next().map(str::to_owned)).unwrap_or_else(|| "unknown".into())
}

/// The data caches of CPU 0, from sysfs: level, size as the kernel writes
/// it (`48K`), and how many CPUs share it.
fn caches() -> Value {
    let dir = Path::new("/sys/devices/system/cpu/cpu0/cache");
    let read = |index: &Path, file: &str| fs::read_to_string(index.join(file)).map(|s| s.trim().to_owned());
    let mut caches: Vec<Value> = (0..)
        .map(|i| dir.join(format!("index{i}")))
        .take_while(|index| index.exists())
        .filter(|index| read(index, "type").is_ok_and(|t| t != "Instruction"))
        .filter_map(|index| {
            let level: u64 = read(&index, "level").ok()?.parse().ok()?;
            let size = read(&index, "size").ok()?;
            // `shared_cpu_list` is a list of ranges: `0`, `0-1`, `0,2`.
            let shared = read(&index, "shared_cpu_list").ok()?;
            let shared_by: u64 = shared
                .split(',')
                .map(|r| match r.split_once('-') {
                    Some((a, b)) => {
                        let (a, b) = (a.parse::<u64>().ok()?, b.parse::<u64>().ok()?);
                        b.checked_sub(a).map(|d| d + 1)
                    }
                    None => Some(1),
                })
                .sum::<Option<u64>>()?;
            Some(json!({ "level": level, "size": size, "shared_by": shared_by }))
        })
        .collect();
    caches.sort_by_key(|c| c["level"].as_u64());
    Value::Array(caches)
}

/// The machine: CPU model and cores from /proc/cpuinfo, its data caches,
/// the kernel's transparent-huge-page setting, the load average when the
/// run ended.
fn machine() -> Value {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, v)| v.trim()))
        .unwrap_or("unknown")
        .to_owned();
    let cores = cpuinfo.lines().filter(|l| l.starts_with("processor")).count();
    let thp = fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled")
        .unwrap_or_default()
        .split_whitespace()
        .find_map(|w| w.strip_prefix('[').and_then(|w| w.strip_suffix(']')).map(str::to_owned))
        .unwrap_or_else(|| "unknown".into());
    let load = fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .next()
        .and_then(|l| l.parse::<f64>().ok());
    let kernel = first_line(cmd("uname").arg("-r"));
    json!({ "cpu": cpu, "cores": cores, "caches": caches(), "transparent_hugepage": thp,
            "load_average_1min": load, "kernel": kernel })
}

/// ndarray's version, from Cargo.lock.
fn ndarray_version(root: &Path) -> String {
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    lock.split("[[package]]")
        .find(|b| b.contains("name = \"ndarray\"\n"))
        .and_then(|b| b.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_owned())
        .unwrap_or_else(|| "unknown".into())
}

/// Runs criterion on the benchmarks whose id matches `filter` (a regex).
fn criterion(root: &Path, bench: Bench, filter: &str, quick: bool) -> Result {
    let (warm_up, measure) = if quick { ("0.2", "0.5") } else { ("1", "3") };
    let out = output(
        cmd("cargo")
            .args(["bench", "--quiet", "-p", "ndview", "--bench", bench.name(), "--", filter])
            .args(["--warm-up-time", warm_up, "--measurement-time", measure, "--noplot"])
            .env("CARGO_TARGET_DIR", root.join("target")),
    )?;
    for line in out.lines().filter(|l| l.contains("time:")) {
        eprintln!("  {}", line.trim());
    }
    Ok(())
}

/// Times `names` in NumPy (`bench_numpy.py`).
fn numpy(python: &Path, root: &Path, names: &[String], quick: bool) -> Result<Value> {
    let mut c = cmd(python);
    c.arg(root.join("crates/xtask/bench_numpy.py")).args(names);
    if quick {
        c.arg("--quick");
    }
    // Without the OpenBLAS variables, for this command only.
    c.env_remove("OPENBLAS_CORETYPE").env_remove("OPENBLAS_L2_SIZE");
    let v: Value = serde_json::from_str(&output(&mut c)?)?;
    for name in names {
        eprintln!("  numpy {name}: {}", v[name].as_f64().map(show).unwrap_or_default());
    }
    Ok(v)
}

pub fn run(root: &Path, quick: bool, record: bool) -> Result {
    // Build first, so that compiling does not fall between the timings.
    let mut build = cmd("cargo");
    build.args(["bench", "-p", "ndview", "--no-run"]);
    for bench in Bench::ALL {
        build.args(["--bench", bench.name()]);
    }
    crate::run(&mut build)?;
    let python = tools::ensure_python(root)?;
    let sizes = sweep_bytes(root)?;
    // The machine is shared and its load changes: each group is timed in
    // criterion and then at once in NumPy, so the two see the same load.
    let mut numpy_times = serde_json::Map::new();
    for op in &OPS {
        eprintln!("xtask: {}", op.group);
        criterion(root, op.bench, &format!("^{}/", op.group), quick)?;
        let v = numpy(&python, root, &[op.group.to_string()], quick)?;
        numpy_times.extend(v.as_object().cloned().unwrap_or_default());
    }
    eprintln!("xtask: floor");
    criterion(root, Bench::Views, "^floor/", quick)?;
    for &bytes in &sizes {
        eprintln!("xtask: sweep, {bytes} bytes");
        criterion(root, Bench::Views, &format!("^sweep/[^/]+/{bytes}$"), quick)?;
        let v = numpy(&python, root, &[format!("sweep:{bytes}")], quick)?;
        numpy_times.extend(v.as_object().cloned().unwrap_or_default());
    }
    let numpy = Value::Object(numpy_times);
    let np = |key: &str| numpy[key].as_f64().ok_or_else(|| format!("NumPy's time for {key}"));

    let floor = criterion_ns(root, "floor/copy_from_slice")?;
    let fresh_pages = criterion_ns(root, "floor/fresh_pages")?;
    let read_step2 = criterion_ns(root, "floor/read_step2")?;
    let clock = criterion_ns(root, "floor/clock")?;
    let mut rows = Vec::new();
    println!(
        "\n{:<52} {:>11} {:>11} {:>11} {:>8}  target",
        "operation", "ndview", "ndarray", "NumPy", "ratio"
    );
    for op in &OPS {
        let ndview = criterion_ns(root, &format!("{}/ndview", op.group))?;
        let mut ndarray: Option<(f64, &str)> = None;
        for &(id, call) in op.ndarray {
            let ns = criterion_ns(root, &format!("{}/{id}", op.group))?;
            if ndarray.is_none_or(|(best, _)| ns < best) {
                ndarray = Some((ns, call));
            }
        }
        let (ndarray, call) = ndarray.expect("every operation has an ndarray call");
        let numpy = np(op.group)?;
        let (ratio, against, met) = match op.target {
            Target::Ndarray(r) => (ndview / ndarray, format!("≤ {r}× ndarray"), ndview <= r * ndarray),
            Target::Best(r) => {
                let best = ndarray.min(numpy);
                (ndview / best, format!("≤ {r}× the faster"), ndview <= r * best)
            }
            Target::Numpy(r) => (ndview / numpy, format!("≤ {r}× NumPy"), ndview <= r * numpy),
            Target::NumpyAndFloor(r1, r2) => (
                ndview / numpy,
                format!("≤ {r1}× NumPy and ≤ {r2}× the floor (it took {:.2}×)", ndview / floor),
                ndview <= r1 * numpy && ndview <= r2 * floor,
            ),
        };
        println!(
            "{:<52} {:>11} {:>11} {:>11} {:>7.2}×  {against} {}",
            op.what.replace('`', ""),
            show(ndview),
            show(ndarray),
            show(numpy),
            ratio,
            if met { "met" } else { "MISSED" }
        );
        rows.push(json!({
            "section": op.bench.section(), "id": op.group, "what": op.what, "ndview_ns": ndview, "ndarray_ns": ndarray,
            "ndarray_call": call, "numpy_ns": numpy, "ratio": ratio, "target": against, "met": met,
        }));
    }
    println!("{:<52} {:>11}", "floor: copy_from_slice of 80 MB, memory touched", show(floor));
    println!("{:<52} {:>11}", "floor: a new 80 MB array, one write per page", show(fresh_pages));
    println!("{:<52} {:>11}", "floor: reading the cache lines of big[::2, ::2]", show(read_step2));

    println!(
        "\nsize sweep: a contiguous copy into a new array\n{:>12} {:>11} {:>11} {:>11} {:>11}",
        "bytes", "ndview", "ndarray", "NumPy", "floor"
    );
    let mut sweep = Vec::new();
    for &bytes in &sizes {
        let ndview = criterion_ns(root, &format!("sweep/ndview/{bytes}"))?;
        let ndarray = criterion_ns(root, &format!("sweep/ndarray/{bytes}"))?;
        let floor = criterion_ns(root, &format!("sweep/floor/{bytes}"))?;
        let view = criterion_ns(root, &format!("sweep/view/{bytes}"))?;
        let numpy = np(&format!("sweep:{bytes}"))?;
        println!(
            "{bytes:>12} {:>11} {:>11} {:>11} {:>11}",
            show(ndview),
            show(ndarray),
            show(numpy),
            show(floor)
        );
        sweep.push(json!({ "bytes": bytes, "ndview_ns": ndview, "ndarray_ns": ndarray, "numpy_ns": numpy,
                           "floor_ns": floor, "view_ns": view }));
    }

    if record {
        let data = json!({
            "what": "written by `cargo xtask bench --record`; medians in nanoseconds",
            "date": first_line(cmd("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])),
            "quick": quick,
            "machine": machine(),
            "versions": {
                "rustc": first_line(cmd("rustc").arg("--version")),
                "ndarray": ndarray_version(root),
                "numpy": numpy["numpy_version"],
                "python": numpy["python_version"],
            },
            "floor_ns": floor,
            "fresh_pages_ns": fresh_pages,
            "read_step2_ns": read_step2,
            "clock_ns": clock,
            "operations": rows,
            "sweep": sweep,
        });
        let path = root.join(RECORD);
        fs::create_dir_all(path.parent().expect("a folder"))?;
        fs::write(&path, serde_json::to_string_pretty(&data)? + "\n")?;
        eprintln!("xtask: wrote {}", path.display());
    }
    Ok(())
}
