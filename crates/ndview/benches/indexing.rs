//! Advanced indexing on a 1000×10 000 `i64` array (80 MB): the two
//! operations of the book's Section 2 benchmark.
//!
//! * `mask/…`: boolean-mask selection of every third element (NumPy:
//!   `big[big % 3 == 0]`), the mask built with `mapv` and then used, and the
//!   selection alone;
//! * `take/…`: `take` of 5 000 random columns (NumPy: `np.take(big, cols,
//!   axis=1)`), and the same with `select(ix![:, &cols])`.
//!
//! `cargo xtask bench` adds NumPy and ndarray to the same table.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ndview::{Array, TakeMode, ix, random::default_rng};

const ROWS: usize = 1000;
const COLS: usize = 10_000;

fn big() -> Array<i64> {
    Array::from_vec((0..(ROWS * COLS) as i64).collect(), [ROWS, COLS]).unwrap()
}

fn mask(c: &mut Criterion) {
    let big = big();
    let m = big.mapv(|x| x % 3 == 0);
    let mut group = c.benchmark_group("mask");
    group.sample_size(20);
    group.bench_function("ndview mapv + select", |b| {
        b.iter(|| {
            let m = black_box(&big).mapv(|x| x % 3 == 0);
            black_box(big.select(ix![&m]).unwrap()).size()
        })
    });
    group.bench_function("ndview select", |b| {
        b.iter(|| black_box(big.select(ix![black_box(&m)]).unwrap()).size())
    });
    group.finish();
}

fn take(c: &mut Criterion) {
    let big = big();
    let cols = default_rng(7).integers(0, COLS as i64, [5000]).unwrap();
    let mut group = c.benchmark_group("take");
    group.sample_size(20);
    group.bench_function("ndview take", |b| {
        b.iter(|| black_box(big.take(black_box(&cols), Some(1), TakeMode::Raise).unwrap()).size())
    });
    group.bench_function("ndview select", |b| {
        b.iter(|| black_box(big.select(ix![:, black_box(&cols)]).unwrap()).size())
    });
    group.finish();
}

criterion_group!(benches, mask, take);
criterion_main!(benches);
