//! The one error type of ndview.
//!
//! Every fallible operation returns [`Error`]. Its messages follow NumPy's own
//! wording where NumPy has one (so a NumPy user recognises them), and otherwise
//! name the value that was rejected and the rule it broke.

use std::fmt;

use crate::broadcast::{shape_str, shapes_str};

/// A shape or index written the way Python prints a tuple: `(3, 4)`, `(12,)`, `()`.
pub(crate) fn tuple<T: fmt::Display>(items: &[T]) -> String {
    match items {
        [] => "()".to_string(),
        [one] => format!("({one},)"),
        _ => {
            let parts: Vec<String> = items.iter().map(|x| x.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// A requested shape the way NumPy's reshape error prints it
/// (`convert_shape_to_string` in `numpy/_core/src/multiarray/common.c`): no spaces,
/// an unknown (negative) dimension printed as `newaxis`, and unknown dimensions
/// *before* the first known one left out, so `(-1, 5)` prints as `(5)`.
pub(crate) fn numpy_shape_string(shape: &[isize]) -> String {
    let Some(first) = shape.iter().position(|&d| d >= 0) else {
        return "()".to_string();
    };
    let mut s = shape[first].to_string();
    for &d in &shape[first + 1..] {
        if d < 0 {
            s.push_str(",newaxis");
        } else {
            s.push_str(&format!(",{d}"));
        }
    }
    if shape.len() == 1 { format!("({s},)") } else { format!("({s})") }
}

/// Everything that can go wrong in ndview.
///
/// ```
/// use ndview::{Array, Error};
///
/// let a = Array::arange(12);
/// let err = a.reshape([5]).unwrap_err();
/// assert_eq!(err.to_string(), "cannot reshape array of size 12 into shape (5,)");
/// assert!(matches!(err, Error::Reshape { size: 12, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A slice with step 0 (`a[::0]`), which NumPy rejects.
    SliceStepZero,
    /// More indices than the array has axes.
    TooManyIndices {
        /// The number of axes of the array.
        ndim: usize,
        /// The number of indices given.
        given: usize,
    },
    /// Fewer indices than axes where one element is wanted.
    MissingIndices {
        /// The number of axes of the array.
        ndim: usize,
        /// The number of indices given.
        given: usize,
    },
    /// An integer index outside `-size..size`.
    IndexOutOfBounds {
        /// The index as given (negative counts from the end).
        index: isize,
        /// The axis it indexes.
        axis: usize,
        /// The length of that axis.
        size: usize,
    },
    /// An axis number outside `-ndim..ndim`.
    AxisOutOfBounds {
        /// The axis as given.
        axis: isize,
        /// The number of axes of the array.
        ndim: usize,
    },
    /// A transpose whose axes are not a permutation of `0..ndim`.
    AxesDontMatch {
        /// The axes as given.
        axes: Vec<isize>,
        /// The number of axes of the array.
        ndim: usize,
    },
    /// A reshape (or a constructor) whose shape does not hold `size` elements.
    Reshape {
        /// The number of elements of the array.
        size: usize,
        /// The requested shape, `-1` for the unknown dimension.
        shape: Vec<isize>,
    },
    /// `reshape` with `Order::K`, which NumPy does not allow.
    OrderNotPermitted,
    /// A shape with more than one `-1`.
    MultipleUnknownDimensions,
    /// A transpose that names one axis twice.
    RepeatedAxis {
        /// The axes as given.
        axes: Vec<isize>,
    },
    /// `reshape_view` asked for a view where NumPy's no-copy rule needs a copy.
    ReshapeNeedsCopy {
        /// The shape of the array.
        from: Vec<usize>,
        /// Its byte strides.
        strides: Vec<isize>,
        /// The requested shape.
        to: Vec<usize>,
    },
    /// Shape and strides of different lengths.
    StridesLength {
        /// The number of axes in the shape.
        shape_len: usize,
        /// The number of strides.
        strides_len: usize,
    },
    /// A byte stride or offset that is not a multiple of the item size.
    Misaligned {
        /// What was misaligned ("stride" or "offset").
        what: &'static str,
        /// The value in bytes.
        value: isize,
        /// The item size in bytes.
        itemsize: usize,
    },
    /// A strided layout that reaches an element outside the buffer.
    OutOfBuffer {
        /// The lowest byte it reaches, relative to the start of the buffer.
        low: isize,
        /// One past the highest byte it reaches.
        high: isize,
        /// The length of the buffer in bytes.
        len: usize,
    },
    /// A mutable view whose layout reaches one element through two indices.
    InternalOverlap {
        /// The requested shape.
        shape: Vec<usize>,
        /// The requested byte strides.
        strides: Vec<isize>,
    },
    /// The exact overlap search needed more work than the caller allowed
    /// (NumPy's `TooHardError`).
    TooHard {
        /// The work limit.
        max_work: u64,
    },
    /// An intermediate value of the overlap search did not fit in 128 bits
    /// (NumPy's `OverflowError`).
    Overflow,
    /// Two arrays whose shapes differ where they must match.
    ShapeMismatch {
        /// The shape of the destination.
        expected: Vec<usize>,
        /// The shape of the source.
        found: Vec<usize>,
    },
    /// A random-number range with `low >= high`.
    EmptyRange {
        /// The low end (inclusive).
        low: i64,
        /// The high end (exclusive).
        high: i64,
    },
    /// An array too large to address.
    SizeOverflow,
    /// A boolean index whose length differs from the axis it indexes
    /// (NumPy's `IndexError`).
    BooleanIndexMismatch {
        /// The first axis the boolean array stands for.
        axis: usize,
        /// The length of that axis.
        size: usize,
        /// The length of the boolean array along it.
        bool_size: usize,
    },
    /// Index arrays whose shapes do not broadcast together (NumPy's
    /// `IndexError`); one shape per array index, booleans as their `nonzero`.
    IndexBroadcast {
        /// The shapes of the index arrays, in index order.
        shapes: Vec<Vec<usize>>,
    },
    /// An assigned value that does not broadcast to the shape the advanced
    /// index selects (NumPy's `ValueError`).
    ValueBroadcast {
        /// The shape of the value.
        value: Vec<usize>,
        /// The shape of the indexing result.
        result: Vec<usize>,
    },
    /// A basic (view) assignment whose value does not broadcast to the view.
    InputBroadcast {
        /// The shape of the value.
        from: Vec<usize>,
        /// The shape of the view.
        into: Vec<usize>,
    },
    /// The inputs of an element-wise operation do not broadcast together
    /// (the ufunc error of NumPy, `ValueError`); every operand is listed,
    /// an output too.
    OperandsBroadcast {
        /// The shapes of the operands.
        shapes: Vec<Vec<usize>>,
    },
    /// An in-place operation whose broadcast shape is larger than its output
    /// (`a[i] += v` with a `v` that would stretch `a[i]`).
    OutputBroadcast {
        /// The shape of the output.
        output: Vec<usize>,
        /// The broadcast shape of the inputs.
        broadcast: Vec<usize>,
    },
    /// `add_at` with a value that does not broadcast to the indexed shape
    /// (`PyArray_BroadcastToShape`).
    NotBroadcastable,
    /// An index with two `...`.
    MultipleEllipsis,
    /// An indexing result with more than 64 axes (NumPy's `NPY_MAXDIMS`).
    TooManyDimensions {
        /// The number of axes the result would have.
        ndim: usize,
    },
    /// `take` of some elements from an axis of length 0.
    EmptyTake,
    /// `nonzero` of a 0-d array, which NumPy no longer allows.
    NonzeroZeroD {
        /// Whether the array holds booleans (NumPy's message then says more).
        is_bool: bool,
    },
    /// A mask assignment `a[mask] = v` whose value has the wrong length.
    BoolAssignCount {
        /// The number of values given.
        values: usize,
        /// The number of `true` elements of the mask.
        count: usize,
    },
    /// A mask assignment `a[mask] = v` whose value has more than one axis.
    BoolAssignNdim {
        /// The number of axes of the value.
        ndim: usize,
    },
    /// `compress` with a condition that is not one-dimensional.
    ConditionNot1d,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::SliceStepZero => write!(f, "slice step cannot be zero"),
            Error::TooManyIndices { ndim, given } => {
                write!(f, "too many indices for array: array is {ndim}-dimensional, but {given} were indexed")
            }
            Error::MissingIndices { ndim, given } => write!(
                f,
                "one index per axis is needed for an element: array is {ndim}-dimensional, \
                 but {given} were indexed (use slice for a sub-array)"
            ),
            Error::IndexOutOfBounds { index, axis, size } => {
                write!(f, "index {index} is out of bounds for axis {axis} with size {size}")
            }
            Error::AxisOutOfBounds { axis, ndim } => {
                write!(f, "axis {axis} is out of bounds for array of dimension {ndim}")
            }
            Error::AxesDontMatch { axes, ndim } => {
                write!(f, "axes don't match array: {} given for an array of dimension {ndim}", tuple(axes))
            }
            Error::Reshape { size, shape } => {
                write!(f, "cannot reshape array of size {size} into shape {}", numpy_shape_string(shape))
            }
            Error::OrderNotPermitted => write!(f, "order 'K' is not permitted for reshaping"),
            Error::MultipleUnknownDimensions => {
                write!(f, "can only specify one unknown dimension")
            }
            Error::RepeatedAxis { axes } => {
                write!(f, "repeated axis in transpose: {}", tuple(axes))
            }
            Error::ReshapeNeedsCopy { from, strides, to } => write!(
                f,
                "Unable to avoid creating a copy while reshaping: shape {} with strides {} \
                 cannot be viewed as shape {} (use reshape, which copies)",
                tuple(from),
                tuple(strides),
                tuple(to)
            ),
            Error::StridesLength { shape_len, strides_len } => {
                write!(f, "shape has {shape_len} axes but {strides_len} strides were given")
            }
            Error::Misaligned { what, value, itemsize } => {
                write!(f, "{what} {value} is not a multiple of the item size {itemsize} bytes")
            }
            Error::OutOfBuffer { low, high, len } => {
                write!(f, "the layout reaches bytes {low}..{high}, outside the buffer of {len} bytes")
            }
            Error::InternalOverlap { shape, strides } => write!(
                f,
                "a mutable view cannot reach one element through two indices: \
                 shape {} with strides {} overlaps itself",
                tuple(shape),
                tuple(strides)
            ),
            Error::TooHard { max_work } => {
                write!(f, "Exceeded max_work (max_work={max_work})")
            }
            Error::Overflow => write!(f, "Integer overflow in computing overlap"),
            Error::ShapeMismatch { expected, found } => write!(
                f,
                "could not broadcast input array from shape {} into shape {}",
                tuple(found),
                tuple(expected)
            ),
            // NumPy's `_rand_int64` checks `high <= 0` when low is 0.
            Error::EmptyRange { low: 0, high } => write!(f, "high <= 0: high={high}"),
            Error::EmptyRange { low, high } => write!(f, "low >= high: low={low}, high={high}"),
            Error::SizeOverflow => write!(f, "array is too big; the size does not fit in isize"),
            Error::BooleanIndexMismatch { axis, size, bool_size } => write!(
                f,
                "boolean index did not match indexed array along axis {axis}; size of axis is \
                 {size} but size of corresponding boolean axis is {bool_size}"
            ),
            Error::IndexBroadcast { shapes } => write!(
                f,
                "shape mismatch: indexing arrays could not be broadcast together with shapes {}",
                shapes_str(shapes)
            ),
            Error::ValueBroadcast { value, result } => write!(
                f,
                "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
                shape_str(value),
                shape_str(result)
            ),
            Error::InputBroadcast { from, into } => write!(
                f,
                "could not broadcast input array from shape {} into shape {}",
                shape_str(from),
                shape_str(into)
            ),
            Error::OperandsBroadcast { shapes } => {
                write!(f, "operands could not be broadcast together with shapes {}", shapes_str(shapes))
            }
            Error::OutputBroadcast { output, broadcast } => write!(
                f,
                "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
                shape_str(output),
                shape_str(broadcast)
            ),
            Error::NotBroadcastable => write!(f, "array is not broadcastable to correct shape"),
            Error::MultipleEllipsis => write!(f, "an index can only have a single ellipsis ('...')"),
            Error::TooManyDimensions { ndim } => {
                write!(f, "number of dimensions must be within [0, 64], indexing result would have {ndim}")
            }
            Error::EmptyTake => write!(f, "cannot do a non-empty take from an empty axes."),
            Error::NonzeroZeroD { is_bool } => {
                write!(
                    f,
                    "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead."
                )?;
                if *is_bool {
                    write!(
                        f,
                        " If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`."
                    )?;
                }
                Ok(())
            }
            Error::BoolAssignCount { values, count } => write!(
                f,
                "NumPy boolean array indexing assignment cannot assign {values} input values to \
                 the {count} output values where the mask is true"
            ),
            Error::BoolAssignNdim { ndim } => write!(
                f,
                "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, \
                 input has {ndim} dimensions"
            ),
            Error::ConditionNot1d => write!(f, "condition must be a 1-d array"),
        }
    }
}

impl Error {
    /// The Python exception class NumPy raises for this error: `"IndexError"`,
    /// `"ValueError"`, `"AxisError"`, `"TypeError"`, `"TooHardError"` or
    /// `"OverflowError"`.
    ///
    /// ```
    /// use ndview::{ix, Array};
    ///
    /// let a = Array::arange(3);
    /// let err = a.select(ix![[5]]).unwrap_err();
    /// assert_eq!(err.to_string(), "index 5 is out of bounds for axis 0 with size 3");
    /// assert_eq!(err.numpy_type(), "IndexError");
    /// assert_eq!(a.take([0], Some(1), ndview::TakeMode::Raise).unwrap_err().numpy_type(), "AxisError");
    /// ```
    pub fn numpy_type(&self) -> &'static str {
        match self {
            Error::TooManyIndices { .. }
            | Error::MissingIndices { .. }
            | Error::IndexOutOfBounds { .. }
            | Error::BooleanIndexMismatch { .. }
            | Error::IndexBroadcast { .. }
            | Error::MultipleEllipsis
            | Error::TooManyDimensions { .. }
            | Error::EmptyTake => "IndexError",
            Error::AxisOutOfBounds { .. } => "AxisError",
            Error::BoolAssignNdim { .. } => "TypeError",
            Error::TooHard { .. } => "TooHardError",
            Error::Overflow => "OverflowError",
            _ => "ValueError",
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with ndview's [`Error`].
///
/// ```
/// fn centre(n: usize) -> ndview::Result<Vec<i64>> {
///     let a = ndview::Array::arange(n);
///     Ok(a.slice(ndview::s![1:-1])?.to_vec())
/// }
/// assert_eq!(centre(4)?, vec![1, 2]);
/// # Ok::<(), ndview::Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuples_print_like_python() {
        assert_eq!(tuple::<usize>(&[]), "()");
        assert_eq!(tuple(&[12]), "(12,)");
        assert_eq!(tuple(&[3, 4]), "(3, 4)");
    }

    #[test]
    fn reshape_messages_match_numpy() {
        let msg = |shape: &[isize]| Error::Reshape { size: 12, shape: shape.to_vec() }.to_string();
        assert_eq!(msg(&[5, -1]), "cannot reshape array of size 12 into shape (5,newaxis)");
        assert_eq!(msg(&[-1, 5]), "cannot reshape array of size 12 into shape (5)");
        assert_eq!(msg(&[2, -1, 5]), "cannot reshape array of size 12 into shape (2,newaxis,5)");
        assert_eq!(msg(&[13]), "cannot reshape array of size 12 into shape (13,)");
        assert_eq!(msg(&[5, 3]), "cannot reshape array of size 12 into shape (5,3)");
    }
}
