use ndview::{Array, s};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let mut data = Array::arange(12).into_shape([3, 4])?;
    println!("Original array:\n {data}");

    // Create a view
    let view = data.slice(s![1:, :3])?;
    println!("\nView (slice):\n {view}");

    // Create a copy
    let copy = data.slice(s![1:, :3])?.copy();
    println!("\nCopy:\n {copy}");

    // Modify the view and see what happens
    let mut view = data.slice_mut(s![1:, :3])?;
    view[[0, 0]] = 999;
    println!("\nModified view:");
    println!("{view}");
    println!("\nOriginal array after view modification:");
    println!("{data}");
    // ANCHOR_END: cell
    Ok(())
}
