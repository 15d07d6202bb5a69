//! Views cost the same whatever the array's size; copies cost its size.
//!
//! `cargo bench -p ndview` measures, on a 1000×10 000 `i64` array (80 MB),
//! taking every second row and column (`[::2, ::2]`):
//!
//! * `view/…`: making the view, with ndview and with ndarray (both its
//!   fixed-dimension `Array2` and its dynamic-dimension `ArrayD`, which is
//!   what ndview is: any number of axes);
//! * `copy/…`: copying it into new memory.
//!
//! Compare the numbers within one run, as ratios; `cargo xtask bench` adds
//! NumPy to the same table.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::{Array2, ArrayD, IxDyn, s as nd_s};
use ndview::{Array, s};

const ROWS: usize = 1000;
const COLS: usize = 10_000;

fn arrays() -> (Array<i64>, Array2<i64>, ArrayD<i64>) {
    let values: Vec<i64> = (0..(ROWS * COLS) as i64).collect();
    let ndview = Array::from_vec(values.clone(), [ROWS, COLS]).unwrap();
    let fixed = Array2::from_shape_vec((ROWS, COLS), values.clone()).unwrap();
    let dynamic = ArrayD::from_shape_vec(IxDyn(&[ROWS, COLS]), values).unwrap();
    (ndview, fixed, dynamic)
}

fn views(c: &mut Criterion) {
    let (big, fixed, dynamic) = arrays();
    let mut group = c.benchmark_group("view");
    group.bench_function("ndview", |b| {
        b.iter(|| black_box(black_box(&big).slice(s![::2, ::2]).unwrap()).offset())
    });
    group.bench_function("ndarray Array2", |b| {
        b.iter(|| black_box(black_box(&fixed).slice(nd_s![..;2, ..;2])).len())
    });
    group.bench_function("ndarray ArrayD", |b| {
        b.iter(|| black_box(black_box(&dynamic).slice(nd_s![..;2, ..;2])).len())
    });
    group.finish();
}

fn copies(c: &mut Criterion) {
    let (big, fixed, _) = arrays();
    let mut group = c.benchmark_group("copy");
    group.sample_size(20);
    group.bench_function("ndview", |b| b.iter(|| black_box(&big).slice(s![::2, ::2]).unwrap().copy()));
    group.bench_function("ndarray Array2", |b| {
        b.iter(|| black_box(&fixed).slice(nd_s![..;2, ..;2]).to_owned())
    });
    group.finish();
}

criterion_group!(benches, views, copies);
criterion_main!(benches);
