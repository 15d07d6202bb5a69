use ndview::{Array, ArrayView, ArrayViewMut, s};

/// Reads a view: the signature promises not to change anything.
fn total(v: ArrayView<'_, i64>) -> i64 {
    v.iter().sum()
}

/// Writes through a view: the signature says so, and so must the caller.
fn zero_diagonal(mut v: ArrayViewMut<'_, i64>) {
    let n = v.shape()[0].min(v.shape()[1]);
    for i in 0..n {
        v[[i, i]] = 0;
    }
}

fn main() -> Result<(), ndview::Error> {
    let mut data = Array::arange(16).into_shape([4, 4])?;

    println!("sum of the centre: {}", total(data.slice(s![1:3, 1:3])?));

    zero_diagonal(data.slice_mut(s![1:3, 1:3])?); // `_mut`: mutation is explicit
    println!("{data}");
    Ok(())
}
