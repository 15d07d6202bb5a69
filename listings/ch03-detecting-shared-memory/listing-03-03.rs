use ndview::{Array, may_share_memory, s, shares_memory, shares_memory_max_work};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: main
    let x = Array::arange(80).into_shape([4, 20])?;
    let a = x.slice(s![:, ::7])?; // columns 0, 7, 14
    let b = x.slice(s![:, 3::3])?; // columns 3, 6, 9, ..., 18

    // Bounds only: do the two byte ranges overlap?
    println!("may_share_memory: {}", may_share_memory(&a, &b));
    // Exact: is there one element both can reach?
    println!("shares_memory:    {}", shares_memory(&a, &b)?);
    // The exact search, stopped after one step.
    match shares_memory_max_work(&a, &b, 1) {
        Ok(answer) => println!("max_work=1:       {answer}"),
        Err(e) => println!("max_work=1:       {e}"),
    }
    // ANCHOR_END: main
    Ok(())
}
