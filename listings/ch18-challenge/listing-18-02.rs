use ndview::{ix, random::default_rng, shares_memory};

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: solution
    // 1. The 5×5 array of Challenge 1 (the same seed, so the same numbers).
    let mut rng = default_rng(42);
    let mut arr = rng.integers(0, 100, [5, 5])?;
    println!("Original:\n{arr}");

    // 2. A mask of the values above 80, and how many there are.
    let high = arr.gt(80)?;
    let count = high.iter().filter(|&&b| b).count();
    println!("\nValues above 80: {count}");

    // 3. Select them: a new 1-d array that shares no memory with arr.
    let mut picked = arr.select(ix![&high])?;
    println!("Picked: {picked}");
    println!("Picked shares memory: {}", shares_memory(&arr, &picked)?);
    assert_eq!(picked.shape(), &[count]);
    assert!(!shares_memory(&arr, &picked)?);

    // 4. Write into the copy: arr does not change.
    let before = arr.clone();
    picked.fill(0);
    let still = arr.gt(80)?.iter().filter(|&&b| b).count();
    println!("arr still has {still} values above 80");
    assert_eq!(arr, before);

    // 5. Write through the mask: now arr changes, in place.
    arr.assign_at(ix![&high], 80)?;
    println!("\nCapped at 80:\n{arr}");
    assert!(arr.iter().all(|&x| x <= 80));
    assert_eq!(arr.select(ix![&high])?.to_vec(), vec![80; count]);

    // 6. The four corners, with two index arrays: a copy again.
    let corners = arr.select(ix![[0, 0, -1, -1], [0, -1, 0, -1]])?;
    println!("Corners: {corners}");
    assert_eq!(
        corners.to_vec(),
        vec![arr[[0, 0]], arr[[0, 4]], arr[[4, 0]], arr[[4, 4]]]
    );
    // ANCHOR_END: solution
    Ok(())
}
