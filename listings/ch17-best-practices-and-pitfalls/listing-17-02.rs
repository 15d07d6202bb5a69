use ndview::Array;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;

    // `&&` is for two bools, and a mask is not a bool
    let between = a.gt(2)? && a.lt(9)?;
    println!("{between}");
    // ANCHOR_END: cell
    Ok(())
}
