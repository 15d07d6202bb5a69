use ndarray::{Array, Axis, Zip, array};

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let x = Array::from_iter(10..20_i64);
    // One axis, any positions, repeats allowed: `select`, which copies
    println!("x.select(Axis(0), &[3, 3, 1, 8]): {}", x.select(Axis(0), &[3, 3, 1, 8]));

    let a = Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;
    println!("\na.select(Axis(0), &[2, 0]):\n{}", a.select(Axis(0), &[2, 0]));

    // Pairs of positions (NumPy's a[rows, cols]): no method, so zip the two index arrays
    let (rows, cols) = (array![0, 2], array![1, 3]);
    let pairs = Zip::from(&rows).and(&cols).map_collect(|&i, &j| a[[i, j]]);
    println!("\na[[0, 2], [1, 3]]: {pairs}");

    // Rows against columns (NumPy's a[[[0], [2]], [1, 3]]): select twice
    let block = a.select(Axis(0), &[0, 2]).select(Axis(1), &[1, 3]);
    println!("\na[[[0], [2]], [1, 3]]:\n{block}");
    // ANCHOR_END: cell
    Ok(())
}
