//! Broadcasting a source array to a destination's shape, for assignment.
//!
//! NumPy's rule (`PyArray_AssignArray` in `array_assign_array.c`, which
//! calls `broadcast_strides` in `array_assign.c`): leading axes of length 1
//! of the source are dropped while it has more axes than the destination;
//! then the shapes are lined up from the last axis, and each source axis
//! must have the destination's length (its stride is kept) or length 1
//! (stride 0: the one element is repeated). Missing leading source axes
//! also get stride 0. Otherwise: "could not broadcast input array from shape
//! (2,) into shape (3,)".

use crate::axis_vec::AxisVec;
use crate::error::{Error, Result};
use crate::layout::Layout;

/// `src` seen with the shape `shape`, by NumPy's broadcasting rule.
pub(crate) fn broadcast_to(src: &Layout, shape: &[usize]) -> Result<Layout> {
    let mismatch = || Error::ShapeMismatch { expected: shape.to_vec(), found: src.shape().to_vec() };
    let (mut src_shape, mut src_strides) = (src.shape(), src.strides());
    while src_shape.len() > shape.len() && src_shape[0] == 1 {
        src_shape = &src_shape[1..];
        src_strides = &src_strides[1..];
    }
    if src_shape.len() > shape.len() {
        return Err(mismatch());
    }
    let lead = shape.len() - src_shape.len();
    let mut strides: AxisVec<isize> = AxisVec::from_elem(0, shape.len());
    for (k, (&d, &s)) in src_shape.iter().zip(src_strides).enumerate() {
        let axis = lead + k;
        if d == shape[axis] {
            strides[axis] = s;
        } else if d != 1 {
            return Err(mismatch());
        }
    }
    Ok(Layout::from_parts(AxisVec::from_slice(shape), strides, src.offset(), src.itemsize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(src: &[usize], dst: &[usize]) -> Result<Vec<isize>> {
        let l = Layout::c_order(src, 8);
        broadcast_to(&l, dst).map(|b| b.strides().to_vec())
    }

    #[test]
    fn numpy_broadcasting() {
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
