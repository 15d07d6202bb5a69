//! Broadcasting: NumPy's rule for combining shapes, in one place.
//!
//! Shapes are lined up at their **last** axis; a missing axis counts as
//! length 1. On each axis the lengths must be equal, or one of them 1, which
//! then stretches to the other (`(3, 1)` and `(4,)` give `(3, 4)`). A
//! stretched axis is read with stride 0, so broadcasting never copies.
//! NumPy: `PyArray_BroadcastShapes`-style checks in `nditer_constr.c`
//! (`npyiter_fill_axisdata`) and `PyArray_BroadcastToShape` (`iterators.c`).
//!
//! Index arrays, `where`, the logical operators, comparisons and the values of
//! an assignment all broadcast through the functions here; each caller words
//! its error as NumPy words it there.

use crate::axis_vec::AxisVec;
use crate::layout::{Dims, Layout, Strides};

/// The broadcast shape of `shapes`, or `None` if two lengths on one axis are
/// neither equal nor 1.
pub(crate) fn broadcast_shapes(shapes: &[&[usize]]) -> Option<Dims> {
    let ndim = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out: Dims = AxisVec::from_elem(1, ndim);
    for shape in shapes {
        let skip = ndim - shape.len();
        for (i, &d) in shape.iter().enumerate() {
            let o = &mut out[skip + i];
            if d != 1 {
                if *o == 1 {
                    *o = d;
                } else if *o != d {
                    return None;
                }
            }
        }
    }
    Some(out)
}

/// `layout` read as if it had `shape` (which it must broadcast to): missing
/// leading axes and stretched axes get stride 0. `None` if it does not fit.
pub(crate) fn broadcast_to(layout: &Layout, shape: &[usize]) -> Option<Layout> {
    let ndim = shape.len();
    if layout.ndim() > ndim {
        return None;
    }
    let skip = ndim - layout.ndim();
    let mut strides: Strides = AxisVec::from_elem(0, ndim);
    for (i, (&d, &s)) in layout.shape().iter().zip(layout.strides()).enumerate() {
        if d == shape[skip + i] {
            strides[skip + i] = if d == 1 { 0 } else { s };
        } else if d != 1 {
            return None;
        }
    }
    Some(Layout::from_parts(AxisVec::from_slice(shape), strides, layout.offset(), layout.itemsize()))
}

/// A shape as NumPy's `convert_shape_to_string` prints it: no spaces, `(3,)`
/// for one axis, `()` for none.
pub(crate) fn shape_str(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [one] => format!("({one},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// The shapes of several operands as NumPy lists them in a broadcast error:
/// each followed by one space (`(2,) (3,) `).
pub(crate) fn shapes_str<S: AsRef<[usize]>>(shapes: &[S]) -> String {
    shapes.iter().map(|s| format!("{} ", shape_str(s.as_ref()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_line_up_at_the_end() {
        assert_eq!(&*broadcast_shapes(&[&[3, 1], &[4]]).unwrap(), &[3, 4]);
        assert_eq!(&*broadcast_shapes(&[&[], &[2, 0]]).unwrap(), &[2, 0]);
        assert!(broadcast_shapes(&[&[2], &[3]]).is_none());
        assert_eq!(shapes_str(&[vec![2], vec![3, 4], vec![]]), "(2,) (3,4) () ");
    }

    #[test]
    fn stretched_axes_get_stride_zero() {
        let l = Layout::c_order(&[3, 1], 8);
        let b = broadcast_to(&l, &[2, 3, 4]).unwrap();
        assert_eq!(b.strides(), &[0, 8, 0]);
        assert!(broadcast_to(&l, &[3, 2, 2]).is_none());
    }
}
