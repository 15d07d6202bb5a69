//! Property tests of advanced indexing against a brute-force model.
//!
//! The model knows nothing of strides or of NumPy's machinery. It expands
//! the index (booleans into their `nonzero`, `...` into whole axes),
//! broadcasts the index arrays, places the index axes by NumPy's rule, and
//! then builds the result **element by element**: for every result position
//! it works out the source position axis by axis. The source holds
//! `0, 1, 2, …`, so an element's value is its source position. Assignments
//! are modelled the same way: the set of source positions reached, with
//! multiplicities (`add_at` adds once per occurrence, `+=` once per
//! position, `=` writes the last value in C order).
//!
//! A second group throws random, often invalid, indices at every entry point:
//! an `Err` is fine, a panic is not.

use ndview::{Array, CowArray, IndexItem, Slice, TakeMode};
use proptest::prelude::*;

/// An index entry as the tests generate it.
#[derive(Debug, Clone)]
enum It {
    Int(isize),
    Slice(Option<isize>, Option<isize>, Option<isize>),
    NewAxis,
    Ellipsis,
    Ints(Vec<usize>, Vec<i64>),
    Bools(Vec<usize>, Vec<bool>),
}

fn to_items(items: &[It]) -> Vec<IndexItem<'static>> {
    items
        .iter()
        .map(|it| match it {
            It::Int(i) => IndexItem::Index(*i),
            It::Slice(a, b, c) => IndexItem::Slice(Slice { start: *a, stop: *b, step: *c }),
            It::NewAxis => IndexItem::NewAxis,
            It::Ellipsis => IndexItem::Ellipsis,
            It::Ints(shape, v) => {
                IndexItem::IntArray(CowArray::Owned(Array::from_vec(v.clone(), shape).unwrap()))
            }
            It::Bools(shape, v) => {
                IndexItem::BoolArray(CowArray::Owned(Array::from_vec(v.clone(), shape).unwrap()))
            }
        })
        .collect()
}

/// One entry of the expanded index.
#[derive(Debug, Clone)]
enum E {
    Int(usize),
    /// The source indices the slice keeps.
    Slice(Vec<usize>),
    NewAxis,
    /// `...` standing for these axes (kept, even when empty: it separates).
    Ellipsis(Vec<usize>),
    /// An index array: shape and values, already in range.
    Fancy(Vec<usize>, Vec<usize>),
}

/// What the model predicts for `source[index]`.
#[derive(Debug, PartialEq)]
struct Predicted {
    shape: Vec<usize>,
    /// For every result element in C order, the source position it reads.
    positions: Vec<usize>,
}

fn c_indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![vec![]];
    for &d in shape {
        out = out.into_iter().flat_map(|p| (0..d).map(move |i| [p.clone(), vec![i]].concat())).collect();
    }
    out
}

fn slice_keep(a: Option<isize>, b: Option<isize>, c: Option<isize>, len: usize) -> Option<Vec<usize>> {
    let (len, step) = (len as i64, c.unwrap_or(1) as i64);
    if step == 0 {
        return None;
    }
    let fix = |x: Option<isize>, default: i64, low: i64, high: i64| match x {
        None => default,
        Some(x) => {
            let x = x as i64;
            (if x < 0 { x + len } else { x }).clamp(low, high)
        }
    };
    let mut kept = Vec::new();
    if step > 0 {
        let (mut i, stop) = (fix(a, 0, 0, len), fix(b, len, 0, len));
        while i < stop {
            kept.push(i as usize);
            i += step;
        }
    } else {
        let (mut i, stop) = (fix(a, len - 1, -1, len - 1), fix(b, -1, -1, len - 1));
        while i > stop {
            kept.push(i as usize);
            i += step;
        }
    }
    Some(kept)
}

fn broadcast(shapes: &[Vec<usize>]) -> Option<Vec<usize>> {
    let nd = shapes.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = vec![1; nd];
    for s in shapes {
        for (k, &d) in s.iter().enumerate() {
            let o = &mut out[nd - s.len() + k];
            if d != 1 {
                if *o == 1 {
                    *o = d;
                } else if *o != d {
                    return None;
                }
            }
        }
    }
    Some(out)
}

/// The value of a broadcast index array at result index `b`.
fn at_broadcast(shape: &[usize], values: &[usize], b: &[usize]) -> usize {
    let skip = b.len() - shape.len();
    let mut flat = 0;
    for (k, &d) in shape.iter().enumerate() {
        flat = flat * d + if d == 1 { 0 } else { b[skip + k] };
    }
    values[flat]
}

/// The model: `None` where NumPy raises.
fn model(shape: &[usize], items: &[It]) -> Option<Predicted> {
    // Expand, counting axes; a 0-d boolean is not generated here.
    if items.iter().filter(|i| matches!(i, It::Ellipsis)).count() > 1 {
        return None;
    }
    let used: usize = items
        .iter()
        .map(|i| match i {
            It::Int(_) | It::Slice(..) | It::Ints(..) => 1,
            It::Bools(s, _) => s.len(),
            _ => 0,
        })
        .sum();
    if used > shape.len() {
        return None;
    }
    let single_mask = items.len() == 1 && matches!(&items[0], It::Bools(s, _) if s == shape);
    let mut entries = Vec::new();
    let mut axis = 0;
    let mut pending_ints = Vec::new(); // (entry, raw values, axis) checked later
    let mut has_ellipsis = false;
    for it in items {
        match it {
            It::Ellipsis => {
                has_ellipsis = true;
                let n = shape.len() - used;
                entries.push(E::Ellipsis((axis..axis + n).collect()));
                axis += n;
            }
            It::NewAxis => entries.push(E::NewAxis),
            It::Int(i) => {
                let len = shape[axis] as isize;
                let i = if *i < 0 { i + len } else { *i };
                if i < 0 || i >= len {
                    return None;
                }
                entries.push(E::Int(i as usize));
                axis += 1;
            }
            It::Slice(a, b, c) => {
                entries.push(E::Slice(slice_keep(*a, *b, *c, shape[axis])?));
                axis += 1;
            }
            It::Ints(s, v) => {
                pending_ints.push((entries.len(), v.clone(), shape[axis]));
                entries.push(E::Fancy(s.clone(), vec![]));
                axis += 1;
            }
            It::Bools(s, v) => {
                for (k, &d) in s.iter().enumerate() {
                    if d != shape[axis + k] {
                        return None;
                    }
                }
                let picked: Vec<Vec<usize>> =
                    c_indices(s).into_iter().zip(v).filter(|(_, b)| **b).map(|(i, _)| i).collect();
                for k in 0..s.len() {
                    entries.push(E::Fancy(vec![picked.len()], picked.iter().map(|i| i[k]).collect()));
                }
                axis += s.len();
            }
        }
    }
    if !has_ellipsis {
        entries.push(E::Ellipsis((axis..shape.len()).collect()));
    }
    let fancy_shapes: Vec<Vec<usize>> =
        entries.iter().filter_map(|e| if let E::Fancy(s, _) = e { Some(s.clone()) } else { None }).collect();
    let bshape = if fancy_shapes.is_empty() { None } else { Some(broadcast(&fancy_shapes)?) };
    // Index values: checked only when the index shape is not empty.
    let checking = bshape.as_ref().is_some_and(|b| !b.contains(&0));
    for (e, raw, len) in pending_ints {
        let mut vals = Vec::new();
        for v in raw {
            let v = if v < 0 { v + len as i64 } else { v };
            if v < 0 || v >= len as i64 {
                if checking {
                    return None;
                }
                vals.push(0);
            } else {
                vals.push(v as usize);
            }
        }
        if let E::Fancy(_, values) = &mut entries[e] {
            *values = vals;
        }
    }
    // Basic dims, and where the index axes go.
    let advanced = |e: &E| matches!(e, E::Fancy(..) | E::Int(_));
    let first = entries.iter().position(advanced);
    let last = entries.iter().rposition(advanced);
    let consecutive = match (first, last) {
        (Some(f), Some(l)) => entries[f..=l].iter().all(advanced),
        _ => true,
    };
    let mut before = Vec::new(); // (entry index, dim) of the basic dims
    let mut after = Vec::new();
    for (k, e) in entries.iter().enumerate() {
        let dims: Vec<(usize, usize, usize)> = match e {
            E::Slice(kept) => vec![(k, 0, kept.len())],
            E::NewAxis => vec![(k, 0, 1)],
            E::Ellipsis(axes) => axes.iter().enumerate().map(|(j, &a)| (k, j, shape[a])).collect(),
            _ => vec![],
        };
        let goes_before = bshape.is_some() && consecutive && first.is_some_and(|f| k < f);
        if goes_before || bshape.is_none() { before.extend(dims) } else { after.extend(dims) }
    }
    let b = bshape.clone().unwrap_or_default();
    let rshape: Vec<usize> = if bshape.is_none() {
        before.iter().map(|d| d.2).collect()
    } else if consecutive {
        before.iter().map(|d| d.2).chain(b.iter().copied()).chain(after.iter().map(|d| d.2)).collect()
    } else {
        b.iter().copied().chain(after.iter().map(|d| d.2)).collect()
    };
    let nb = before.len();
    let nf = if bshape.is_some() { b.len() } else { 0 };
    let mut positions = Vec::new();
    for r in c_indices(&rshape) {
        // Split the result index into basic indices and the index position.
        let (bidx, basic): (Vec<usize>, Vec<usize>) = if bshape.is_none() {
            (vec![], r.clone())
        } else if consecutive {
            (r[nb..nb + nf].to_vec(), [&r[..nb], &r[nb + nf..]].concat())
        } else {
            (r[..nf].to_vec(), r[nf..].to_vec())
        };
        let all_basic: Vec<(usize, usize, usize)> = before.iter().chain(after.iter()).copied().collect();
        let mut src = vec![0usize; shape.len()];
        let mut axis = 0;
        for (k, e) in entries.iter().enumerate() {
            let mine = |j: usize| {
                let pos = all_basic.iter().position(|d| d.0 == k && d.1 == j).unwrap();
                basic[pos]
            };
            match e {
                E::Int(i) => {
                    src[axis] = *i;
                    axis += 1;
                }
                E::Slice(kept) => {
                    src[axis] = kept[mine(0)];
                    axis += 1;
                }
                E::NewAxis => {}
                E::Ellipsis(axes) => {
                    for j in 0..axes.len() {
                        src[axis] = mine(j);
                        axis += 1;
                    }
                }
                E::Fancy(s, v) => {
                    src[axis] = at_broadcast(s, v, &bidx);
                    axis += 1;
                }
            }
        }
        let mut flat = 0;
        for (&i, &d) in src.iter().zip(shape) {
            flat = flat * d + i;
        }
        positions.push(flat);
    }
    let _ = single_mask;
    Some(Predicted { shape: rshape, positions })
}

fn source(shape: &[usize]) -> Array<i64> {
    let n: usize = shape.iter().product();
    Array::from_vec((0..n as i64).collect(), shape).unwrap()
}

fn item() -> impl Strategy<Value = It> {
    let int_array = prop_oneof![
        (0usize..4)
            .prop_flat_map(|n| prop::collection::vec(-4i64..5, n).prop_map(move |v| It::Ints(vec![n], v))),
        (1usize..3, 1usize..3).prop_flat_map(|(r, c)| {
            prop::collection::vec(-4i64..5, r * c).prop_map(move |v| It::Ints(vec![r, c], v))
        }),
    ];
    let bools = prop_oneof![
        (0usize..5).prop_flat_map(
            |n| prop::collection::vec(any::<bool>(), n).prop_map(move |v| It::Bools(vec![n], v))
        ),
        (0usize..4, 0usize..4).prop_flat_map(|(r, c)| {
            prop::collection::vec(any::<bool>(), r * c).prop_map(move |v| It::Bools(vec![r, c], v))
        }),
    ];
    let bound = prop::option::of(-5isize..6);
    let step = prop::option::of(prop_oneof![-3isize..0, 1isize..4]);
    prop_oneof![
        (-4isize..5).prop_map(It::Int),
        (bound.clone(), bound, step).prop_map(|(a, b, c)| It::Slice(a, b, c)),
        Just(It::NewAxis),
        Just(It::Ellipsis),
        int_array,
        bools,
    ]
}

/// Raw material for one entry: a kind, a number, values, a count.
type Raw = (u8, i64, Vec<i64>, Vec<bool>, usize);

/// An index fitted to `shape` from raw material: mostly entries that fit
/// the axis they meet (in-range integers, masks of the axis' length), some
/// that do not.
fn fit(shape: &[usize], raw: Vec<Raw>, wild: Vec<It>) -> Vec<It> {
    let mut items = Vec::new();
    let mut axis = 0;
    for (kind, n, values, bools, count) in raw {
        let len = shape.get(axis).copied().unwrap_or(1).max(1) as i64;
        let fitted = |v: i64| v.rem_euclid(2 * len) - len; // in -len..len
        let item = match kind % 8 {
            0 => It::Int(fitted(n) as isize),
            1 => It::Slice(Some((n % 4) as isize), None, Some(if n % 2 == 0 { 1 } else { -1 })),
            2 => It::NewAxis,
            3 => It::Ellipsis,
            4 | 5 => {
                let k = count % 4;
                It::Ints(
                    vec![k],
                    values.iter().take(k).map(|&v| fitted(v)).chain(std::iter::repeat(0)).take(k).collect(),
                )
            }
            6 => {
                let (r, c) = (count % 2 + 1, count % 3 + 1);
                let v: Vec<i64> =
                    (0..r * c).map(|i| fitted(values.get(i).copied().unwrap_or(i as i64))).collect();
                It::Ints(vec![r, c], v)
            }
            _ => {
                let d = shape.get(axis).copied().unwrap_or(0);
                if count % 3 == 0 && axis + 1 < shape.len() {
                    let e = shape[axis + 1];
                    let v: Vec<bool> = (0..d * e)
                        .map(|i| bools.get(i % bools.len().max(1)).copied().unwrap_or(true))
                        .collect();
                    axis += 1;
                    It::Bools(vec![d, e], v)
                } else {
                    let v: Vec<bool> = (0..d).map(|i| bools.get(i).copied().unwrap_or(i % 2 == 0)).collect();
                    It::Bools(vec![d], v)
                }
            }
        };
        if !matches!(item, It::NewAxis | It::Ellipsis) {
            axis += 1;
        }
        items.push(item);
    }
    items.extend(wild);
    items
}

fn case() -> impl Strategy<Value = (Vec<usize>, Vec<It>)> {
    let raw = (
        any::<u8>(),
        any::<i64>(),
        prop::collection::vec(any::<i64>(), 0..6),
        prop::collection::vec(any::<bool>(), 0..8),
        0usize..12,
    );
    let wild = prop::collection::vec(item(), 0..2).prop_map(|w| if w.len() == 1 { w } else { vec![] });
    (prop::collection::vec(0usize..4, 0..=3), prop::collection::vec(raw, 0..4), wild).prop_map(
        |(shape, raw, wild)| {
            let items = fit(&shape, raw, wild);
            (shape, items)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Shapes and values of `a[index]` are the model's, element by element.
    #[test]
    fn select_agrees_with_the_model((shape, items) in case()) {
        let a = source(&shape);
        let got = a.select(to_items(&items));
        match (model(&shape, &items), got) {
            (None, Ok(r)) => prop_assert!(false, "model raises, ndview gave {:?}", r.shape()),
            (None, Err(_)) => {}
            (Some(p), Err(e)) => prop_assert!(false, "model gives {:?}, ndview raised {e}", p.shape),
            (Some(p), Ok(r)) => {
                prop_assert_eq!(r.shape(), &p.shape[..]);
                let want: Vec<i64> = p.positions.iter().map(|&x| x as i64).collect();
                prop_assert_eq!(r.to_vec(), want);
            }
        }
    }

    /// `a[index] = v` reaches exactly the model's elements; the last write
    /// wins in C order of the result.
    #[test]
    fn assignment_reaches_the_models_elements((shape, items) in case()) {
        let Some(p) = model(&shape, &items) else { return Ok(()) };
        let mut a = Array::<i64>::zeros(&shape[..]);
        let n = p.positions.len();
        let values = Array::from_vec((1..=n as i64).collect(), &p.shape[..]).unwrap();
        a.assign_at(to_items(&items), &values).unwrap();
        let mut want = vec![0i64; a.size()];
        for (k, &pos) in p.positions.iter().enumerate() {
            want[pos] = k as i64 + 1;
        }
        prop_assert_eq!(a.to_vec(), want);
    }

    /// `+=` adds once per element reached, `add_at` once per occurrence.
    #[test]
    fn repeated_indices_follow_the_buffered_and_unbuffered_rules((shape, items) in case()) {
        let Some(p) = model(&shape, &items) else { return Ok(()) };
        let mut buffered = Array::<i64>::zeros(&shape[..]);
        buffered.add_assign_at(to_items(&items), 1).unwrap();
        let mut unbuffered = Array::<i64>::zeros(&shape[..]);
        unbuffered.add_at(to_items(&items), 1).unwrap();
        let mut once = vec![0i64; buffered.size()];
        let mut every = vec![0i64; buffered.size()];
        for &pos in &p.positions {
            once[pos] = 1;
            every[pos] += 1;
        }
        prop_assert_eq!(buffered.to_vec(), once);
        prop_assert_eq!(unbuffered.to_vec(), every);
    }

    /// Writing into the result of an advanced index leaves the source alone.
    #[test]
    fn the_result_is_a_copy((shape, items) in case()) {
        let a = source(&shape);
        if let Ok(CowArray::Owned(mut r)) = a.at(to_items(&items)) {
            r.map_inplace(|x| *x = -1);
            prop_assert_eq!(a.to_vec(), source(&shape).to_vec());
            prop_assert!(!ndview::shares_memory(&a, &r).unwrap());
        }
    }

    /// Any index, any value: an answer or an error, never a panic.
    #[test]
    fn random_indices_never_panic(
        (shape, items) in case(),
        wild in prop::collection::vec((any::<i64>(), any::<bool>()), 0..4),
        value_len in 0usize..4,
        axis in prop::option::of(-4isize..4),
    ) {
        let mut items = items;
        for (v, b) in wild {
            items.push(if b { It::Int(v as isize) } else { It::Ints(vec![1], vec![v]) });
        }
        let index = to_items(&items);
        let mut a = source(&shape);
        let _ = a.at(&index);
        let value = Array::from_vec((0..value_len as i64).collect(), [value_len]).unwrap();
        let _ = a.assign_at(&index, &value);
        let _ = a.add_assign_at(&index, &value);
        let _ = a.add_at(&index, &value);
        let _ = a.add_at(&index, 3);
        let flat: Vec<i64> = (0..value_len as i64).map(|x| x * 7 - 9).collect();
        for mode in [TakeMode::Raise, TakeMode::Wrap, TakeMode::Clip] {
            let _ = a.take(flat.clone(), axis, mode);
        }
        let _ = a.compress(vec![true; value_len], axis);
        let _ = a.nonzero();
        let _ = a.argwhere();
        let _ = ndview::where_(&a.gt(2).unwrap(), &a, &value);
    }
}

/// The generator mostly makes valid indices, with index arrays among them,
/// so the model comparisons above are not vacuous.
#[test]
fn most_generated_indices_are_valid_and_advanced() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut valid, mut advanced) = (0, 0);
    for _ in 0..1000 {
        let (shape, items) = case().new_tree(&mut runner).unwrap().current();
        if model(&shape, &items).is_some() {
            valid += 1;
            if items.iter().any(|i| matches!(i, It::Ints(..) | It::Bools(..))) {
                advanced += 1;
            }
        }
    }
    assert!(valid > 300 && advanced > 150, "{valid} valid, {advanced} advanced of 1000");
}
