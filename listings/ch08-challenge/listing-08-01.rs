use ndview::random::default_rng;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: start
    // 1. A 5×5 array of random integers from 0 to 99 (seeded: you get our numbers).
    let mut rng = default_rng(42);
    let arr = rng.integers(0, 100, [5, 5])?;
    println!("Original:\n{arr}");

    // 2. Slice the 3×3 centre as a view ...
    // 3. ... modify one element through it ...
    // 4. ... check the original ...
    // 5. ... and print whether the two share memory.
    // ANCHOR_END: start
    Ok(())
}
