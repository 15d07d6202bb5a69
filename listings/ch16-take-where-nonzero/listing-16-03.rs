use ndview::{Array, where_};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;

    // where_(cond, x, y): x where cond is true, y elsewhere
    println!("np.where(a > 5, a, 0):\n{}", where_(&a.gt(5)?, &a, 0)?);
    let even = a.mapv(|x| x % 2 == 0);
    let minus = a.mapv(|x| -x);
    println!("np.where(a % 2 == 0, a, -a):\n{}", where_(&even, &a, &minus)?);

    // The three broadcast together: one value per row
    let per_row = Array::from_vec(vec![100, 200, 300], [3, 1])?;
    println!("np.where(a > 5, per_row, a):\n{}", where_(&a.gt(5)?, &per_row, &a)?);
    // ANCHOR_END: cell
    Ok(())
}
