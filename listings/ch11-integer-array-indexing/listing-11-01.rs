use ndview::{Array, ix};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let x = Array::from_vec((10..20).collect(), [10])?;
    println!("x: {x}");

    // Any positions, in any order, as often as you like
    println!("x[[3, 3, 1, 8]]: {}", x.select(ix![[3, 3, 1, 8]])?);

    // Negative positions count from the end, as for a single integer
    println!("x[[-1, -2]]: {}", x.select(ix![[-1, -2]])?);

    // The result has the shape of the index array
    let idx = Array::from_vec(vec![0, 1, 2, 3], [2, 2])?;
    println!("x[idx]:\n{}", x.select(ix![&idx])?);
    // ANCHOR_END: cell
    Ok(())
}
