use ndview::Array;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let arr = Array::arange(12).into_shape([3, 4])?;
    println!("Array:\n {arr}");
    println!("Shape: {:?}", arr.shape());
    println!("Strides: {:?}", arr.strides());
    println!("Itemsize: {}", arr.itemsize());
    // ANCHOR_END: cell
    Ok(())
}
