use ndview::{Array, CowArray, s};

/// Says whether `ravel` gave a view or a copy: it is in the type.
fn describe(expression: &str, flat: &CowArray<'_, i64>) {
    match flat {
        CowArray::View(v) => {
            println!("{expression:<28} view, offset {:>2}: {v}", v.offset())
        }
        CowArray::Owned(a) => println!("{expression:<28} copy, new buffer: {a}"),
    }
}

fn main() -> Result<(), ndview::Error> {
    let data = Array::arange(12).into_shape([3, 4])?;
    describe("data.ravel()", &data.ravel());

    let rows = data.slice(s![1:, :])?; // whole rows: still one block
    describe("data[1:, :].ravel()", &rows.ravel());

    let columns = data.slice(s![:, :2])?; // gaps between the rows
    describe("data[:, :2].ravel()", &columns.ravel());

    let transposed = data.t(); // the same block, read across
    describe("data.T.ravel()", &transposed.ravel());

    let x = Array::arange(10);
    let evens = x.slice(s![::2])?; // evenly spaced, but not contiguous
    describe("x[::2].ravel()", &evens.ravel());
    describe("x[::2].reshape(-1)", &evens.reshape([-1])?);
    Ok(())
}
