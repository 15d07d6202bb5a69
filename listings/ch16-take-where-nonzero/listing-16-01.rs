use ndview::{Array, TakeMode, ix, s};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;

    // Without an axis, take reads the flattened array
    println!("np.take(a, [0, 5, 11]): {}", a.take([0, 5, 11], None, TakeMode::Raise)?);

    // Along an axis it is a[:, [3, 0]], in a C-ordered new array
    let cols = a.take([3, 0], Some(1), TakeMode::Raise)?;
    println!("np.take(a, [3, 0], axis=1):\n{cols}");
    let fancy = a.select(ix![:, [3, 0]])?;
    println!(
        "strides: {:?} but a[:, [3, 0]] has {:?}",
        cols.strides(),
        fancy.strides()
    );

    // What happens to an index outside 0..4 is the mode's choice
    let row = a.slice(s![0])?;
    println!(
        "\nmode='wrap', [1, 5, -1]: {}",
        row.take([1, 5, -1], None, TakeMode::Wrap)?
    );
    println!(
        "mode='clip', [1, 5, -1]: {}",
        row.take([1, 5, -1], None, TakeMode::Clip)?
    );
    if let Err(e) = a.take([4], Some(1), TakeMode::Raise) {
        println!("mode='raise', [4]: {}: {e}", e.numpy_type());
    }
    // ANCHOR_END: cell
    Ok(())
}
