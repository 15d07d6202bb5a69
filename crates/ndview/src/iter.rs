//! Walking an array's elements in C (row-major) order.
//!
//! The walk is an odometer: the last index turns fastest, and when it wraps
//! around the next one to the left advances. Each step moves the position in
//! the buffer by that axis's stride, so no multiplication is needed per element.

use crate::axis_vec::AxisVec;

use crate::layout::{Dims, Layout};

/// Buffer positions (in elements) of an array's elements, in C order.
#[derive(Debug, Clone)]
pub(crate) struct Positions {
    shape: Dims,
    strides: AxisVec<isize>,
    index: Dims,
    pos: isize,
    remaining: usize,
}

impl Positions {
    pub(crate) fn new(layout: &Layout) -> Positions {
        Positions {
            shape: layout.shape.clone(),
            // A length-1 axis's stride is never used, and may be anything
            // (even isize::MIN): walk it as 0, so that nothing can overflow.
            strides: layout
                .shape
                .iter()
                .zip(&layout.strides)
                .map(|(&d, &s)| if d > 1 { layout.items(s) } else { 0 })
                .collect(),
            index: AxisVec::from_elem(0, layout.ndim()),
            pos: layout.items(layout.offset()),
            remaining: layout.size(),
        }
    }
}

impl Iterator for Positions {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.remaining == 0 {
            return None;
        }
        let here = self.pos as usize;
        self.remaining -= 1;
        if self.remaining > 0 {
            for axis in (0..self.shape.len()).rev() {
                self.index[axis] += 1;
                self.pos += self.strides[axis];
                if self.index[axis] < self.shape[axis] {
                    break;
                }
                self.pos -= self.strides[axis] * self.shape[axis] as isize;
                self.index[axis] = 0;
            }
        }
        Some(here)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Positions {}

/// An iterator over references to an array's elements in C order; see
/// [`ArrayBase::iter`](crate::ArrayBase::iter).
///
/// ```
/// use ndview::{s, Array};
/// let a = Array::arange(6).into_shape([2, 3])?;
/// let column: Vec<i64> = a.slice(s![:, 1])?.iter().copied().collect();
/// assert_eq!(column, vec![1, 4]);
/// # Ok::<(), ndview::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Iter<'a, T> {
    data: &'a [T],
    positions: Positions,
}

impl<'a, T> Iter<'a, T> {
    pub(crate) fn new(data: &'a [T], layout: &Layout) -> Iter<'a, T> {
        Iter { data, positions: Positions::new(layout) }
    }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        self.positions.next().map(|p| &self.data[p])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.positions.size_hint()
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_a_transpose_column_by_column() {
        let l = Layout::new(&[3, 2], &[8, 24], 0, 8, 6).unwrap();
        assert_eq!(Positions::new(&l).collect::<Vec<_>>(), vec![0, 3, 1, 4, 2, 5]);
    }

    #[test]
    fn walks_backwards_and_handles_empty_and_0d() {
        let back = Layout::new(&[3], &[-16], 40, 8, 6).unwrap();
        assert_eq!(Positions::new(&back).collect::<Vec<_>>(), vec![5, 3, 1]);
        let empty = Layout::new(&[2, 0], &[8, 8], 0, 8, 0).unwrap();
        let ones = Layout::new(&[1, 2, 1], &[isize::MIN, 8, isize::MAX], 8, 8, 3).unwrap();
        assert_eq!(Positions::new(&ones).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(Positions::new(&empty).count(), 0);
        let scalar = Layout::new(&[], &[], 16, 8, 3).unwrap();
        assert_eq!(Positions::new(&scalar).collect::<Vec<_>>(), vec![2]);
    }
}
