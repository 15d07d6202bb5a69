//! ndview's `random` against real NumPy: every number in `numpy/default_rng.json`
//! (written by `numpy/default_rng.py` with NumPy 2.4.6) must come out of ndview
//! exactly, integers and the bits of every float.

use ndview::Error;
use ndview::random::{Generator, default_rng};
use serde_json::Value;

fn oracle() -> Value {
    let text = include_str!("numpy/default_rng.json");
    serde_json::from_str(text).expect("default_rng.json is valid JSON")
}

fn section<'a>(doc: &'a Value, name: &str) -> &'a [Value] {
    doc[name].as_array().unwrap_or_else(|| panic!("default_rng.json has no {name:?} list"))
}

fn i64_of(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("{v} is not an i64"))
}

fn shape_of(case: &Value) -> Vec<usize> {
    case["shape"].as_array().expect("shape").iter().map(|d| d.as_u64().expect("dim") as usize).collect()
}

fn ints_of(case: &Value) -> Vec<i64> {
    case["values"].as_array().expect("values").iter().map(i64_of).collect()
}

/// The floats of a case, from their `repr` strings (Rust's parser rounds
/// correctly), checked against the recorded IEEE-754 bits.
fn floats_of(case: &Value) -> Vec<f64> {
    let reprs = case["repr"].as_array().expect("repr");
    let bits = case["bits"].as_array().expect("bits");
    assert_eq!(reprs.len(), bits.len());
    reprs
        .iter()
        .zip(bits)
        .map(|(r, b)| {
            let x: f64 = r.as_str().expect("repr string").parse().expect("a float");
            assert_eq!(x.to_bits(), b.as_u64().expect("bits"), "repr {r} and bits {b} disagree");
            x
        })
        .collect()
}

fn assert_same_floats(got: &[f64], want: &[f64], what: &str) {
    let got: Vec<u64> = got.iter().map(|x| x.to_bits()).collect();
    let want: Vec<u64> = want.iter().map(|x| x.to_bits()).collect();
    assert_eq!(got, want, "{what}");
}

fn check_integers(rng: &mut Generator, case: &Value, what: &str) {
    let (low, high, shape) = (i64_of(&case["low"]), i64_of(&case["high"]), shape_of(case));
    let a = rng.integers(low, high, &shape).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(a.shape(), &shape[..], "{what}");
    assert_eq!(a.to_vec(), ints_of(case), "{what}");
}

fn check_random(rng: &mut Generator, case: &Value, what: &str) {
    let shape = shape_of(case);
    let a = rng.random(&shape);
    assert_eq!(a.shape(), &shape[..], "{what}");
    assert_same_floats(&a.to_vec(), &floats_of(case), what);
}

#[test]
fn oracle_is_numpy_2_4_6() {
    assert_eq!(oracle()["numpy_version"], "2.4.6");
}

#[test]
fn integers_match_numpy() {
    let doc = oracle();
    let cases = section(&doc, "integers");
    assert!(cases.len() > 300);
    for case in cases {
        let seed = case["seed"].as_u64().expect("seed");
        let what =
            format!("default_rng({seed}).integers({}, {}, {})", case["low"], case["high"], case["shape"]);
        check_integers(&mut default_rng(seed), case, &what);
    }
}

#[test]
fn random_matches_numpy() {
    let doc = oracle();
    for case in section(&doc, "random") {
        let seed = case["seed"].as_u64().expect("seed");
        let what = format!("default_rng({seed}).random({})", case["shape"]);
        check_random(&mut default_rng(seed), case, &what);
    }
}

#[test]
fn interleaved_calls_match_numpy() {
    let doc = oracle();
    for sequence in section(&doc, "sequences") {
        let seed = sequence["seed"].as_u64().expect("seed");
        let mut rng = Generator::new(seed);
        for (i, step) in section(sequence, "steps").iter().enumerate() {
            let what = format!("seed {seed}, step {i}: {step}");
            match step["op"].as_str() {
                Some("integers") => check_integers(&mut rng, step, &what),
                Some("random") => check_random(&mut rng, step, &what),
                other => panic!("unknown op {other:?}"),
            }
        }
    }
}

#[test]
fn errors_match_numpy() {
    let doc = oracle();
    for case in section(&doc, "errors") {
        let (low, high, shape) = (i64_of(&case["low"]), i64_of(&case["high"]), shape_of(case));
        let result = default_rng(0).integers(low, high, &shape);
        match case["error"].as_str() {
            Some(numpy_message) => {
                let err = result.expect_err("NumPy raised ValueError");
                assert_eq!(err, Error::EmptyRange { low, high });
                // NumPy's message, followed by the values.
                let message = err.to_string();
                assert!(message.starts_with(&format!("{numpy_message}:")), "{message} vs {numpy_message}");
            }
            None => {
                // An empty shape: NumPy answers before it checks the range.
                let a = result.expect("NumPy returned an empty array");
                assert_eq!(a.shape(), &shape[..]);
                assert_eq!(a.to_vec(), ints_of(case));
            }
        }
    }
}

/// The book's challenge: a 5×5 array of random integers from 0–99.
#[test]
fn the_books_challenge() {
    // NumPy: np.random.default_rng(42).integers(0, 100, size=(5, 5))
    let a = default_rng(42).integers(0, 100, [5, 5]).unwrap();
    assert_eq!(
        a.to_vec(),
        [8, 77, 65, 43, 43, 85, 8, 69, 20, 9, 52, 97, 73, 76, 71, 78, 51, 12, 83, 45, 50, 37, 18, 92, 78]
    );
}
