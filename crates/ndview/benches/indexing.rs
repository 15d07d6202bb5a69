//! Advanced indexing on a 1000×10 000 `i64` array (80 MB): the operations
//! of the book's Section 2 benchmark, ndview and ndarray side by side.
//!
//! | group          | operation (NumPy)                      | ndview                          | ndarray's way                               |
//! |----------------|----------------------------------------|---------------------------------|---------------------------------------------|
//! | `mask`         | `big[big % 3 == 0]`                    | `mapv` for the mask, `select(ix![&m])` | `mapv` for the mask, then `iter().zip(&m)` and `filter_map` |
//! | `mask_select`  | `big[m]`, the mask already made        | `select(ix![&m])`               | `iter().zip(&m)` and `filter_map`           |
//! | `take`         | `np.take(big, cols, axis=1)`, 5 000 random columns | `take(&cols, Some(1), Raise)` | `select(Axis(1), &cols)`              |
//! | `fancy_columns`| `big[:, cols]`                         | `select(ix![:, &cols])`         | `select(Axis(1), &cols)`                    |
//!
//! ndarray has no boolean indexing: the mask is applied with an iterator,
//! which gives the picked elements in C order, as NumPy's `big[m]` does. Its
//! `select` is NumPy's `take` along one axis, with the index as `&[usize]`.
//! The columns are `default_rng(7).integers(0, 10_000, 5000)`, the same
//! numbers NumPy's `np.random.default_rng(7)` draws. `cargo xtask bench`
//! adds NumPy to the same table.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::{Array1, ArrayView2, Axis};
use ndview::{Array, TakeMode, ix, random::default_rng};

const ROWS: usize = 1000;
const COLS: usize = 10_000;

/// The seed's `big`, made as NumPy's `np.arange(10_000_000).reshape(1000, 10_000)`.
fn big() -> Array<i64> {
    Array::arange(ROWS * COLS).into_shape([ROWS as isize, COLS as isize]).unwrap()
}

/// ndarray's boolean selection: the elements where `m` is true, in C order.
fn nd_mask(a: &ArrayView2<'_, i64>, m: &ndarray::Array2<bool>) -> Array1<i64> {
    a.iter().zip(m).filter_map(|(&x, &keep)| keep.then_some(x)).collect()
}

fn mask(c: &mut Criterion) {
    let big = big();
    let nd = ArrayView2::from_shape((ROWS, COLS), big.buffer()).unwrap();
    let m = big.mapv(|x| x % 3 == 0);
    let nd_m = nd.mapv(|x| x % 3 == 0);

    let mut group = c.benchmark_group("mask");
    group.sample_size(20);
    group.bench_function("ndview", |b| {
        b.iter(|| {
            let m = black_box(&big).mapv(|x| x % 3 == 0);
            black_box(big.select(ix![&m]).unwrap()).size()
        })
    });
    group.bench_function("ndarray", |b| {
        b.iter(|| {
            let m = black_box(&nd).mapv(|x| x % 3 == 0);
            black_box(nd_mask(&nd, &m)).len()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("mask_select");
    group.sample_size(20);
    group.bench_function("ndview", |b| b.iter(|| black_box(big.select(ix![black_box(&m)]).unwrap()).size()));
    group.bench_function("ndarray", |b| b.iter(|| black_box(nd_mask(&nd, black_box(&nd_m))).len()));
    group.finish();
}

fn take(c: &mut Criterion) {
    let big = big();
    let nd = ArrayView2::from_shape((ROWS, COLS), big.buffer()).unwrap();
    let cols = default_rng(7).integers(0, COLS as i64, [5000]).unwrap();
    let nd_cols: Vec<usize> = cols.iter().map(|&c| c as usize).collect();

    let mut group = c.benchmark_group("take");
    group.sample_size(20);
    group.bench_function("ndview", |b| {
        b.iter(|| black_box(big.take(black_box(&cols), Some(1), TakeMode::Raise).unwrap()).size())
    });
    group.bench_function("ndarray", |b| b.iter(|| black_box(nd.select(Axis(1), black_box(&nd_cols))).len()));
    group.finish();

    let mut group = c.benchmark_group("fancy_columns");
    group.sample_size(20);
    group.bench_function("ndview", |b| {
        b.iter(|| black_box(big.select(ix![:, black_box(&cols)]).unwrap()).size())
    });
    group.bench_function("ndarray", |b| b.iter(|| black_box(nd.select(Axis(1), black_box(&nd_cols))).len()));
    group.finish();
}

criterion_group!(benches, mask, take);
criterion_main!(benches);
