use ndarray::Array;

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let arr = Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;
    let transposed = arr.t();
    println!("ndarray strides:    {:?} (elements)", arr.strides());
    println!("transposed strides: {:?} (elements)", transposed.strides());

    let bytes = size_of::<i64>() as isize;
    let in_bytes: Vec<isize> = arr.strides().iter().map(|s| s * bytes).collect();
    println!("in bytes, as NumPy: {in_bytes:?}");
    // ANCHOR_END: cell
    Ok(())
}
