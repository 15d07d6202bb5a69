use ndarray::{Array, Axis, Zip, array};

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let a = Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;

    // np.take(a, [3, 0], axis=1): select
    println!("a.select(Axis(1), &[3, 0]):\n{}", a.select(Axis(1), &[3, 0]));

    // np.argwhere(a % 5 == 0): the indices of the elements that pass
    let positions: Vec<(usize, usize)> =
        a.indexed_iter().filter(|(_, x)| **x % 5 == 0).map(|(ij, _)| ij).collect();
    println!("\npositions of multiples of 5: {positions:?}");

    // np.where(a > 5, a, 0): a new array, element by element
    let kept = a.mapv(|x| if x > 5 { x } else { 0 });
    println!("\nwhere(a > 5, a, 0):\n{kept}");

    // np.where(a > 5, per_row, a): Zip broadcasts the (3, 1) column
    let per_row = array![[100], [200], [300]];
    let mixed = Zip::from(&a)
        .and_broadcast(&per_row)
        .map_collect(|&x, &p| if x > 5 { p } else { x });
    println!("\nwhere(a > 5, per_row, a):\n{mixed}");
    // ANCHOR_END: cell
    Ok(())
}
