//! Pictures of memory: an array drawn as SVG, its buffer beside its grid.
//!
//! An array is a block of memory plus the metadata that says how to walk it
//! (see [`Layout`]). A diagram shows both:
//!
//! * the **buffer**, as a strip of cells in memory order, each with its value
//!   inside and its byte offset underneath;
//! * the cells the array **reaches**, filled, and numbered above in the order
//!   the array reads them (C order: row by row). A negative stride makes the
//!   numbers run backwards, a transpose makes them jump across;
//! * under the strip, from the first element, one arrow per axis to the next
//!   element along that axis, labelled with the stride: the step in bytes,
//!   pointing left when it is negative (drawn for a diagram of one array,
//!   when both cells are on one row of the strip);
//! * the array's **grid**: each element where its index puts it, with its
//!   value and the byte it lives at, under its shape, byte strides and
//!   offset, with an arrow and the step in bytes for each axis.
//!
//! [`pair`] (or a [`Diagram`] with two arrays) draws two arrays. Arrays that
//! share a buffer are drawn on one strip, and a cell that both reach is
//! split between their two colours; an array with its own buffer (a copy)
//! gets its own strip.
//!
//! ```
//! use ndview::{diagram, s, Array};
//!
//! let data = Array::arange(12).into_shape([3, 4])?;
//! let view = data.slice(s![1:, :3])?;
//! let svg = diagram::svg(&view);
//! assert!(svg.starts_with("<svg"));
//! // The cell at byte 32 is the view's first element, number 0.
//! assert!(svg.contains(r#"data-byte="32" data-order-0="0""#));
//! // The copy lives in another buffer, drawn as another strip: its six
//! // cells and its grid.
//! let two = diagram::pair(&view, &view.copy());
//! assert_eq!(two.matches("data-strip=\"1\"").count(), 6 + 1);
//! # Ok::<(), ndview::Error>(())
//! ```
//!
//! # Large arrays
//!
//! A long axis is summarised as NumPy prints it: the first and the last few
//! items, `…` between. The strip of a large buffer then shows only the cells
//! that the drawn elements reach, with `…` for the cells between. At most 64
//! elements of an array and 64 cells of a strip are drawn, so a diagram stays
//! small whatever the size of the array: about 12 KB for a 1000×10000
//! array, never more than about 20 KB for one array. Whether a cell that is
//! not drawn is reached at all is NumPy's exact overlap search, bounded per
//! cell (2 000 failed candidates; see [`DEFAULT_MAX_WORK`](crate::DEFAULT_MAX_WORK)
//! for the rule), so even NumPy's hardest layouts are drawn at once; a cell the
//! search cannot decide in time is drawn as not reached.
//!
//! # What the SVG holds
//!
//! One line of SVG with no scripts, links or web fonts (`font-family:
//! monospace`); text and lines are drawn in `currentColor`, so they take the
//! page's text colour in light and dark themes, and the filled cells have
//! dark text on light fills. It scales to its container (`viewBox`) and is at
//! most about 400 units wide, so it stays legible on a phone. The cells carry
//! data attributes, so that a test (or a curious reader) can check the
//! picture against the layout:
//!
//! | element | attributes |
//! |---|---|
//! | strip cell `<rect>` | `data-strip` (which strip), `data-byte` (offset from the strip's start) and, for each array `k` that reaches the cell, `data-order-k`: the C-order numbers of the drawn elements stored there, space-separated (empty if the array is summarised and none of its drawn elements is there) |
//! | strip gap `<text>` | `data-strip`, `data-from`, `data-to`: the bytes `[from, to)` left out |
//! | array `<g>` | `data-array` (`k`), `data-strip`, `data-base` (the byte its buffer starts at on the strip), `data-shape`, `data-strides`, `data-offset`, `data-itemsize`, `data-size`, `data-complete` (whether every element is drawn) |
//! | grid cell `<rect>`, in its array's `<g>` | `data-index` (space-separated), `data-order`, `data-byte` (in the array's own buffer) |

use std::collections::BTreeMap;

use svg::Document;
use svg::node::element::{Group, Path, Rectangle, Text, Title};

use crate::array::{ArrayView, AsArray};
use crate::element::Element;
use crate::layout::Layout;
use crate::overlap::{Overlap, solve_may_share_memory};

/// At most this many elements of one array are drawn in its grid.
const MAX_DRAWN: usize = 64;
/// A buffer of at most this many items is drawn whole.
const STRIP_WHOLE: usize = 48;
/// A summarised strip draws at most this many cells.
const MAX_STRIP_CELLS: usize = 64;
/// NumPy's `edgeitems`: items kept at each end of a summarised axis.
const EDGE_ITEMS: usize = 3;
/// A longer row axis is summarised.
const MAX_ROWS: usize = 8;
/// With more blocks (the leading axes of an n-d array) only the first and
/// the last are drawn.
const MAX_BLOCKS: usize = 8;
/// Longer names are cut.
const MAX_NAME: usize = 40;
/// The work bound of the overlap search for one strip cell (see the
/// `overlap` module): a diagram of at most [`MAX_STRIP_CELLS`] cells per
/// strip stays quick even for NumPy's hardest layouts.
const CELL_MAX_WORK: u64 = 2_000;

/// Width the diagram aims at (it is only wider for very wide values).
const WIDTH: f32 = 400.0;
const MARGIN: f32 = 8.0;
/// Font size of labels, and of the values in the grid.
const LABEL: f32 = 11.0;
const VALUE: f32 = 13.0;
/// Width of one character of a monospace font, per unit of font size.
const ADVANCE: f32 = 0.6;
const MIN_CELL: f32 = 28.0;
const STRIP_CELL_HEIGHT: f32 = 22.0;
const GRID_CELL_HEIGHT: f32 = 34.0;
const LINE: f32 = 16.0;
const LANE: f32 = 18.0;
/// Fills for the arrays, light enough for dark text in every theme
/// (Okabe and Ito's colour-blind-safe palette).
const PALETTE: [&str; 4] = ["#e69f00", "#56b4e9", "#cc79a7", "#009e73"];
/// Text on a filled cell.
const INK: &str = "#111";

/// The diagram of one array or view, as one line of SVG.
///
/// ```
/// use ndview::{diagram, s, Array};
///
/// let arr = Array::arange(12).into_shape([3, 4])?;
/// let reversed = arr.slice(s![::-1])?;
/// let svg = diagram::svg(&reversed);
/// // The last row comes first: bytes 64, 72, 80, 88 are elements 0 to 3.
/// assert!(svg.contains(r#"data-byte="64" data-order-0="0""#));
/// assert!(svg.contains(r#"data-byte="0" data-order-0="8""#));
/// assert!(svg.contains("-32 B")); // one step along axis 0 walks back a row
/// assert!(!svg.contains('\n'));
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn svg<A: AsArray>(a: &A) -> String {
    Diagram::new().array("", a).to_svg()
}

/// Two arrays in one diagram, named `a` and `b`: on one strip if they share
/// a buffer, with the cells both reach marked, on two strips if not.
///
/// ```
/// use ndview::{diagram, s, Array};
///
/// let x = Array::arange(6);
/// let svg = diagram::pair(&x.slice(s![:4])?, &x.slice(s![2:])?);
/// // Bytes 16 and 24 are reached by both: elements 2, 3 of a and 0, 1 of b.
/// assert!(svg.contains(r#"data-byte="16" data-order-0="2" data-order-1="0""#));
/// assert!(svg.contains(r#"data-byte="24" data-order-0="3" data-order-1="1""#));
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn pair<T: Element>(a: &impl AsArray<Elem = T>, b: &impl AsArray<Elem = T>) -> String {
    Diagram::new().array("a", a).array("b", b).to_svg()
}

/// A diagram of one or more named arrays of the same element type.
///
/// Each array gets a colour (orange, blue, pink, green, then again) and a
/// grid with its name; arrays whose buffers overlap share a strip.
///
/// ```
/// use ndview::{Array, diagram::Diagram};
///
/// let data = Array::arange(12).into_shape([3, 4])?;
/// let flat_view = data.ravel();
/// let flat_copy = data.flatten();
/// let svg = Diagram::new()
///     .array("data.ravel()", &flat_view)
///     .array("data.flatten()", &flat_copy)
///     .to_svg();
/// assert!(svg.contains("memory of data.ravel()"));
/// assert!(svg.contains("memory of data.flatten()"));
/// # Ok::<(), ndview::Error>(())
/// ```
pub struct Diagram<'a, T: Element> {
    /// Each array with its name, and the name of the array whose memory it
    /// views, if given.
    arrays: Vec<(String, ArrayView<'a, T>, Option<String>)>,
}

/// An empty diagram, like [`Diagram::new`].
///
/// ```
/// use ndview::diagram::Diagram;
/// assert_eq!(Diagram::<u8>::default().to_svg(), Diagram::<u8>::new().to_svg());
/// ```
impl<T: Element> Default for Diagram<'_, T> {
    fn default() -> Self {
        Diagram { arrays: Vec::new() }
    }
}

impl<'a, T: Element> Diagram<'a, T> {
    /// An empty diagram; add arrays with [`array`](Diagram::array).
    ///
    /// ```
    /// use ndview::diagram::Diagram;
    /// let empty = Diagram::<i64>::new().to_svg();
    /// assert!(empty.starts_with("<svg") && empty.ends_with("</svg>"));
    /// ```
    pub fn new() -> Self {
        Diagram::default()
    }

    /// Adds an array, shown under `name` (an empty name shows none; names
    /// are cut at 40 characters).
    ///
    /// ```
    /// use ndview::{Array, diagram::Diagram};
    /// let a = Array::arange(4);
    /// let svg = Diagram::new().array("a.t()", &a).to_svg();
    /// assert!(svg.contains(">a.t()</text>"));
    /// ```
    pub fn array(mut self, name: &str, a: &'a impl AsArray<Elem = T>) -> Self {
        let mut name: String = name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        if name.chars().count() > MAX_NAME {
            name = name.chars().take(MAX_NAME - 1).chain(['…']).collect();
        }
        self.arrays.push((name, a.as_view(), None));
        self
    }

    /// Names the owner of the memory of the array added last: its strip is
    /// then headed `memory of OWNER` rather than after the array. For a view,
    /// whose buffer belongs to the array it was made from.
    ///
    /// ```
    /// use ndview::{Array, diagram::Diagram};
    /// let data = Array::arange(12).into_shape([3, 4])?;
    /// let flat = data.ravel();
    /// let svg = Diagram::new().array("data.ravel()", &flat).memory_of("data").to_svg();
    /// assert!(svg.contains("memory of data: 12 × i64, 8 bytes each"));
    /// assert!(!svg.contains("memory of data.ravel()"));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn memory_of(mut self, owner: &str) -> Self {
        if let Some(last) = self.arrays.last_mut() {
            last.2 = Some(owner.chars().map(|c| if c.is_control() { ' ' } else { c }).collect());
        }
        self
    }

    /// The SVG, on one line (so it can sit inside Markdown's HTML blocks).
    ///
    /// ```
    /// use ndview::{Array, diagram::Diagram};
    /// let a = Array::arange(10_000);
    /// let svg = Diagram::new().array("a", &a).to_svg();
    /// assert!(svg.len() < 16_000); // summarised
    /// assert!(svg.contains(r#"data-byte="79992" data-order-0="9999""#));
    /// ```
    pub fn to_svg(&self) -> String {
        Plan::new(&self.arrays).render().replace('\n', "")
    }
}

// ---------------------------------------------------------------------------
// What to draw.

/// One position along a drawn axis: an index, or the `…` of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    At(usize),
    Gap,
}

/// All indices of an axis of length `len`, or the first and last `edge`
/// with a gap between when there are more than `max`.
fn axis_slots(len: usize, max: usize, edge: usize) -> Vec<Slot> {
    if len <= max {
        (0..len).map(Slot::At).collect()
    } else {
        (0..edge).map(Slot::At).chain([Slot::Gap]).chain((len - edge..len).map(Slot::At)).collect()
    }
}

fn indices(slots: &[Slot]) -> impl Iterator<Item = usize> + '_ {
    slots.iter().filter_map(|s| match s {
        Slot::At(i) => Some(*i),
        Slot::Gap => None,
    })
}

/// The C-order multi-index of `k` in `shape`.
fn unravel(mut k: usize, shape: &[usize]) -> Vec<usize> {
    let mut index = vec![0; shape.len()];
    for axis in (0..shape.len()).rev() {
        index[axis] = k % shape[axis];
        k /= shape[axis];
    }
    index
}

/// Which elements of an array are drawn: blocks (indices along the leading
/// axes of an n-d array), rows (the second-last axis) and columns (the last).
#[derive(Debug, Clone)]
struct Grid {
    /// `None` stands for the `…` between the first and the last block.
    blocks: Vec<Option<Vec<usize>>>,
    rows: Vec<Slot>,
    cols: Vec<Slot>,
    /// Every element is drawn.
    complete: bool,
}

impl Grid {
    /// The drawn part of an array of `shape`, with at most `max_cols`
    /// columns, tightened until at most `MAX_DRAWN` elements are drawn.
    fn plan(shape: &[usize], max_cols: usize) -> Grid {
        let size: usize = shape.iter().product();
        if size == 0 {
            return Grid { blocks: vec![], rows: vec![], cols: vec![], complete: true };
        }
        let ndim = shape.len();
        let lead = &shape[..ndim.saturating_sub(2)];
        let n_blocks: usize = lead.iter().product();
        let col_edge = EDGE_ITEMS.min(max_cols.saturating_sub(1) / 2).max(1);
        let tries = [
            (MAX_ROWS, EDGE_ITEMS, max_cols, col_edge, MAX_BLOCKS),
            (MAX_ROWS, EDGE_ITEMS, max_cols, col_edge, 2),
            (4, 2, max_cols.min(4), col_edge.min(2), 2),
        ];
        let mut grid = None;
        for (row_max, row_edge, col_max, col_edge, block_max) in tries {
            let rows =
                if ndim >= 2 { axis_slots(shape[ndim - 2], row_max, row_edge) } else { vec![Slot::At(0)] };
            let cols =
                if ndim >= 1 { axis_slots(shape[ndim - 1], col_max, col_edge) } else { vec![Slot::At(0)] };
            let blocks = if n_blocks <= block_max {
                (0..n_blocks).map(|k| Some(unravel(k, lead))).collect()
            } else {
                vec![Some(vec![0; lead.len()]), None, Some(lead.iter().map(|d| d - 1).collect())]
            };
            let count = blocks.iter().flatten().count() * indices(&rows).count() * indices(&cols).count();
            let done = count <= MAX_DRAWN;
            grid = Some(Grid { blocks, rows, cols, complete: count == size });
            if done {
                break;
            }
        }
        grid.expect("at least one try")
    }

    /// The multi-index of the element in `block`, `row`, `col`.
    fn index(ndim: usize, block: &[usize], row: usize, col: usize) -> Vec<usize> {
        match ndim {
            0 => vec![],
            1 => vec![col],
            _ => block.iter().copied().chain([row, col]).collect(),
        }
    }
}

/// One drawn element: its index, C-order number and byte in its buffer.
#[derive(Debug, Clone)]
struct Drawn {
    index: Vec<usize>,
    order: usize,
    byte: usize,
}

fn c_order(index: &[usize], shape: &[usize]) -> usize {
    index.iter().zip(shape).fold(0, |acc, (&i, &d)| acc * d + i)
}

fn byte_of(index: &[usize], layout: &Layout) -> usize {
    let pos = index.iter().zip(layout.strides()).fold(layout.offset(), |acc, (&i, &s)| acc + i as isize * s);
    pos as usize
}

/// One array as it will be drawn.
struct Planned<'p, 'a, T: Element> {
    name: &'p str,
    /// Whose memory the array views, when the caller named it.
    owner: Option<&'p str>,
    view: &'p ArrayView<'a, T>,
    grid: Grid,
    drawn: Vec<Drawn>,
    /// Drawn elements by the byte they live at.
    by_byte: BTreeMap<usize, Vec<usize>>,
    strip: usize,
    /// Where the array's buffer starts on its strip, in items.
    base: usize,
    colour: &'static str,
    /// Grid cell width.
    cell: f32,
}

/// A cell of a strip: an item of the buffer, or the items `[from, to)` left out.
#[derive(Debug, Clone, Copy)]
enum StripSlot {
    Item(usize),
    Gap(usize, usize),
}

/// One buffer (or several overlapping ones) drawn as a strip.
struct Strip {
    /// Address of the first item, and the number of items.
    addr: usize,
    len: usize,
    members: Vec<usize>,
    slots: Vec<StripSlot>,
    cell: f32,
    per_row: usize,
}

struct Plan<'p, 'a, T: Element> {
    arrays: Vec<Planned<'p, 'a, T>>,
    strips: Vec<Strip>,
    itemsize: usize,
    /// Each shown value as text, by item position: `values[(strip, item)]`
    /// for strip cells, `grid_values[k][i]` for drawn element `i` of array `k`.
    values: BTreeMap<(usize, usize), String>,
    grid_values: Vec<Vec<String>>,
}

fn text_width(s: &str, size: f32) -> f32 {
    s.chars().count() as f32 * size * ADVANCE
}

/// The label of a strip cell's numbers: `3`, `2,4,6` or `2,4,…`.
fn orders_label(orders: &[usize]) -> String {
    let shown: Vec<String> =
        orders.iter().take(if orders.len() > 3 { 2 } else { 3 }).map(|o| o.to_string()).collect();
    let mut label = shown.join(",");
    if orders.len() > 3 {
        label.push_str(",…");
    }
    label
}

fn signed(x: isize) -> String {
    if x > 0 { format!("+{x}") } else { x.to_string() }
}

impl<'p, 'a, T: Element> Plan<'p, 'a, T> {
    fn new(arrays: &'p [(String, ArrayView<'a, T>, Option<String>)]) -> Self {
        let itemsize = size_of::<T>();
        // Group the buffers: overlapping address ranges share a strip.
        let ranges: Vec<(usize, usize)> =
            arrays.iter().map(|(_, v, _)| (v.buffer().as_ptr().addr(), v.buffer().len())).collect();
        let mut strips: Vec<Strip> = Vec::new();
        let mut strip_of = vec![0; arrays.len()];
        for (k, &(addr, len)) in ranges.iter().enumerate() {
            let overlaps = |s: &Strip| {
                len > 0 && s.len > 0 && addr < s.addr + s.len * itemsize && s.addr < addr + len * itemsize
            };
            let mut joined: Option<usize> = None;
            for s in 0..strips.len() {
                if !overlaps(&strips[s]) {
                    continue;
                }
                match joined {
                    None => {
                        let strip = &mut strips[s];
                        let end = (strip.addr + strip.len * itemsize).max(addr + len * itemsize);
                        strip.addr = strip.addr.min(addr);
                        strip.len = (end - strip.addr) / itemsize;
                        strip.members.push(k);
                        joined = Some(s);
                    }
                    Some(first) => {
                        // `k` bridges two strips: merge `s` into `first`.
                        let other = std::mem::take(&mut strips[s].members);
                        let (addr2, len2) = (strips[s].addr, strips[s].len);
                        let strip = &mut strips[first];
                        let end = (strip.addr + strip.len * itemsize).max(addr2 + len2 * itemsize);
                        strip.addr = strip.addr.min(addr2);
                        strip.len = (end - strip.addr) / itemsize;
                        strip.members.extend(other);
                        strips[s].len = 0;
                    }
                }
            }
            if joined.is_none() {
                strips.push(Strip { addr, len, members: vec![k], slots: vec![], cell: MIN_CELL, per_row: 1 });
            }
        }
        strips.retain(|s| !s.members.is_empty());
        for (s, strip) in strips.iter_mut().enumerate() {
            strip.members.sort_unstable();
            for &k in &strip.members {
                strip_of[k] = s;
            }
        }

        // The grids: a first plan measures the cells, the second fits the width.
        let mut planned = Vec::with_capacity(arrays.len());
        for (k, (name, view, owner)) in arrays.iter().enumerate() {
            let layout = view.layout();
            let left = if layout.ndim() >= 2 { 16.0 } else { 0.0 };
            let mut max_cols = 13;
            let mut grid = Grid::plan(layout.shape(), max_cols);
            let mut cell = MIN_CELL;
            for _ in 0..2 {
                let drawn = Self::drawn(&grid, layout);
                let values: Vec<T> = drawn.iter().map(|d| view.buffer()[d.byte / itemsize]).collect();
                let texts = crate::print::element_strings(&values);
                cell = drawn.iter().zip(&texts).fold(MIN_CELL, |w, (d, t)| {
                    w.max(text_width(t, VALUE) + 7.0).max(text_width(&d.byte.to_string(), LABEL) + 7.0)
                });
                let fit = ((WIDTH - 2.0 * MARGIN - left) / cell).floor() as usize;
                if fit >= max_cols {
                    break;
                }
                max_cols = fit.max(3);
                grid = Grid::plan(layout.shape(), max_cols);
            }
            let drawn = Self::drawn(&grid, layout);
            let mut by_byte: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for d in &drawn {
                by_byte.entry(d.byte).or_default().push(d.order);
            }
            let strip = strip_of[k];
            let base = (ranges[k].0 - strips[strip].addr) / itemsize;
            planned.push(Planned {
                name,
                owner: owner.as_deref(),
                view,
                grid,
                drawn,
                by_byte,
                strip,
                base,
                colour: PALETTE[k % PALETTE.len()],
                cell,
            });
        }

        let mut plan =
            Plan { arrays: planned, strips, itemsize, values: BTreeMap::new(), grid_values: vec![] };
        for s in 0..plan.strips.len() {
            plan.plan_strip(s);
        }
        plan.format_values();
        plan.measure_strips();
        plan
    }

    fn drawn(grid: &Grid, layout: &Layout) -> Vec<Drawn> {
        let mut out = Vec::new();
        for block in grid.blocks.iter().flatten() {
            for row in indices(&grid.rows) {
                for col in indices(&grid.cols) {
                    let index = Grid::index(layout.ndim(), block, row, col);
                    out.push(Drawn {
                        order: c_order(&index, layout.shape()),
                        byte: byte_of(&index, layout),
                        index,
                    });
                }
            }
        }
        out
    }

    /// The cells of strip `s`: all of a small buffer, else the cells the
    /// drawn elements reach, with gaps between.
    fn plan_strip(&mut self, s: usize) {
        let len = self.strips[s].len;
        let slots = if len <= STRIP_WHOLE {
            (0..len).map(StripSlot::Item).collect()
        } else {
            let itemsize = self.itemsize;
            let mut wanted: Vec<usize> = Vec::new();
            for &k in &self.strips[s].members {
                let a = &self.arrays[k];
                wanted.extend(a.by_byte.keys().map(|b| a.base + b / itemsize));
            }
            wanted.sort_unstable();
            wanted.dedup();
            if wanted.len() > MAX_STRIP_CELLS {
                let half = MAX_STRIP_CELLS / 2;
                wanted.drain(half..wanted.len() - half);
            }
            let mut slots = Vec::new();
            let mut next = 0;
            for item in wanted {
                if item > next {
                    slots.push(StripSlot::Gap(next, item));
                }
                slots.push(StripSlot::Item(item));
                next = item + 1;
            }
            if next < len {
                slots.push(StripSlot::Gap(next, len));
            }
            slots
        };
        self.strips[s].slots = slots;
    }

    /// The drawn elements of array `k` stored in strip item `item`, or
    /// `None` if the array does not reach it at all.
    fn orders_at(&self, k: usize, item: usize) -> Option<&[usize]> {
        let a = &self.arrays[k];
        let rel = item.checked_sub(a.base).filter(|&r| r < a.view.buffer().len())?;
        let byte = rel * self.itemsize;
        if let Some(orders) = a.by_byte.get(&byte) {
            return Some(orders);
        }
        if a.grid.complete {
            return None;
        }
        // Not drawn: does an element we left out live here? The exact
        // answer of `np.shares_memory(a, the one cell)`, within a work bound
        // per cell (at most 64 cells are drawn); a cell it cannot decide is
        // drawn as not reached.
        let point = Layout::new(&[], &[], byte as isize, self.itemsize, a.view.buffer().len()).ok()?;
        match solve_may_share_memory(a.view.layout(), 0, &point, 0, Some(CELL_MAX_WORK)) {
            Overlap::Yes => Some(&[]),
            _ => None,
        }
    }

    /// Formats every value shown with one formatter, as `str()` would.
    fn format_values(&mut self) {
        let mut values: Vec<T> = Vec::new();
        let mut keys = Vec::new();
        for (s, strip) in self.strips.iter().enumerate() {
            let k = strip.members[0];
            let a = &self.arrays[k];
            for slot in &strip.slots {
                if let StripSlot::Item(item) = *slot {
                    // Some member's buffer holds the item (the strip is their union).
                    let holder = strip
                        .members
                        .iter()
                        .map(|&m| &self.arrays[m])
                        .find(|m| item >= m.base && item - m.base < m.view.buffer().len());
                    let m = holder.unwrap_or(a);
                    values.push(m.view.buffer()[item - m.base]);
                    keys.push((s, item));
                }
            }
        }
        let strip_count = values.len();
        for a in &self.arrays {
            values.extend(a.drawn.iter().map(|d| a.view.buffer()[d.byte / self.itemsize]));
        }
        let mut texts = crate::print::element_strings(&values).into_iter();
        self.values = keys.into_iter().zip(texts.by_ref().take(strip_count)).collect();
        self.grid_values = self.arrays.iter().map(|a| texts.by_ref().take(a.drawn.len()).collect()).collect();
    }

    /// Cell width and cells per row of each strip.
    fn measure_strips(&mut self) {
        for s in 0..self.strips.len() {
            let strip = &self.strips[s];
            let mut cell = MIN_CELL;
            for slot in &strip.slots {
                if let StripSlot::Item(item) = *slot {
                    cell = cell.max(text_width(&(item * self.itemsize).to_string(), LABEL) + 8.0);
                    cell = cell.max(text_width(&self.values[&(s, item)], 12.0) + 8.0);
                    for &k in &strip.members {
                        if let Some(orders) = self.orders_at(k, item) {
                            cell = cell.max(text_width(&orders_label(orders), LABEL) + 6.0);
                        }
                    }
                }
            }
            let left = self.strip_left(s);
            let fit = (((WIDTH - MARGIN - left) / cell).floor() as usize).max(1);
            let n = strip.slots.len().max(1);
            let per_row = self.row_length(s, fit, n);
            let strip = &mut self.strips[s];
            strip.cell = cell;
            strip.per_row = per_row;
        }
    }

    /// Cells per row of strip `s`, whose `n` cells fit `fit` to a row: rows as
    /// even as can be, unless that cuts a run of neighbouring cells that one
    /// array reaches. Then the longest row, at least half as long as `fit`,
    /// that cuts no run, a multiple of an array's stride if one fits (so that
    /// the rows of the strip line up with the rows of the array).
    fn row_length(&self, s: usize, fit: usize, n: usize) -> usize {
        if n <= fit {
            return n;
        }
        let even = n.div_ceil(n.div_ceil(fit));
        let strip = &self.strips[s];
        // For each cell, which arrays reach it, one bit per member.
        let reached: Vec<u64> = strip
            .slots
            .iter()
            .map(|slot| match *slot {
                StripSlot::Item(item) => strip
                    .members
                    .iter()
                    .enumerate()
                    .filter(|&(_, &k)| self.orders_at(k, item).is_some())
                    .fold(0, |bits, (i, _)| bits | 1 << (i % 64)),
                StripSlot::Gap(..) => 0,
            })
            .collect();
        let cuts_a_run = |w: usize| (w..n).step_by(w).any(|p| reached[p - 1] & reached[p] != 0);
        if !cuts_a_run(even) {
            return even;
        }
        let strides: Vec<usize> = strip
            .members
            .iter()
            .flat_map(|&k| self.arrays[k].view.layout().strides().to_vec())
            .map(|st| st.unsigned_abs() / self.itemsize.max(1))
            .filter(|&st| st > 1)
            .collect();
        let widths = || (fit.div_ceil(2)..=fit).rev();
        widths()
            .find(|&w| strides.iter().any(|&st| w % st == 0) && !cuts_a_run(w))
            .or_else(|| widths().find(|&w| !cuts_a_run(w)))
            .unwrap_or(even)
    }

    /// Left edge of a strip's cells: room for colour keys when it holds
    /// several arrays.
    fn strip_left(&self, s: usize) -> f32 {
        if self.strips[s].members.len() > 1 { MARGIN + 12.0 } else { MARGIN }
    }

    // -----------------------------------------------------------------------
    // Drawing.

    fn render(&self) -> String {
        let mut c = Canvas::default();
        let mut y = MARGIN;
        for s in 0..self.strips.len() {
            y = self.render_strip(&mut c, s, y);
            y += 10.0;
        }
        for k in 0..self.arrays.len() {
            y = self.render_grid(&mut c, k, y);
            y += 10.0;
        }
        let width = (c.right + MARGIN).ceil().max(120.0);
        let height = y.ceil();
        c.finish(width, height, &self.title())
    }

    fn title(&self) -> String {
        let parts: Vec<String> = self
            .arrays
            .iter()
            .map(|a| {
                let l = a.view.layout();
                format!(
                    "{}shape {}, strides {} bytes, offset {}",
                    if a.name.is_empty() { String::new() } else { format!("{}: ", a.name) },
                    list(l.shape()),
                    list(l.strides()),
                    l.offset()
                )
            })
            .collect();
        format!("Memory diagram. {}", parts.join("; "))
    }

    fn render_strip(&self, c: &mut Canvas, s: usize, mut y: f32) -> f32 {
        let strip = &self.strips[s];
        let single = self.arrays.len() == 1;
        let names: Vec<&str> = strip.members.iter().map(|&k| self.arrays[k].name).collect();
        let owner = strip.members.iter().find_map(|&k| self.arrays[k].owner);
        let who = if let Some(owner) = owner {
            format!("memory of {owner}")
        } else if single {
            "memory".to_owned()
        } else if names.len() == 1 {
            format!("memory of {}", names[0])
        } else {
            format!("memory shared by {}", names.join(" and "))
        };
        let who = if s > 0 { format!("{who} (a separate buffer)") } else { who };
        let what = format!("{} × {}, {} bytes each", strip.len, rust_type::<T>(), self.itemsize);
        let heading = format!("{who}: {what}");
        if text_width(&heading, LABEL) + 2.0 * MARGIN <= WIDTH {
            c.label_start(MARGIN, y + 11.0, &heading, true);
            y += LINE;
        } else {
            c.label_start(MARGIN, y + 11.0, &format!("{who}:"), true);
            c.label_start(MARGIN, y + 11.0 + LINE, &what, false);
            y += 2.0 * LINE;
        }
        if strip.members.len() > 1 {
            let mut x = MARGIN;
            for &k in &strip.members {
                let a = &self.arrays[k];
                c.swatch(x, y + 2.0, a.colour);
                c.label_start(x + 14.0, y + 11.0, a.name, false);
                x += 14.0 + text_width(a.name, LABEL) + 12.0;
            }
            c.label_start(x, y + 11.0, "split cells: both", false);
            y += LINE;
        }
        if strip.slots.is_empty() {
            c.label_start(MARGIN, y + 11.0, "(an empty buffer)", false);
            return y + LINE;
        }
        let left = self.strip_left(s);
        let arcs = if single { self.arcs(s) } else { vec![] };
        for (row, slots) in strip.slots.chunks(strip.per_row).enumerate() {
            // One line of numbers per array, then the cells, then the bytes.
            let numbers_y = y;
            if strip.members.len() > 1 {
                for (line, &k) in strip.members.iter().enumerate() {
                    let key = Rectangle::new()
                        .set("x", MARGIN)
                        .set("y", r(numbers_y + 3.0 + 13.0 * line as f32))
                        .set("width", 8)
                        .set("height", 8)
                        .set("fill", self.arrays[k].colour);
                    c.shapes.push(key);
                }
            }
            y += 13.0 * strip.members.len() as f32 + 2.0;
            let cells_y = y;
            for (i, slot) in slots.iter().enumerate() {
                let x = left + i as f32 * strip.cell;
                let mid = x + strip.cell / 2.0;
                match *slot {
                    StripSlot::Gap(from, to) => {
                        let gap = Text::new("…")
                            .set("x", r(mid))
                            .set("y", r(cells_y + 15.0))
                            .set("data-strip", s)
                            .set("data-from", from * self.itemsize)
                            .set("data-to", to * self.itemsize);
                        c.middle.push(gap);
                    }
                    StripSlot::Item(item) => {
                        let mut fills = Vec::new();
                        let mut cell =
                            Rectangle::new().set("data-strip", s).set("data-byte", item * self.itemsize);
                        for (line, &k) in strip.members.iter().enumerate() {
                            if let Some(orders) = self.orders_at(k, item) {
                                let list: Vec<String> = orders.iter().map(|o| o.to_string()).collect();
                                cell = cell.set(format!("data-order-{k}"), list.join(" "));
                                fills.push(self.arrays[k].colour);
                                if !orders.is_empty() {
                                    let ly = numbers_y + 11.0 + 13.0 * line as f32;
                                    c.bold.push(text(mid, ly, &orders_label(orders)));
                                }
                            }
                        }
                        let (cx, cy, w, h) = (x + 1.0, cells_y, strip.cell - 2.0, STRIP_CELL_HEIGHT);
                        match fills.len() {
                            0 => {}
                            1 => {}
                            n => {
                                // Split the cell between the arrays that reach it.
                                for (i, fill) in fills.iter().enumerate() {
                                    let band = h / n as f32;
                                    c.shapes.push(
                                        Rectangle::new()
                                            .set("x", r(cx))
                                            .set("y", r(cy + band * i as f32))
                                            .set("width", r(w))
                                            .set("height", r(band))
                                            .set("fill", *fill),
                                    );
                                }
                            }
                        }
                        let cell =
                            cell.set("x", r(cx)).set("y", r(cy)).set("width", r(w)).set("height", r(h));
                        if let [fill] = fills[..] {
                            c.filled.entry(fill).or_default().push(cell);
                        } else {
                            c.outlined.push(cell);
                        }
                        let value = &self.values[&(s, item)];
                        if fills.is_empty() {
                            c.values_plain.push(text(mid, cells_y + 15.5, value));
                        } else {
                            c.values_ink.push(text(mid, cells_y + 15.5, value));
                        }
                        c.soft.push(text(
                            mid,
                            cells_y + STRIP_CELL_HEIGHT + 12.0,
                            &(item * self.itemsize).to_string(),
                        ));
                        c.extend(x + strip.cell);
                    }
                }
            }
            y = cells_y + STRIP_CELL_HEIGHT + 14.0;
            // The step arrows that start and end on this row.
            let row_arcs: Vec<&Arc> = arcs.iter().filter(|a| a.row == row).collect();
            for (lane, arc) in row_arcs.iter().enumerate() {
                let x1 = left + (arc.from as f32 + 0.5) * strip.cell;
                let x2 = left + (arc.to as f32 + 0.5) * strip.cell;
                let top = y;
                let low = y + 8.0 + LANE * lane as f32;
                c.lines.push(
                    Path::new()
                        .set("d", format!("M{} {}V{}H{}V{}", r(x1), r(top), r(low), r(x2), r(top + 5.0))),
                );
                c.heads.push(Path::new().set("d", format!("M{} {}l-3.5 6h7z", r(x2), r(top - 1.0))));
                // Under the arrow if it fits, else just past its far end.
                let w = text_width(&arc.label, LABEL);
                if w + 8.0 <= (x2 - x1).abs() {
                    c.middle.push(text((x1 + x2) / 2.0, low + 12.0, &arc.label));
                } else if x2 > x1 {
                    c.label_start(x2 + 4.0, low + 4.0, &arc.label, false);
                } else {
                    c.end.push(text(x2 - 4.0, low + 4.0, &arc.label));
                }
            }
            if !row_arcs.is_empty() {
                y += 8.0 + LANE * row_arcs.len() as f32;
            }
            y += 4.0;
        }
        y
    }

    /// Arrows from the first element to the next along each axis, when both
    /// cells are drawn on one row; nested, the shortest innermost.
    fn arcs(&self, s: usize) -> Vec<Arc> {
        let strip = &self.strips[s];
        let a = &self.arrays[strip.members[0]];
        let layout = a.view.layout();
        if layout.size() == 0 {
            return vec![];
        }
        let position = |item: usize| {
            strip.slots.iter().position(|slot| matches!(slot, StripSlot::Item(i) if *i == item))
        };
        let Some(start) = position(a.base + layout.offset() as usize / self.itemsize) else { return vec![] };
        let mut arcs = Vec::new();
        for axis in 0..layout.ndim() {
            let stride = layout.strides()[axis];
            if layout.shape()[axis] < 2 || stride == 0 {
                continue;
            }
            let item = a.base as isize + (layout.offset() + stride) / self.itemsize as isize;
            let Some(end) = position(item as usize) else { continue };
            if start / strip.per_row != end / strip.per_row {
                continue;
            }
            arcs.push(Arc {
                row: start / strip.per_row,
                from: start % strip.per_row,
                to: end % strip.per_row,
                label: format!("{} B", signed(stride)),
            });
        }
        // Two axes with one stride share one arrow.
        arcs.sort_by_key(|a| (a.from.abs_diff(a.to), a.to));
        arcs.dedup_by_key(|a| a.to);
        arcs
    }

    fn render_grid(&self, c: &mut Canvas, k: usize, mut y: f32) -> f32 {
        let a = &self.arrays[k];
        let layout = a.view.layout();
        let ndim = layout.ndim();
        if !a.name.is_empty() {
            c.swatch(MARGIN, y + 2.0, a.colour);
            c.label_start(MARGIN + 14.0, y + 11.0, a.name, true);
            y += LINE;
        }
        let facts = format!(
            "shape {}, strides {}, offset {} (bytes)",
            list(layout.shape()),
            list(layout.strides()),
            layout.offset()
        );
        if text_width(&facts, LABEL) + 2.0 * MARGIN <= WIDTH {
            c.label_start(MARGIN, y + 11.0, &facts, false);
            y += LINE;
        } else {
            c.label_start(MARGIN, y + 11.0, &format!("shape {}", list(layout.shape())), false);
            let rest = format!("strides {}, offset {} (bytes)", list(layout.strides()), layout.offset());
            c.label_start(MARGIN, y + 11.0 + LINE, &rest, false);
            y += 2.0 * LINE;
        }
        let size = layout.size();
        if !a.grid.complete {
            let note = format!("summarised: {} of {} elements drawn", a.drawn.len(), size);
            c.label_start(MARGIN, y + 11.0, &note, false);
            y += LINE;
        }
        let mut group = Group::new()
            .set("data-array", k)
            .set("data-strip", a.strip)
            .set("data-base", a.base * self.itemsize)
            .set("data-shape", join(layout.shape()))
            .set("data-strides", join(layout.strides()))
            .set("data-offset", layout.offset())
            .set("data-itemsize", self.itemsize)
            .set("data-size", size)
            .set("data-complete", a.grid.complete)
            .set("fill", a.colour)
            .set("stroke", "currentColor");
        if size == 0 {
            c.label_start(MARGIN, y + 11.0, "no elements", false);
            c.grids.push(group);
            return y + LINE;
        }
        let left = if ndim >= 2 { MARGIN + 16.0 } else { MARGIN };
        let width = a.grid.cols.len() as f32 * a.cell;
        if ndim >= 1 {
            let step = format!("axis {}: {} B per step", ndim - 1, signed(layout.strides()[ndim - 1]));
            c.label_start(left, y + 11.0, &step, false);
            y += 18.0;
            c.arrow_right(left, left + width, y);
            y += 6.0;
        } else {
            c.label_start(MARGIN, y + 11.0, "0-d: no axes, one element", false);
            y += LINE;
        }
        let mut values = self.grid_values[k].iter();
        let mut drawn = a.drawn.iter();
        for block in &a.grid.blocks {
            let Some(block) = block else {
                c.label_start(left, y + 12.0, "…", false);
                y += LINE;
                continue;
            };
            if ndim > 2 {
                let mut parts: Vec<String> = block.iter().map(|i| i.to_string()).collect();
                parts.extend([":".to_owned(), ":".to_owned()]);
                c.label_start(left, y + 11.0, &format!("[{}]", parts.join(", ")), false);
                y += 14.0;
            }
            let top = y;
            for row in &a.grid.rows {
                if *row == Slot::Gap {
                    for (i, _) in a.grid.cols.iter().enumerate() {
                        c.middle.push(text(left + (i as f32 + 0.5) * a.cell, y + 12.0, "…"));
                    }
                    y += LINE;
                    continue;
                }
                for (i, col) in a.grid.cols.iter().enumerate() {
                    let x = left + i as f32 * a.cell;
                    let mid = x + a.cell / 2.0;
                    if *col == Slot::Gap {
                        c.middle.push(text(mid, y + GRID_CELL_HEIGHT / 2.0 + 4.0, "…"));
                        continue;
                    }
                    let d = drawn.next().expect("one drawn element per cell");
                    let value = values.next().expect("one value per drawn element");
                    group = group.add(
                        Rectangle::new()
                            .set("x", r(x + 1.0))
                            .set("y", r(y))
                            .set("width", r(a.cell - 2.0))
                            .set("height", GRID_CELL_HEIGHT - 2.0)
                            .set("data-index", join(&d.index))
                            .set("data-order", d.order)
                            .set("data-byte", d.byte),
                    );
                    c.grid_values.push(text(mid, y + 14.0, value));
                    c.grid_bytes.push(text(mid, y + 27.0, &d.byte.to_string()));
                }
                y += GRID_CELL_HEIGHT;
            }
            if ndim >= 2 {
                c.arrow_down(left - 9.0, top, y - 2.0);
            }
            c.extend(left + width);
            y += 4.0;
        }
        c.grids.push(group);
        if ndim >= 2 {
            let step = format!("axis {}: {} B per step (down)", ndim - 2, signed(layout.strides()[ndim - 2]));
            c.label_start(MARGIN, y + 11.0, &step, false);
            y += LINE;
        }
        for axis in 0..ndim.saturating_sub(2) {
            let step = format!("axis {axis}: {} B per step (next block)", signed(layout.strides()[axis]));
            c.label_start(MARGIN, y + 11.0, &step, false);
            y += LINE;
        }
        y
    }
}

/// A step arrow on a strip row, between two slot positions.
struct Arc {
    row: usize,
    from: usize,
    to: usize,
    label: String,
}

fn join<T: ToString>(items: &[T]) -> String {
    items.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")
}

/// A shape or strides as Rust prints a slice: `[3, 4]`, `[12]`, `[]`.
fn list<T: std::fmt::Debug>(items: &[T]) -> String {
    format!("{items:?}")
}

/// The element type as Rust names it: `i64`, `f64`, `bool`.
fn rust_type<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    name.rsplit("::").next().unwrap_or(name)
}

/// Rounds a coordinate to a tenth, so that the SVG stays short.
fn r(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

fn text(x: f32, y: f32, content: &str) -> Text {
    Text::new(content).set("x", r(x)).set("y", r(y))
}

/// The layers of a diagram. Elements that look alike share a group that
/// carries their fill, stroke and font, so each element only says where it is.
#[derive(Default)]
struct Canvas {
    right: f32,
    /// Strip cells: reached by one array (own fill), or outlined only.
    filled: BTreeMap<&'static str, Vec<Rectangle>>,
    outlined: Vec<Rectangle>,
    /// Colour bands of split cells and colour keys.
    shapes: Vec<Rectangle>,
    grids: Vec<Group>,
    lines: Vec<Path>,
    heads: Vec<Path>,
    /// Text, by style.
    start: Vec<Text>,
    start_bold: Vec<Text>,
    end: Vec<Text>,
    middle: Vec<Text>,
    bold: Vec<Text>,
    soft: Vec<Text>,
    values_plain: Vec<Text>,
    values_ink: Vec<Text>,
    grid_values: Vec<Text>,
    grid_bytes: Vec<Text>,
}

impl Canvas {
    fn extend(&mut self, x: f32) {
        self.right = self.right.max(x);
    }

    fn label_start(&mut self, x: f32, y: f32, s: &str, bold: bool) {
        self.extend(x + text_width(s, LABEL));
        if bold { self.start_bold.push(text(x, y, s)) } else { self.start.push(text(x, y, s)) }
    }

    fn swatch(&mut self, x: f32, y: f32, colour: &str) {
        let key = Rectangle::new().set("x", r(x)).set("y", r(y)).set("width", 10).set("height", 10);
        self.shapes.push(key.set("fill", colour.to_owned()).set("stroke", "currentColor"));
    }

    fn arrow_right(&mut self, x1: f32, x2: f32, y: f32) {
        self.lines.push(Path::new().set("d", format!("M{} {}H{}", r(x1), r(y), r(x2 - 5.0))));
        self.heads.push(Path::new().set("d", format!("M{} {}l-6 -3.5v7z", r(x2), r(y))));
    }

    fn arrow_down(&mut self, x: f32, y1: f32, y2: f32) {
        self.lines.push(Path::new().set("d", format!("M{} {}V{}", r(x), r(y1), r(y2 - 5.0))));
        self.heads.push(Path::new().set("d", format!("M{} {}l-3.5 -6h7z", r(x), r(y2))));
    }

    fn finish(self, width: f32, height: f32, title: &str) -> String {
        fn group<N: Into<Box<dyn svg::Node>>>(g: Group, items: Vec<N>) -> Option<Group> {
            if items.is_empty() { None } else { Some(items.into_iter().fold(g, |g, n| g.add(n))) }
        }
        let middle = || Group::new().set("text-anchor", "middle");
        let filled = self
            .filled
            .into_iter()
            .map(|(fill, cells)| group(Group::new().set("fill", fill).set("stroke", "currentColor"), cells));
        let layers = filled.chain([
            group(Group::new().set("stroke", "currentColor"), self.shapes),
            group(Group::new().set("fill", "none").set("stroke", "currentColor"), self.outlined),
            group(Group::new(), self.grids),
            group(Group::new().set("fill", "none").set("stroke", "currentColor"), self.lines),
            group(Group::new(), self.heads),
            group(Group::new(), self.start),
            group(Group::new().set("font-weight", "bold"), self.start_bold),
            group(Group::new().set("text-anchor", "end"), self.end),
            group(middle(), self.middle),
            group(middle().set("font-weight", "bold"), self.bold),
            group(middle().set("fill-opacity", "0.75"), self.soft),
            group(middle().set("font-size", 12), self.values_plain),
            group(middle().set("font-size", 12).set("fill", INK), self.values_ink),
            group(middle().set("font-size", VALUE).set("fill", INK), self.grid_values),
            group(middle().set("fill", INK).set("fill-opacity", "0.8"), self.grid_bytes),
        ]);
        let mut doc = Document::new()
            .set("width", width)
            .set("height", height)
            .set("viewBox", (0, 0, width, height))
            .set("class", "ndview-diagram")
            .set("role", "img")
            .set("font-family", "monospace")
            .set("font-size", LABEL)
            .set("fill", "currentColor")
            .add(Title::new(title));
        for layer in layers.into_iter().flatten() {
            doc = doc.add(layer);
        }
        doc.to_string()
    }
}
