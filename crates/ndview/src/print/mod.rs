//! Printing arrays exactly as NumPy does: a port of
//! `numpy/_core/arrayprint.py` (NumPy 2.4) for the default print options
//! (`numpy/_core/printoptions.py`).
//!
//! * [`fmt::Display`] is `str(a)` (`_array_str_implementation`) and
//!   [`fmt::Debug`] is `repr(a)` (`_array_repr_implementation`).
//! * Each element type has its formatter, built from the values that will be
//!   shown so that the columns line up: `integers` (`IntegerFormat`),
//!   `floats` (`FloatingFormat`, on top of `dragon4`) and `bools`
//!   (`BoolFormat`).
//! * This file lays the elements out (`_formatArray`): brackets, separators,
//!   blank lines between blocks, wrapping at 75 columns, and the `...` of
//!   arrays with more than 1000 elements.

mod bools;
mod dragon4;
mod floats;
mod integers;

use std::fmt;

use crate::array::{ArrayBase, Storage};
use crate::element::{Element, Scalar};

use bools::BoolFormat;
use floats::FloatingFormat;
use integers::IntegerFormat;

/// `threshold`: arrays with more elements than this are summarised.
const THRESHOLD: usize = 1000;
/// `edgeitems`: how many items a summarised axis shows at each end.
const EDGE_ITEMS: usize = 3;
/// `linewidth`: the column lines are wrapped at.
const LINE_WIDTH: usize = 75;
/// What stands for the hidden items of a summarised axis.
const SUMMARY_INSERT: &str = "...";

/// The formatter for the elements of one array (`_get_format_function`),
/// chosen by the element type.
#[derive(Debug, Clone, PartialEq)]
enum ElementFormat {
    Int(IntegerFormat),
    Float(FloatingFormat),
    Bool(BoolFormat),
}

impl ElementFormat {
    /// Builds the formatter of `T` from the values that will be shown.
    fn new<T: Element>(data: &[Scalar], zero_dimensional: bool) -> ElementFormat {
        match T::zero().to_scalar() {
            Scalar::Int(_) => {
                let ints: Vec<i128> = data.iter().filter_map(|x| as_int(*x)).collect();
                ElementFormat::Int(IntegerFormat::new(&ints))
            }
            Scalar::Float(_) => {
                let floats: Vec<f64> = data.iter().filter_map(|x| as_float(*x)).collect();
                ElementFormat::Float(FloatingFormat::new(&floats))
            }
            Scalar::Bool(_) => ElementFormat::Bool(BoolFormat::new(zero_dimensional)),
        }
    }

    /// Prints one element.
    fn format(&self, x: Scalar) -> String {
        match (self, x) {
            (ElementFormat::Int(f), Scalar::Int(v)) => f.format(v),
            (ElementFormat::Float(f), Scalar::Float(v)) => f.format(v),
            (ElementFormat::Bool(f), Scalar::Bool(v)) => f.format(v).to_owned(),
            // An array holds one element type, so this is never reached.
            (_, other) => scalar_str(other),
        }
    }
}

fn as_int(x: Scalar) -> Option<i128> {
    if let Scalar::Int(v) = x { Some(v) } else { None }
}

fn as_float(x: Scalar) -> Option<f64> {
    if let Scalar::Float(v) = x { Some(v) } else { None }
}

/// `str()` of a NumPy scalar, which is what `str()` of a 0-d array prints
/// (`_array_str_implementation`): `5`, `2.5`, `True`.
fn scalar_str(x: Scalar) -> String {
    match x {
        Scalar::Int(v) => v.to_string(),
        Scalar::Float(v) => floats::scalar_str(v),
        Scalar::Bool(v) => if v { "True" } else { "False" }.to_owned(),
    }
}

/// The items of one axis that are printed (`_leading_trailing` and the
/// `show_summary` test of `_formatArray`): all of them, or, when the array is
/// summarised and the axis is longer than `2 * edgeitems`, the first and the
/// last three with `...` between.
fn shows_summary(summarise: bool, len: usize) -> bool {
    summarise && len > 2 * EDGE_ITEMS
}

/// The elements that will be printed (`_leading_trailing`): the corners of a
/// summarised array, or everything. In C order, with their shape.
struct Shown {
    /// The array's shape.
    shape: Vec<usize>,
    /// Whether the array is summarised (`size > threshold`).
    summarise: bool,
    /// The shown elements in C order.
    values: Vec<Scalar>,
    /// C-order element strides of the shown block (each summarised axis
    /// keeps `2 * edgeitems` items).
    strides: Vec<usize>,
}

impl Shown {
    fn new<S: Storage>(a: &ArrayBase<S>) -> Result<Shown, fmt::Error> {
        let shape = a.shape().to_vec();
        let summarise = a.size() > THRESHOLD;
        let kept: Vec<Vec<isize>> = shape.iter().map(|&len| kept_indices(summarise, len)).collect();
        let mut strides = vec![1; shape.len()];
        for axis in (0..shape.len().saturating_sub(1)).rev() {
            strides[axis] = strides[axis + 1] * kept[axis + 1].len();
        }
        let mut values = Vec::new();
        let mut index = Vec::with_capacity(shape.len());
        collect_corners(a, &kept, &mut index, &mut values)?;
        Ok(Shown { shape, summarise, values, strides })
    }
}

/// The indices `_leading_trailing` keeps on an axis of length `len`.
fn kept_indices(summarise: bool, len: usize) -> Vec<isize> {
    let len = len as isize;
    let edge = EDGE_ITEMS as isize;
    if shows_summary(summarise, len as usize) {
        (0..edge).chain(len - edge..len).collect()
    } else {
        (0..len).collect()
    }
}

/// Gathers the elements at every combination of kept indices, in C order.
fn collect_corners<S: Storage>(
    a: &ArrayBase<S>,
    kept: &[Vec<isize>],
    index: &mut Vec<isize>,
    out: &mut Vec<Scalar>,
) -> Result<(), fmt::Error> {
    let axis = index.len();
    if axis == kept.len() {
        // every kept index is in bounds, so `get` does not fail
        out.push(a.get(index).map_err(|_| fmt::Error)?.to_scalar());
        return Ok(());
    }
    for &i in &kept[axis] {
        index.push(i);
        collect_corners(a, kept, index, out)?;
        index.pop();
    }
    Ok(())
}

/// Lays out the shown elements (`_formatArray` and its `recurser`).
struct FormatArray<'a> {
    shown: &'a Shown,
    format: &'a ElementFormat,
    separator: &'a str,
}

impl FormatArray<'_> {
    /// `recurser(index, hanging_indent, curr_width)`: the text of the
    /// sub-array at `axis` whose first shown element is `offset`. Its first
    /// line is `hanging_indent` shorter than written here: the caller's
    /// bracket takes that room.
    fn recurse(&self, axis: usize, offset: usize, hanging_indent: &str, width: usize) -> String {
        let axes_left = self.shown.shape.len() - axis;
        if axes_left == 0 {
            let value = self.shown.values.get(offset).copied();
            return value.map(|x| self.format.format(x)).unwrap_or_default();
        }
        // a nested level is one `[` further right and one `]` shorter
        let next_indent = format!("{hanging_indent} ");
        let next_width = width.saturating_sub(1);

        let len = self.shown.shape[axis];
        let summary = shows_summary(self.shown.summarise, len);
        let count = if summary { 2 * EDGE_ITEMS } else { len };
        let stride = self.shown.strides[axis];
        // the shown items of this axis, `None` standing for `...`
        let items = (0..count).map(Some);
        let items: Vec<Option<usize>> = if summary {
            items.clone().take(EDGE_ITEMS).chain([None]).chain(items.skip(EDGE_ITEMS)).collect()
        } else {
            items.collect()
        };
        let nested = |item: usize| self.recurse(axis + 1, offset + item * stride, &next_indent, next_width);

        let mut s = String::new();
        if axes_left == 1 {
            // the last axis: words on a line, wrapped before the bracket
            let sep_width = self.separator.trim_end().len().max("]".len());
            let elem_width = width.saturating_sub(sep_width);
            let mut line = hanging_indent.to_owned();
            for (i, item) in items.iter().enumerate() {
                let word = item.map_or_else(|| SUMMARY_INSERT.to_owned(), nested);
                extend_line(&mut s, &mut line, &word, elem_width, hanging_indent);
                if i + 1 < items.len() {
                    line.push_str(self.separator);
                }
            }
            s.push_str(&line);
        } else {
            // other axes: one sub-array per line, blank lines between blocks
            let line_sep = format!("{}{}", self.separator.trim_end(), "\n".repeat(axes_left - 1));
            for (i, item) in items.iter().enumerate() {
                s.push_str(hanging_indent);
                match item {
                    Some(item) => s.push_str(&nested(*item)),
                    None => s.push_str(SUMMARY_INSERT),
                }
                if i + 1 < items.len() {
                    s.push_str(&line_sep);
                }
            }
        }
        // drop the hanging indent of the first line, and wrap in []
        format!("[{}]", s.strip_prefix(hanging_indent).unwrap_or(&s))
    }
}

/// `_extendLine`: appends `word` to `line`, first moving `line` into `s`
/// and starting a new one if the word would pass `line_width`, unless the
/// line holds nothing but the indent (wrapping would not help).
fn extend_line(s: &mut String, line: &mut String, word: &str, line_width: usize, next_line_prefix: &str) {
    let needs_wrap = line.len() + word.len() > line_width && line.len() > next_line_prefix.len();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = next_line_prefix.to_owned();
    }
    line.push_str(word);
}

/// `array2string` / `_array2string`: the bracketed elements, written as if
/// they followed `prefix` and were followed by `suffix_len` characters.
fn array2string<S: Storage>(
    a: &ArrayBase<S>,
    separator: &str,
    prefix: &str,
    suffix_len: usize,
) -> Result<String, fmt::Error> {
    if a.size() == 0 {
        return Ok("[]".to_owned());
    }
    let shown = Shown::new(a)?;
    let format = ElementFormat::new::<S::Elem>(&shown.values, a.ndim() == 0);
    let layout = FormatArray { shown: &shown, format: &format, separator };
    // continuation lines start under the first element: skip `prefix` and `[`
    let next_line_prefix = " ".repeat(prefix.len() + 1);
    Ok(layout.recurse(0, 0, &next_line_prefix, LINE_WIDTH.saturating_sub(suffix_len)))
}

/// Each value as `str(a)` of an array holding these values prints it (one
/// formatter chosen from all of them, so `1.` beside `2.5`), without the
/// padding that lines up columns. The memory diagrams label cells with
/// these, and the rich display fills its table cells with them.
pub(crate) fn element_strings<T: Element>(values: &[T]) -> Vec<String> {
    let scalars: Vec<Scalar> = values.iter().map(|x| x.to_scalar()).collect();
    let format = ElementFormat::new::<T>(&scalars, false);
    scalars.iter().map(|&x| format.format(x).trim().to_owned()).collect()
}

/// `_array_str_implementation`: `str(a)`.
fn array_str<S: Storage>(a: &ArrayBase<S>) -> Result<String, fmt::Error> {
    if a.ndim() == 0 {
        let value = a.get(&[]).map_err(|_| fmt::Error)?;
        return Ok(scalar_str(value.to_scalar()));
    }
    array2string(a, " ", "", 0)
}

/// `_array_repr_implementation`: `repr(a)`, i.e. `array(...)` plus the
/// shape and dtype when the text does not show them.
fn array_repr<S: Storage>(a: &ArrayBase<S>) -> Result<String, fmt::Error> {
    const PREFIX: &str = "array(";
    let body = array2string(a, ", ", PREFIX, ")".len())?;

    let mut extras = Vec::new();
    if (a.size() == 0 && a.shape() != [0]) || a.size() > THRESHOLD {
        extras.push(format!("shape={}", crate::error::tuple(a.shape())));
    }
    if !S::Elem::DEFAULT_DTYPE || a.size() == 0 {
        extras.push(format!("dtype={}", S::Elem::DTYPE));
    }
    if extras.is_empty() {
        return Ok(format!("{PREFIX}{body})"));
    }

    let text = format!("{PREFIX}{body},");
    let extra = format!("{})", extras.join(", "));
    // put the extras on a new line if they would pass the line width
    let last_line_len = text.len() - text.rfind('\n').map_or(0, |i| i + 1);
    let spacer = if last_line_len + extra.len() + 1 > LINE_WIDTH {
        format!("\n{}", " ".repeat(PREFIX.len()))
    } else {
        " ".to_owned()
    };
    Ok(format!("{text}{spacer}{extra}"))
}

/// Prints the elements like NumPy's `str(a)`.
///
/// ```
/// use ndview::Array;
///
/// let a = Array::arange(6).into_shape([2, 3])?;
/// assert_eq!(a.to_string(), "[[0 1 2]\n [3 4 5]]");
/// let x = Array::from_vec(vec![0.1 + 0.2, -1.0, f64::NAN], [3])?;
/// assert_eq!(x.to_string(), "[ 0.3 -1.   nan]");
/// let t = Array::from_vec(vec![true, false], [2])?;
/// assert_eq!(t.to_string(), "[ True False]");
/// let scalar = Array::from_vec(vec![2.5], [])?;
/// assert_eq!(scalar.to_string(), "2.5");
/// # Ok::<(), ndview::Error>(())
/// ```
impl<S: Storage> fmt::Display for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad` honours a width and alignment (`{a:<16}`), like a `str`.
        f.pad(&array_str(self)?)
    }
}

/// Prints the array like NumPy's `repr(a)`.
///
/// ```
/// use ndview::Array;
///
/// let a = Array::arange(4);
/// assert_eq!(format!("{a:?}"), "array([0, 1, 2, 3])");
/// let b = Array::from_vec(vec![1i32, -2], [2])?;
/// assert_eq!(format!("{b:?}"), "array([ 1, -2], dtype=int32)");
/// let e = Array::<i64>::zeros([3, 0]);
/// assert_eq!(format!("{e:?}"), "array([], shape=(3, 0), dtype=int64)");
/// let big = Array::arange(2000);
/// assert_eq!(format!("{big:?}"), "array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))");
/// # Ok::<(), ndview::Error>(())
/// ```
impl<S: Storage> fmt::Debug for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&array_repr(self)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::Array;

    #[test]
    fn three_d_blocks_are_separated_by_blank_lines() {
        let a = Array::arange(8).into_shape([2, 2, 2]).unwrap();
        assert_eq!(a.to_string(), "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]");
    }

    #[test]
    fn long_rows_wrap_with_a_hanging_indent() {
        let a = Array::arange(30);
        let repr = format!("{a:?}");
        assert_eq!(
            repr,
            "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n       \
             17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])"
        );
    }

    #[test]
    fn zero_dimensional() {
        let a = Array::from_vec(vec![true], []).unwrap();
        assert_eq!((a.to_string(), format!("{a:?}")), ("True".to_owned(), "array(True)".to_owned()));
        let b = Array::from_vec(vec![5u8], []).unwrap();
        assert_eq!(format!("{b:?}"), "array(5, dtype=uint8)");
        let c = Array::from_vec(vec![1e20], []).unwrap();
        assert_eq!((c.to_string(), format!("{c:?}")), ("1e+20".to_owned(), "array(1.e+20)".to_owned()));
    }

    #[test]
    fn summarised_outer_axes() {
        let a = Array::arange(2000).into_shape([1000, 2]).unwrap();
        assert_eq!(
            a.to_string(),
            "[[   0    1]\n [   2    3]\n [   4    5]\n ...\n [1994 1995]\n [1996 1997]\n [1998 1999]]"
        );
    }
}
