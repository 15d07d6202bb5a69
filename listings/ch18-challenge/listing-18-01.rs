use ndview::random::default_rng;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: start
    // 1. The 5×5 array of Challenge 1 (the same seed, so the same numbers).
    let mut rng = default_rng(42);
    let arr = rng.integers(0, 100, [5, 5])?;
    println!("Original:\n{arr}");

    // 2. A mask of the values above 80, and how many there are ...
    // 3. ... select them, and check that the result shares no memory with arr ...
    // 4. ... write zeros into that result, and check that arr has not changed ...
    // 5. ... cap arr at 80 through the mask, in place ...
    // 6. ... and pick its four corners with two index arrays.
    // ANCHOR_END: start
    Ok(())
}
