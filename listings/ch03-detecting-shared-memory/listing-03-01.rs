use ndview::{Array, s, shares_memory};

fn main() -> Result<(), ndview::Error> {
    let mut data = Array::arange(12).into_shape([3, 4])?;
    let copy = data.slice(s![1:, :3])?.copy();
    data.slice_mut(s![1:, :3])?[[0, 0]] = 999;
    let view = data.slice(s![1:, :3])?;

    // ANCHOR: cell
    // Check memory sharing
    println!("View shares memory: {}", shares_memory(&data, &view)?);
    println!("Copy shares memory: {}", shares_memory(&data, &copy)?);

    // Another subtle case: flattening
    let flat_view = data.ravel(); // returns a view when possible
    let flat_copy = data.flatten(); // always returns a copy

    println!("\nRavel shares memory: {}", shares_memory(&data, &flat_view)?);
    println!("Flatten shares memory: {}", shares_memory(&data, &flat_copy)?);
    // ANCHOR_END: cell
    Ok(())
}
