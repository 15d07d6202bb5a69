use ndarray::{Array, Axis};

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let data = Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;

    // A mask is an array of bool, made with mapv
    let mask = data.mapv(|x| x > 5);
    println!("mask:\n{mask}");

    // There is no indexing by a mask: filter the elements with an iterator
    let picked: Vec<i64> =
        data.iter().zip(&mask).filter_map(|(&x, &m)| m.then_some(x)).collect();
    println!("\ndata[data > 5]: {picked:?}");

    // Masks of bool combine with &, |, ^ and !
    let both = &data.mapv(|x| x > 2) & &data.mapv(|x| x < 9);
    let not = !&mask;
    println!("(data > 2) & (data < 9):\n{both}\n~(data > 5):\n{not}");

    // Rows by a 1-d mask: the positions where it is true, then select
    let rows: Vec<usize> = data
        .column(0)
        .iter()
        .enumerate()
        .filter_map(|(i, &x)| (x > 2).then_some(i))
        .collect();
    println!("\na[a[:, 0] > 2]:\n{}", data.select(Axis(0), &rows));
    // ANCHOR_END: cell
    Ok(())
}
