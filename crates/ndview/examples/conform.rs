//! Replays NumPy reference cases with ndview and reports every difference.
//!
//! ```text
//! cargo run --release -p ndview --example conform -- FILE [FILE ...]
//! ```
//!
//! FILE follows the schema of `numpy-cases/SCHEMA.md`: each case builds
//! `np.arange(start, start + n).reshape(shape)` and applies chains of
//! operations to it; NumPy's answers are recorded after every step. This
//! program applies the same chains with ndview, prints one line per mismatch
//! (`case field numpy=… ndview=…`) and ends with `N passed, M failed`. The
//! exit status is 1 if any case failed.
//!
//! Buffers are numbered as in the schema: 0 is the base's, and each operation
//! that copies makes the next one. A value of the runner is thus a buffer
//! number plus a [`Layout`]; views over the buffers are made when needed.

use std::process::ExitCode;

use ndview::{Array, ArrayView, CowArray, Layout, Order, Slice, SliceArg};
use serde_json::{Value, json};

/// An array of the case: which buffer, and how to read it.
#[derive(Clone)]
struct Held {
    buffer: usize,
    layout: Layout,
}

/// The buffers of one case, in order of creation.
struct Buffers(Vec<Vec<i64>>);

impl Buffers {
    fn view(&self, held: &Held) -> ArrayView<'_, i64> {
        ArrayView::with_layout(&self.0[held.buffer], held.layout.clone())
            .expect("a layout the runner made stays inside its buffer")
    }

    fn push(&mut self, a: Array<i64>) -> Held {
        let layout = a.layout().clone();
        self.0.push(a.into_raw_vec());
        Held { buffer: self.0.len() - 1, layout }
    }
}

fn order_of(op: &Value) -> Order {
    match op.get("order").and_then(Value::as_str) {
        Some("F") => Order::F,
        Some("A") => Order::A,
        Some("K") => Order::K,
        _ => Order::C,
    }
}

fn ints<T: TryFrom<i64>>(v: &Value) -> Vec<T> {
    v.as_array()
        .expect("a list of integers")
        .iter()
        .map(|x| T::try_from(x.as_i64().expect("an integer")).ok().expect("in range"))
        .collect()
}

fn slice_args(index: &Value) -> Vec<SliceArg> {
    let part = |v: &Value| v.as_i64().map(|x| x as isize);
    index
        .as_array()
        .expect("an index list")
        .iter()
        .map(|item| match item.as_array() {
            Some(s) => SliceArg::Slice(Slice { start: part(&s[0]), stop: part(&s[1]), step: part(&s[2]) }),
            None => SliceArg::Index(item.as_i64().expect("an integer index") as isize),
        })
        .collect()
}

/// Applies one operation; returns the result and whether it is a view.
fn apply(buffers: &mut Buffers, held: &Held, op: &Value) -> Result<(Held, bool), ndview::Error> {
    let from = held.buffer;
    let view_of = |l: &Layout| Ok((Held { buffer: from, layout: l.clone() }, true));
    let name = op["op"].as_str().expect("an op name");
    let result = {
        let v = buffers.view(held);
        match name {
            "slice" => return view_of(v.slice(slice_args(&op["index"]))?.layout()),
            "transpose" => {
                return match op["axes"].is_null() {
                    true => view_of(v.t().layout()),
                    false => view_of(v.transpose(ints::<isize>(&op["axes"]))?.layout()),
                };
            }
            "swapaxes" => {
                let (a, b) = (op["axis1"].as_i64().unwrap(), op["axis2"].as_i64().unwrap());
                return view_of(v.swapaxes(a as isize, b as isize)?.layout());
            }
            "as_strided" => {
                let (shape, strides) = (ints::<usize>(&op["shape"]), ints::<isize>(&op["strides"]));
                return view_of(v.as_strided(shape, strides)?.layout());
            }
            "reshape" => match v.reshape_order(ints::<isize>(&op["shape"]), order_of(op))? {
                CowArray::View(r) => return view_of(r.layout()),
                CowArray::Owned(a) => a,
            },
            "ravel" => match v.ravel_order(order_of(op)) {
                CowArray::View(r) => return view_of(r.layout()),
                CowArray::Owned(a) => a,
            },
            "flatten" => v.flatten_order(order_of(op)),
            "copy" => v.copy_order(order_of(op)),
            other => panic!("unknown op {other:?}"),
        }
    };
    Ok((buffers.push(result), false))
}

/// Mismatches of one case, as `(field, numpy, ndview)`.
type Mismatches = Vec<(String, Value, Value)>;

fn check(mismatches: &mut Mismatches, field: String, numpy: &Value, ours: Value) {
    if *numpy != ours {
        mismatches.push((field, numpy.clone(), ours));
    }
}

fn run_case(case: &Value) -> Mismatches {
    let mut out = Mismatches::new();
    let shape: Vec<usize> = ints(&case["base_shape"]);
    let start = case["base_start"].as_i64().unwrap_or(0);
    let n: usize = shape.iter().product();
    let mut base = Array::arange(n);
    base.map_inplace(|x| *x += start);
    let shape_arg: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
    let base = base.into_shape(shape_arg).expect("the base reshapes");
    let mut buffers = Buffers(Vec::new());
    let base = buffers.push(base);
    let mut named: Vec<(String, Held)> = vec![("base".to_string(), base.clone())];

    for array in case["arrays"].as_array().expect("arrays") {
        let name = array["name"].as_str().unwrap().to_string();
        let mut held = base.clone();
        let mut error = None;
        for (i, op) in array["ops"].as_array().unwrap().iter().enumerate() {
            match apply(&mut buffers, &held, op) {
                Ok((next, is_view)) => {
                    held = next;
                    let step = &array["steps"][i];
                    if step.is_null() {
                        continue; // NumPy raised; compared below
                    }
                    let l = &held.layout;
                    let f = |k: &str| format!("{name}.steps[{i}].{k}");
                    check(&mut out, f("shape"), &step["shape"], json!(l.shape()));
                    check(&mut out, f("strides"), &step["strides"], json!(l.strides()));
                    check(&mut out, f("buffer"), &step["buffer"], json!(held.buffer));
                    check(&mut out, f("offset"), &step["offset"], json!(l.offset()));
                    check(&mut out, f("view"), &step["view"], json!(is_view));
                }
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        let expected_error = &array["error"];
        match (error, expected_error.is_null()) {
            (Some(e), false) => {
                check(&mut out, format!("{name}.error"), &expected_error["message"], json!(e.to_string()));
                continue;
            }
            (Some(e), true) => {
                out.push((format!("{name}.error"), Value::Null, json!(e.to_string())));
                continue;
            }
            (None, false) => {
                out.push((format!("{name}.error"), expected_error["message"].clone(), Value::Null));
                continue;
            }
            (None, true) => {}
        }
        let r = &array["result"];
        let v = buffers.view(&held);
        let f = |k: &str| format!("{name}.{k}");
        check(&mut out, f("shape"), &r["shape"], json!(v.shape()));
        check(&mut out, f("strides"), &r["strides"], json!(v.strides()));
        check(&mut out, f("buffer"), &r["buffer"], json!(held.buffer));
        check(&mut out, f("offset"), &r["offset"], json!(v.offset()));
        check(&mut out, f("values"), &r["values"], json!(v.to_vec()));
        check(&mut out, f("c_contiguous"), &r["c_contiguous"], json!(v.is_c_contiguous()));
        check(&mut out, f("f_contiguous"), &r["f_contiguous"], json!(v.is_f_contiguous()));
        check(&mut out, f("internal_overlap"), &r["internal_overlap"], json!(v.internal_overlap()));
        if !r["str"].is_null() {
            check(&mut out, f("str"), &r["str"], json!(v.to_string()));
            check(&mut out, f("repr"), &r["repr"], json!(format!("{v:?}")));
        }
        named.push((name, held));
    }

    for pair in case["pairs"].as_array().map(Vec::as_slice).unwrap_or_default() {
        let find = |key: &str| {
            let n = pair[key].as_str().unwrap();
            named.iter().find(|(name, _)| name == n).map(|(_, h)| h.clone())
        };
        let (Some(a), Some(b)) = (find("a"), find("b")) else {
            out.push((format!("pair {pair}"), Value::Null, json!("array missing")));
            continue;
        };
        let (a, b) = (buffers.view(&a), buffers.view(&b));
        let label = format!("{}~{}", pair["a"].as_str().unwrap(), pair["b"].as_str().unwrap());
        let exact = match ndview::shares_memory(&a, &b) {
            Ok(x) => json!(x),
            Err(e) => json!(e.to_string()),
        };
        check(&mut out, format!("{label}.shares_memory"), &pair["shares_memory"], exact);
        check(
            &mut out,
            format!("{label}.may_share_memory"),
            &pair["may_share_memory"],
            json!(ndview::may_share_memory(&a, &b)),
        );
        let one = match ndview::shares_memory_max_work(&a, &b, 1) {
            Ok(x) => json!(x),
            Err(ndview::Error::TooHard { .. }) => json!("too_hard"),
            Err(e) => json!(e.to_string()),
        };
        check(&mut out, format!("{label}.shares_memory_max_work_1"), &pair["shares_memory_max_work_1"], one);
    }
    out
}

/// What replaying one case file found.
#[derive(Debug, Default)]
pub struct Report {
    /// Cases whose every field matched.
    pub passed: usize,
    /// Cases with at least one mismatch.
    pub failed: usize,
    /// One line per mismatch: `case field numpy=… ndview=…`.
    pub mismatches: Vec<String>,
    /// Pairs compared, and those whose `shares_memory_max_work_1` matched.
    pub pairs: usize,
    pub pairs_max_work_1: usize,
}

/// Replays every case of `path` (a file in the numpy-cases schema).
pub fn run_file(path: &str) -> Result<Report, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{path} is not JSON: {e}"))?;
    let cases = doc["cases"].as_array().ok_or_else(|| format!("{path} has no \"cases\" list"))?;
    let mut report = Report::default();
    for case in cases {
        let id = case["id"].as_str().unwrap_or("?");
        let mismatches = run_case(case);
        let n_pairs = case["pairs"].as_array().map_or(0, Vec::len);
        report.pairs += n_pairs;
        report.pairs_max_work_1 +=
            n_pairs - mismatches.iter().filter(|(f, _, _)| f.ends_with("shares_memory_max_work_1")).count();
        if mismatches.is_empty() {
            report.passed += 1;
        } else {
            report.failed += 1;
            for (field, numpy, ours) in mismatches {
                report.mismatches.push(format!("{id} {field} numpy={numpy} ndview={ours}"));
            }
        }
    }
    Ok(report)
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: conform FILE [FILE ...]   (case files in the numpy-cases schema)");
        return ExitCode::from(2);
    }
    let mut total = Report::default();
    for file in &files {
        match run_file(file) {
            Ok(r) => {
                for line in &r.mismatches {
                    println!("{line}");
                }
                total.passed += r.passed;
                total.failed += r.failed;
                total.pairs += r.pairs;
                total.pairs_max_work_1 += r.pairs_max_work_1;
            }
            Err(e) => {
                eprintln!("conform: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!("shares_memory_max_work_1 parity: {} of {} pairs", total.pairs_max_work_1, total.pairs);
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
