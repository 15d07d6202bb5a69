use ndarray::{Array, s};

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let mut data = Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;
    println!("Original array:\n{data}");

    // Create a view: `a..b` ranges, as in Rust
    let view = data.slice(s![1.., ..3]);
    println!("\nView (slice):\n{view}");

    // Create a copy
    let copy = data.slice(s![1.., ..3]).to_owned();
    println!("\nCopy:\n{copy}");

    // Modify the view and see what happens
    let mut view = data.slice_mut(s![1.., ..3]);
    view[[0, 0]] = 999;
    println!("\nModified view:\n{view}");
    println!("\nOriginal array after view modification:\n{data}");
    // ANCHOR_END: cell
    Ok(())
}
