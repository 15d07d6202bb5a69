//! A list with one entry per axis, kept inline for up to four axes.
//!
//! Every view carries its shape and strides. Most arrays have four axes or
//! fewer, so those live inside the `Layout` itself and making a view
//! allocates nothing; copying one is a plain copy of a few words. Arrays
//! with more axes keep them in a `Vec`.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, DerefMut};

const INLINE: usize = 4;

/// Up to four entries inline, more on the heap.
#[derive(Clone)]
pub(crate) enum AxisVec<T: Copy + Default> {
    /// `len` entries at the start of `items`; the rest are `T::default()`.
    Inline {
        len: u8,
        items: [T; INLINE],
    },
    Heap(Vec<T>),
}

impl<T: Copy + Default> AxisVec<T> {
    pub(crate) fn new() -> Self {
        AxisVec::Inline { len: 0, items: [T::default(); INLINE] }
    }

    #[inline]
    pub(crate) fn from_slice(values: &[T]) -> Self {
        let len = values.len();
        if len <= INLINE {
            // All four slots, each a select: no call to `memcpy` for a few words.
            let items = std::array::from_fn(|i| if i < len { values[i] } else { T::default() });
            AxisVec::Inline { len: len as u8, items }
        } else {
            AxisVec::Heap(values.to_vec())
        }
    }

    #[inline]
    pub(crate) fn from_elem(value: T, n: usize) -> Self {
        if n <= INLINE {
            let items = std::array::from_fn(|i| if i < n { value } else { T::default() });
            AxisVec::Inline { len: n as u8, items }
        } else {
            AxisVec::Heap(vec![value; n])
        }
    }

    pub(crate) fn push(&mut self, value: T) {
        match self {
            AxisVec::Inline { len, items } if (*len as usize) < INLINE => {
                items[*len as usize] = value;
                *len += 1;
            }
            AxisVec::Inline { items, .. } => {
                let mut v = items.to_vec();
                v.push(value);
                *self = AxisVec::Heap(v);
            }
            AxisVec::Heap(v) => v.push(value),
        }
    }

    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        *self = self.iter().copied().filter(|x| keep(x)).collect();
    }
}

impl<T: Copy + Default> Deref for AxisVec<T> {
    type Target = [T];
    #[inline]
    fn deref(&self) -> &[T] {
        match self {
            AxisVec::Inline { len, items } => &items[..*len as usize],
            AxisVec::Heap(v) => v,
        }
    }
}

impl<T: Copy + Default> DerefMut for AxisVec<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut [T] {
        match self {
            AxisVec::Inline { len, items } => &mut items[..*len as usize],
            AxisVec::Heap(v) => v,
        }
    }
}

impl<'a, T: Copy + Default> IntoIterator for &'a AxisVec<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Copy + Default> Default for AxisVec<T> {
    fn default() -> Self {
        AxisVec::new()
    }
}

impl<T: Copy + Default> FromIterator<T> for AxisVec<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut out = AxisVec::new();
        out.extend(iter);
        out
    }
}

impl<T: Copy + Default> Extend<T> for AxisVec<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for x in iter {
            self.push(x);
        }
    }
}

impl<T: Copy + Default + PartialEq> PartialEq for AxisVec<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Copy + Default + Eq> Eq for AxisVec<T> {}

impl<T: Copy + Default + Hash> Hash for AxisVec<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl<T: Copy + Default + fmt::Debug> fmt::Debug for AxisVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_then_heap() {
        let mut v: AxisVec<usize> = (0..4).collect();
        assert!(matches!(v, AxisVec::Inline { .. }));
        v.push(4);
        assert!(matches!(v, AxisVec::Heap(_)));
        assert_eq!(&*v, &[0, 1, 2, 3, 4]);
        v.retain(|x| x % 2 == 0);
        assert_eq!(&*v, &[0, 2, 4]);
        assert!(matches!(v, AxisVec::Inline { .. }));
        assert_eq!(AxisVec::from_slice(&[1, 2]), [1, 2].into_iter().collect::<AxisVec<i32>>());
    }
}
