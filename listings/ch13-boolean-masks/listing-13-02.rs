use ndview::{Array, ix, s};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;

    // A 1-d mask stands for one axis: here, which rows to keep
    let rows = a.slice(s![:, 0])?.gt(2)?;
    println!("rows: {rows}");
    println!("a[rows]:\n{}", a.select(ix![&rows])?);

    // ... or which columns, after a slice for the rows
    let cols = Array::from_vec(vec![true, false, true, false], [4])?;
    println!("\na[:, cols]:\n{}", a.select(ix![:, &cols])?);

    // A 2-d mask stands for both axes: it is its nonzero() index arrays
    let even = a.mapv(|x| x % 2 == 0);
    let nz = even.nonzero()?;
    println!("\nnp.nonzero(even): ({:?}, {:?})", nz.get(0), nz.get(1));
    println!("a[even]:            {}", a.select(ix![&even])?);
    println!("a[np.nonzero(even)]: {}", a.select(nz.index())?);

    // Its length must match the axis
    let short = Array::from_vec(vec![true, false], [2])?;
    if let Err(e) = a.select(ix![&short]) {
        println!("\n{}: {e}", e.numpy_type());
    }
    // ANCHOR_END: cell
    Ok(())
}
