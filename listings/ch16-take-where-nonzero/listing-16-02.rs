use ndview::{Array, ix};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;
    let fives = a.mapv(|x| x % 5 == 0);

    // nonzero: one index array per axis, the positions where the mask is true
    let nz = fives.nonzero()?;
    let (rows, cols) = (nz.get(0), nz.get(1));
    println!("rows: {rows}  cols: {cols}");
    println!("a[rows, cols]: {}", a.select(ix![&rows, &cols])?);

    // argwhere: the same positions, one row each
    println!("np.argwhere(fives):\n{}", fives.argwhere());

    // compress: the slices along an axis where a 1-d condition is true
    println!(
        "np.compress([True, False, True], a, axis=0):\n{}",
        a.compress([true, false, true], Some(0))?
    );
    // ANCHOR_END: cell
    Ok(())
}
