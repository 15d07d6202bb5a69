use ndview::{Array, ix, s};

fn show(expression: &str, r: &Array<i64>) {
    let shape = format!("{:?}", r.shape());
    println!("{expression:<22} shape {shape:<10} strides {:?}", r.strides());
}

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: main
    let a = Array::arange(24).into_shape([2, 3, 4])?;
    // An index array of length 5, a length no axis of `a` has
    let i = Array::from_vec(vec![0, 1, 1, 0, 1], [5])?;
    show("a", &a);
    show("a[:, i, :]", &a.select(ix![:, &i, :])?);
    show("a[:, i, i]", &a.select(ix![:, &i, &i])?);
    show("a[:, 0, i]", &a.select(ix![:, 0, &i])?);
    show("a[i, :, i]", &a.select(ix![&i, :, &i])?);
    show("a[0, :, i]", &a.select(ix![0, :, &i])?);
    show("a[0][:, i]", &a.slice(s![0])?.select(ix![:, &i])?);

    println!("\na[0, :, i]:\n{}", a.select(ix![0, :, &i])?);
    // ANCHOR_END: main
    Ok(())
}
