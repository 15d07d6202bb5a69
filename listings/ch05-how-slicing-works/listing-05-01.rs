use ndview::{Array, ArrayView, s};

/// Prints what a view is made of: no element is copied, only these change.
fn show(expression: &str, v: &ArrayView<'_, i64>) {
    println!("{expression}");
    println!(" {v}");
    println!(
        "  shape {:?}, strides {:?}, offset {}",
        v.shape(),
        v.strides(),
        v.offset()
    );
}

fn main() -> Result<(), ndview::Error> {
    let arr = Array::arange(12).into_shape([3, 4])?;
    show("arr", &arr.view());
    show("arr[::2]   every second row: stride doubled", &arr.slice(s![::2])?);
    show("arr.T      strides swapped", &arr.t());
    show("arr[::-1]  rows reversed: negative stride", &arr.slice(s![::-1])?);
    show("arr[1:, 1::2]  start moves the offset", &arr.slice(s![1:, 1::2])?);
    Ok(())
}
