use ndview::Array;

fn main() -> Result<(), ndview::Error> {
    // ANCHOR: main
    let x = Array::arange(10);
    let nd = ndarray::Array::from_iter(0..10_i64);

    // NumPy's rules (ndview)      ndarray's rules: take the range, then step from its far end
    let numpy = x.slice(ndview::s![2:8:-2])?;
    let ndarr = nd.slice(ndarray::s![2..8;-2]);
    println!("x[2:8:-2]  {numpy:<17}  s![2..8;-2]  {ndarr}");

    let numpy = x.slice(ndview::s![8:2:-2])?;
    let ndarr = nd.slice(ndarray::s![3..9;-2]);
    println!("x[8:2:-2]  {numpy:<17}  s![3..9;-2]  {ndarr}");

    let numpy = x.slice(ndview::s![7::-1])?;
    let ndarr = nd.slice(ndarray::s![..8;-1]);
    println!("x[7::-1]   {numpy:<17}  s![..8;-1]   {ndarr}");

    let numpy = x.slice(ndview::s![:7:-1])?;
    let ndarr = nd.slice(ndarray::s![8..;-1]);
    println!("x[:7:-1]   {numpy:<17}  s![8..;-1]   {ndarr}");

    let numpy = x.slice(ndview::s![::-3])?;
    let ndarr = nd.slice(ndarray::s![..;-3]);
    println!("x[::-3]    {numpy:<17}  s![..;-3]    {ndarr}");

    // NumPy clips bounds that are out of range; ndarray panics on them.
    let numpy = x.slice(ndview::s![-100:100])?;
    println!("x[-100:100] {numpy}");
    // ANCHOR_END: main
    Ok(())
}
