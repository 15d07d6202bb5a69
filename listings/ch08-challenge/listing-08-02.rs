use ndview::{random::default_rng, s, shares_memory};

fn main() -> Result<(), ndview::Error> {
    // 1. A 5×5 array of random integers from 0 to 99 (seeded: you get our numbers).
    let mut rng = default_rng(42);
    let mut arr = rng.integers(0, 100, [5, 5])?;
    println!("Original:\n{arr}");

    // ANCHOR: solution
    // 2. The 3×3 region in the centre, as a view (writable, since we will write).
    let mut centre = arr.slice_mut(s![1:4, 1:4])?;

    // 3. Modify one element through the view: the centre of the centre.
    centre[[1, 1]] = -1;
    println!("\nCentre view after the change:\n{centre}");

    // 4. The change is in the original: `centre` has ended, so `arr` can be read.
    println!("\nOriginal after the change:\n{arr}");
    println!("arr[2, 2] = {}", arr[[2, 2]]);
    assert_eq!(arr[[2, 2]], -1);

    // 5. A view of the centre shares memory with the original; a copy does not.
    let centre = arr.slice(s![1:4, 1:4])?;
    println!("\nView shares memory: {}", shares_memory(&arr, &centre)?);
    println!("Copy shares memory: {}", shares_memory(&arr, &centre.copy())?);
    // ANCHOR_END: solution
    Ok(())
}
