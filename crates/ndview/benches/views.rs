//! Views cost the same whatever the array's size; copies cost its size.
//!
//! `cargo bench -p ndview` measures ndview and ndarray side by side, on the
//! seed's `big`, a 1000×10 000 `i64` array (80 MB), and on a 3-d array of
//! the same size. ndarray reads the same memory as ndview (an `ArrayView`
//! of ndview's buffer, which `arange` allocates as NumPy does, in huge pages
//! when large); each copy is a new array:
//!
//! | group             | operation (NumPy)                          | ndarray's call                                  |
//! |-------------------|--------------------------------------------|-------------------------------------------------|
//! | `view`            | `big[::2, ::2]`                            | `slice(s![..;2, ..;2])` on `Array2` and `ArrayD` |
//! | `copy_step2`      | `big[::2, ::2].copy()` (20 MB out)         | `to_owned()` (C order for a strided view)       |
//! | `copy_reversed`   | `big[::-1, ::-1].copy()`                   | `as_standard_layout().into_owned()`             |
//! | `copy_transpose`  | `big.T.copy()` (C order)                   | `as_standard_layout().into_owned()`, and `zeros` + `assign` |
//! | `copy_permuted`   | `a3.transpose(2, 0, 1).copy()`, `a3` 100×200×500 | as for the transpose                      |
//! | `copy_contiguous` | `big.copy()`                               | `to_owned()` (a `memcpy`)                       |
//! | `floor`           | `copy_from_slice` of 80 MB into memory already touched; a new 80 MB array written once in each 4 KiB page and dropped, which takes its page faults and copies nothing (`fresh_pages`); reading the cache lines of `[::2, ::2]` without copying (`read_step2`); and one reading of the clock, `Instant::now()` then `elapsed()` (`clock`) | — |
//! | `sweep`           | a contiguous 1-d copy of 10³ … 10⁸ bytes, the floor, and ndview's view `[::2]`, at each size | `to_owned()` |
//!
//! For `[::-1, ::-1]` and the transposes ndarray's `to_owned()` keeps the
//! source's memory order (it copies the memory as it is, negative or
//! column-major strides and all), which is not the result NumPy's and
//! ndview's `copy()` give; the benchmark times the calls that give the same
//! C-order result, and also `to_owned()` for `[::-1, ::-1]` so the
//! difference is visible.
//!
//! Compare the numbers within one run, as ratios; `cargo xtask bench` adds
//! NumPy to the same table.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ndarray::{Array2, Array3, ArrayView1, ArrayView2, ArrayView3, IxDyn, s as nd_s};
use ndview::{Array, s};

const ROWS: usize = 1000;
const COLS: usize = 10_000;
/// The 3-d array: 100×200×500 `i64`, 80 MB, copied with its axes permuted
/// to (2, 0, 1).
const SHAPE3: [usize; 3] = [100, 200, 500];

/// The byte sizes of the sweep, 10³ to 10⁸, three points a decade: one
/// number a line in `sweep-bytes.txt`, which `cargo xtask bench` reads too.
fn sweep_bytes() -> Vec<usize> {
    include_str!("sweep-bytes.txt").lines().map(|l| l.parse().expect("a byte count")).collect()
}

/// The source arrays: ndview's `arange` (allocated as NumPy allocates, with
/// huge pages when large), and ndarray views of the very same buffer, so
/// that both libraries copy from the same memory.
fn big() -> Array<i64> {
    Array::arange(ROWS * COLS).into_shape([ROWS as isize, COLS as isize]).unwrap()
}

fn views(c: &mut Criterion) {
    let big = big();
    let fixed = ArrayView2::from_shape((ROWS, COLS), big.buffer()).unwrap();
    let dynamic = fixed.into_shape_with_order(IxDyn(&[ROWS, COLS])).unwrap();
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
    let big = big();
    let fixed = ArrayView2::from_shape((ROWS, COLS), big.buffer()).unwrap();

    let mut group = c.benchmark_group("copy_step2");
    group.sample_size(20);
    group.bench_function("ndview", |b| b.iter(|| black_box(&big).slice(s![::2, ::2]).unwrap().copy()));
    group.bench_function("ndarray", |b| b.iter(|| black_box(&fixed).slice(nd_s![..;2, ..;2]).to_owned()));
    group.finish();

    let mut group = c.benchmark_group("copy_reversed");
    group.sample_size(10);
    group.bench_function("ndview", |b| b.iter(|| black_box(&big).slice(s![::-1, ::-1]).unwrap().copy()));
    group.bench_function("ndarray", |b| {
        b.iter(|| black_box(&fixed).slice(nd_s![..;-1, ..;-1]).as_standard_layout().into_owned())
    });
    group.bench_function("ndarray to_owned", |b| {
        b.iter(|| black_box(&fixed).slice(nd_s![..;-1, ..;-1]).to_owned())
    });
    group.finish();

    let mut group = c.benchmark_group("copy_transpose");
    group.sample_size(10);
    group.bench_function("ndview", |b| b.iter(|| black_box(&big).t().copy()));
    group.bench_function("ndarray", |b| b.iter(|| black_box(&fixed).t().as_standard_layout().into_owned()));
    group.bench_function("ndarray assign", |b| {
        b.iter(|| {
            let mut out = Array2::<i64>::zeros((COLS, ROWS));
            out.assign(&black_box(&fixed).t());
            out
        })
    });
    group.finish();

    let [d0, d1, d2] = SHAPE3;
    let a3 = Array::arange(d0 * d1 * d2).into_shape(SHAPE3.map(|d| d as isize)).unwrap();
    let n3 = ArrayView3::from_shape((d0, d1, d2), a3.buffer()).unwrap();
    let mut group = c.benchmark_group("copy_permuted");
    group.sample_size(10);
    group.bench_function("ndview", |b| b.iter(|| black_box(&a3).transpose([2, 0, 1]).unwrap().copy()));
    group.bench_function("ndarray", |b| {
        b.iter(|| black_box(&n3).permuted_axes([2, 0, 1]).as_standard_layout().into_owned())
    });
    group.bench_function("ndarray assign", |b| {
        b.iter(|| {
            let mut out = Array3::<i64>::zeros((d2, d0, d1));
            out.assign(&black_box(&n3).permuted_axes([2, 0, 1]));
            out
        })
    });
    group.finish();

    let mut group = c.benchmark_group("copy_contiguous");
    group.sample_size(10);
    group.bench_function("ndview", |b| b.iter(|| black_box(&big).copy()));
    group.bench_function("ndarray", |b| b.iter(|| black_box(&fixed).to_owned()));
    group.finish();

    let src = big.buffer();
    // Memory already touched (and, like every large ndview buffer, in huge pages).
    let mut dst = big.copy().into_raw_vec();
    let mut group = c.benchmark_group("floor");
    group.sample_size(10);
    group.bench_function("copy_from_slice", |b| {
        b.iter(|| {
            dst.copy_from_slice(black_box(src));
            black_box(&dst);
        })
    });
    // What a new 80 MB array costs before anything is copied into it: its
    // page faults, in which the kernel maps and zeroes each page, taken by
    // one write to every 4 KiB page of `zeros` (fresh pages, advised to be
    // huge, as every copy's buffer is), and giving it back when it is
    // dropped, as every copy here does.
    group.bench_function("fresh_pages", |b| {
        b.iter(|| {
            let mut fresh = Array::<i64>::zeros([ROWS * COLS]).into_raw_vec();
            fresh.iter_mut().step_by(4096 / 8).for_each(|x| *x = 1);
            black_box(fresh)
        })
    });
    // What one reading of the clock costs, as Listing 6-1 reads it: a
    // timestamp and at once the time elapsed since.
    group.bench_function("clock", |b| b.iter(|| black_box(Instant::now()).elapsed()));
    // What `[::2, ::2]` must read, and nothing else: one element of every
    // cache line of the even rows (the odd elements share those lines).
    group.bench_function("read_step2", |b| {
        b.iter(|| {
            let mut seen = 0i64;
            for row in black_box(src).chunks_exact(COLS).step_by(2) {
                for &x in row.iter().step_by(8) {
                    seen ^= x;
                }
            }
            black_box(seen)
        })
    });
    group.finish();
}

/// A contiguous copy into a new array at each size, the floor (the same
/// bytes copied into memory already touched), and making the view `[::2]`
/// of the same array, which does not depend on its size.
fn sweep(c: &mut Criterion) {
    let mut group = c.benchmark_group("sweep");
    for bytes in sweep_bytes() {
        let n = bytes / 8;
        if bytes >= 10_000_000 {
            group.sample_size(10);
            group.warm_up_time(Duration::from_millis(500));
        }
        let a = Array::arange(n);
        let nd = ArrayView1::from(a.buffer());
        let src = a.buffer();
        let mut dst = a.copy().into_raw_vec();
        group.bench_with_input(BenchmarkId::new("ndview", bytes), &a, |b, a| b.iter(|| black_box(a).copy()));
        group.bench_with_input(BenchmarkId::new("ndarray", bytes), &nd, |b, a| {
            b.iter(|| black_box(a).to_owned())
        });
        group.bench_with_input(BenchmarkId::new("view", bytes), &a, |b, a| {
            b.iter(|| black_box(black_box(a).slice(s![::2]).unwrap()).offset())
        });
        group.bench_function(BenchmarkId::new("floor", bytes), |b| {
            b.iter(|| {
                dst.copy_from_slice(black_box(src));
                black_box(&dst);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, views, copies, sweep);
criterion_main!(benches);
