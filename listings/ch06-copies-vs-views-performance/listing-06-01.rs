use std::time::Instant;

use ndview::{Array, s};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let big = Array::arange(10_000_000).into_shape([1000, 10_000])?;

    let start = Instant::now();
    let x = big.slice(s![::2, ::2])?; // view
    let elapsed_view = start.elapsed();

    let start = Instant::now();
    let y = big.slice(s![::2, ::2])?.copy(); // copy
    let elapsed_copy = start.elapsed();

    println!("View creation time: {:.6} s", elapsed_view.as_secs_f64());
    println!("Copy creation time: {:.6} s", elapsed_copy.as_secs_f64());
    // ANCHOR_END: cell
    // ANCHOR: memory
    println!("View: shape {:?}, owns data: {}", x.shape(), x.owns_data());
    println!(
        "Copy: shape {:?}, owns data: {}, bytes: {}",
        y.shape(),
        y.owns_data(),
        y.nbytes()
    );
    // ANCHOR_END: memory
    Ok(())
}
