use ndview::{Array, ix};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;
    println!("a:\n{a}");

    // One index array: whole rows
    println!("\na[[2, 0]]:\n{}", a.select(ix![[2, 0]])?);

    // Two index arrays are read in pairs: a[0, 1] and a[2, 3]
    println!("\na[[0, 2], [1, 3]]: {}", a.select(ix![[0, 2], [1, 3]])?);

    // Index arrays broadcast: a column of rows against a row of columns
    println!("\na[[[0], [2]], [1, 3]]:\n{}", a.select(ix![[[0], [2]], [1, 3]])?);

    // Two ways to get it wrong: a position past the end, and shapes that do not broadcast
    if let Err(e) = a.select(ix![[0, 3]]) {
        println!("\n{}: {e}", e.numpy_type());
    }
    if let Err(e) = a.select(ix![[0, 1], [0, 1, 2]]) {
        println!("{}: {e}", e.numpy_type());
    }
    // ANCHOR_END: cell
    Ok(())
}
