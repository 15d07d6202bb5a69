use ndview::{Array, ix, s};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let mut a = Array::arange(12).into_shape([3, 4])?;

    // Meant: set the elements above 8 to zero. But a.select(...) is a new array...
    let mut big = a.select(ix![&a.gt(8)?])?;
    big.fill(0);
    println!("big: {big}");
    println!("a:\n{a}");

    // ...and so is the first half of a chain: the write goes into a temporary
    a.select(ix![&a.gt(8)?])?.assign_at(ix![0], 99)?;
    a.select(ix![[0, 1]])?.assign_at(ix![:, 0], -1)?;
    println!("\nafter the chained writes, a:\n{a}");

    // The index must be in the assignment itself: a.assign_at(index, value)
    let mask = a.gt(8)?;
    a.assign_at(ix![&mask], 0)?;
    println!("\nafter a[a > 8] = 0:\n{a}");

    // A basic index first is fine: a view of row 0, written through
    a.slice_mut(s![0])?.assign_at(ix![[1, 2]], 7)?;
    println!("\nafter a[0][[1, 2]] = 7:\n{a}");

    // big owns its memory: a changed, big did not, and the compiler let both live
    println!("\nbig: {big}");
    // ANCHOR_END: cell
    Ok(())
}
