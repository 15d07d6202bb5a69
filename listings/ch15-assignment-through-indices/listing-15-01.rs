use ndview::{Array, ix};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let mut a = Array::arange(12).into_shape([3, 4])?;

    // Assignment through a mask writes into a itself
    let big = a.gt(8)?;
    a.assign_at(ix![&big], 0)?;
    println!("after a[a > 8] = 0:\n{a}");

    // The value is broadcast to the shape the index selects: (2, 2) here
    a.assign_at(ix![[0, 2], 1:3], [-1, -2])?;
    println!("\nafter a[[0, 2], 1:3] = [-1, -2]:\n{a}");

    // A value that does not broadcast is an error, and nothing is written
    if let Err(e) = a.assign_at(ix![[0, 1]], [1, 2, 3]) {
        println!("\n{}: {e}", e.numpy_type());
    }
    // ANCHOR_END: cell
    Ok(())
}
