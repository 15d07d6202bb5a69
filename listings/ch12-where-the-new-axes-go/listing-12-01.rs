use ndview::{Array, ix, s};

fn show(expression: &str, r: &Array<i64>) {
    let shape = format!("{:?}", r.shape());
    println!("{expression:<22} shape {shape:<10} strides {:?}", r.strides());
}

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: main
    let a = Array::arange(24).into_shape([2, 3, 4])?;
    show("a", &a);
    show("a[:, [0, 1], :]", &a.select(ix![:, [0, 1], :])?);
    show("a[:, [0, 1], [0, 1]]", &a.select(ix![:, [0, 1], [0, 1]])?);
    show("a[:, 0, [0, 1]]", &a.select(ix![:, 0, [0, 1]])?);
    show("a[[0, 1], :, [0, 1]]", &a.select(ix![[0, 1], :, [0, 1]])?);
    show("a[0, :, [0, 1]]", &a.select(ix![0, :, [0, 1]])?);
    show("a[0][:, [0, 1]]", &a.slice(s![0])?.select(ix![:, [0, 1]])?);

    println!("\na[0, :, [0, 1]]:\n{}", a.select(ix![0, :, [0, 1]])?);
    // ANCHOR_END: main
    Ok(())
}
