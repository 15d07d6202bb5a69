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
//!
//! Assignment (`a[...] = b`, [`assign`](crate::ArrayBase::assign)) first drops
//! leading axes of length 1 of the source while it has more axes than the
//! destination (`PyArray_AssignArray` in `array_assign_array.c`, then
//! `broadcast_strides` in `array_assign.c`): [`broadcast_for_assign`].

use crate::axis_vec::AxisVec;
use crate::error::{Error, Result};
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

/// `src` seen with the destination's `shape` for an assignment: leading
/// length-1 axes of `src` beyond the destination's dropped, then
/// [`broadcast_to`]; NumPy's "could not broadcast input array from shape
/// (2,) into shape (3,)" otherwise.
pub(crate) fn broadcast_for_assign(src: &Layout, shape: &[usize]) -> Result<Layout> {
    let mismatch = || Error::ShapeMismatch { expected: shape.to_vec(), found: src.shape().to_vec() };
    let extra = src.ndim().saturating_sub(shape.len());
    let dropped = src.shape()[..extra].iter().take_while(|&&d| d == 1).count();
    if dropped < extra {
        return Err(mismatch());
    }
    let trimmed = Layout::from_parts(
        AxisVec::from_slice(&src.shape()[extra..]),
        AxisVec::from_slice(&src.strides()[extra..]),
        src.offset(),
        src.itemsize(),
    );
    broadcast_to(&trimmed, shape).ok_or_else(mismatch)
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

    fn shape_of(src: &[usize], dst: &[usize]) -> Result<Vec<isize>> {
        let l = Layout::c_order(src, 8);
        broadcast_for_assign(&l, dst).map(|b| b.strides().to_vec())
    }

    #[test]
    fn assignment_broadcasting_as_numpy() {
        assert_eq!(shape_of(&[1], &[3]), Ok(vec![0]));
        assert_eq!(shape_of(&[1, 1, 3], &[3]), Ok(vec![8]));
        assert_eq!(shape_of(&[], &[2, 3]), Ok(vec![0, 0]));
        assert_eq!(shape_of(&[2, 1], &[2, 3]), Ok(vec![8, 0]));
        assert_eq!(shape_of(&[3], &[2, 3]), Ok(vec![0, 8]));
        let msg = |src: &[usize], dst: &[usize]| shape_of(src, dst).unwrap_err().to_string();
        // NumPy 2.4.6's messages.
        assert_eq!(msg(&[2], &[3]), "could not broadcast input array from shape (2,) into shape (3,)");
        assert_eq!(msg(&[2, 3], &[3]), "could not broadcast input array from shape (2,3) into shape (3,)");
        assert_eq!(msg(&[2, 1], &[3]), "could not broadcast input array from shape (2,1) into shape (3,)");
        assert_eq!(msg(&[4], &[2, 3]), "could not broadcast input array from shape (4,) into shape (2,3)");
    }
}
