use ndview::Array;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;

    let above = a.gt(2)?;
    let below = a.lt(9)?;
    // `&&` is for two bools, and a mask is not a bool
    let between = above && below;
    println!("{between}");
    // ANCHOR_END: cell
    Ok(())
}
