//! Integer indices, checked and counted from the end as NumPy does
//! (`check_and_adjust_index`, `numpy/_core/src/multiarray/common.h`).
//!
//! Element access (`array.rs`) and slicing (`slicing.rs`) both use it, so
//! neither module needs the other.

use crate::error::{Error, Result};

/// The position `index` picks on an axis of length `size`: a negative
/// index counts from the end; anything outside `-size..size` is an
/// [`Error::IndexOutOfBounds`]. `size` is at most `isize::MAX` for every
/// layout (see `layout::check_shape`); a larger one is taken as it is,
/// without wrapping.
pub(crate) fn normalize_index(index: isize, axis: usize, size: usize) -> Result<usize> {
    let out_of_bounds = || Error::IndexOutOfBounds { index, axis, size };
    if index >= 0 {
        let i = index as usize;
        if i < size { Ok(i) } else { Err(out_of_bounds()) }
    } else {
        // -index <= 2^63 fits in usize.
        let back = index.unsigned_abs();
        if back <= size { Ok(size - back) } else { Err(out_of_bounds()) }
    }
}

/// The position a `usize` index (`a[[i, j]]`) picks: no counting from the
/// end, and no value wraps around (`usize::MAX` is out of bounds, not `-1`).
/// Returns the message the index panics with otherwise.
pub(crate) fn check_unsigned_index(index: usize, axis: usize, size: usize) -> Result<usize, String> {
    if index < size {
        Ok(index)
    } else {
        Err(format!("index {index} is out of bounds for axis {axis} with size {size}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extremes_do_not_wrap() {
        assert_eq!(normalize_index(-1, 0, 3), Ok(2));
        assert_eq!(normalize_index(-3, 0, 3), Ok(0));
        assert!(normalize_index(-4, 0, 3).is_err());
        assert!(normalize_index(isize::MIN, 0, usize::MAX).is_ok());
        assert!(normalize_index(isize::MIN, 0, 3).is_err());
        assert!(normalize_index(isize::MAX, 0, 3).is_err());
        assert_eq!(
            check_unsigned_index(usize::MAX, 0, 3).unwrap_err(),
            "index 18446744073709551615 is out of bounds for axis 0 with size 3"
        );
    }
}
