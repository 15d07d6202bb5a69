//! The element types an array can hold, and their NumPy names.
//!
//! NumPy calls the element type the `dtype`; its size in bytes is the
//! `itemsize`, the unit every byte stride is a multiple of.

use std::fmt::Debug;

/// A value as the printing rules see it: NumPy formats integers, floats and
/// booleans each by its own rule (`IntegerFormat`, `FloatingFormat`,
/// `BoolFormat` in `numpy/_core/arrayprint.py`).
///
/// ```
/// use ndview::{Element, Scalar};
/// assert_eq!(7_u8.to_scalar(), Scalar::Int(7));
/// assert_eq!(true.to_scalar(), Scalar::Bool(true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    /// Any integer type.
    Int(i128),
    /// A 64-bit float.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

mod sealed {
    pub trait Sealed {}
}

/// A type that can be an array element: the integers, `f64` and `bool`.
///
/// ```
/// use ndview::Element;
///
/// assert_eq!(<i64 as Element>::DTYPE, "int64");
/// assert_eq!(<u8 as Element>::DTYPE, "uint8");
/// assert_eq!(std::mem::size_of::<i32>(), 4); // its itemsize
/// ```
pub trait Element: Copy + PartialEq + Debug + Send + Sync + 'static + sealed::Sealed {
    /// NumPy's name for this type (`int64`, `float64`, `bool`, …).
    const DTYPE: &'static str;
    /// Whether `repr()` leaves out `dtype=` for this type, as NumPy does for
    /// its default types (`int64`, `float64`, `bool`).
    const DEFAULT_DTYPE: bool;
    /// The zero of the type (`false` for `bool`).
    ///
    /// ```
    /// use ndview::Element;
    /// assert_eq!(<f64 as Element>::zero(), 0.0);
    /// assert!(!<bool as Element>::zero());
    /// ```
    // Every type's zero is all-zero bytes: `alloc::try_zeroed` hands out
    // zeroed memory as zeros (a new type goes into its test,
    // `zero_is_all_zero_bytes`, too).
    fn zero() -> Self;
    /// The value as the printing rules see it.
    ///
    /// ```
    /// use ndview::{Element, Scalar};
    /// assert_eq!((-3_i32).to_scalar(), Scalar::Int(-3));
    /// assert_eq!(0.5.to_scalar(), Scalar::Float(0.5));
    /// ```
    fn to_scalar(self) -> Scalar;
}

macro_rules! int_element {
    ($($t:ty => $name:literal, $default:literal;)*) => {$(
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: &'static str = $name;
            const DEFAULT_DTYPE: bool = $default;
            fn zero() -> Self { 0 }
            fn to_scalar(self) -> Scalar { Scalar::Int(self as i128) }
        }
    )*};
}

int_element! {
    i8 => "int8", false;
    i16 => "int16", false;
    i32 => "int32", false;
    i64 => "int64", true;
    u8 => "uint8", false;
    u16 => "uint16", false;
    u32 => "uint32", false;
    u64 => "uint64", false;
}

impl sealed::Sealed for f64 {}
impl Element for f64 {
    const DTYPE: &'static str = "float64";
    const DEFAULT_DTYPE: bool = true;
    fn zero() -> Self {
        0.0
    }
    fn to_scalar(self) -> Scalar {
        Scalar::Float(self)
    }
}

impl sealed::Sealed for bool {}
impl Element for bool {
    const DTYPE: &'static str = "bool";
    const DEFAULT_DTYPE: bool = true;
    fn zero() -> Self {
        false
    }
    fn to_scalar(self) -> Scalar {
        Scalar::Bool(self)
    }
}
