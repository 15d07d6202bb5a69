//! Property tests against a brute-force model.
//!
//! The model knows nothing of strides: an array is its shape plus the list of
//! buffer positions of its elements in C order, and every operation picks
//! positions out of that list (a slice keeps the listed indices of an axis, a
//! transpose permutes the multi-index, a reshape keeps the list). ndview must
//! reach exactly those positions through its shape, strides and offset. The
//! base array holds `0, 1, 2, …`, so an element's value is its position.

use ndview::{Array, ArrayView, CowArray, Slice, SliceArg, may_share_memory, shares_memory};
use proptest::prelude::*;

/// An array as the model sees it.
#[derive(Debug, Clone)]
struct Model {
    shape: Vec<usize>,
    positions: Vec<usize>,
}

fn c_order_indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![vec![]];
    for &d in shape {
        out = out
            .into_iter()
            .flat_map(|prefix| (0..d).map(move |i| [prefix.clone(), vec![i]].concat()))
            .collect();
    }
    out
}

impl Model {
    fn at(&self, index: &[usize]) -> usize {
        let mut flat = 0;
        for (&i, &d) in index.iter().zip(&self.shape) {
            flat = flat * d + i;
        }
        self.positions[flat]
    }

    /// The indices a Python slice keeps of `0..len`, by walking it.
    fn slice_indices(s: &Slice, len: usize) -> Option<Vec<usize>> {
        let len = len as i64;
        let step = s.step.unwrap_or(1) as i64;
        if step == 0 {
            return None;
        }
        let resolve = |x: Option<isize>, default: i64, low: i64, high: i64| match x {
            None => default,
            Some(x) => {
                let x = x as i64;
                (if x < 0 { x + len } else { x }).clamp(low, high)
            }
        };
        let mut kept = Vec::new();
        if step > 0 {
            let (start, stop) = (resolve(s.start, 0, 0, len), resolve(s.stop, len, 0, len));
            let mut i = start;
            while i < stop {
                kept.push(i as usize);
                i += step;
            }
        } else {
            let (start, stop) = (resolve(s.start, len - 1, -1, len - 1), resolve(s.stop, -1, -1, len - 1));
            let mut i = start;
            while i > stop {
                kept.push(i as usize);
                i += step;
            }
        }
        Some(kept)
    }

    fn slice(&self, args: &[SliceArg]) -> Option<Model> {
        if args.len() > self.shape.len() {
            return None;
        }
        // Per axis: the parent indices kept, and whether the axis stays.
        let mut picks: Vec<(Vec<usize>, bool)> = Vec::new();
        for (axis, &len) in self.shape.iter().enumerate() {
            match args.get(axis) {
                None => picks.push(((0..len).collect(), true)),
                Some(SliceArg::Index(i)) => {
                    let i = if *i < 0 { *i + len as isize } else { *i };
                    if i < 0 || i >= len as isize {
                        return None;
                    }
                    picks.push((vec![i as usize], false));
                }
                Some(SliceArg::Slice(s)) => picks.push((Self::slice_indices(s, len)?, true)),
                Some(SliceArg::WideIndex { .. }) => return None, // out of bounds on every axis
            }
        }
        let shape: Vec<usize> = picks.iter().filter(|(_, keep)| *keep).map(|(p, _)| p.len()).collect();
        let sizes: Vec<usize> = picks.iter().map(|(p, _)| p.len()).collect();
        let positions = c_order_indices(&sizes)
            .iter()
            .map(|idx| {
                let parent: Vec<usize> = idx.iter().zip(&picks).map(|(&i, (p, _))| p[i]).collect();
                self.at(&parent)
            })
            .collect();
        Some(Model { shape, positions })
    }

    fn transpose(&self, perm: &[usize]) -> Model {
        let shape: Vec<usize> = perm.iter().map(|&p| self.shape[p]).collect();
        let positions = c_order_indices(&shape)
            .iter()
            .map(|idx| {
                let mut parent = vec![0; perm.len()];
                for (k, &p) in perm.iter().enumerate() {
                    parent[p] = idx[k];
                }
                self.at(&parent)
            })
            .collect();
        Model { shape, positions }
    }

    fn reshape(&self, shape: &[usize]) -> Model {
        Model { shape: shape.to_vec(), positions: self.positions.clone() }
    }
}

/// The positions ndview reaches, read back through the values of the base.
fn positions_of(v: &ArrayView<'_, i64>) -> Vec<usize> {
    c_order_indices(v.shape())
        .iter()
        .map(|idx| {
            let idx: Vec<isize> = idx.iter().map(|&i| i as isize).collect();
            *v.get(&idx).unwrap() as usize
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Op {
    Slice(Vec<SliceArg>),
    Transpose(Vec<usize>),
    Reshape(usize),
    Ravel,
}

fn slice_arg() -> impl Strategy<Value = SliceArg> {
    let bound = proptest::option::of(-7isize..8);
    prop_oneof![
        (-7isize..7).prop_map(SliceArg::Index),
        (bound.clone(), bound, proptest::option::of(-3isize..4))
            .prop_map(|(start, stop, step)| SliceArg::Slice(Slice { start, stop, step })),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => proptest::collection::vec(slice_arg(), 0..4).prop_map(Op::Slice),
        1 => Just(()).prop_perturb(|(), mut rng| {
            let n = 4usize;
            let mut perm: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                perm.swap(i, (rng.next_u32() as usize) % (i + 1));
            }
            perm
        }).prop_map(Op::Transpose),
        1 => (0usize..16).prop_map(Op::Reshape),
        1 => Just(Op::Ravel),
    ]
}

/// Shapes with `size` elements, ndview's way of writing them (one may be -1).
fn reshape_candidates(size: usize) -> Vec<Vec<isize>> {
    let s = size as isize;
    let mut out = vec![vec![s], vec![-1], vec![1, s], vec![s, 1], vec![1, -1, 1]];
    for a in 1..=size.max(1) {
        if size.is_multiple_of(a) {
            out.push(vec![a as isize, -1]);
            out.push(vec![-1, a as isize, 1]);
        }
    }
    if size == 0 {
        out.extend([vec![0, 3], vec![3, 0], vec![2, 0, 2]]);
    }
    out
}

fn resolved(shape: &[isize], size: usize) -> Vec<usize> {
    let known: usize = shape.iter().filter(|&&d| d >= 0).map(|&d| d as usize).product();
    shape.iter().map(|&d| if d < 0 { size / known.max(1) } else { d as usize }).collect()
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    /// Any chain of slices, transposes, reshapes and ravels reaches exactly the
    /// positions the model picks, and fails exactly where the model does.
    #[test]
    fn views_reach_what_the_model_picks(
        shape in proptest::collection::vec(0usize..5, 0..4),
        ops in proptest::collection::vec(op(), 1..4),
    ) {
        let size: usize = shape.iter().product();
        let base = Array::from_vec((0..size as i64).collect(), &shape).unwrap();
        let mut model = Model { shape: shape.clone(), positions: (0..size).collect() };
        // Each op reads the latest layout over the base; a chain ends at its
        // first copy, after checking the copy's values.
        let mut layout = base.layout().clone();
        for op in &ops {
            let v = ArrayView::with_layout(base.buffer(), layout.clone()).unwrap();
            match op {
                Op::Slice(args) => {
                    let expected = model.slice(args);
                    match (v.slice(args), expected) {
                        (Ok(got), Some(m)) => { layout = got.layout().clone(); model = m; }
                        (Err(_), None) => return Ok(()),
                        (got, m) => prop_assert!(false, "slice {args:?}: ndview {:?}, model {:?}", got.map(|g| g.shape().to_vec()), m),
                    }
                }
                Op::Transpose(perm) => {
                    let perm: Vec<usize> = perm.iter().copied().filter(|&p| p < v.ndim()).collect();
                    let axes: Vec<isize> = perm.iter().map(|&p| p as isize).collect();
                    layout = v.transpose(&axes).unwrap().layout().clone();
                    model = model.transpose(&perm);
                }
                Op::Reshape(choice) => {
                    let candidates = reshape_candidates(v.size());
                    let new = &candidates[choice % candidates.len()];
                    let r = v.reshape(new).unwrap();
                    let dims = resolved(new, v.size());
                    prop_assert_eq!(r.layout().shape(), &dims[..]);
                    model = model.reshape(&dims);
                    match r {
                        CowArray::View(r) => layout = r.layout().clone(),
                        CowArray::Owned(a) => {
                            // A copy holds the values in C order in a new buffer.
                            prop_assert_eq!(a.to_vec(), model.positions.iter().map(|&p| p as i64).collect::<Vec<_>>());
                            return Ok(());
                        }
                    }
                }
                Op::Ravel => {
                    let contiguous = v.is_c_contiguous();
                    let r = v.ravel();
                    prop_assert_eq!(r.is_view(), contiguous);
                    model = model.reshape(&[v.size()]);
                    match r {
                        CowArray::View(r) => layout = r.layout().clone(),
                        CowArray::Owned(a) => {
                            prop_assert_eq!(a.to_vec(), model.positions.iter().map(|&p| p as i64).collect::<Vec<_>>());
                            return Ok(());
                        }
                    }
                }
            }
            let now = ArrayView::with_layout(base.buffer(), layout.clone()).unwrap();
            prop_assert_eq!(now.shape(), &model.shape[..]);
            prop_assert_eq!(positions_of(&now), model.positions.clone());
            prop_assert_eq!(now.to_vec(), model.positions.iter().map(|&p| p as i64).collect::<Vec<_>>());
        }
    }

    /// `shares_memory` is exactly "some position is reached by both";
    /// `may_share_memory` never says no when they do; `internal_overlap` is
    /// exactly "some position is reached twice".
    #[test]
    fn overlap_agrees_with_address_sets(
        n in 1usize..40,
        a in (0usize..6, proptest::collection::vec((1usize..5, -3isize..4), 1..3)),
        b in (0usize..6, proptest::collection::vec((1usize..5, -3isize..4), 1..3)),
    ) {
        let base = Array::from_vec((0..n as i64).collect(), [n]).unwrap();
        // Views with any strides (checked against the buffer), from any start.
        let strided = |(start, dims): &(usize, Vec<(usize, isize)>)| {
            let shape: Vec<usize> = dims.iter().map(|d| d.0).collect();
            let strides: Vec<isize> = dims.iter().map(|d| d.1 * 8).collect();
            ArrayView::from_parts(base.buffer(), shape, strides, *start as isize * 8).ok()
        };
        let (Some(x), Some(y)) = (strided(&a), strided(&b)) else { return Ok(()) };
        let px = positions_of(&x);
        let py = positions_of(&y);
        let both = px.iter().any(|p| py.contains(p));
        prop_assert_eq!(shares_memory(&x, &y).unwrap(), both);
        if both {
            prop_assert!(may_share_memory(&x, &y));
        }
        let mut sorted = px.clone();
        sorted.sort_unstable();
        sorted.dedup();
        prop_assert_eq!(x.internal_overlap(), sorted.len() != px.len());
    }

    /// Printing never panics, whatever the values and shape.
    #[test]
    fn printing_never_panics(
        shape in proptest::collection::vec(0usize..12, 0..4),
        floats in proptest::collection::vec(prop_oneof![
            any::<f64>(),
            Just(f64::NAN), Just(f64::INFINITY), Just(-0.0), Just(1e-300), Just(1e300),
        ], 1..64),
        ints in proptest::collection::vec(any::<i64>(), 1..64),
        big in 0usize..3,
    ) {
        let mut shape = shape;
        if big == 2 {
            shape = vec![41, 29]; // more than 1000 elements: summarised
        }
        let size: usize = shape.iter().product();
        let f = Array::from_vec((0..size).map(|i| floats[i % floats.len()]).collect(), &shape).unwrap();
        let i = Array::from_vec((0..size).map(|k| ints[k % ints.len()]).collect(), &shape).unwrap();
        let b = Array::from_vec((0..size).map(|k| ints[k % ints.len()] % 2 == 0).collect(), &shape).unwrap();
        let u = Array::from_vec((0..size).map(|k| ints[k % ints.len()] as u8).collect(), &shape).unwrap();
        for text in [f.to_string(), format!("{f:?}"), i.to_string(), format!("{i:?}"),
                     b.to_string(), format!("{b:?}"), u.to_string(), format!("{u:?}")] {
            prop_assert!(!text.is_empty());
        }
    }
}
