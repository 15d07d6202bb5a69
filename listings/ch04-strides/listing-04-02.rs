use ndview::Array;

fn main() -> Result<(), ndview::Error> {
    let arr = Array::arange(12).into_shape([3, 4])?;

    // ANCHOR: cell
    let transposed = arr.t();
    println!("Transposed array:\n {transposed}");
    println!("Shape: {:?}", transposed.shape());
    println!("Strides: {:?}", transposed.strides());
    // ANCHOR_END: cell
    Ok(())
}
