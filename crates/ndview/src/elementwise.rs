//! Element-wise operations that make masks and pick between arrays:
//! comparisons, `&` `|` `^` `!`, [`where_`] and `mapv`.
//!
//! These are NumPy ufuncs (`np.less`, `np.logical_and`, …) and `np.where`
//! (`PyArray_Where`, `multiarraymodule.c`). The operands broadcast together
//! (else "operands could not be broadcast together with shapes ..."), and the
//! new array is laid out the way NumPy's iterator allocates an output for
//! `order='K'`: in the memory order of the operands (a comparison of a
//! transposed array is F-ordered), always with positive strides.

use std::ops::{BitAnd, BitOr, BitXor, Not};

use crate::array::{Array, ArrayBase, AsArray, Storage};
use crate::axis_vec::AxisVec;
use crate::broadcast::{broadcast_shapes, broadcast_to};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::indexing::{Operand, nditer_order};
use crate::iter::Positions;
use crate::layout::{Dims, Layout, Strides};

/// The broadcast shape of the operands and the layout NumPy allocates for
/// the output (`order='K'`), or the broadcast error naming every operand.
fn output_layout(inputs: &[&Layout], itemsize: usize) -> Result<(Dims, Vec<Layout>, Layout)> {
    let shapes: Vec<&[usize]> = inputs.iter().map(|l| l.shape()).collect();
    let shape = broadcast_shapes(&shapes)
        .ok_or_else(|| Error::OperandsBroadcast { shapes: shapes.iter().map(|s| s.to_vec()).collect() })?;
    let read: Vec<Layout> = inputs.iter().map(|l| broadcast_to(l, &shape).expect("broadcasts")).collect();
    let strides: Vec<&[isize]> = read.iter().map(|l| l.strides()).collect();
    let perm = nditer_order(&shape, &strides);
    let mut out: Strides = AxisVec::from_elem(0, shape.len());
    let mut step = itemsize as isize;
    for &axis in perm.iter().rev() {
        out[axis] = step;
        step = step.wrapping_mul(shape[axis] as isize);
    }
    if shape.contains(&0) {
        out.iter_mut().for_each(|s| *s = 0);
    }
    let layout = Layout::from_parts(shape.clone(), out, 0, itemsize);
    Ok((shape, read, layout))
}

/// `f` applied to `a` and `b` broadcast together: NumPy's binary ufunc.
fn zip_map<A: Element, B: Element, R: Element>(
    a: &crate::ArrayView<'_, A>,
    b: &crate::ArrayView<'_, B>,
    f: impl Fn(A, B) -> R,
) -> Result<Array<R>> {
    let (_, read, layout) = output_layout(&[a.layout(), b.layout()], size_of::<R>())?;
    let mut out = vec![R::zero(); layout.size()];
    let (da, db) = (a.buffer(), b.buffer());
    if layout.size() > 0 && read[0].is_c_contiguous() && read[1].is_c_contiguous() && layout.is_c_contiguous()
    {
        let (sa, sb) =
            (read[0].offset() as usize / size_of::<A>(), read[1].offset() as usize / size_of::<B>());
        let n = out.len();
        for (o, (&x, &y)) in out.iter_mut().zip(da[sa..sa + n].iter().zip(&db[sb..sb + n])) {
            *o = f(x, y);
        }
    } else if read[1].strides().iter().all(|&s| s == 0) && layout.size() > 0 {
        // A scalar (or a broadcast single value) on the right.
        let y = db[read[1].offset() as usize / size_of::<B>()];
        for (o, p) in Positions::new(&layout).zip(Positions::new(&read[0])) {
            out[o] = f(da[p], y);
        }
    } else {
        let (pa, pb) = (Positions::new(&read[0]), Positions::new(&read[1]));
        for (o, (p, q)) in Positions::new(&layout).zip(pa.zip(pb)) {
            out[o] = f(da[p], db[q]);
        }
    }
    Ok(Array { data: out, layout })
}

impl<S: Storage> ArrayBase<S>
where
    S::Elem: PartialOrd,
{
    /// `a < other` (NumPy's `np.less`): a mask, `other` a scalar or an array
    /// broadcast against `a`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(4);
    /// assert_eq!(a.lt(2)?.to_string(), "[ True  True False False]");
    /// let b = Array::from_vec(vec![3_i64, 1, 2, 0], [4])?;
    /// assert_eq!(a.lt(&b)?.to_vec(), vec![true, false, false, false]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn lt(&self, other: impl Operand<S::Elem>) -> Result<Array<bool>> {
        zip_map(&self.view(), &other.operand().view(), |x, y| x < y)
    }

    /// `a <= other` (`np.less_equal`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(3).le(1)?.to_vec(), vec![true, true, false]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn le(&self, other: impl Operand<S::Elem>) -> Result<Array<bool>> {
        zip_map(&self.view(), &other.operand().view(), |x, y| x <= y)
    }

    /// `a > other` (`np.greater`).
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6).into_shape([2, 3])?;
    /// assert_eq!(format!("{:?}", a.gt(3)?), "array([[False, False, False],\n       [False,  True,  True]])");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn gt(&self, other: impl Operand<S::Elem>) -> Result<Array<bool>> {
        zip_map(&self.view(), &other.operand().view(), |x, y| x > y)
    }

    /// `a >= other` (`np.greater_equal`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(3).ge(1)?.to_vec(), vec![false, true, true]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn ge(&self, other: impl Operand<S::Elem>) -> Result<Array<bool>> {
        zip_map(&self.view(), &other.operand().view(), |x, y| x >= y)
    }
}

impl<S: Storage> ArrayBase<S> {
    /// `a == other` element by element (`np.equal`). (`==` itself compares
    /// whole arrays, as Rust's `PartialEq` does.)
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(4);
    /// assert_eq!(a.equal(2)?.to_vec(), vec![false, false, true, false]);
    /// let column = Array::from_vec(vec![0_i64, 3], [2, 1])?;
    /// assert_eq!(a.equal(&column)?.shape(), &[2, 4]);   // broadcast
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn equal(&self, other: impl Operand<S::Elem>) -> Result<Array<bool>> {
        zip_map(&self.view(), &other.operand().view(), |x, y| x == y)
    }

    /// `a != other` element by element (`np.not_equal`).
    ///
    /// ```
    /// use ndview::Array;
    /// assert_eq!(Array::arange(3).not_equal(1)?.to_vec(), vec![true, false, true]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn not_equal(&self, other: impl Operand<S::Elem>) -> Result<Array<bool>> {
        zip_map(&self.view(), &other.operand().view(), |x, y| x != y)
    }

    /// `f` applied to every element, in a new array of the same shape (C
    /// order): ndarray's `mapv`, NumPy's vectorised expressions such as
    /// `a % 3 == 0`.
    ///
    /// ```
    /// use ndview::Array;
    /// let a = Array::arange(6);
    /// let mask = a.mapv(|x| x % 3 == 0);
    /// assert_eq!(a.select(ndview::ix![&mask])?.to_vec(), vec![0, 3]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn mapv<R: Element>(&self, f: impl Fn(S::Elem) -> R) -> Array<R> {
        let data = self.data.as_slice();
        let values: Vec<R> = if self.is_c_contiguous() && self.size() > 0 {
            let start = self.offset() as usize / self.itemsize();
            data[start..start + self.size()].iter().map(|&x| f(x)).collect()
        } else {
            self.iter().map(|&x| f(x)).collect()
        };
        Array::from_vec(values, self.shape()).expect("same shape")
    }
}

/// `np.logical_and(a, b)`: true where both are, broadcasting.
///
/// ```
/// use ndview::{logical_and, Array};
/// let a = Array::arange(6);
/// let both = logical_and(&a.gt(1)?, &a.lt(4)?)?;
/// assert_eq!(both.to_vec(), vec![false, false, true, true, false, false]);
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn logical_and(a: &impl AsArray<Elem = bool>, b: &impl AsArray<Elem = bool>) -> Result<Array<bool>> {
    zip_map(&a.as_view(), &b.as_view(), |x, y| x & y)
}

/// `np.logical_or(a, b)`.
///
/// ```
/// use ndview::{logical_or, Array};
/// let a = Array::arange(4);
/// assert_eq!(logical_or(&a.lt(1)?, &a.gt(2)?)?.to_vec(), vec![true, false, false, true]);
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn logical_or(a: &impl AsArray<Elem = bool>, b: &impl AsArray<Elem = bool>) -> Result<Array<bool>> {
    zip_map(&a.as_view(), &b.as_view(), |x, y| x | y)
}

/// `np.logical_xor(a, b)`.
///
/// ```
/// use ndview::{logical_xor, Array};
/// let a = Array::arange(4);
/// assert_eq!(logical_xor(&a.lt(2)?, &a.lt(3)?)?.to_vec(), vec![false, false, true, false]);
/// let err = logical_xor(&a.lt(2)?, &Array::from_slice(&[true; 3])).unwrap_err();
/// assert_eq!(err.to_string(), "operands could not be broadcast together with shapes (4,) (3,) ");
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn logical_xor(a: &impl AsArray<Elem = bool>, b: &impl AsArray<Elem = bool>) -> Result<Array<bool>> {
    zip_map(&a.as_view(), &b.as_view(), |x, y| x ^ y)
}

/// `np.logical_not(a)`: never fails.
///
/// ```
/// use ndview::{logical_not, Array};
/// assert_eq!(logical_not(&Array::arange(3).gt(0)?).to_vec(), vec![true, false, false]);
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn logical_not(a: &impl AsArray<Elem = bool>) -> Array<bool> {
    let v = a.as_view();
    let scalar = Array::from_vec(vec![true], []).expect("one element");
    zip_map(&v, &scalar.view(), |x, _| !x).expect("a 0-d operand always broadcasts")
}

macro_rules! mask_operator {
    ($trait:ident, $method:ident, $function:ident, $symbol:literal) => {
        /// The element-wise operator on masks, broadcasting (NumPy's
        #[doc = concat!("`", $symbol, "` on boolean arrays).")]
        ///
        /// # Panics
        /// If the shapes do not broadcast, with NumPy's message; use
        #[doc = concat!("[`", stringify!($function), "`] for a `Result`.")]
        ///
        /// ```
        /// use ndview::Array;
        /// let a = Array::arange(4);
        #[doc = concat!("let m = &a.gt(0)? ", $symbol, " &a.lt(3)?;")]
        /// assert_eq!(m.shape(), &[4]);
        /// # Ok::<(), ndview::Error>(())
        /// ```
        impl<S: Storage<Elem = bool>, S2: Storage<Elem = bool>> $trait<&ArrayBase<S2>> for &ArrayBase<S> {
            type Output = Array<bool>;
            fn $method(self, rhs: &ArrayBase<S2>) -> Array<bool> {
                match $function(self, rhs) {
                    Ok(a) => a,
                    Err(e) => panic!("{e}"),
                }
            }
        }
    };
}
mask_operator!(BitAnd, bitand, logical_and, "&");
mask_operator!(BitOr, bitor, logical_or, "|");
mask_operator!(BitXor, bitxor, logical_xor, "^");

/// `!mask` (NumPy's `~mask` on booleans).
///
/// ```
/// use ndview::Array;
/// let m = Array::arange(3).gt(0)?;
/// assert_eq!((!&m).to_string(), "[ True False False]");
/// # Ok::<(), ndview::Error>(())
/// ```
impl<S: Storage<Elem = bool>> Not for &ArrayBase<S> {
    type Output = Array<bool>;
    fn not(self) -> Array<bool> {
        logical_not(self)
    }
}

/// `np.where(cond, x, y)`: `x` where `cond` is true, else `y`; the three
/// broadcast together and `x`, `y` may be scalars. (`where` is a Rust
/// keyword, hence the underscore.)
///
/// ```
/// use ndview::{where_, Array};
/// let a = Array::arange(6).into_shape([2, 3])?;
/// let clipped = where_(&a.gt(2)?, &a, 0)?;            // np.where(a > 2, a, 0)
/// assert_eq!(clipped.to_string(), "[[0 0 0]\n [3 4 5]]");
/// let err = where_(&a.gt(2)?, &a.t(), 0).unwrap_err();
/// assert_eq!(err.to_string(),
///     "operands could not be broadcast together with shapes (2,3) (3,2) () ");
/// # Ok::<(), ndview::Error>(())
/// ```
pub fn where_<T: Element>(
    cond: &impl AsArray<Elem = bool>,
    x: impl Operand<T>,
    y: impl Operand<T>,
) -> Result<Array<T>> {
    let (c, x, y) = (cond.as_view(), x.operand(), y.operand());
    let (x, y) = (x.view(), y.view());
    let (_, read, layout) = output_layout(&[c.layout(), x.layout(), y.layout()], size_of::<T>())?;
    let mut out = vec![T::zero(); layout.size()];
    let (dc, dx, dy) = (c.buffer(), x.buffer(), y.buffer());
    let walk = Positions::new(&read[0]).zip(Positions::new(&read[1]).zip(Positions::new(&read[2])));
    for (o, (pc, (px, py))) in Positions::new(&layout).zip(walk) {
        out[o] = if dc[pc] { dx[px] } else { dy[py] };
    }
    Ok(Array { data: out, layout })
}
