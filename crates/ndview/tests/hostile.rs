//! Hostile input: every constructor and fallible method over the whole input
//! space (sizes, strides and offsets at the extremes: 0, 1, `usize::MAX`,
//! `isize::MIN`/`MAX`, `1 << 62`, …), not only small ones.
//!
//! Every call runs under `catch_unwind` and must return `Ok` with a result
//! that a brute-force model confirms, or `Err` whose message names the values
//! that were rejected (and no saturated value the caller did not write).
//! Never a panic, never a hang (every overlap search is bounded), never an
//! abort (allocations that cannot succeed are `MemoryError`s). Each test
//! prints its tally: hostile calls, `Ok` and checked, `Err` and clear. The
//! tests pass in debug (overflow checks on) and in `--release`.

use std::cell::Cell;
use std::fmt::Display;
use std::panic::{AssertUnwindSafe, catch_unwind};

use ndview::random::default_rng;
use ndview::{Array, ArrayView, ArrayViewMut, Error, Layout, Order, Slice, SliceArg, s, shares_memory};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

// ---------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------

thread_local! {
    /// (calls, ok and checked, err and clear) for the test on this thread.
    static TALLY: Cell<(u64, u64, u64)> = const { Cell::new((0, 0, 0)) };
}

fn count(ok: bool) {
    TALLY.with(|t| {
        let (c, o, e) = t.get();
        t.set(if ok { (c + 1, o + 1, e) } else { (c + 1, o, e + 1) });
    });
}

fn tup<T: Display>(items: &[T]) -> String {
    match items {
        [] => "()".into(),
        [one] => format!("({one},)"),
        _ => format!("({})", items.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

/// The values a call was given, as text: its error must name some of them,
/// and must not show a saturated extreme the caller never wrote.
#[derive(Default, Clone)]
struct Given {
    numbers: Vec<String>,
}

impl Given {
    fn with(mut self, x: impl Display) -> Self {
        self.numbers.push(x.to_string());
        self
    }
    fn all<T: Display>(mut self, xs: &[T]) -> Self {
        self.numbers.extend(xs.iter().map(|x| x.to_string()));
        self
    }
}

/// The error is clear: a non-empty message that names a value it was given
/// (for errors about values), and no extreme number that was not given.
fn assert_clear(e: &Error, given: &Given, what: &str) {
    let msg = e.to_string();
    assert!(!msg.is_empty(), "{what}: empty message");
    // Numbers in the message, whole (`-9223372036854775807` is not isize::MAX);
    // an extent is computed exactly (checked against the model elsewhere).
    let scanned = match e {
        Error::OutOfBuffer { low, high, .. } => msg.replace(&format!("{low}..{high}"), ""),
        _ => msg.clone(),
    };
    let numbers: Vec<&str> =
        scanned.split(|c: char| !(c.is_ascii_digit() || c == '-')).filter(|t| !t.is_empty()).collect();
    for extreme in [isize::MAX.to_string(), isize::MIN.to_string(), usize::MAX.to_string()] {
        if numbers.contains(&extreme.as_str()) {
            assert!(given.numbers.contains(&extreme), "{what}: saturated value in {msg:?}");
        }
    }
    let names_value = match e {
        Error::SizeOverflow { shape, itemsize } => {
            msg.contains(&tup(shape)) && msg.contains(&itemsize.to_string())
        }
        Error::OutOfBuffer { shape, strides, offset, .. } => {
            msg.contains(&tup(shape)) && msg.contains(&tup(strides)) && msg.contains(&offset.to_string())
        }
        Error::Misaligned { value, .. } => msg.contains(&value.to_string()),
        Error::TooManyDimensions { found } => msg.contains(&format!("found {found}")),
        Error::StridesLength { shape_len, strides_len } => {
            msg.contains(&shape_len.to_string()) && msg.contains(&strides_len.to_string())
        }
        Error::InternalOverlap { strides, .. } | Error::InternalOverlapUndecided { strides, .. } => {
            msg.contains(&tup(strides))
        }
        Error::MemoryError { shape, .. } => msg.contains(&tup(shape)),
        Error::IndexOutOfBounds { index, .. } => msg.contains(&index.to_string()),
        Error::WideIndexOutOfBounds { magnitude, .. } => msg.contains(&magnitude.to_string()),
        Error::Reshape { size, .. } => msg.contains(&size.to_string()),
        _ => true,
    };
    assert!(names_value, "{what}: {msg:?} does not name the values ({e:?})");
}

/// Runs one hostile call: a panic fails the test; `Ok` is returned for the
/// caller to check; `Err` must be clear.
fn hostile<T>(what: &str, given: &Given, f: impl FnOnce() -> ndview::Result<T>) -> Option<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Err(p) => {
            let text = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
            panic!("{what} panicked: {text:?}");
        }
        Ok(Ok(v)) => {
            count(true);
            Some(v)
        }
        Ok(Err(e)) => {
            assert_clear(&e, given, what);
            count(false);
            None
        }
    }
}

/// An infallible call that must not panic.
fn calm<T>(what: &str, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => {
            count(true);
            v
        }
        Err(_) => panic!("{what} panicked"),
    }
}

fn run<S: Strategy>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value)) {
    TALLY.with(|t| t.set((0, 0, 0)));
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    runner
        .run(&strategy, |v| {
            test(v);
            Ok(())
        })
        .unwrap();
    let (c, o, e) = TALLY.with(|t| t.get());
    eprintln!("hostile tally {name}: {c} calls, {o} Ok and checked, {e} Err and clear, 0 panics");
    assert_eq!(c, o + e);
}

// ---------------------------------------------------------------------------
// Extreme values
// ---------------------------------------------------------------------------

fn ext_usize() -> BoxedStrategy<usize> {
    prop_oneof![
        6 => 0usize..5,
        1 => Just(usize::MAX),
        1 => Just(isize::MAX as usize),
        1 => Just((isize::MAX as usize) + 1),
        1 => Just(1 << 62),
        1 => Just(1 << 40),
        1 => Just((1 << 60) + 1),
        1 => any::<usize>(),
    ]
    .boxed()
}

fn ext_isize() -> BoxedStrategy<isize> {
    prop_oneof![
        6 => (-4isize..5).prop_map(|k| 8 * k),
        2 => -9isize..10,
        1 => Just(isize::MIN),
        1 => Just(isize::MAX),
        1 => Just(1 << 62),
        1 => Just(-(1 << 62)),
        1 => Just(isize::MIN + 8),
        1 => Just(isize::MAX - 7),
        1 => any::<isize>(),
    ]
    .boxed()
}

fn ext_shape() -> BoxedStrategy<Vec<usize>> {
    prop_oneof![
        8 => proptest::collection::vec(ext_usize(), 0..5),
        1 => Just(vec![1; 65]),
        1 => proptest::collection::vec(0usize..3, 60..70),
        1 => Just(vec![0, usize::MAX, usize::MAX]),
        1 => Just(vec![usize::MAX, usize::MAX, 0]),
        1 => Just(vec![0, 1 << 63]),
    ]
    .boxed()
}

/// Strides for `shape` (occasionally one too few or too many).
fn ext_layout() -> BoxedStrategy<(Vec<usize>, Vec<isize>, isize)> {
    (ext_shape(), 0usize..20, ext_isize())
        .prop_flat_map(|(shape, wrong, offset)| {
            let n = match wrong {
                0 => shape.len() + 1,
                1 if !shape.is_empty() => shape.len() - 1,
                _ => shape.len(),
            };
            (Just(shape), proptest::collection::vec(ext_isize(), n), Just(offset))
        })
        .boxed()
}

fn ext_slice() -> BoxedStrategy<SliceArg> {
    let bound = proptest::option::of(ext_isize());
    prop_oneof![
        2 => ext_isize().prop_map(SliceArg::Index),
        3 => (bound.clone(), bound, proptest::option::of(ext_isize()))
            .prop_map(|(start, stop, step)| SliceArg::Slice(Slice { start, stop, step })),
        1 => any::<u128>().prop_map(|magnitude| SliceArg::WideIndex { negative: magnitude % 2 == 0, magnitude: magnitude | (1 << 100) }),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

/// Bytes `[low, high)` a layout reaches, exactly (axes of length 1 never move).
fn model_extent(shape: &[usize], strides: &[isize], offset: isize, itemsize: usize) -> Option<(i128, i128)> {
    if shape.contains(&0) {
        return None;
    }
    let (mut low, mut high) = (offset as i128, offset as i128);
    for (&d, &s) in shape.iter().zip(strides) {
        if d > 1 {
            let span = s as i128 * (d as i128 - 1);
            if span < 0 { low += span } else { high += span }
        }
    }
    Some((low, high + itemsize as i128))
}

/// NumPy's size rule: itemsize × Π(non-zero dims) <= isize::MAX, 64 axes.
fn model_fits(shape: &[usize], itemsize: usize) -> bool {
    if shape.len() > 64 || itemsize == 0 {
        return false;
    }
    let mut n = itemsize as u128;
    for &d in shape {
        if d != 0 {
            n = n.saturating_mul(d as u128);
        }
    }
    n <= isize::MAX as u128
}

fn model_size(shape: &[usize]) -> u128 {
    shape.iter().fold(1u128, |a, &d| a.saturating_mul(d as u128))
}

/// The element positions of a layout in C order (for small sizes).
fn model_positions(shape: &[usize], strides: &[isize], offset: isize, itemsize: usize) -> Vec<i128> {
    let mut out = Vec::new();
    if shape.contains(&0) {
        return out;
    }
    let mut index = vec![0usize; shape.len()];
    loop {
        let mut pos = offset as i128;
        for ((&i, &s), &d) in index.iter().zip(strides).zip(shape) {
            if d > 1 {
                pos += i as i128 * s as i128;
            }
        }
        out.push(pos / itemsize as i128);
        let mut axis = shape.len();
        loop {
            if axis == 0 {
                return out;
            }
            axis -= 1;
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
}

/// Python's `slice.indices(len)` and the count, in i128 (no overflow at all).
fn model_indices(s: &Slice, len: usize) -> (i128, i128, i128, i128) {
    let len = len as i128;
    let step = s.step.unwrap_or(1).max(-isize::MAX) as i128;
    let start = s.start.map(|x| x as i128).unwrap_or(if step < 0 { isize::MAX as i128 } else { 0 });
    let stop =
        s.stop.map(|x| x as i128).unwrap_or(if step < 0 { isize::MIN as i128 } else { isize::MAX as i128 });
    let adjust = |x: i128| {
        if x < 0 {
            let x = x + len;
            if x < 0 { if step < 0 { -1 } else { 0 } } else { x }
        } else if x >= len {
            if step < 0 { len - 1 } else { len }
        } else {
            x
        }
    };
    let (start, stop) = (adjust(start), adjust(stop));
    let n = if step < 0 {
        if stop < start { (start - stop - 1) / -step + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, step, n)
}

/// Whether copying `size` elements is safe to try here: small, or so large
/// that the allocator refuses at once (no multi-gigabyte memset in a test).
fn safe_to_allocate(size: usize, itemsize: usize) -> bool {
    let bytes = size as u128 * itemsize as u128;
    bytes <= 1 << 20 || bytes >= 1 << 40
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

#[test]
fn layout_new_over_the_whole_input_space() {
    let itemsizes = prop_oneof![
        Just(1usize),
        Just(2),
        Just(4),
        Just(8),
        Just(16),
        Just(0),
        Just(3),
        Just(usize::MAX),
        any::<usize>()
    ];
    run(
        "Layout::new",
        3000,
        (ext_layout(), itemsizes, ext_usize()),
        |((shape, strides, offset), itemsize, len)| {
            let given = Given::default().all(&shape).all(&strides).with(offset).with(itemsize).with(len);
            if let Err(Error::OutOfBuffer { low, high, .. }) =
                Layout::new(&shape, &strides, offset, itemsize, len)
            {
                assert_eq!(Some((low, high)), model_extent(&shape, &strides, offset, itemsize));
            }
            let Some(l) =
                hostile("Layout::new", &given, || Layout::new(&shape, &strides, offset, itemsize, len))
            else {
                return;
            };
            assert!(model_fits(&shape, itemsize) && shape.len() == strides.len());
            assert!(len as u128 * itemsize as u128 <= isize::MAX as u128);
            if let Some((low, high)) = model_extent(&shape, &strides, offset, itemsize) {
                assert!(low >= 0 && high as u128 <= len as u128 * itemsize as u128, "{l:?}");
                assert_eq!(l.byte_extent(), Some((low as usize, high as usize)));
            }
            let (size, es) = calm("size/elem_strides", || (l.size(), l.elem_strides()));
            assert_eq!(size as u128, model_size(&shape));
            assert_eq!(es.len(), shape.len());
            calm("flags", || (l.is_c_contiguous(), l.is_f_contiguous()));
        },
    );
}

#[test]
fn fresh_layouts_and_constructors() {
    run(
        "constructors",
        2000,
        (ext_shape(), ext_usize(), any::<i64>(), any::<i64>()),
        |(shape, n, low, high)| {
            let given = Given::default().all(&shape).with(n).with(low).with(high);
            for itemsize in [1, 8, 0] {
                if let Some(l) = hostile("Layout::try_c_order", &given.clone().with(itemsize), || {
                    Layout::try_c_order(&shape, itemsize)
                }) {
                    assert!(model_fits(&shape, itemsize));
                    // Each stride is itemsize × the product of the later non-zero axes.
                    let mut step = itemsize as i128;
                    for (&d, &s) in shape.iter().zip(l.strides()).rev() {
                        assert_eq!(s as i128, step);
                        if d != 0 {
                            step *= d as i128;
                        }
                    }
                }
                if hostile("Layout::try_f_order", &given.clone().with(itemsize), || {
                    Layout::try_f_order(&shape, itemsize)
                })
                .is_some()
                {
                    assert!(model_fits(&shape, itemsize));
                }
            }
            let size = model_size(&shape);
            let small_or_huge = size <= 4096 || size >= 1 << 40;
            if small_or_huge {
                if let Some(z) = hostile("Array::try_zeros", &given, || Array::<i64>::try_zeros(&shape)) {
                    assert_eq!(z.shape(), &shape[..]);
                    assert!(z.iter().all(|&x| x == 0));
                    assert_eq!(z.nbytes() as u128, size * 8);
                }
                if let Some(r) =
                    hostile("Generator::integers", &given, || default_rng(1).integers(low, high, &shape))
                {
                    assert_eq!(r.shape(), &shape[..]);
                    assert!(r.iter().all(|&x| x >= low && x < high));
                }
                if let Some(r) =
                    hostile("Generator::try_random", &given, || default_rng(1).try_random(&shape))
                {
                    assert!(r.iter().all(|&x| (0.0..1.0).contains(&x)));
                }
            }
            if small_or_huge || size > isize::MAX as u128 {
                let data: Vec<u8> = if size <= 4096 { vec![7; size as usize] } else { vec![] };
                if let Some(a) = hostile("Array::from_vec", &given, || Array::from_vec(data.clone(), &shape))
                {
                    assert_eq!(a.size(), data.len());
                }
            }
            if (n <= 4096 || n >= 1 << 40)
                && let Some(a) = hostile("Array::try_arange", &given, || Array::try_arange(n))
            {
                assert_eq!(a.size(), n);
                assert!(a.iter().enumerate().all(|(i, &x)| x == i as i64));
            }
        },
    );
}

#[test]
fn views_over_a_buffer_and_everything_done_to_them() {
    let strategy = (
        ext_layout(),
        0usize..40,
        proptest::collection::vec(ext_slice(), 0..4),
        proptest::collection::vec(ext_isize(), 0..4),
    );
    run(
        "ArrayView::from_parts and its methods",
        1500,
        strategy,
        |((shape, strides, offset), len, args, newshape)| {
            let buffer: Vec<i64> = (0..len as i64).collect();
            let given = Given::default().all(&shape).all(&strides).with(offset).with(len).all(&newshape);
            let Some(v) = hostile("ArrayView::from_parts", &given, || {
                ArrayView::from_parts(&buffer, &shape, &strides, offset)
            }) else {
                return;
            };
            let size = v.size();
            if size <= 512 {
                let expected: Vec<i64> =
                    model_positions(&shape, &strides, offset, 8).into_iter().map(|p| p as i64).collect();
                let got = hostile("to_vec", &given, || v.try_to_vec()).unwrap();
                assert_eq!(got, expected);
            }
            calm("internal_overlap", || v.internal_overlap());
            calm("nbytes", || assert_eq!(v.nbytes() as u128, size as u128 * 8));
            let _ = hostile("shares_memory", &given, || shares_memory(&v, &v));
            // Slicing with extreme arguments.
            let mut sliced_given = given.clone();
            for a in &args {
                if let SliceArg::WideIndex { magnitude, .. } = a {
                    sliced_given = sliced_given.with(magnitude);
                }
                if let SliceArg::Slice(s) = a {
                    for x in [s.start, s.stop, s.step].into_iter().flatten() {
                        sliced_given = sliced_given.with(x);
                    }
                }
                if let SliceArg::Index(i) = a {
                    sliced_given = sliced_given.with(i);
                }
            }
            if let Some(w) = hostile("slice", &sliced_given, || v.slice(&args)) {
                if w.size() <= 512 {
                    let got = hostile("slice to_vec", &given, || w.try_to_vec()).unwrap();
                    assert_eq!(got.len(), w.size());
                    assert!(got.iter().all(|x| buffer.contains(x)));
                }
                calm("slice internal_overlap", || w.internal_overlap());
            }
            // Reshapes, copies and ravels, of any size.
            if let Some(r) = hostile("reshape", &given, || v.reshape(&newshape)) {
                assert_eq!(r.view().size(), size);
            }
            let _ = hostile("reshape [-1]", &given, || v.reshape([-1]).map(|r| r.is_view()));
            if safe_to_allocate(size, 8) {
                if let Some(c) = hostile("try_copy", &given, || v.try_copy_order(Order::K)) {
                    assert_eq!(c.size(), size);
                }
                let _ = hostile("try_ravel", &given, || v.try_ravel_order(Order::F).map(|r| r.view().size()));
                let _ = hostile("try_flatten", &given, || v.try_flatten().map(|f| f.size()));
            }
            calm("transpose", || v.t().size());
            let _ = hostile("swapaxes", &given, || v.swapaxes(0, -1).map(|w| w.size()));
            let _ = hostile("try_to_ndarray", &given, || v.try_to_ndarray().map(|n| n.len()));
            let _ = hostile("as_strided", &given, || v.as_strided(&shape, &strides).map(|w| w.size()));
            calm("describe", || v.describe());
            if v.ndim() <= 8 {
                calm("Display", || v.to_string());
                calm("to_html", || v.to_html());
            }
        },
    );
}

#[test]
fn writable_views_never_reach_an_element_twice() {
    let strategy = (ext_layout(), 0usize..40);
    run("ArrayViewMut::from_parts", 2000, strategy, |((shape, strides, offset), len)| {
        let mut buffer: Vec<i64> = (0..len as i64).collect();
        let given = Given::default().all(&shape).all(&strides).with(offset).with(len);
        let small = model_size(&shape) <= 512;
        let result = catch_unwind(AssertUnwindSafe(|| {
            ArrayViewMut::from_parts(&mut buffer, &shape, &strides, offset).map(|v| v.size())
        }))
        .unwrap_or_else(|_| panic!("ArrayViewMut::from_parts panicked"));
        let duplicates = || {
            let mut p = model_positions(&shape, &strides, offset, 8);
            p.sort_unstable();
            p.windows(2).any(|w| w[0] == w[1])
        };
        match result {
            Ok(_) => {
                count(true);
                if small {
                    assert!(!duplicates(), "a writable view reaches an element twice");
                }
            }
            Err(e) => {
                assert_clear(&e, &given, "ArrayViewMut::from_parts");
                if let (Error::InternalOverlap { .. }, true) = (&e, small) {
                    assert!(duplicates(), "refused as overlapping, but it is not: {e}");
                }
                count(false);
            }
        }
    });
}

#[test]
fn slice_indices_for_any_length() {
    let strategy = (
        ext_usize(),
        proptest::option::of(ext_isize()),
        proptest::option::of(ext_isize()),
        proptest::option::of(ext_isize()),
    );
    run("Slice::indices", 5000, strategy, |(len, start, stop, step)| {
        let s = Slice { start, stop, step };
        let given =
            Given::default().with(len).all(&[start, stop, step].into_iter().flatten().collect::<Vec<_>>());
        let got = hostile("Slice::indices", &given, || s.indices(len));
        match got {
            None => assert!(step == Some(0) || len > isize::MAX as usize),
            Some((a, b, c, n)) => {
                assert!(len <= isize::MAX as usize);
                assert_eq!((a as i128, b as i128, c as i128, n as i128), model_indices(&s, len));
            }
        }
    });
}

#[test]
fn integer_indices_never_wrap() {
    run("indices", 3000, (0usize..5, any::<u128>(), any::<i128>(), ext_usize()), |(len, wide, signed, u)| {
        let a = Array::arange(len);
        let given = Given::default().with(wide).with(signed).with(u).with(len);
        // s![...] with any integer type keeps the value.
        let got = hostile("slice(s![u128])", &given, || a.slice(s![(wide)]).map(|v| *v.get(&[]).unwrap()));
        assert_eq!(got, if wide < len as u128 { Some(wide as i64) } else { None });
        let got = hostile("slice(s![i128])", &given, || a.slice(s![(signed)]).map(|v| *v.get(&[]).unwrap()));
        let expected = if (0..len as i128).contains(&signed) {
            Some(signed as i64)
        } else if (-(len as i128)..0).contains(&signed) {
            Some(len as i64 + signed as i64)
        } else {
            None
        };
        assert_eq!(got, expected);
        // a[[usize]] reads element u, or panics naming u.
        let read = catch_unwind(AssertUnwindSafe(|| a[[u]]));
        match read {
            Ok(x) => {
                assert!(u < len);
                assert_eq!(x, u as i64);
                count(true);
            }
            Err(p) => {
                let msg = p.downcast_ref::<String>().cloned().unwrap_or_default();
                assert!(u >= len && msg.contains(&format!("index {u} is out of bounds")), "{msg}");
                count(false);
            }
        }
    });
}

#[test]
fn huge_broadcast_views_reshape_and_copy_without_abort() {
    run("huge views", 400, (ext_usize(), ext_usize(), ext_isize()), |(n, m, new)| {
        let x = Array::from_vec(vec![5_i64, 6], [2]).unwrap();
        let given = Given::default().with(n).with(m).with(new);
        let Some(v) = hostile("as_strided", &given, || x.as_strided([n, m], [0, 0])) else {
            return;
        };
        let size = v.size();
        let _ = hostile("reshape", &given, || v.reshape([new, -1]).map(|r| r.view().size()));
        if safe_to_allocate(size, 8) {
            let _ = hostile("reshape copy", &given, || v.t().reshape([-1]).map(|r| r.view().size()));
            let _ = hostile("try_copy", &given, || v.try_copy().map(|c| c.size()));
            let _ = hostile("try_to_vec", &given, || v.try_to_vec().map(|c| c.len()));
        }
        calm("nbytes", || assert_eq!(v.nbytes() as u128, size as u128 * 8));
    });
}

#[test]
fn exact_searches_on_hard_layouts_return() {
    // Overlap-free layouts of many axes, whose exact search takes time
    // exponential in the number of axes: as_strided_mut answers within its
    // bound, either proven overlap-free or refused as undecided.
    TALLY.with(|t| t.set((0, 0, 0)));
    // Proven overlap-free, overlapping, undecided within the bound.
    let mut outcomes = [0u32; 3];
    for n in [8usize, 12, 16, 22, 30, 40, 62] {
        for stride_of in [
            |k: usize| 10_007 + 79 * k as isize * (k as isize + 3),
            |k: usize| (1isize << k.min(16)) + 1,
            |k: usize| (k as isize + 1) * 1049,
            // Powers of 3: every element once (base-3 digits 0 and 1).
            |k: usize| 3isize.saturating_pow(k as u32).min(1 << 40),
        ] {
            // Byte strides over a u8 buffer that holds every element.
            let shape = vec![2usize; n];
            let strides: Vec<isize> = (0..n).map(stride_of).collect();
            let span: isize = strides.iter().sum::<isize>() + 1;
            if span > 1 << 26 {
                continue; // (powers of 3 beyond 16 axes)
            }
            let mut buffer = vec![0u8; span as usize];
            let given = Given::default().all(&shape).all(&strides);
            let res = hostile("ArrayViewMut::from_parts (hard)", &given, || {
                ArrayViewMut::from_parts(&mut buffer, &shape, &strides, 0).map(|v| v.size())
            });
            if let Some(size) = res {
                assert_eq!(size, 1 << n);
            }
            match ArrayViewMut::from_parts(&mut buffer, &shape, &strides, 0) {
                Ok(_) => outcomes[0] += 1,
                Err(Error::InternalOverlap { .. }) => outcomes[1] += 1,
                Err(Error::InternalOverlapUndecided { max_work: Some(w), .. }) => {
                    assert_eq!(w, ndview::DEFAULT_MAX_WORK);
                    outcomes[2] += 1;
                }
                Err(e) => panic!("unexpected {e}"),
            }
            let v = ArrayView::from_parts(&buffer, &shape, &strides, 0).unwrap();
            calm("internal_overlap (hard)", || v.internal_overlap());
            let _ = hostile("shares_memory (hard)", &given, || shares_memory(&v, &v.slice(s![1:]).unwrap()));
        }
    }
    // Diagrams of NumPy's hard problem (three axes of 1049): every strip
    // cell's search is bounded, so the picture comes back at once.
    #[cfg(feature = "svg")]
    {
        let n = 1049usize;
        let buffer = vec![0u8; n * n + 1 + (n - 1) * (n + 1) + n];
        let strides = [(n * n + 1) as isize, (n + 1) as isize, 1];
        let a = ArrayView::from_parts(&buffer, [2, n, n], strides, 0).unwrap();
        let b = a.slice(s![:, 1:, ::2]).unwrap();
        let svg = calm("diagram::pair (hard)", || ndview::diagram::pair(&a, &b));
        assert!(svg.starts_with("<svg"));
    }
    eprintln!("hard as_strided_mut: {outcomes:?} (proven free, overlapping, undecided)");
    assert!(outcomes.iter().all(|&k| k > 0), "{outcomes:?}");
    let (c, o, e) = TALLY.with(|t| t.get());
    eprintln!("hostile tally hard searches: {c} calls, {o} Ok and checked, {e} Err and clear, 0 panics");
}

#[test]
fn named_examples_of_the_issue() {
    // Each class of the issue once, by name.
    let e = Array::<i64>::try_zeros([0, usize::MAX, usize::MAX]).unwrap_err();
    assert!(e.to_string().starts_with("array is too big; `arr.size * arr.dtype.itemsize` is larger"));
    assert!(e.to_string().contains("(0, 18446744073709551615, 18446744073709551615)"));
    assert!(Array::<i64>::try_zeros([usize::MAX, usize::MAX, 0]).is_err());
    assert!(Array::from_vec(Vec::<i64>::new(), [0, 1 << 63]).is_err());
    assert!(Layout::new(&[0, 1 << 63], &[8, 8], 0, 8, 0).is_err());
    assert!(default_rng(0).integers(0, 10, [0, 1 << 63]).is_err());
    assert!(Layout::new(&[2], &[8], 0, 0, 4).is_err()); // itemsize 0: an error, no division
    assert!(Layout::try_c_order(&[4, 1 << 62], 8).is_err());
    assert!(Array::try_arange(usize::MAX).unwrap_err().to_string().contains("18446744073709551615"));
    let x = Array::arange(12).into_shape([3, 4]).unwrap();
    assert!(!x.slice(s![:, ::(1i64 << 60)]).unwrap().internal_overlap());
    let mut y = Array::<u8>::zeros([4]);
    assert!(y.as_strided_mut([2, 1, 2], [1, isize::MIN, 2]).is_ok());
    let deep = Layout::try_c_order(&[1; 65], 8).unwrap_err();
    assert_eq!(deep.to_string(), "maximum supported dimension for an ndarray is currently 64, found 65");
    let e = default_rng(0).integers(0, 10, [1 << 40]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Unable to allocate 8.00 TiB for an array with shape (1099511627776,) and data type int64"
    );
    let wide = Layout::c_order(&[3], 16);
    let msg = ArrayView::with_layout(x.buffer(), wide).unwrap_err().to_string();
    assert!(msg.contains("must equal"), "{msg}");
    let mut z = Array::<i64>::zeros([3]);
    z.assign(&Array::from_vec(vec![4], [1]).unwrap()).unwrap();
    assert_eq!(z.to_vec(), [4, 4, 4]);
    assert_eq!(
        z.assign(&Array::arange(2)).unwrap_err().to_string(),
        "could not broadcast input array from shape (2,) into shape (3,)"
    );
    let e = Array::arange(3).slice(s![(u64::MAX)]).unwrap_err();
    assert_eq!(e.to_string(), "index 18446744073709551615 is out of bounds for axis 0 with size 3");
    let e = Layout::new(&[2], &[isize::MAX - 7], 0, 8, 4).unwrap_err().to_string();
    assert!(e.contains("9223372036854775800") && e.contains("strides (9223372036854775800,)"), "{e}");
    let html = Array::from_vec(vec![f64::NAN, 1e20], [2]).unwrap().to_html();
    assert!(html.contains("<td>nan</td>") && html.contains("<td>1.e+20</td>"), "{html}");
}
