use ndview::{Array, ix, shares_memory};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: all
    let data = Array::arange(12).into_shape([3, 4])?;
    println!("data:\n {data}");

    // Pick rows by their numbers, in any order
    let rows = data.select(ix![[2, 0]])?;
    println!("\ndata[[2, 0]]:\n {rows}");

    // Keep the elements that pass a test
    let multiples = data.select(ix![&data.mapv(|x| x % 3 == 0)])?;
    println!("\ndata[data % 3 == 0]: {multiples}");

    // Both are new arrays, not views of data
    println!(
        "\nshares memory: {} {}",
        shares_memory(&data, &rows)?,
        shares_memory(&data, &multiples)?
    );
    // ANCHOR_END: all
    Ok(())
}
