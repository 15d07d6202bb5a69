//! Seeded random arrays that match NumPy's `np.random.default_rng(seed)`
//! number for number.
//!
//! `default_rng(42).integers(0, 100, [5, 5])` gives the same 25 integers as
//! NumPy's `np.random.default_rng(42).integers(0, 100, size=(5, 5))`, and
//! `random` gives the same floats, bit for bit. Four steps turn a seed into
//! numbers; each follows one part of NumPy's sources (under `numpy/random/`):
//!
//! 1. **SeedSequence** (`bit_generator.pyx`). The seed is cut into 32-bit
//!    words, lowest first (one word if it fits in 32 bits, else two). A hash
//!    with a multiplier that changes after every use (`hashmix`) spreads them
//!    over a pool of four words, padding with zeros; then every pool word is
//!    `mix`ed with the hash of every other, so each bit of the seed reaches
//!    every word. `generate_state` hashes the pool again, cycling through it,
//!    into eight 32-bit words, which pair up (little-endian) into four 64-bit
//!    words.
//!
//! 2. **PCG64** (`src/pcg64/pcg64.h` and `pcg64.c`). The four words become
//!    two 128-bit numbers, the initial state and the stream increment
//!    (`pcg64_set_seed`: words 0 and 1, words 2 and 3, high word first). The
//!    generator is a 128-bit linear congruential generator,
//!    `state = state * MULTIPLIER + inc (mod 2^128)`, and each 64-bit output
//!    folds the new state with the *XSL-RR* permutation: XOR the high half
//!    into the low half, then rotate right by the top six bits.
//!
//! 3. **32-bit draws** (`pcg64_next32` in `pcg64.h`). When only 32 bits are
//!    needed the generator draws 64, returns the low half and keeps the high
//!    half for the next 32-bit request. That buffered half belongs to the
//!    generator and outlives a call: `integers(0, 100, [3])` leaves half a
//!    draw behind, and the next small-range call starts with it. 64-bit draws
//!    (wide ranges, floats) pass it by without touching it.
//!
//! 4. **Bounded integers** (`_bounded_integers.pyx.in` and
//!    `random_bounded_uint64_fill` in `src/distributions/distributions.c`).
//!    `integers(low, high)` draws from the closed interval
//!    `[low, low + rng]`, `rng = high - 1 - low`, as unsigned 64-bit numbers
//!    added (wrapping) to `low`. `rng == 0` needs no randomness; a range of
//!    exactly 2^32 values takes raw 32-bit draws; other ranges that fit in
//!    32 bits use Lemire's multiply-and-reject method on 32-bit draws; wider
//!    ranges use it on 64-bit draws. Lemire's method multiplies a draw by the
//!    number of possible values and keeps the high half, rejecting (and
//!    redrawing) the few draws whose low half would make some values more
//!    likely than others.
//!
//! Floats (`random`) take one 64-bit draw each (`random_standard_uniform_fill`
//! in `distributions.c` calls PCG64's `next_double`, which is
//! `uint64_to_double` in `_common.pxd`): its top 53 bits times 2^-53, so every
//! value is a multiple of 2^-53 in `[0, 1)`. Floats never use the buffered
//! 32-bit half.
//!
//! ```
//! use ndview::random::default_rng;
//!
//! // NumPy: np.random.default_rng(42).integers(0, 100, size=(5, 5))
//! let mut rng = default_rng(42);
//! let a = rng.integers(0, 100, [5, 5])?;
//! assert_eq!(a.shape(), &[5, 5]);
//! assert_eq!(a.to_vec()[..5], [8, 77, 65, 43, 43]);
//! # Ok::<(), ndview::Error>(())
//! ```

use crate::array::{Array, try_vec};
use crate::error::{Error, Result};
use crate::layout::check_shape;

/// A seeded generator of random arrays: NumPy's `Generator` over the `PCG64`
/// bit generator, which is what `np.random.default_rng(seed)` returns.
///
/// The same seed gives the same numbers as NumPy, call after call, as long as
/// the calls are the same (see the [module documentation](self) for how).
///
/// ```
/// use ndview::random::Generator;
///
/// let mut rng = Generator::new(0);
/// let dice = rng.integers(1, 7, [4])?;       // NumPy: rng.integers(1, 7, size=4)
/// assert!(dice.iter().all(|&d| (1..7).contains(&d)));
/// # Ok::<(), ndview::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    bits: Pcg64,
}

/// NumPy's spelling of [`Generator::new`]: `np.random.default_rng(seed)`.
///
/// ```
/// use ndview::random::default_rng;
///
/// // NumPy: np.random.default_rng(0).random(3)
/// let x = default_rng(0).random([3]);
/// assert_eq!(x.to_vec(), [0.6369616873214543, 0.2697867137638703, 0.04097352393619469]);
/// ```
pub fn default_rng(seed: u64) -> Generator {
    Generator::new(seed)
}

impl Generator {
    /// A generator seeded like `np.random.default_rng(seed)`: the seed goes
    /// through NumPy's `SeedSequence` into a `PCG64` state.
    ///
    /// ```
    /// use ndview::random::Generator;
    ///
    /// let mut a = Generator::new(7);
    /// let mut b = Generator::new(7);
    /// assert_eq!(a.integers(0, 6, [10])?, b.integers(0, 6, [10])?);
    /// // NumPy: np.random.default_rng(7).integers(0, 6, size=10)
    /// assert_eq!(Generator::new(7).integers(0, 6, [10])?.to_vec(), [5, 3, 4, 5, 3, 4, 5, 1, 0, 1]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn new(seed: u64) -> Generator {
        let [s0, s1, i0, i1] = SeedSequence::new(seed).generate_state();
        let state = (u128::from(s0) << 64) | u128::from(s1);
        let increment = (u128::from(i0) << 64) | u128::from(i1);
        Generator { bits: Pcg64::new(state, increment) }
    }

    /// An `int64` array of `shape` with integers drawn uniformly from
    /// `low..high` (`high` excluded), like NumPy's
    /// `integers(low, high, size=shape)`.
    ///
    /// The shape `[]` gives a 0-dimensional array holding the one number NumPy's
    /// `integers(low, high)` (no `size`) would return.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyRange`] when `low >= high` (NumPy: `ValueError: low >=
    /// high`, worded `high <= 0` when `low` is 0), [`Error::SizeOverflow`]
    /// for a shape too large to address (NumPy's "array is too big", whatever
    /// the order of the axes), [`Error::TooManyDimensions`] beyond 64 axes,
    /// and [`Error::MemoryError`] when the memory cannot be allocated.
    /// Like NumPy, a shape with no elements returns an empty array before the
    /// range is looked at, so `integers(5, 5, [3, 0])` is not an error.
    ///
    /// ```
    /// use ndview::{random::default_rng, Error};
    ///
    /// let mut rng = default_rng(0);
    /// // NumPy: np.random.default_rng(0).integers(-5, 5, size=(2, 3))
    /// let a = rng.integers(-5, 5, [2, 3])?;
    /// assert_eq!(a.to_vec(), [3, 1, 0, -3, -2, -5]);
    ///
    /// assert_eq!(rng.integers(5, 5, [2]).unwrap_err(), Error::EmptyRange { low: 5, high: 5 });
    /// assert_eq!(rng.integers(5, 5, [3, 0])?.shape(), &[3, 0]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn integers(&mut self, low: i64, high: i64, shape: impl AsRef<[usize]>) -> Result<Array<i64>> {
        let shape = shape.as_ref();
        let count = check_shape(shape, size_of::<i64>())?;
        // NumPy checks for an empty `size` first and draws nothing.
        if count == 0 {
            return Array::from_vec(Vec::new(), shape);
        }
        if low >= high {
            return Err(Error::EmptyRange { low, high });
        }
        // The closed interval [low, high - 1] as offset and width, in the
        // unsigned arithmetic of the C code: `high - 1` cannot overflow
        // (high > low >= i64::MIN), and the width, up to 2^64 - 2, fits in u64.
        let off = low as u64;
        let rng = (high - 1).wrapping_sub(low) as u64;
        let mut values = try_vec::<i64>(count, shape)?;
        values.extend((0..count).map(|_| off.wrapping_add(self.bits.bounded(rng)) as i64));
        Array::from_vec(values, shape)
    }

    /// A `float64` array of `shape` with floats drawn uniformly from `[0, 1)`,
    /// like NumPy's `random(size=shape)`.
    ///
    /// ```
    /// use ndview::random::default_rng;
    ///
    /// let mut rng = default_rng(42);
    /// // NumPy: rng = np.random.default_rng(42); rng.integers(0, 100, 3); rng.random(2)
    /// assert_eq!(rng.integers(0, 100, [3])?.to_vec(), [8, 77, 65]);
    /// assert_eq!(rng.random([2]).to_vec(), [0.8585979199113825, 0.6973680290593639]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    ///
    /// # Panics
    /// With the message of [`try_random`](Generator::try_random)'s error.
    pub fn random(&mut self, shape: impl AsRef<[usize]>) -> Array<f64> {
        self.try_random(shape).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`random`](Generator::random), or NumPy's error for a shape that is
    /// too big, has more than 64 axes, or cannot be allocated. Nothing is
    /// drawn when it fails.
    ///
    /// ```
    /// use ndview::random::default_rng;
    /// let mut rng = default_rng(0);
    /// assert!(rng.try_random([1 << 40]).unwrap_err().to_string().starts_with("Unable to allocate 8.00 TiB"));
    /// // NumPy: np.random.default_rng(0).random(1)
    /// assert_eq!(rng.try_random([1])?.to_vec(), [0.6369616873214543]);
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn try_random(&mut self, shape: impl AsRef<[usize]>) -> Result<Array<f64>> {
        let mut out = Array::try_zeros(shape)?;
        // A fresh array is C-contiguous, so this fills it in C order, as NumPy does.
        out.map_inplace(|x| *x = self.bits.next_double());
        Ok(out)
    }
}

// ---------------------------------------------------------------------------
// SeedSequence (numpy/random/bit_generator.pyx)
// ---------------------------------------------------------------------------

/// The entropy pool of NumPy's `SeedSequence` for an integer seed, with the
/// default pool size of four 32-bit words and no spawn key.
struct SeedSequence {
    pool: [u32; 4],
}

const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
/// Half the width of a word.
const XSHIFT: u32 = 16;

/// NumPy's `hashmix`: hashes a word with a multiplier that changes after
/// every use, so the hash depends on how many words came before.
struct HashMix {
    hash_const: u32,
}

impl HashMix {
    fn hash(&mut self, value: u32) -> u32 {
        let mut value = value ^ self.hash_const;
        self.hash_const = self.hash_const.wrapping_mul(MULT_A);
        value = value.wrapping_mul(self.hash_const);
        value ^ (value >> XSHIFT)
    }
}

/// NumPy's `mix`: combines two words.
fn mix(x: u32, y: u32) -> u32 {
    let result = MIX_MULT_L.wrapping_mul(x).wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    result ^ (result >> XSHIFT)
}

impl SeedSequence {
    /// `SeedSequence(seed)`: `_int_to_uint32_array` then `mix_entropy`.
    fn new(seed: u64) -> SeedSequence {
        // 32-bit words, lowest first; 0 is one word, like any seed below 2^32.
        let (low_word, high_word) = (seed as u32, (seed >> 32) as u32);
        let words = if high_word == 0 { vec![low_word] } else { vec![low_word, high_word] };

        let mut hasher = HashMix { hash_const: INIT_A };
        let mut pool = [0u32; 4];
        // Hash the entropy into the pool, then keep the hash running over zeros.
        for (i, slot) in pool.iter_mut().enumerate() {
            *slot = hasher.hash(words.get(i).copied().unwrap_or(0));
        }
        // Mix every word into every other, so late words reach early ones.
        for src in 0..pool.len() {
            for dst in 0..pool.len() {
                if src != dst {
                    let hashed = hasher.hash(pool[src]);
                    pool[dst] = mix(pool[dst], hashed);
                }
            }
        }
        // (mix_entropy's last loop mixes in entropy words beyond the pool
        // size; a u64 seed has at most two words, so there are none.)
        SeedSequence { pool }
    }

    /// `generate_state(4, np.uint64)`: eight 32-bit words hashed from the
    /// pool (cycling through it), paired little-endian into four u64.
    fn generate_state(&self) -> [u64; 4] {
        let mut hash_const = INIT_B;
        let mut words = [0u32; 8];
        for (word, &source) in words.iter_mut().zip(self.pool.iter().cycle()) {
            let mut value = source ^ hash_const;
            hash_const = hash_const.wrapping_mul(MULT_B);
            value = value.wrapping_mul(hash_const);
            *word = value ^ (value >> XSHIFT);
        }
        std::array::from_fn(|k| u64::from(words[2 * k]) | (u64::from(words[2 * k + 1]) << 32))
    }
}

// ---------------------------------------------------------------------------
// PCG64 (numpy/random/src/pcg64/pcg64.h, pcg64.c)
// ---------------------------------------------------------------------------

/// `PCG_DEFAULT_MULTIPLIER_128`.
const PCG_MULTIPLIER: u128 = (2_549_297_995_355_413_924 << 64) | 4_865_540_595_714_422_341;

/// NumPy's `pcg64_state`: the 128-bit LCG state and increment, and the high
/// half of a 64-bit draw kept for the next 32-bit draw (`has_uint32` and
/// `uinteger` in C).
#[derive(Debug, Clone)]
struct Pcg64 {
    state: u128,
    increment: u128,
    buffered: Option<u32>,
}

impl Pcg64 {
    /// `pcg64_set_seed` (`pcg_setseq_128_srandom_r`): the increment is made
    /// odd, and the initial state is added between two steps.
    fn new(initstate: u128, initseq: u128) -> Pcg64 {
        let mut pcg = Pcg64 { state: 0, increment: (initseq << 1) | 1, buffered: None };
        pcg.step();
        pcg.state = pcg.state.wrapping_add(initstate);
        pcg.step();
        pcg
    }

    /// One LCG step, modulo 2^128.
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(PCG_MULTIPLIER).wrapping_add(self.increment);
    }

    /// `pcg64_next64`: step, then the XSL-RR output of the new state.
    fn next64(&mut self) -> u64 {
        self.step();
        let high = (self.state >> 64) as u64;
        let low = self.state as u64;
        let rotation = (self.state >> 122) as u32; // the top 6 bits
        (high ^ low).rotate_right(rotation)
    }

    /// `pcg64_next32`: the buffered high half if there is one, else the low
    /// half of a new 64-bit draw, buffering its high half.
    fn next32(&mut self) -> u32 {
        if let Some(high) = self.buffered.take() {
            return high;
        }
        let next = self.next64();
        self.buffered = Some((next >> 32) as u32);
        next as u32
    }

    /// `next_double` (`uint64_to_double` of a 64-bit draw): 53 random bits
    /// scaled into `[0, 1)`.
    fn next_double(&mut self) -> f64 {
        const TWO_POW_MINUS_53: f64 = 1.0 / 9_007_199_254_740_992.0;
        (self.next64() >> 11) as f64 * TWO_POW_MINUS_53
    }

    // -----------------------------------------------------------------------
    // Bounded integers (numpy/random/src/distributions/distributions.c)
    // -----------------------------------------------------------------------

    /// `random_bounded_uint64_fill` with Lemire's method (NumPy's `Generator`
    /// never uses the masked one): `count` numbers from the closed interval
    /// `[off, off + rng]`, wrapping around 2^64.
    #[cfg(test)]
    fn bounded_fill(&mut self, off: u64, rng: u64, count: usize) -> Vec<u64> {
        (0..count).map(|_| off.wrapping_add(self.bounded(rng))).collect()
    }

    /// One number from `[0, rng]`, by the method `random_bounded_uint64_fill`
    /// picks for `rng`.
    fn bounded(&mut self, rng: u64) -> u64 {
        match rng {
            0 => 0,
            // Lemire's 32-bit method cannot take rng = 2^32 - 1 (rng + 1 wraps
            // to zero); every 32-bit value is wanted, so take them as drawn.
            0xFFFF_FFFF => u64::from(self.next32()),
            r if r < 0xFFFF_FFFF => u64::from(self.bounded_lemire32(r as u32)),
            // Likewise for the 64-bit method and rng = 2^64 - 1.
            u64::MAX => self.next64(),
            r => self.bounded_lemire64(r),
        }
    }

    /// `buffered_bounded_lemire_uint32`: a number in `[0, rng]` from 32-bit
    /// draws (<https://arxiv.org/abs/1805.10941>). `rng` must be below
    /// `u32::MAX`.
    fn bounded_lemire32(&mut self, rng: u32) -> u32 {
        let rng_excl = rng.wrapping_add(1);
        // A 32-bit draw times at most 2^32 - 1 fits in 64 bits.
        let mut m = u64::from(self.next32()) * u64::from(rng_excl);
        let mut leftover = m as u32;
        if leftover < rng_excl {
            // Here rng_excl > leftover >= 0, so the remainder is defined.
            let threshold = (u32::MAX - rng) % rng_excl;
            while leftover < threshold {
                m = u64::from(self.next32()) * u64::from(rng_excl);
                leftover = m as u32;
            }
        }
        (m >> 32) as u32
    }

    /// `bounded_lemire_uint64`: a number in `[0, rng]` from 64-bit draws.
    /// `rng` must be below `u64::MAX`.
    fn bounded_lemire64(&mut self, rng: u64) -> u64 {
        let rng_excl = rng.wrapping_add(1);
        // A 64-bit draw times at most 2^64 - 1 fits in 128 bits.
        let mut m = u128::from(self.next64()) * u128::from(rng_excl);
        let mut leftover = m as u64;
        if leftover < rng_excl {
            // Here rng_excl > leftover >= 0, so the remainder is defined.
            let threshold = (u64::MAX - rng) % rng_excl;
            while leftover < threshold {
                m = u128::from(self.next64()) * u128::from(rng_excl);
                leftover = m as u64;
            }
        }
        (m >> 64) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values printed by NumPy 2.4.6, e.g.
    // `np.random.SeedSequence(0).pool`, `.generate_state(4, np.uint64)` and
    // `np.random.default_rng(0).bit_generator.state`.

    #[test]
    fn seed_sequence_matches_numpy() {
        let seq = SeedSequence::new(0);
        assert_eq!(seq.pool, [0xfe40_eb07, 0x4f36_3a36, 0x4eb2_009d, 0xc89a_7aa7]);
        assert_eq!(
            seq.generate_state(),
            [0xdb2c_d7e7_b0f4_78be, 0xabf4_641a_2c71_ba49, 0x20c6_ed6d_9d7b_8d41, 0x2c40_99de_223c_39d4]
        );
    }

    #[test]
    fn pcg64_seeding_matches_numpy() {
        let g = Generator::new(0);
        assert_eq!(g.bits.state, 0x1aa1_b534_5996_452d_0958_5eb7_a695_61e3);
        assert_eq!(g.bits.increment, 0x418d_dadb_3af7_1a82_5881_33bc_4478_73a9);
        assert_eq!(g.bits.buffered, None);
        // A seed of two 32-bit words.
        let g = Generator::new((1 << 63) + 5);
        assert_eq!(g.bits.state, 0xda3f_bbd7_a00e_04ef_1f54_f7ed_f9e1_adcc);
        assert_eq!(g.bits.increment, 0x9059_1fa7_d97b_ef81_f963_ed7b_a1de_ea5d);
    }

    #[test]
    fn raw_draws_and_the_32_bit_buffer() {
        // np.random.default_rng(0).bit_generator.random_raw(2)
        let mut pcg = Generator::new(0).bits;
        assert_eq!(pcg.next64(), 11_749_869_230_777_074_271);
        assert_eq!(pcg.next64(), 4_976_686_463_289_251_617);

        let mut pcg = Generator::new(0).bits;
        assert_eq!(pcg.next32(), 0xd9c2_825f); // low half of the first draw
        assert_eq!(pcg.buffered, Some(0xa30f_ebcf));
        assert_eq!(pcg.next32(), 0xa30f_ebcf); // then its high half
        assert_eq!(pcg.buffered, None);
    }

    #[test]
    fn full_64_bit_range() {
        // Unreachable through `integers` (high would be 2^63), but NumPy's
        // rng = 2^64 - 1 branch: np.random.default_rng(0).integers(-2**63, 2**63, 3)
        let mut pcg = Generator::new(0).bits;
        let got: Vec<i64> =
            pcg.bounded_fill(i64::MIN as u64, u64::MAX, 3).into_iter().map(|v| v as i64).collect();
        assert_eq!(got, [2_526_497_193_922_298_463, -4_246_685_573_565_524_191, -8_467_543_927_005_779_784]);
    }

    #[test]
    fn one_value_draws_nothing() {
        let mut pcg = Generator::new(3).bits;
        let before = pcg.state;
        assert_eq!(pcg.bounded_fill(7, 0, 4), [7, 7, 7, 7]);
        assert_eq!(pcg.state, before);
    }
}
