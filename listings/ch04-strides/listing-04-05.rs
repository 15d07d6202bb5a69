use ndview::{Array, ArrayView, ArrayViewMut, shares_memory};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let a = Array::arange(12).into_shape([3, 4])?;

    // ndview → ndarray: always the same memory (strides turned into elements).
    let t = a.t(); // a view must live in a variable while something borrows it
    let nd = t.to_ndarray();
    println!(
        "to_ndarray: strides {:?}, same memory: {}",
        nd.strides(),
        nd.as_ptr() == a.buffer().as_ptr()
    );

    // ndarray → ndview: the same memory when the elements fill their span ...
    let mut b = ndarray::Array::from_iter(0..12_i64).into_shape_with_order((3, 4))?;
    let bt = ArrayView::from_ndarray(b.t());
    println!(
        "from_ndarray(b.t()):          view: {}, strides {:?}",
        bt.is_view(),
        bt.layout().strides()
    );
    // ... and a copy when they leave gaps (here every second column):
    let cols = ArrayView::from_ndarray(b.slice(ndarray::s![.., ..;2]));
    println!(
        "from_ndarray(b[:, ::2]):      view: {}, strides {:?}",
        cols.is_view(),
        cols.layout().strides()
    );
    // A writable view with gaps cannot be converted at all: a copy could not write back.
    let cols = ArrayViewMut::from_ndarray(b.slice_mut(ndarray::s![.., ..;2]));
    println!(
        "ArrayViewMut::from_ndarray(b[:, ::2]): {}",
        if cols.is_some() { "a view" } else { "None" }
    );

    // An owned ndarray array hands its buffer over; ndview's `copy` is C order.
    let before = b.as_ptr();
    let owned = Array::from(b);
    println!(
        "Array::from(b): strides {:?}, same buffer: {}",
        owned.strides(),
        owned.buffer().as_ptr() == before
    );
    let c = a.t().copy();
    println!(
        "a.t().copy(): strides {:?}, shares memory with a: {}",
        c.strides(),
        shares_memory(&a, &c)?
    );
    // ANCHOR_END: cell
    Ok(())
}
