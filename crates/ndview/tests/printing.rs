//! `Display` and `Debug` against NumPy 2.4's `str()` and `repr()`.
//!
//! The expected text comes from real NumPy: `numpy/printing.py` writes
//! `numpy/printing.json` (hand-picked and random arrays of every element
//! type). The 690 shared conformance cases (all int64) are printed and
//! compared by `numpy_cases.rs`.

use std::fmt::Write as _;
use std::path::Path;

use ndview::{Array, Element};
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/numpy").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

fn shape_of(value: &Value) -> Vec<usize> {
    value.as_array().expect("shape list").iter().map(|d| d.as_u64().expect("dim") as usize).collect()
}

fn int<T: TryFrom<i128>>(v: &Value) -> T {
    let wide = v.as_i64().map(i128::from).or_else(|| v.as_u64().map(i128::from)).expect("integer");
    T::try_from(wide).unwrap_or_else(|_| panic!("{wide} out of range"))
}

fn float(v: &Value) -> f64 {
    v.as_str().expect("float as its repr").parse().expect("a float repr")
}

/// `(str, repr)` of the array of `values` and `shape`.
fn printed<T: Element>(values: Vec<T>, shape: &[usize]) -> (String, String) {
    let a = Array::from_vec(values, shape).expect("values fit the shape");
    (a.to_string(), format!("{a:?}"))
}

fn print_case(dtype: &str, values: &[Value], shape: &[usize]) -> (String, String) {
    macro_rules! ints {
        ($t:ty) => {
            printed(values.iter().map(int::<$t>).collect(), shape)
        };
    }
    match dtype {
        "int8" => ints!(i8),
        "int16" => ints!(i16),
        "int32" => ints!(i32),
        "int64" => ints!(i64),
        "uint8" => ints!(u8),
        "uint16" => ints!(u16),
        "uint32" => ints!(u32),
        "uint64" => ints!(u64),
        "float64" => printed(values.iter().map(float).collect(), shape),
        "bool" => printed(values.iter().map(|v| v.as_bool().expect("bool")).collect(), shape),
        other => panic!("unexpected dtype {other}"),
    }
}

/// Checks every case; returns how many passed and a report of the failures.
fn check(cases: &[Value]) -> (usize, String) {
    let mut passed = 0;
    let mut report = String::new();
    for case in cases {
        let values = case["values"].as_array().expect("values");
        let shape = shape_of(&case["shape"]);
        let (got_str, got_repr) = print_case(case["dtype"].as_str().expect("dtype"), values, &shape);
        let (want_str, want_repr) =
            (case["str"].as_str().expect("str"), case["repr"].as_str().expect("repr"));
        if got_str == want_str && got_repr == want_repr {
            passed += 1;
        } else {
            let _ = writeln!(
                report,
                "{}:\n  str  numpy {want_str:?}\n       ours  {got_str:?}\n  repr numpy {want_repr:?}\n       ours  {got_repr:?}",
                case["id"]
            );
        }
    }
    (passed, report)
}

#[test]
fn matches_numpy_str_and_repr() {
    let data = load("printing.json");
    let cases = data["cases"].as_array().expect("cases");
    assert!(cases.len() >= 300, "the oracle holds a few hundred cases");
    let (passed, report) = check(cases);
    assert_eq!(passed, cases.len(), "{passed}/{} match NumPy\n{report}", cases.len());
}
