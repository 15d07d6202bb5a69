use ndview::{Array, ix};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let data = Array::arange(12).into_shape([3, 4])?;

    // A comparison gives a mask: an array of booleans, one per element
    let mask = data.gt(5)?;
    println!("data > 5:\n{mask}");

    // Indexing with it keeps the elements where it is true, in a 1-d array
    println!("\ndata[data > 5]: {}", data.select(ix![&mask])?);

    // Combine masks with & (and), | (or), ^ (xor) and ! (not)
    let both = &data.gt(2)? & &data.lt(9)?;
    println!("data[(data > 2) & (data < 9)]: {}", data.select(ix![&both])?);
    let either = &data.lt(2)? | &data.gt(9)?;
    println!("data[(data < 2) | (data > 9)]: {}", data.select(ix![&either])?);
    println!("data[~(data > 5)]: {}", data.select(ix![&!&mask])?);
    // ANCHOR_END: cell
    Ok(())
}
