use ndarray::{Array, Zip, array, s};

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let mut a = Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;

    // a[a > 8] = 0: a condition on each element, in place
    a.mapv_inplace(|x| if x > 8 { 0 } else { x });
    println!("after a[a > 8] = 0:\n{a}");

    // With a mask kept aside, Zip walks the two together
    let odd = a.mapv(|x| x % 2 == 1);
    Zip::from(&mut a).and(&odd).for_each(|x, &m| {
        if m {
            *x *= -1;
        }
    });
    println!("\nafter a[a % 2 == 1] *= -1:\n{a}");

    // a[[0, 2], 1:3] = [-1, -2]: one selected row at a time
    for i in [0, 2] {
        a.slice_mut(s![i, 1..3]).assign(&array![-1, -2]);
    }
    println!("\nafter a[[0, 2], 1:3] = [-1, -2]:\n{a}");

    // np.add.at(counts, [0, 0, 1], 1): the plain loop adds at every repeat
    let mut counts = Array::<i64, _>::zeros(4);
    for i in [0, 0, 1] {
        counts[i] += 1;
    }
    println!("\ncounts: {counts}");
    // ANCHOR_END: cell
    Ok(())
}
