//! New buffers for copies, and the crate's only `unsafe` code: the
//! allocations themselves (empty, or zeroed as `calloc` gives them), the
//! huge-page advice, and a prefetch hint for the blocked transpose
//! ([`prefetch`]).
//!
//! A copy of a large array spends much of its time not copying but taking
//! page faults: the first write to each 4 KiB page of a fresh allocation
//! traps into the kernel, which finds a page, zeroes it and maps it. On
//! Linux a buffer can ask to be backed by 2 MiB transparent huge pages
//! instead (`madvise(MADV_HUGEPAGE)`), which turns 512 faults into one. NumPy
//! does this for every allocation of 4 MiB or more (`indicate_hugepages`,
//! `numpy/_core/src/multiarray/alloc.c`), and so does ndview, with the same
//! threshold. Whether the kernel listens depends on
//! `/sys/kernel/mm/transparent_hugepage/enabled`: `always` needs no advice,
//! `madvise` follows it, `never` ignores it. The advice never changes what
//! the buffer holds, only how the kernel maps it; on other systems, and
//! under Miri (which cannot call into the kernel), it is skipped.

use std::mem::size_of;

use crate::element::Element;
use crate::error::{Error, Result};

/// Buffers of this many bytes or more are advised to use huge pages
/// (NumPy's threshold: `1 << 22`, 4 MiB).
pub(crate) const HUGE_PAGE_THRESHOLD: usize = 1 << 22;

/// An empty `Vec` with room for `len` elements, advised to use huge pages
/// when it is large; NumPy's `MemoryError` (naming `shape`) when the memory
/// cannot be had, instead of an abort.
///
/// The buffer comes straight from the global allocator. `try_reserve_exact`
/// on an empty `Vec` gives the same buffer through `Vec`'s general growth
/// path: a 1 kB copy ran 591 instructions with it and 543 without
/// (callgrind, when this was written; ndarray's `to_owned` of the same array
/// ran 358 then, 387 now, against ndview's 451: see `copy.rs`).
#[inline]
pub(crate) fn try_with_capacity<T: Element>(len: usize, shape: &[usize]) -> Result<Vec<T>> {
    let Some(ptr) = allocate::<T>(len, shape, false)? else { return Ok(Vec::new()) };
    // SAFETY: `ptr` was just allocated by the global allocator (the one `Vec`
    // uses) with `Layout::array::<T>(len)`, which is the layout a `Vec<T>` of
    // capacity `len` has: the same size and `T`'s alignment. Its length is
    // 0, so no element is claimed to be initialised, and nothing else owns
    // the allocation: the `Vec` frees it with that same layout.
    let v = unsafe { Vec::from_raw_parts(ptr, 0, len) };
    advise_huge_pages(&v);
    Ok(v)
}

/// `len` zeros, advised to use huge pages when large, or NumPy's
/// `MemoryError` (naming `shape`) when the memory cannot be had.
///
/// The memory comes zeroed from the allocator (`alloc_zeroed`, which is
/// `calloc`), as NumPy's `np.zeros` takes it. A buffer the allocator gets
/// straight from the kernel is fresh pages that nobody has touched yet, so
/// nothing is written here: the kernel zeroes each page when it is first
/// written, and the huge-page advice still applies to it.
pub(crate) fn try_zeroed<T: Element>(len: usize, shape: &[usize]) -> Result<Vec<T>> {
    let Some(ptr) = allocate::<T>(len, shape, true)? else { return Ok(Vec::new()) };
    // SAFETY: as in `try_with_capacity`, `ptr` is a fresh allocation of the
    // global allocator with the layout of a `Vec<T>` of capacity `len`,
    // owned by nothing else. Its `len` elements are claimed initialised:
    // every byte is zero, and for every `Element` type (the integers,
    // `f64` and `bool`, a sealed list) all-zero bytes are a valid value, the
    // one `T::zero()` returns (checked for each type by
    // `zero_is_all_zero_bytes` below).
    let v = unsafe { Vec::from_raw_parts(ptr, len, len) };
    advise_huge_pages(&v);
    Ok(v)
}

/// A fresh allocation of the global allocator for `len` elements of `T`
/// (`Layout::array::<T>(len)`), its bytes zeroed if `zeroed`; `None` when
/// that is no bytes (no `Element` type is zero-sized, so `len` is 0), and
/// NumPy's `MemoryError` (naming `shape`) when there is no such layout or
/// the allocator refuses.
#[inline]
fn allocate<T: Element>(len: usize, shape: &[usize], zeroed: bool) -> Result<Option<*mut T>> {
    let memory_error =
        || Error::MemoryError { shape: shape.to_vec(), dtype: T::DTYPE, itemsize: size_of::<T>() };
    let layout = std::alloc::Layout::array::<T>(len).map_err(|_| memory_error())?;
    if layout.size() == 0 {
        return Ok(None);
    }
    // SAFETY: `layout` has a non-zero size (checked above), as `alloc` and
    // `alloc_zeroed` require.
    let ptr = unsafe { if zeroed { std::alloc::alloc_zeroed(layout) } else { std::alloc::alloc(layout) } };
    if ptr.is_null() { Err(memory_error()) } else { Ok(Some(ptr.cast::<T>())) }
}

/// Asks the kernel to back `v`'s allocation with huge pages, if it is at
/// least [`HUGE_PAGE_THRESHOLD`] bytes. Errors (an old kernel, THP compiled
/// out) are ignored, as NumPy ignores them: the advice is only a hint.
fn advise_huge_pages<T>(v: &Vec<T>) {
    let bytes = v.capacity().saturating_mul(size_of::<T>());
    if bytes < HUGE_PAGE_THRESHOLD {
        return;
    }
    #[cfg(all(target_os = "linux", not(miri)))]
    {
        // madvise takes whole pages: from the first page boundary inside the
        // allocation to the last one (4 KiB, as NumPy assumes; on a system
        // with larger base pages an unaligned start is rejected, harmlessly).
        const PAGE: usize = 4096;
        let begin = v.as_ptr() as usize;
        let start = begin.next_multiple_of(PAGE);
        let end = (begin + bytes) / PAGE * PAGE;
        if end > start {
            // SAFETY: `start..end` lies inside the allocation `v` owns (it
            // is `v`'s `capacity * size_of::<T>()` bytes with the partial
            // pages at both ends left out), which stays alive for the whole
            // call. MADV_HUGEPAGE only sets the kernel's paging policy for
            // that range: it reads and writes no memory, so it cannot break
            // any Rust invariant on `v` or on anything else.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
}

/// Asks the CPU to start loading the cache line that holds `x` into L1,
/// without waiting for it (x86-64's `prefetcht0`; a no-op on other targets
/// and under Miri). The blocked transpose calls it for the lines of its next
/// tile: those are 32 runs 80 KB apart (for `big.T`), a pattern the
/// hardware prefetcher does not follow, so without the hint every line is
/// a miss the copy waits for (the measurement is in `copy.rs`'s header).
#[inline]
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    // SAFETY: `_mm_prefetch` needs SSE, which every x86-64 CPU has (it is in
    // the target's baseline). It is a hint: it reads no value into the
    // program, never faults, and changes no memory, so it cannot break any
    // invariant; `x` being a live reference only makes the hint useful.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(x).cast::<i8>());
    }
    #[cfg(not(all(target_arch = "x86_64", not(miri))))]
    let _ = x;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg_attr(miri, ignore = "4 MiB buffers are slow under Miri, which skips the advice anyway")]
    fn large_buffers_are_advised_and_still_work() {
        // 4 MiB and more: advised (a no-op under Miri); the buffer behaves as any other.
        let n = HUGE_PAGE_THRESHOLD / 8 + 3;
        let mut v: Vec<i64> = try_with_capacity(n, &[n]).unwrap();
        assert!(v.capacity() >= n && v.is_empty());
        v.extend((0..n as i64).rev());
        assert_eq!((v[0], v[n - 1]), (n as i64 - 1, 0));
        let z: Vec<u8> = try_zeroed(HUGE_PAGE_THRESHOLD, &[HUGE_PAGE_THRESHOLD]).unwrap();
        assert!(z.iter().all(|&b| b == 0));
    }

    #[test]
    fn impossible_sizes_are_memory_errors_and_empty_ones_allocate_nothing() {
        // More bytes than isize::MAX: no layout exists, NumPy's MemoryError.
        let n = usize::MAX / 4;
        let err = try_with_capacity::<i64>(n, &[n]).unwrap_err();
        assert!(matches!(err, Error::MemoryError { itemsize: 8, .. }), "{err}");
        let empty: Vec<f64> = try_with_capacity(0, &[0]).unwrap();
        assert_eq!((empty.len(), empty.capacity()), (0, 0));
    }

    #[test]
    fn zero_is_all_zero_bytes() {
        // What `try_zeroed` relies on: all-zero bytes are `T::zero()`, for
        // every `Element` type.
        fn check<T: Element>() {
            let z: Vec<T> = try_zeroed(3, &[3]).unwrap();
            assert_eq!(z, vec![T::zero(); 3], "{}", T::DTYPE);
            let zero = T::zero();
            // SAFETY (test): reads the `size_of::<T>()` bytes of `zero`, a
            // live, initialised value with no padding (integers, `f64`,
            // `bool`), which outlives `bytes`.
            let bytes =
                unsafe { std::slice::from_raw_parts(std::ptr::from_ref(&zero).cast::<u8>(), size_of::<T>()) };
            assert!(bytes.iter().all(|&b| b == 0), "{}", T::DTYPE);
        }
        check::<i8>();
        check::<i16>();
        check::<i32>();
        check::<i64>();
        check::<u8>();
        check::<u16>();
        check::<u32>();
        check::<u64>();
        check::<f64>();
        check::<bool>();
        let empty: Vec<i64> = try_zeroed(0, &[0]).unwrap();
        assert!(empty.is_empty());
        let err = try_zeroed::<i64>(usize::MAX / 4, &[usize::MAX / 4]).unwrap_err();
        assert!(matches!(err, Error::MemoryError { itemsize: 8, .. }), "{err}");
    }

    #[test]
    fn small_buffers_are_plain() {
        let small: Vec<f64> = try_zeroed(3, &[3]).unwrap();
        assert_eq!(small, [0.0; 3]);
        let mut v: Vec<bool> = try_with_capacity(2, &[2]).unwrap();
        v.extend([true, false]);
        assert_eq!(v, [true, false]);
    }
}
