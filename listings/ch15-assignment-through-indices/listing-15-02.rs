use ndview::{Array, ix};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    // `+=` through an index with a repeat adds only once
    let mut counts = Array::<i64>::zeros([4]);
    counts.add_assign_at(ix![[0, 0, 1]], 1)?;
    println!("counts[[0, 0, 1]] += 1:          {counts}");

    // add_at (np.add.at) adds once per occurrence
    let mut counts = Array::<i64>::zeros([4]);
    counts.add_at(ix![[0, 0, 1]], 1)?;
    println!("np.add.at(counts, [0, 0, 1], 1): {counts}");

    // So add_at counts: a histogram of labels
    let labels = Array::from_vec(vec![2, 0, 2, 3, 2], [5])?;
    let mut hist = Array::<i64>::zeros([4]);
    hist.add_at(ix![&labels], 1)?;
    println!("histogram of {labels} : {hist}");

    // Plain assignment with a repeat: the last write wins
    let mut a = Array::<i64>::zeros([3]);
    a.assign_at(ix![[0, 0]], [1, 2])?;
    println!("a[[0, 0]] = [1, 2]: {a}");
    // ANCHOR_END: cell
    Ok(())
}
