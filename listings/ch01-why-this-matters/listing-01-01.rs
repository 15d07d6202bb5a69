use ndview::Array;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: all
    let mut data = Array::arange(12).into_shape([3, 4])?;
    println!("{data}");

    // The memory `data` owns: twelve i64 values, one after another.
    println!("buffer:   {:?}", data.buffer());
    // The metadata that says how to walk it.
    println!("shape:    {:?}", data.shape());
    println!("strides:  {:?} (bytes)", data.strides());
    println!("offset:   {} (bytes)", data.offset());
    println!("itemsize: {} (bytes)", data.itemsize());
    println!("flags:    {:?}", data.flags());

    // Views own nothing: a shared borrow may only read, a mutable one may write.
    println!("view:     {:?}", data.view().flags());
    println!("view_mut: {:?}", data.view_mut().flags());
    // ANCHOR_END: all
    Ok(())
}
