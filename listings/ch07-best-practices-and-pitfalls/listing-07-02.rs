use ndview::{Array, s, shares_memory};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let mut data = Array::arange(12).into_shape([3, 4])?;

    // Keep what you need as a copy: it does not change with `data`.
    let snapshot = data.slice(s![1:, :3])?.copy();
    println!("isolated: {}", !shares_memory(&data, &snapshot)?);

    data[[1, 0]] = 999; // fine: nothing borrows `data` now

    println!("snapshot:\n{snapshot}");
    println!("data:\n{data}");
    // ANCHOR_END: cell
    Ok(())
}
