use ndview::{Array, CowArray, s};

fn kind(r: &CowArray<'_, i64>) -> &'static str {
    if r.is_view() { "view" } else { "copy" }
}

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: main
    let arr = Array::arange(12).into_shape([3, 4])?;

    // Contiguous: any shape with 12 elements is a view, strides filled afresh.
    let r = arr.reshape([2, 6])?;
    println!(
        "arr.reshape(2, 6)       {}, strides {:?}",
        kind(&r),
        r.layout().strides()
    );

    // Every second column: gaps, but each row still steps evenly.
    let cols = arr.slice(s![:, ::2])?;
    let r = cols.reshape([6])?;
    println!(
        "arr[:, ::2].reshape(6)  {}, strides {:?}",
        kind(&r),
        r.layout().strides()
    );

    // The transpose cannot be read in C order without moving elements.
    let t = arr.t();
    let r = t.reshape([12])?;
    println!(
        "arr.T.reshape(12)       {}, strides {:?}",
        kind(&r),
        r.layout().strides()
    );

    // Ask for a view or nothing: an error instead of a silent copy.
    match t.reshape_view([12]) {
        Ok(v) => println!("reshape_view gave a view: {v}"),
        Err(e) => println!("reshape_view: {e}"),
    }
    // ANCHOR_END: main

    // ANCHOR: ndarray
    use ndarray::Array as NdArray;
    let nd = NdArray::from_iter(0..12_i64)
        .into_shape_with_order((3, 4))
        .expect("12 elements");
    // `to_shape` borrows: a view if the elements are in order, else a copy.
    let r = nd.to_shape(12).expect("12 elements");
    println!("ndarray to_shape(12):   {}", if r.is_view() { "view" } else { "copy" });
    let t = nd.t(); // a view must live in a variable while something borrows it
    let r = t.to_shape(12).expect("12 elements");
    println!("ndarray .t().to_shape:  {}", if r.is_view() { "view" } else { "copy" });
    // `into_shape_with_order` consumes and never copies: it fails instead.
    let moved = nd.t().into_shape_with_order(12);
    println!(
        "ndarray .t().into_shape_with_order: {:?}",
        moved.map(|_| ()).map_err(|e| e.to_string())
    );
    // ANCHOR_END: ndarray
    Ok(())
}
