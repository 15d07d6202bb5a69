use std::time::Instant;

use ndarray::{Array, s};

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let big =
        Array::from_iter(0..10_000_000_i64).into_shape_with_order((1000, 10_000))?;

    let start = Instant::now();
    let x = big.slice(s![..;2, ..;2]); // view
    let elapsed_view = start.elapsed();

    let start = Instant::now();
    let y = big.slice(s![..;2, ..;2]).to_owned(); // copy
    let elapsed_copy = start.elapsed();

    println!("View creation time: {:.6} s", elapsed_view.as_secs_f64());
    println!("Copy creation time: {:.6} s", elapsed_copy.as_secs_f64());
    println!("View shape {:?}, copy shape {:?}", x.shape(), y.shape());
    // ANCHOR_END: cell
    Ok(())
}
