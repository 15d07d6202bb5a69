use ndarray::{Array, s};

fn main() -> Result<(), ndarray::ShapeError> {
    // ANCHOR: cell
    let a = Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;

    // `to_owned` copies the elements and keeps the order they have in memory:
    // the copy of a transpose is still read across, with element strides [1, 4].
    let t = a.t().to_owned();
    println!("a.t().to_owned():           element strides {:?}", t.strides());
    let r = a.slice(s![..;-1, ..]).to_owned();
    println!("a[::-1].to_owned():         element strides {:?}", r.strides());

    // `as_standard_layout` gives row-major (C) order, like NumPy's `.copy()`:
    // a copy when the source is not in that order, the source itself if it is.
    let c = a.t().as_standard_layout().into_owned();
    println!("a.t().as_standard_layout(): element strides {:?}", c.strides());
    let same = a.as_standard_layout();
    println!("a.as_standard_layout() is a view of a: {}", same.is_view());

    // The elements are the same either way; only their order in memory differs.
    assert_eq!(t, c);
    // ANCHOR_END: cell
    Ok(())
}
