use ndview::{Array, CowArray, ix, shares_memory};

/// Says whether an index gave a view or a copy: the type knows, and
/// `shares_memory` agrees.
fn describe(
    expression: &str,
    r: &CowArray<'_, i64>,
    base: &Array<i64>,
) -> Result<(), ndview::Error> {
    let kind = match r {
        CowArray::View(_) => "view",
        CowArray::Owned(_) => "copy",
    };
    assert_eq!(r.is_view(), shares_memory(base, &r.view())?);
    let strides = format!("{:?}", r.layout().strides());
    println!("{expression:<18} {kind}  strides {strides:<8} {}", r.view().flatten());
    Ok(())
}

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: main
    let a = Array::arange(12).into_shape([3, 4])?;

    // The same elements, picked by a slice and by an index array
    describe("a[1:3]", &a.at(ix![1:3])?, &a)?;
    describe("a[[1, 2]]", &a.at(ix![[1, 2]])?, &a)?;
    describe("a[:, ::2]", &a.at(ix![:, ::2])?, &a)?;
    describe("a[:, [0, 2]]", &a.at(ix![:, [0, 2]])?, &a)?;

    // A mask always copies, even when it keeps everything
    describe("a[a >= 0]", &a.at(ix![&a.ge(0)?])?, &a)?;

    // Picks no stride can describe
    describe("a[[2, 0, 2]]", &a.at(ix![[2, 0, 2]])?, &a)?;
    // ANCHOR_END: main
    Ok(())
}
