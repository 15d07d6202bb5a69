use ndarray::{Array, ArrayRef2, Axis, Zip, s};

// ANCHOR: functions
/// Reads any 2-D array of i64: `&ArrayRef2` takes an owned array and a view alike.
fn total(v: &ArrayRef2<i64>) -> i64 {
    v.sum()
}

/// Writes through any writable 2-D array: the `&mut` says so.
fn zero_diagonal(v: &mut ArrayRef2<i64>) {
    let n = v.nrows().min(v.ncols());
    for i in 0..n {
        v[[i, i]] = 0;
    }
}
// ANCHOR_END: functions

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: main
    let mut data = Array::from_iter(0..16_i64).into_shape_with_order((4, 4))?;
    println!("sum of the centre: {}", total(&data.slice(s![1..3, 1..3])));
    println!("sum of all:        {}", total(&data));
    zero_diagonal(&mut data.slice_mut(s![1..3, 1..3]));

    // Two writable views at once, of parts that cannot overlap: `split_at`
    // cuts a view in two; `multi_slice_mut` checks the slices are disjoint.
    let (left, mut right) = data.view_mut().split_at(Axis(1), 2);
    right += &left; // columns 2, 3 += columns 0, 1
    let (mut evens, mut odds) = data.multi_slice_mut((s![..;2, ..], s![1..;2, ..]));
    Zip::from(&mut evens).and(&mut odds).for_each(std::mem::swap); // swap rows 0↔1, 2↔3
    println!("{data}");
    // ANCHOR_END: main
    Ok(())
}
