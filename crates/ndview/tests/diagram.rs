//! Memory diagrams, parsed as XML and checked against layouts walked here
//! (see `svg_check`): many slices, transposes, `as_strided` views with
//! overlap, empty and 0-d arrays, pairs sharing memory or not, summarised
//! large arrays, and a size cap.
#![cfg(feature = "svg")]

mod svg_check;

use ndview::diagram::{self, Diagram};
use ndview::{Array, ArrayView, AsArray, Element, s};
use svg_check::{ArrayInfo, Report, check};

/// No diagram of one array is larger, whatever the array (the largest seen
/// in these tests is about 18 KB); a diagram of `n` arrays stays under `n` times this.
const CAP: usize = 24 * 1024;

/// The value at `byte` of `buffer`, as a diagram prints an integer.
fn int_at<T: Element + ToString>(buffer: &[T], byte: usize) -> Option<String> {
    buffer.get(byte / size_of::<T>()).map(|x| x.to_string())
}

/// Checks the diagram of one array, and that it states the array's layout.
fn check_one<T: Element + ToString>(a: &impl AsArray<Elem = T>) -> Report {
    let v = a.as_view();
    let svg = diagram::svg(&v);
    let report = check(&svg, &|_, byte| int_at(v.buffer(), byte));
    assert_eq!(report.arrays.len(), 1);
    let stated = &report.arrays[0];
    let expected = ArrayInfo {
        shape: v.shape().to_vec(),
        strides: v.strides().to_vec(),
        offset: v.offset(),
        itemsize: v.itemsize(),
        base: 0,
        strip: 0,
        complete: stated.complete,
    };
    assert_eq!(stated, &expected);
    assert!(report.bytes < CAP, "{} bytes for {:?}", report.bytes, v.shape());
    report
}

/// Checks a diagram of several arrays over the given buffers.
fn check_many<T: Element + ToString>(arrays: &[(&str, ArrayView<'_, T>)]) -> Report {
    let mut d = Diagram::new();
    for (name, v) in arrays {
        d = d.array(name, v);
    }
    let svg = d.to_svg();
    let report = check(&svg, &|k, byte| int_at(arrays[k].1.buffer(), byte));
    for ((_, v), stated) in arrays.iter().zip(&report.arrays) {
        assert_eq!(
            (&stated.shape[..], &stated.strides[..], stated.offset),
            (v.shape(), v.strides(), v.offset())
        );
    }
    assert!(report.bytes < CAP * arrays.len().max(1), "{} bytes for {} arrays", report.bytes, arrays.len());
    report
}

#[test]
fn the_books_views_of_a_3x4_array() -> ndview::Result<()> {
    let arr = Array::arange(12).into_shape([3, 4])?;
    let whole = check_one(&arr);
    assert_eq!((whole.strip_cells, whole.gaps, whole.grid_cells), (12, 0, 12));
    let swapped = arr.swapaxes(0, 1)?;
    let views = [
        arr.slice(s![1:, :3])?,
        arr.t(),
        arr.slice(s![::2])?,
        arr.slice(s![::-1])?,
        arr.slice(s![:, ::-1])?,
        arr.slice(s![::-1, ::-2])?,
        arr.slice(s![1:, 1::2])?,
        arr.slice(s![-1:0:-1, 3:0:-2])?,
        arr.slice(s![2, :])?,
        arr.slice(s![:, 1])?,
        arr.slice(s![1, 2])?,
        arr.slice(s![1:1])?,
        arr.slice(s![:, 5:])?,
        swapped.slice(s![::-1])?,
    ];
    for v in &views {
        let report = check_one(v);
        assert_eq!(report.strip_cells, 12, "the whole buffer is drawn");
        assert_eq!(report.grid_cells, v.size());
    }
    Ok(())
}

#[test]
fn the_numbers_run_backwards_for_a_negative_stride() -> ndview::Result<()> {
    let x = Array::arange(6);
    let svg = diagram::svg(&x.slice(s![::-1])?);
    for (byte, order) in [(40, 0), (32, 1), (0, 5)] {
        assert!(svg.contains(&format!(r#"data-byte="{byte}" data-order-0="{order}""#)), "{byte}");
    }
    assert!(svg.contains(">-8 B<"), "the step arrow walks back 8 bytes");
    Ok(())
}

#[test]
fn three_and_more_axes() -> ndview::Result<()> {
    let c = Array::arange(24).into_shape([2, 3, 4])?;
    check_one(&c);
    check_one(&c.transpose([2, 0, 1])?);
    check_one(&c.slice(s![:, ::-1, 1:3])?);
    check_one(&c.slice(s![::-1, 1, ::3])?);
    let d = Array::arange(2 * 3 * 2 * 5).into_shape([2, 3, 2, 5])?;
    let report = check_one(&d.transpose([3, 1, 0, 2])?);
    assert!(report.arrays[0].complete || report.grid_cells <= 64);
    // Many small axes: 2^10 elements, only the first and last blocks.
    let e = Array::arange(1024).into_shape([2; 10])?;
    let report = check_one(&e.slice(s![::-1, :, :, :, :, :, :, :, :, ::-1])?);
    assert!(!report.arrays[0].complete && report.grid_cells <= 64);
    Ok(())
}

#[test]
fn as_strided_views_that_overlap_themselves() -> ndview::Result<()> {
    let x = Array::arange(10);
    for (shape, strides) in [
        (vec![4, 3], vec![8, 8]),  // sliding windows
        (vec![3, 4], vec![8, 0]),  // each element four times
        (vec![5], vec![0]),        // one element, five times
        (vec![3, 3], vec![16, 8]), // rows overlapping by one
        (vec![2, 5], vec![8, 16]), // evens and odds, no overlap
        (vec![3, 2, 2], vec![16, 8, 24]),
    ] {
        check_one(&x.as_strided(&shape, &strides)?);
    }
    // A view starting at the end, walking back with overlap.
    let buffer: Vec<i64> = (0..8).collect();
    check_one(&ArrayView::from_parts(&buffer, [4, 3], [-8, -8], 56)?);
    check_one(&ArrayView::from_parts(&buffer, [2, 2, 2], [-32, 16, -8], 40)?);
    Ok(())
}

#[test]
fn zero_dimensional_and_empty_arrays() -> ndview::Result<()> {
    let scalar = Array::from_vec(vec![7_i64], [])?;
    let report = check_one(&scalar);
    assert_eq!((report.strip_cells, report.grid_cells), (1, 1));
    check_one(&Array::arange(5).slice(s![3])?);
    for empty in [Array::<i64>::zeros([0, 3]), Array::<i64>::zeros([3, 0]), Array::<i64>::zeros([0])] {
        let report = check_one(&empty);
        assert_eq!((report.strip_cells, report.grid_cells), (0, 0));
    }
    // An empty view of a full buffer reaches nothing: no cell is marked.
    let x = Array::arange(6);
    let report = check_one(&x.slice(s![4:2])?);
    assert_eq!((report.strip_cells, report.grid_cells), (6, 0));
    Ok(())
}

#[test]
fn other_element_types() -> ndview::Result<()> {
    let bytes = Array::from_vec((0..24u8).collect(), [4, 6])?;
    check_one(&bytes.slice(s![::-1, 1::2])?);
    let shorts = Array::from_vec((0..12i16).map(|x| x - 6).collect(), [3, 4])?;
    check_one(&shorts.t());
    // Floats and booleans print as NumPy's str() does; only the layout is checked here.
    let floats = Array::from_vec((0..6).map(|x| x as f64 / 4.0).collect(), [2, 3])?;
    let svg = diagram::svg(&floats.t());
    let report = check(&svg, &|_, _| None);
    assert_eq!(report.arrays[0].strides, vec![8, 24]);
    assert!(svg.contains(">1.25<") && svg.contains(">0.<"), "values as str() prints them, unpadded");
    let flags = Array::from_vec(vec![true, false, true], [3])?;
    let svg = diagram::svg(&flags.slice(s![::2])?);
    check(&svg, &|_, _| None);
    assert!(svg.contains(">True<") && svg.contains(">False<"));
    Ok(())
}

#[test]
fn a_view_and_what_it_was_cut_from_share_one_strip() -> ndview::Result<()> {
    let x = Array::arange(10);
    let report = check_many(&[("a", x.slice(s![:6])?), ("b", x.slice(s![3::2])?)]);
    assert_eq!(report.strips, 1);
    let data = Array::arange(12).into_shape([3, 4])?;
    let report = check_many(&[("data", data.view()), ("view", data.slice(s![1:, :3])?), ("t", data.t())]);
    assert_eq!(report.strips, 1);
    let svg = diagram::pair(&data, &data.slice(s![1:, :3])?);
    assert!(svg.contains(r#"data-byte="32" data-order-0="4" data-order-1="0""#));
    assert!(svg.contains("memory shared by a and b"));
    Ok(())
}

#[test]
fn a_copy_gets_a_strip_of_its_own() -> ndview::Result<()> {
    let data = Array::arange(12).into_shape([3, 4])?;
    let flat_view = data.ravel();
    let flat_copy = data.flatten();
    let report = check_many(&[("ravel", flat_view.view()), ("flatten", flat_copy.view())]);
    assert_eq!(report.strips, 2);
    assert_eq!((report.arrays[0].strip, report.arrays[1].strip), (0, 1));
    let copy = data.slice(s![1:, :3])?.copy();
    let report = check_many(&[("view", data.slice(s![1:, :3])?), ("copy", copy.view())]);
    assert_eq!(report.strips, 2);
    assert_eq!(report.strip_cells, 12 + 6);
    Ok(())
}

#[test]
fn overlapping_buffers_are_drawn_as_one_strip() -> ndview::Result<()> {
    // Two views of parts of one Vec: their buffers overlap in bytes 32..64.
    let v: Vec<i64> = (0..12).collect();
    let front = ArrayView::from_slice(&v[..8]);
    let back = ArrayView::from_slice(&v[4..]);
    let report = check(&Diagram::new().array("front", &front).array("back", &back).to_svg(), &|k, byte| {
        int_at(if k == 0 { &v[..8] } else { &v[4..] }, byte)
    });
    assert_eq!(report.strips, 1);
    assert_eq!((report.arrays[0].base, report.arrays[1].base), (0, 32));
    assert_eq!(report.strip_cells, 12);
    // Disjoint parts of one Vec are separate buffers...
    let report = check_many(&[("a", ArrayView::from_slice(&v[..4])), ("b", ArrayView::from_slice(&v[6..]))]);
    assert_eq!(report.strips, 2);
    // ... until a third overlaps both: then all three share one strip.
    let parts = [&v[..4], &v[6..], &v[2..8]];
    let views = parts.map(ArrayView::from_slice);
    let svg = Diagram::new().array("a", &views[0]).array("b", &views[1]).array("c", &views[2]).to_svg();
    let report = check(&svg, &|k, byte| int_at(parts[k], byte));
    assert_eq!(report.strips, 1);
    let bases: Vec<usize> = report.arrays.iter().map(|a| a.base).collect();
    assert_eq!(bases, [0, 48, 16]);
    Ok(())
}

#[test]
fn large_arrays_are_summarised_and_small() -> ndview::Result<()> {
    let big = Array::arange(10_000_000).into_shape([1000, 10_000])?;
    let report = check_one(&big);
    assert!(!report.arrays[0].complete);
    assert!(report.gaps > 0 && report.strip_cells <= 64 && report.grid_cells <= 64);
    assert!(report.bytes < 16 * 1024, "1000×10000: {} bytes", report.bytes);
    eprintln!("1000×10000 int64: {} bytes of SVG", report.bytes);
    for v in [
        big.t(),
        big.slice(s![::-3, 5:])?,
        big.slice(s![::7, ::-11])?,
        big.t().slice(s![::-3, 5:])?,
        big.slice(s![500, ::-1])?,
        big.slice(s![10:20, 10:20])?,
    ] {
        check_one(&v);
    }
    let three = Array::arange(3 * 100 * 1000).into_shape([3, 100, 1000])?;
    check_one(&three.transpose([1, 2, 0])?);
    let pair = check_many(&[("big", big.view()), ("rows", big.slice(s![::2, ::-5])?)]);
    assert!(pair.strip_cells <= 64);
    // A small buffer seen a million times.
    let one = Array::arange(3);
    let report = check_one(&one.as_strided([1_000_000], [0])?);
    assert_eq!(report.strip_cells, 3);
    let report = check_one(&one.as_strided([3, 1000], [8, 0])?);
    assert!(report.bytes < 16 * 1024);
    // A medium array: its buffer is summarised, every element still drawn.
    let medium = Array::arange(60).into_shape([6, 10])?;
    let report = check_one(&medium.slice(s![::-1, ::3])?);
    assert!(report.arrays[0].complete && report.gaps > 0);
    Ok(())
}

/// A small deterministic generator (SplitMix64), so the layouts are the same on every run.
struct Mix(u64);
impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> i64 {
        (self.next() % n) as i64
    }
}

#[test]
fn many_random_layouts() {
    let mut rng = Mix(2024);
    let mut checked = 0;
    for _ in 0..2000 {
        let len = rng.below(80) as usize;
        let buffer: Vec<i64> = (0..len as i64).collect();
        let ndim = rng.below(4) as usize;
        let shape: Vec<usize> = (0..ndim).map(|_| rng.below(6) as usize).collect();
        let strides: Vec<isize> = (0..ndim).map(|_| (rng.below(15) - 7) as isize * 8).collect();
        let offset = rng.below(len.max(1) as u64) as isize * 8;
        let Ok(v) = ArrayView::from_parts(&buffer, &shape, &strides, offset) else { continue };
        check_one(&v);
        checked += 1;
        if checked % 4 == 0 {
            // ... and a pair with a slice of itself.
            let w = if v.ndim() > 0 { v.slice(s![::-1]).expect("a reversed view") } else { v.view() };
            check_many(&[("v", v.view()), ("w", w)]);
        }
    }
    assert!(checked > 300, "only {checked} layouts fitted their buffers");
}

#[test]
fn names_are_shown_and_kept_on_one_line() -> ndview::Result<()> {
    let a = Array::arange(4);
    let svg = Diagram::new().array("first\nsecond <&>", &a).to_svg();
    check(&svg, &|_, b| int_at(a.buffer(), b));
    assert!(svg.contains(">first second &lt;&amp;&gt;</text>"));
    let long = "x".repeat(100);
    let svg = Diagram::new().array(&long, &a).to_svg();
    assert!(!svg.contains(&long) && svg.contains(&format!("{}…", "x".repeat(39))));
    Ok(())
}

#[test]
fn the_jupyter_display_shows_the_diagram_after_the_table() -> ndview::Result<()> {
    let data = Array::arange(12).into_shape([3, 4])?;
    let view = data.slice(s![1:, :3])?;
    let html = view.to_html();
    let (table, svg) = html.split_at(html.find("<svg").expect("a diagram"));
    assert!(table.ends_with("</table>"));
    check(svg, &|_, b| int_at(data.buffer(), b));
    Ok(())
}

#[test]
fn diagrams_of_everyday_arrays_fit_a_phone() -> ndview::Result<()> {
    // At most about 400 units wide, so that 11-unit text stays above 10 px
    // on a 390-px screen.
    let arr = Array::arange(12).into_shape([3, 4])?;
    let big = Array::arange(5000).into_shape([50, 100])?;
    for v in [arr.view(), arr.t(), arr.slice(s![::-1])?, big.view(), big.t()] {
        let report = check_one(&v);
        assert!(report.width <= 400.0, "{} units wide for {:?}", report.width, v.shape());
    }
    let ravel = arr.ravel();
    let report = check_many(&[("data.ravel()", ravel.view()), ("data.flatten()", arr.flatten().view())]);
    assert!(report.width <= 400.0);
    Ok(())
}

/// The `y` of the strip cell at `byte` (strip 0).
fn strip_row(svg: &str, byte: usize) -> String {
    let cell = svg
        .split("<rect ")
        .find(|r| r.contains(&format!("data-byte=\"{byte}\"")) && r.contains("data-strip=\"0\""))
        .unwrap_or_else(|| panic!("no strip cell at byte {byte}"));
    cell.split("y=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap().to_owned()
}

#[test]
fn a_wrapped_strip_keeps_each_run_on_one_line() -> ndview::Result<()> {
    // Figure 8-1: the 3×3 centre of a 5×5 array reaches three runs of three
    // cells; 25 cells need two or more lines, and no line break cuts a run.
    let arr = Array::arange(25).into_shape([5, 5])?;
    let centre = arr.slice(s![1:4, 1:4])?;
    let svg = Diagram::new().array("centre", &centre).memory_of("arr").to_svg();
    assert!(svg.contains("memory of arr: 25 × i64, 8 bytes each"));
    assert!(svg.contains("shape [3, 3], strides [40, 8], offset 48 (bytes)"));
    for run in [[48, 56, 64], [88, 96, 104], [128, 136, 144]] {
        let rows: Vec<String> = run.iter().map(|&b| strip_row(&svg, b)).collect();
        assert!(rows.iter().all(|y| *y == rows[0]), "run {run:?} split over lines {rows:?}");
    }
    assert_ne!(strip_row(&svg, 0), strip_row(&svg, 192), "the strip wraps");
    check_one(&centre);
    Ok(())
}
