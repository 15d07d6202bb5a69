//! Checks a memory diagram (`ndview::diagram`) against the layouts written on
//! it, with a real XML parser. Shared by ndview's tests and the book's figure
//! tests (`tests/figures.rs` includes this file by path).
//!
//! The reach of each array is computed here from its shape, strides and
//! offset alone, by walking every multi-index in C order (ndview's iterator
//! is not used). Then every cell the diagram draws must say exactly that:
//!
//! * a strip cell is marked for array `k` (`data-order-k`) if and only if some
//!   element of `k` lives there; for an array drawn whole, the numbers listed
//!   are all the C-order numbers of the elements there; for a summarised one,
//!   those of its drawn elements;
//! * each grid cell's index, C-order number and byte agree with the layout;
//!   all indices are drawn when the array is drawn whole, the first and the
//!   last when it is summarised;
//! * the text drawn inside, under and above each cell is its value, its byte
//!   and its numbers;
//! * the strip runs in memory order, and its gaps name exactly the bytes left
//!   out;
//! * nothing is fetched or run: no scripts, styles, links or foreign
//!   content; the only font is `monospace`; no text is smaller than 11 units.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One array as the diagram states it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrayInfo {
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub offset: isize,
    pub itemsize: usize,
    /// Byte where the array's buffer starts on its strip.
    pub base: usize,
    pub strip: usize,
    pub complete: bool,
}

/// What was checked.
#[derive(Debug, Clone)]
pub struct Report {
    pub arrays: Vec<ArrayInfo>,
    pub strips: usize,
    pub strip_cells: usize,
    pub gaps: usize,
    pub grid_cells: usize,
    /// Width from the `viewBox`.
    pub width: f64,
    pub bytes: usize,
}

#[derive(Debug, Clone)]
struct TextAt {
    x: f64,
    y: f64,
    s: String,
}

#[derive(Debug, Clone)]
struct Cell {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    attrs: BTreeMap<String, String>,
}

impl Cell {
    fn get(&self, name: &str) -> &str {
        self.attrs.get(name).unwrap_or_else(|| panic!("cell without {name}: {:?}", self.attrs))
    }
    fn num(&self, name: &str) -> usize {
        self.get(name).parse().unwrap_or_else(|_| panic!("{name} is not a number: {:?}", self.attrs))
    }
    /// Texts drawn inside the cell's columns, between `y0` and `y1`.
    fn texts_between<'t>(&self, texts: &'t [TextAt], y0: f64, y1: f64) -> Vec<&'t TextAt> {
        let mut found: Vec<&TextAt> =
            texts.iter().filter(|t| t.x > self.x && t.x < self.x + self.w && t.y > y0 && t.y <= y1).collect();
        found.sort_by(|a, b| a.y.total_cmp(&b.y));
        found
    }
}

fn numbers<T: std::str::FromStr>(s: &str) -> Vec<T>
where
    T::Err: std::fmt::Debug,
{
    s.split_whitespace().map(|x| x.parse().unwrap()).collect()
}

/// The label the diagram writes over a strip cell for these numbers.
fn orders_label(orders: &[usize]) -> String {
    let shown: Vec<String> =
        orders.iter().take(if orders.len() > 3 { 2 } else { 3 }).map(|o| o.to_string()).collect();
    let mut label = shown.join(",");
    if orders.len() > 3 {
        label.push_str(",…");
    }
    label
}

/// Every multi-index of `shape` in C order (an odometer, last axis fastest),
/// with its byte; `visit(order, byte)`.
fn walk(shape: &[usize], strides: &[isize], offset: isize, mut visit: impl FnMut(usize, isize)) {
    let size: usize = shape.iter().product();
    let mut index = vec![0usize; shape.len()];
    for order in 0..size {
        let byte = offset + index.iter().zip(strides).map(|(&i, &s)| i as isize * s).sum::<isize>();
        visit(order, byte);
        for axis in (0..shape.len()).rev() {
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
}

/// Parses and checks `svg`. `value(k, byte)` is the value stored at `byte`
/// of array `k`'s buffer, as the diagram should print it (`None`: do not check).
pub fn check(svg: &str, value: &dyn Fn(usize, usize) -> Option<String>) -> Report {
    assert!(!svg.contains('\n'), "the SVG must be one line");
    assert!(svg.starts_with("<svg"), "no XML declaration or anything before <svg>");
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    let view_box: Vec<f64> = numbers(root.attribute("viewBox").expect("a viewBox"));
    assert_eq!(view_box.len(), 4);
    assert_eq!(root.attribute("width").map(|w| w.parse::<f64>().unwrap()), Some(view_box[2]));

    // Nothing that fetches, runs or styles from outside.
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            !["script", "style", "foreignObject", "image", "a", "use", "iframe", "link"].contains(&tag),
            "<{tag}> in a diagram"
        );
        for attr in node.attributes() {
            assert!(!attr.name().contains("href"), "{} on <{tag}>", attr.name());
            assert!(!attr.name().starts_with("on"), "event handler {} on <{tag}>", attr.name());
            assert!(!attr.value().contains("url("), "url() in {}", attr.name());
            if attr.name() == "font-family" {
                assert_eq!(attr.value(), "monospace");
            }
            if attr.name() == "font-size" {
                assert!(attr.value().parse::<f64>().unwrap() >= 11.0, "text smaller than 11 units");
            }
        }
    }

    let texts: Vec<TextAt> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| TextAt {
            x: n.attribute("x").unwrap().parse().unwrap(),
            y: n.attribute("y").unwrap().parse().unwrap(),
            s: n.text().unwrap_or("").to_owned(),
        })
        .collect();
    let rect = |n: roxmltree::Node| Cell {
        x: n.attribute("x").unwrap().parse().unwrap(),
        y: n.attribute("y").unwrap().parse().unwrap(),
        w: n.attribute("width").unwrap().parse().unwrap(),
        h: n.attribute("height").unwrap().parse().unwrap(),
        attrs: n.attributes().map(|a| (a.name().to_owned(), a.value().to_owned())).collect(),
    };

    // The arrays, as stated.
    let mut arrays = Vec::new();
    for (k, g) in
        doc.descendants().filter(|n| n.has_tag_name("g") && n.has_attribute("data-array")).enumerate()
    {
        assert_eq!(g.attribute("data-array"), Some(k.to_string().as_str()), "arrays in order");
        let shape: Vec<usize> = numbers(g.attribute("data-shape").unwrap());
        let size: usize = g.attribute("data-size").unwrap().parse().unwrap();
        assert_eq!(size, shape.iter().product::<usize>());
        arrays.push(ArrayInfo {
            strides: numbers(g.attribute("data-strides").unwrap()),
            offset: g.attribute("data-offset").unwrap().parse().unwrap(),
            itemsize: g.attribute("data-itemsize").unwrap().parse().unwrap(),
            base: g.attribute("data-base").unwrap().parse().unwrap(),
            strip: g.attribute("data-strip").unwrap().parse().unwrap(),
            complete: g.attribute("data-complete").unwrap().parse().unwrap(),
            shape,
        });
    }
    let itemsize = arrays.first().map_or(8, |a| a.itemsize);
    assert!(arrays.iter().all(|a| a.itemsize == itemsize && a.shape.len() == a.strides.len()));

    // The grid cells: index, number and byte follow from the layout, the
    // value and the byte are written inside.
    // (A grid cell's array is its group's.)
    let grid: Vec<Cell> = doc
        .descendants()
        .filter(|n| n.has_attribute("data-index"))
        .map(|n| {
            let mut cell = rect(n);
            let array =
                n.parent_element().and_then(|g| g.attribute("data-array")).expect("in its array's group");
            cell.attrs.insert("data-array".to_owned(), array.to_owned());
            cell
        })
        .collect();
    let mut grid_orders: Vec<BTreeMap<usize, Vec<usize>>> = vec![BTreeMap::new(); arrays.len()];
    for (k, a) in arrays.iter().enumerate() {
        let cells: Vec<&Cell> = grid.iter().filter(|c| c.num("data-array") == k).collect();
        let mut seen = BTreeSet::new();
        for c in &cells {
            let index: Vec<usize> = numbers(c.get("data-index"));
            assert_eq!(index.len(), a.shape.len());
            assert!(index.iter().zip(&a.shape).all(|(i, d)| i < d), "index {index:?} out of {:?}", a.shape);
            let order = index.iter().zip(&a.shape).fold(0, |acc, (&i, &d)| acc * d + i);
            let byte = a.offset + index.iter().zip(&a.strides).map(|(&i, &s)| i as isize * s).sum::<isize>();
            assert_eq!(c.num("data-order"), order, "C order of {index:?}");
            assert_eq!(c.num("data-byte") as isize, byte, "byte of {index:?}");
            assert!(seen.insert(index.clone()), "{index:?} drawn twice");
            grid_orders[k].entry(a.base + byte as usize).or_default().push(order);
            let inside = c.texts_between(&texts, c.y, c.y + c.h);
            assert_eq!(inside.len(), 2, "value and byte inside grid cell {index:?}");
            assert_eq!(inside[1].s, byte.to_string());
            if let Some(v) = value(k, byte as usize) {
                assert_eq!(inside[0].s, v, "value of {index:?}");
            }
        }
        let size: usize = a.shape.iter().product();
        if a.complete {
            assert_eq!(seen.len(), size, "a complete grid draws every element");
        } else {
            assert!(seen.len() < size && seen.len() <= 64, "{} drawn of {size}", seen.len());
            assert!(seen.contains(&vec![0; a.shape.len()]), "the first element is drawn");
            assert!(seen.contains(&a.shape.iter().map(|d| d - 1).collect::<Vec<_>>()), "the last is drawn");
        }
        for orders in grid_orders[k].values_mut() {
            orders.sort_unstable();
        }
    }

    // The strips: cells in memory order, gaps naming what is left out.
    let strip_cells: Vec<Cell> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.has_attribute("data-strip"))
        .map(rect)
        .collect();
    let gaps: Vec<(f64, f64, usize, usize, usize)> = doc
        .descendants()
        .filter(|n| n.has_attribute("data-from"))
        .map(|n| {
            let num = |a: &str| n.attribute(a).unwrap().parse::<usize>().unwrap();
            let (x, y) =
                (n.attribute("x").unwrap().parse().unwrap(), n.attribute("y").unwrap().parse().unwrap());
            (x, y, num("data-strip"), num("data-from"), num("data-to"))
        })
        .collect();
    let n_strips =
        strip_cells.iter().map(|c| c.num("data-strip") + 1).chain(gaps.iter().map(|g| g.2 + 1)).max();
    let n_strips = n_strips.unwrap_or(0).max(arrays.iter().map(|a| a.strip + 1).max().unwrap_or(0));
    for s in 0..n_strips {
        // (row y, x, byte, Some(to) for a gap)
        let mut slots: Vec<(f64, f64, usize, Option<usize>)> = strip_cells
            .iter()
            .filter(|c| c.num("data-strip") == s)
            .map(|c| (c.y, c.x + c.w / 2.0, c.num("data-byte"), None))
            .collect();
        slots.extend(gaps.iter().filter(|g| g.2 == s).map(|g| (g.1 - 15.0, g.0, g.3, Some(g.4))));
        // Rows top to bottom (a row's cells and gaps are within a unit of one
        // another), left to right within a row.
        slots.sort_by(|a, b| if (a.0 - b.0).abs() < 1.0 { a.1.total_cmp(&b.1) } else { a.0.total_cmp(&b.0) });
        let mut next = 0;
        for &(_, _, byte, to) in &slots {
            assert_eq!(byte % itemsize, 0);
            assert_eq!(byte, next, "strip {s} runs in memory order with nothing left out unsaid");
            next = match to {
                Some(to) => {
                    assert!(to > byte, "a gap leaves something out");
                    to
                }
                None => byte + itemsize,
            };
        }
    }
    let mut strip_by_byte: HashMap<(usize, usize), &Cell> = HashMap::new();
    for c in &strip_cells {
        let key = (c.num("data-strip"), c.num("data-byte"));
        assert!(strip_by_byte.insert(key, c).is_none(), "strip cell {key:?} drawn twice");
    }

    // The reach, walked here from shape, strides and offset.
    for (k, a) in arrays.iter().enumerate() {
        let attr = format!("data-order-{k}");
        let mut truth: HashMap<usize, Vec<usize>> = HashMap::new();
        let drawn: BTreeSet<usize> =
            strip_by_byte.keys().filter(|(s, _)| *s == a.strip).map(|&(_, b)| b).collect();
        if let (Some(&low), Some(&high)) = (drawn.first(), drawn.last()) {
            walk(&a.shape, &a.strides, a.offset, |order, byte| {
                assert!(byte >= 0, "an element before the buffer");
                let at = a.base + byte as usize;
                if at >= low && at <= high && drawn.contains(&at) {
                    truth.entry(at).or_default().push(order);
                }
            });
        }
        for c in &strip_cells {
            let byte = c.num("data-byte");
            let listed = c.attrs.get(&attr);
            if c.num("data-strip") != a.strip {
                assert!(listed.is_none(), "{attr} on another strip");
                continue;
            }
            let reached = truth.get(&byte);
            assert_eq!(listed.is_some(), reached.is_some(), "array {k} at byte {byte}: marked iff reached");
            let Some(listed) = listed else { continue };
            let listed: Vec<usize> = numbers(listed);
            let reached = reached.unwrap();
            let from_grid = grid_orders[k].get(&byte).cloned().unwrap_or_default();
            assert_eq!(listed, from_grid, "array {k} at byte {byte}: the numbers of its drawn elements");
            if a.complete {
                assert_eq!(&listed, reached, "array {k} at byte {byte}: every element there");
            } else {
                assert!(listed.iter().all(|o| reached.contains(o)));
            }
        }
        // Every drawn element's cell is on the strip, unless the strip had to be cut.
        let wanted: BTreeSet<usize> = arrays
            .iter()
            .enumerate()
            .filter(|(_, b)| b.strip == a.strip)
            .flat_map(|(j, _)| grid_orders[j].keys().copied())
            .collect();
        if wanted.len() <= 64 {
            for byte in grid_orders[k].keys() {
                assert!(
                    drawn.contains(byte) || drawn.is_empty(),
                    "array {k}'s element at {byte} has no cell"
                );
            }
        }
    }

    // The text around each strip cell: value inside, byte under, numbers over.
    for c in &strip_cells {
        let (s, byte) = (c.num("data-strip"), c.num("data-byte"));
        let inside = c.texts_between(&texts, c.y, c.y + c.h);
        assert_eq!(inside.len(), 1, "one value inside strip cell {s}/{byte}");
        let holder = arrays.iter().enumerate().rfind(|(_, a)| a.strip == s && a.base <= byte);
        if let Some(v) = holder.and_then(|(k, a)| value(k, byte - a.base)) {
            assert_eq!(inside[0].s, v, "value at strip {s} byte {byte}");
        }
        let under = c.texts_between(&texts, c.y + c.h, c.y + c.h + 14.0);
        assert_eq!(under.iter().map(|t| t.s.as_str()).collect::<Vec<_>>(), [byte.to_string()]);
        let members = arrays.iter().filter(|a| a.strip == s).count() as f64;
        let over: Vec<&str> =
            c.texts_between(&texts, c.y - 13.0 * members - 2.0, c.y).iter().map(|t| t.s.as_str()).collect();
        let expected: Vec<String> = (0..arrays.len())
            .filter_map(|k| c.attrs.get(&format!("data-order-{k}")))
            .map(|list| orders_label(&numbers::<usize>(list)))
            .filter(|label| !label.is_empty())
            .collect();
        assert_eq!(over, expected, "numbers over strip cell {s}/{byte}");
    }

    // Step arrows name a stride of the array they belong to.
    for t in &texts {
        if let Some(step) = t.s.strip_suffix(" B").filter(|s| s.starts_with(['+', '-'])) {
            let step: isize = step.parse().unwrap();
            assert!(arrays.iter().any(|a| a.strides.contains(&step)), "arrow {} is no stride", t.s);
        }
    }

    Report {
        strips: n_strips,
        strip_cells: strip_cells.len(),
        gaps: gaps.len(),
        grid_cells: grid.len(),
        arrays,
        width: view_box[2],
        bytes: svg.len(),
    }
}
