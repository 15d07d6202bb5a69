use ndview::{Array, CowArray, s};

fn kind(r: &CowArray<'_, i64>) -> &'static str {
    if r.is_view() { "view" } else { "copy" }
}

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: main
    let arr = Array::arange(12).into_shape([3, 4])?;

    // C-contiguous: any shape with 12 elements is a view, strides filled afresh.
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
    let v = cols.reshape_view([6])?;
    println!("arr[:, ::2].reshape_view(6): view, strides {:?}", v.strides());
    match t.reshape_view([12]) {
        Ok(v) => println!("reshape_view gave a view: {v}"),
        Err(e) => println!("reshape_view: {e}"),
    }
    // ANCHOR_END: main

    // ANCHOR: ndarray
    use ndarray::{Array as NdArray, s as nd_s};
    let nd = NdArray::from_iter(0..12_i64).into_shape_with_order((3, 4))?;
    let cow_kind = |is_view: bool| if is_view { "view" } else { "copy" };

    // `to_shape` borrows: a view when the new shape can walk the same memory, else a copy.
    let r = nd.to_shape(12)?;
    println!(
        "nd.to_shape(12)            {}, strides {:?}",
        cow_kind(r.is_view()),
        r.strides()
    );
    let cols = nd.slice(nd_s![.., ..;2]);
    let r = cols.to_shape(6)?;
    println!(
        "nd[:, ::2].to_shape(6)     {}, strides {:?}",
        cow_kind(r.is_view()),
        r.strides()
    );
    let t = nd.t(); // a view must live in a variable while something borrows it
    let r = t.to_shape(12)?;
    println!(
        "nd.t().to_shape(12)        {}, strides {:?}",
        cow_kind(r.is_view()),
        r.strides()
    );

    // `into_shape_with_order` consumes and never copies, but it only takes input
    // that is one block in C order: it fails even where a view would be possible.
    let moved = nd.slice(nd_s![.., ..;2]).into_shape_with_order(6);
    println!(
        "nd[:, ::2].into_shape_with_order(6): {:?}",
        moved.map(|v| v.strides().to_vec())
    );
    let moved = nd.t().into_shape_with_order(12);
    println!(
        "nd.t().into_shape_with_order(12):    {:?}",
        moved.map(|v| v.strides().to_vec())
    );

    // `into_shape_clone` consumes an owned array and copies only if it must.
    let before = nd.as_ptr();
    let r = nd.into_shape_clone((2, 6))?;
    println!("nd.into_shape_clone((2, 6)) kept the buffer: {}", r.as_ptr() == before);
    // ANCHOR_END: ndarray
    Ok(())
}
