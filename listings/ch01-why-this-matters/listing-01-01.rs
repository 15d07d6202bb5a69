use ndview::Array;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: all
    let data = Array::arange(12).into_shape([3, 4])?;
    println!("{data}");

    // The block of memory: twelve i64 values, one after another.
    println!("buffer:   {:?}", data.buffer());
    // The metadata that says how to walk it.
    println!("shape:    {:?}", data.shape());
    println!("strides:  {:?} (bytes)", data.strides());
    println!("offset:   {} (bytes)", data.offset());
    println!("itemsize: {} (bytes)", data.itemsize());
    println!("flags:    {:?}", data.flags());
    // ANCHOR_END: all
    Ok(())
}
