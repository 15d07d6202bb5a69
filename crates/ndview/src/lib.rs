//! # ndview: NumPy's strided arrays, in small readable Rust
//!
//! An array is a flat buffer plus a [`Layout`]: the `shape`, the byte
//! `strides` and the byte `offset` of the first element. Slicing, transposing
//! and (most) reshaping compute a new layout for the same buffer: a **view**.
//! Copying makes a new buffer. ndview follows NumPy's rules for every one of
//! those steps exactly, and each module says which NumPy source it follows:
//!
//! | module      | holds                                                      |
//! |-------------|------------------------------------------------------------|
//! | `layout`    | shape, byte strides, offset; fresh strides; contiguity flags |
//! | `array`     | owned arrays, shared and mutable views, element access     |
//! | `slicing`   | `s![1:, ::-1]` and NumPy's slice normalisation              |
//! | `index`     | integer indices checked as NumPy does (`check_and_adjust_index`) |
//! | `indexing`  | `ix![[0, 2], 1:]`: integer arrays, masks, assignment, `add_at` |
//! | `elementwise` | comparisons (`a.gt(5)`), `&` `|` `^` `!` on masks, `where_` |
//! | `take`      | `take`, `compress`, `nonzero`, `argwhere`                  |
//! | `broadcast` | NumPy's broadcasting rule, in one place                    |
//! | `axes`      | `t()`, `transpose`, `swapaxes`                             |
//! | `reshape`   | `reshape` (view or copy), `ravel`                          |
//! | `copy`      | `copy`, `flatten`, and the one copy engine                 |
//! | `alloc`     | new buffers, huge pages, a prefetch hint (the only `unsafe`) |
//! | `strided`   | checked `as_strided`                                       |
//! | `overlap`   | `shares_memory`, `may_share_memory`, internal overlap      |
//! | `print`     | `Display` = NumPy's `str()`, `Debug` = `repr()`            |
//! | `display`   | rich display in Jupyter (evcxr): an HTML table and layout  |
//! | `diagram`   | pictures of memory: buffer strip and grid, as SVG          |
//! | `convert`   | zero-copy conversions to and from `ndarray`                |
//! | `random`    | NumPy's `default_rng`: the same seeded numbers as NumPy    |
//!
//! ```
//! use ndview::{s, shares_memory, Array};
//!
//! let mut data = Array::arange(12).into_shape([3, 4])?;
//! let view = data.slice(s![1:, :3])?;          // NumPy: data[1:, :3]
//! assert_eq!(view.strides(), &[32, 8]);        // bytes, like NumPy
//! assert!(shares_memory(&data, &view)?);
//! let copy = view.copy();
//! assert!(!shares_memory(&data, &copy)?);
//!
//! data.slice_mut(s![1:, :3])?[[0, 0]] = 999;   // writes through to data
//! assert_eq!(data[[1, 0]], 999);
//! # Ok::<(), ndview::Error>(())
//! ```
//!
//! An **advanced** index (an integer array or a boolean mask, NumPy's
//! "fancy" indexing) always makes a new array, and the type says so:
//! [`at`](ArrayBase::at) returns a [`CowArray`] (a view for a basic index,
//! an owned array for an advanced one), [`select`](ArrayBase::select) an
//! [`Array`]. Writing into that new array leaves the source alone; to write
//! through the index, use [`assign_at`](ArrayBase::assign_at).
//!
//! ```
//! use ndview::{ix, shares_memory, Array};
//!
//! let mut data = Array::arange(12).into_shape([3, 4])?;
//! let mut picked = data.select(ix![[0, 2], 1:])?;  // NumPy: data[[0, 2], 1:]
//! picked.fill(0);                                   // changes only the copy
//! assert_eq!(data[[0, 1]], 1);
//! assert!(!shares_memory(&data, &picked)?);
//! let big = data.gt(9)?;                            // a mask: data > 9
//! data.assign_at(ix![&big], -1)?;                  // data[data > 9] = -1
//! assert_eq!(data.to_vec()[9..], [9, -1, -1]);
//! # Ok::<(), ndview::Error>(())
//! ```
//!
//! # Hostile input
//!
//! No input makes a fallible call panic, hang or answer wrongly. Shapes
//! keep NumPy's limits (at most 64 axes; at most `isize::MAX` bytes,
//! "array is too big"), a length-1 axis's stride never matters, every exact
//! overlap search stops after [`DEFAULT_MAX_WORK`] steps and says so, and
//! an allocation that fails is NumPy's `MemoryError`, not an abort. Calls
//! without a `Result` that can fail on huge input (`zeros`, `arange`,
//! `copy`, `to_vec`, …) have a fallible twin (`try_zeros`, `try_arange`,
//! `try_copy`, `try_to_vec`, …) and document their panics.
#![deny(missing_docs)]
#![deny(unsafe_code)]

// The one module with `unsafe`: allocating buffers, the huge-page advice for
// large ones, and the blocked transpose's prefetch hint.
#[allow(unsafe_code)]
mod alloc;
mod array;
mod axes;
mod axis_vec;
mod broadcast;
#[cfg(feature = "ndarray")]
mod convert;
mod copy;
mod cow;
#[cfg(feature = "svg")]
pub mod diagram;
mod display;
mod element;
mod elementwise;
mod error;
mod index;
mod indexing;
mod iter;
mod layout;
mod overlap;
mod print;
pub mod random;
mod reshape;
mod slicing;
mod strided;
mod take;

pub use array::{Array, ArrayBase, ArrayView, ArrayViewMut, AsArray, Flags, Storage, StorageMut};
pub use cow::CowArray;
pub use element::{Element, Scalar};
pub use elementwise::{logical_and, logical_not, logical_or, logical_xor, where_};
pub use error::{Error, Result};
pub use indexing::{IndexElem, IndexItem, IntoIndexItem, ListElem, Operand, WrappingAdd};
pub use iter::Iter;
pub use layout::{Layout, Order};
pub use overlap::{DEFAULT_MAX_WORK, may_share_memory, shares_memory, shares_memory_max_work};
pub use slicing::{Slice, SliceArg, SliceIndex};
pub use take::{Nonzero, TakeMode};

/// The README's example, compiled and run as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctest;
