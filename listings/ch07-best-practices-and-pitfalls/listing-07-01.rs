use ndview::{Array, s};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: cell
    let mut data = Array::arange(12).into_shape([3, 4])?;
    let view = data.slice(s![1:, :3])?; // `view` borrows `data`...

    data[[1, 0]] = 999; // ...so `data` cannot change before `view`'s last use

    println!("{view}");
    // ANCHOR_END: cell
    Ok(())
}
