//! Dragon4 as NumPy runs it: `numpy/_core/src/multiarray/dragon4.c`.
//!
//! NumPy prints a float with the digits of the Dragon4 algorithm in its
//! "unique" mode: the shortest digits that read back as the same `f64`, but
//! cut off after `precision` digits (then rounded from the exact binary
//! value), or extended to at least `min_digits` digits.
//!
//! Rust's standard library already holds both halves of that: `{:e}` gives
//! the shortest round-trip digits, and `{:.N}` / `{:.Ne}` round the exact
//! binary value to nearest, ties to even. What is left is choosing *where*
//! Dragon4 stops ([`dragon4`]) and which last digit it prints there
//! ([`Digits::rounded_at`]); then [`format_positional`] and
//! [`format_scientific`] lay the digits out as `FormatPositional` and
//! `FormatScientific` do.

/// Whether `precision` and `min_digits` count digits after the decimal point
/// or significant digits (dragon4.c `CutoffMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CutoffMode {
    /// Digits after the decimal point: `format_float_positional(fractional=True)`.
    FractionLength,
    /// Significant digits: scientific notation.
    TotalLength,
}

/// What happens to trailing zeros and the decimal point (dragon4.c
/// `TrimMode`, Python's `trim=` letter in brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TrimMode {
    /// `'k'`: keep trailing zeros (pad up to `min_digits`) and the point: `1.500`.
    None,
    /// `'.'`: trim trailing zeros, keep the point: `1.5`, `2.`.
    Zeros,
    /// `'0'`: trim trailing zeros but keep one after the point: `2.0`.
    LeaveOneZero,
    /// `'-'`: trim trailing zeros and a bare point: `2`.
    DptZeros,
}

/// The options NumPy's `dragon4_positional` / `dragon4_scientific` take
/// (dragon4.c `Dragon4_Options`), with `unique=True` and `sign=False`, the
/// only values the default print options use. `None` is NumPy's `-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dragon4Options {
    /// Most digits to print (after the point, or after the first digit in
    /// scientific notation).
    pub(crate) precision: Option<u32>,
    /// Fewest digits to print, counted like `precision`.
    pub(crate) min_digits: Option<u32>,
    /// Trailing zero handling.
    pub(crate) trim: TrimMode,
    /// Pad with spaces on the left to this many characters before the point.
    pub(crate) pad_left: Option<usize>,
    /// Pad with spaces on the right to this many characters after the point
    /// (positional only).
    pub(crate) pad_right: Option<usize>,
    /// Pad the exponent with zeros to this many digits (scientific only;
    /// `None` means 2).
    pub(crate) exp_digits: Option<usize>,
}

impl Dragon4Options {
    /// NumPy's defaults: no cutoff, no padding, the given trim mode.
    pub(crate) fn unique(trim: TrimMode) -> Dragon4Options {
        Dragon4Options {
            precision: None,
            min_digits: None,
            trim,
            pad_left: None,
            pad_right: None,
            exp_digits: None,
        }
    }
}

/// A non-negative decimal number `d0.d1d2… × 10^exponent`, without trailing
/// zero digits; zero is the single digit 0 with exponent 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits {
    digits: Vec<u8>,
    exponent: i32,
}

impl Digits {
    fn zero() -> Digits {
        Digits { digits: vec![0], exponent: 0 }
    }

    /// Builds the number from decimal digits whose first one has `exponent`,
    /// dropping leading and trailing zeros.
    fn new(mut digits: Vec<u8>, mut exponent: i32) -> Digits {
        let leading = digits.iter().take_while(|&&d| d == 0).count();
        if leading == digits.len() {
            return Digits::zero();
        }
        digits.drain(..leading);
        exponent -= leading as i32;
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Digits { digits, exponent }
    }

    /// Reads what Rust's float formatting writes, with or without an
    /// exponent: `1.25e-7`, `3e5`, `0.00012000`, `42.5`.
    fn parse(text: &str) -> Digits {
        let (mantissa, exp_text) = text.split_once('e').unwrap_or((text, "0"));
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits: Vec<u8> =
            int_part.bytes().chain(frac_part.bytes()).filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let (negative, magnitude) = match exp_text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, exp_text),
        };
        let magnitude = magnitude
            .bytes()
            .filter(u8::is_ascii_digit)
            .fold(0i32, |acc, b| acc.saturating_mul(10).saturating_add(i32::from(b - b'0')));
        let exp = if negative { -magnitude } else { magnitude };
        // the first digit of the int part sits at 10^(len - 1)
        Digits::new(digits, exp + int_part.len() as i32 - 1)
    }

    /// The shortest digits that read back as `v` (Rust's `{:e}`).
    fn shortest(v: f64) -> Digits {
        Digits::parse(&format!("{v:e}"))
    }

    /// The power of ten of the last digit.
    fn last_position(&self) -> i32 {
        self.exponent + 1 - self.digits.len() as i32
    }

    fn is_zero(&self) -> bool {
        self.digits == [0]
    }

    /// This number plus one unit at `position` (no lower than the number's
    /// own last digit).
    fn plus_unit(&self, position: i32) -> Digits {
        if self.is_zero() || position > self.exponent {
            return Digits::new(vec![1], position);
        }
        let mut digits = self.digits.clone();
        let len = (self.exponent - position + 1) as usize;
        digits.resize(len, 0);
        for i in (0..len).rev() {
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                return Digits::new(digits, self.exponent);
            }
        }
        digits.insert(0, 1);
        Digits::new(digits, self.exponent + 1)
    }

    /// Whether these digits read back as `v` (correctly rounded, ties to
    /// even: the same rule as Dragon4's inclusive margins for even mantissas).
    fn reads_back_as(&self, v: f64) -> bool {
        let mut text = String::with_capacity(self.digits.len() + 8);
        for &d in &self.digits {
            text.push(char::from(b'0' + d));
        }
        text.push_str(&format!("e{}", self.last_position()));
        text.parse::<f64>() == Ok(v)
    }

    /// The digits Dragon4 prints for `v` when it stops at `position`
    /// (the rounding at the end of `Dragon4()` in dragon4.c).
    ///
    /// Dragon4 rounds the last digit down if only that reads back as `v`,
    /// up if only that does, and otherwise to the nearest (ties to the even
    /// digit). The nearest is what Rust's formatting gives; it is replaced
    /// only when it does not read back but the next number up does. (That
    /// happens at powers of two, whose gap below is half the gap above; the
    /// number below the nearest one can never be the only one to read back.)
    fn rounded_at(v: f64, position: i32, leading: i32) -> Digits {
        let nearest = Digits::nearest(v, position, leading);
        if nearest.reads_back_as(v) {
            return nearest;
        }
        let up = nearest.plus_unit(position);
        if up.reads_back_as(v) { up } else { nearest }
    }

    /// `v` rounded to a multiple of `10^position`, to nearest, ties to even.
    /// `leading` is the power of ten of `v`'s first digit. Positions above
    /// the first digit are only asked for below the decimal point.
    fn nearest(v: f64, position: i32, leading: i32) -> Digits {
        if position <= leading {
            let decimals = (leading - position) as usize;
            Digits::parse(&format!("{v:.decimals$e}"))
        } else {
            let decimals = position.min(0).unsigned_abs() as usize;
            Digits::parse(&format!("{v:.decimals$}"))
        }
    }
}

/// The power of ten of the first digit of `v > 0`, exactly: `floor(log10 v)`.
///
/// The shortest digits start at the same power, except when they are exactly
/// `10^k` and `v` lies just below it (`1e23` is `9.999999999999999e22`).
fn leading_exponent(v: f64, shortest: &Digits) -> i32 {
    let k = shortest.exponent;
    if shortest.digits != [1] {
        return k;
    }
    // 10^0 ..= 10^22 are exact doubles: v is 10^k itself.
    if (0..=22).contains(&k) {
        return k;
    }
    // Otherwise look at v's exact digits: 40 of them decide unless they are
    // all zeros; an f64 has at most 767 significant digits, so 800 always do.
    for decimals in [40usize, 800] {
        let exact = format!("{v:.decimals$e}");
        if exact.starts_with('9') {
            return k - 1;
        }
        let mantissa = exact.split('e').next().unwrap_or("");
        if mantissa.bytes().skip(2).any(|b| b != b'0') {
            return k;
        }
    }
    k
}

/// The digits NumPy's `Dragon4()` (dragon4.c) prints for a finite `v >= 0`
/// in unique mode, with `cutoff_max` / `cutoff_min` digits counted by `mode`
/// (`None`: no limit).
///
/// Dragon4 emits `v`'s digits from the first one down and stops at the first
/// position where the digits, rounded down or up, already read back as `v`,
/// provided `cutoff_min` digits are out; it always stops at the
/// `cutoff_max` digit. Reading back only gets easier at lower positions, so
/// the stop is the shortest digits' last position, clamped by the cutoffs.
pub(crate) fn dragon4(v: f64, mode: CutoffMode, cutoff_max: Option<u32>, cutoff_min: Option<u32>) -> Digits {
    if v == 0.0 {
        return Digits::zero();
    }
    let shortest = Digits::shortest(v);
    let leading = leading_exponent(v, &shortest);
    let to_i32 = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    // A value below the fractional cutoff starts at the cutoff digit.
    let first = match (mode, cutoff_max) {
        (CutoffMode::FractionLength, Some(max)) => leading.max(-to_i32(max)),
        _ => leading,
    };
    // `cutoff_max_Exponent`: the last digit allowed.
    let last_allowed = cutoff_max.map(|n| match mode {
        CutoffMode::FractionLength => -to_i32(n),
        CutoffMode::TotalLength => first.saturating_add(1).saturating_sub(to_i32(n)),
    });
    // `cutoff_min_Exponent`: no stop before this digit.
    let last_required = match (mode, cutoff_min) {
        (_, None) => first,
        (CutoffMode::FractionLength, Some(n)) => first.min(-to_i32(n)),
        (CutoffMode::TotalLength, Some(n)) => first.min(first.saturating_add(1).saturating_sub(to_i32(n))),
    };
    let unique_stop = shortest.last_position().min(first);
    let mut stop = unique_stop.min(last_required);
    if let Some(allowed) = last_allowed {
        stop = stop.max(allowed);
    }
    Digits::rounded_at(v, stop, leading)
}

/// Splits off the sign: NumPy prints `-` for every value with the sign bit
/// set, `-0.` included.
fn sign_and_magnitude(x: f64) -> (&'static str, f64) {
    if x.is_sign_negative() { ("-", -x) } else { ("", x) }
}

/// `inf`, `-inf` or `nan` (dragon4.c `PrintInfNan`): only infinities show a
/// sign.
fn inf_nan(x: f64) -> String {
    match (x.is_nan(), x < 0.0) {
        (true, _) => "nan".to_owned(),
        (false, true) => "-inf".to_owned(),
        (false, false) => "inf".to_owned(),
    }
}

/// Removes trailing zeros after the point (the trim step shared by
/// `FormatPositional` and `FormatScientific`).
fn trim_fraction(fraction: &mut String) {
    while fraction.ends_with('0') {
        fraction.pop();
    }
}

/// NumPy's `dragon4_positional(x, unique=True, fractional=True, sign=False,
/// ...)`: `FormatPositional` in dragon4.c.
pub(crate) fn format_positional(x: f64, opts: &Dragon4Options) -> String {
    if !x.is_finite() {
        return inf_nan(x);
    }
    let (sign, magnitude) = sign_and_magnitude(x);
    let d = dragon4(magnitude, CutoffMode::FractionLength, opts.precision, opts.min_digits);
    let text: String = d.digits.iter().map(|&b| char::from(b'0' + b)).collect();

    // Whole part and fraction digits.
    let (whole, mut fraction) = if d.exponent >= 0 {
        let whole_len = d.exponent as usize + 1;
        if text.len() <= whole_len {
            (format!("{text:0<whole_len$}"), String::new())
        } else {
            (text[..whole_len].to_owned(), text[whole_len..].to_owned())
        }
    } else {
        let zeros = (-(d.exponent + 1)) as usize;
        ("0".to_owned(), format!("{}{text}", "0".repeat(zeros)))
    };

    // The point is always printed, except in DptZeros mode.
    let mut point = !(opts.trim == TrimMode::DptZeros && fraction.is_empty());
    if finish_fraction(&mut fraction, opts) && opts.trim == TrimMode::DptZeros {
        point = false;
    }

    let mut out = String::new();
    let used_left = whole.len() + sign.len();
    if let Some(pad) = opts.pad_left {
        out.extend(std::iter::repeat_n(' ', pad.saturating_sub(used_left)));
    }
    out.push_str(sign);
    out.push_str(&whole);
    if point {
        out.push('.');
    }
    out.push_str(&fraction);
    if let Some(pad) = opts.pad_right
        && pad >= fraction.len()
    {
        // a trimmed point is replaced by a space
        if opts.trim == TrimMode::DptZeros && fraction.is_empty() {
            out.push(' ');
        }
        out.extend(std::iter::repeat_n(' ', pad - fraction.len()));
    }
    out
}

/// The fraction digits as both formats finish them (`FormatPositional` and
/// `FormatScientific` in dragon4.c): padded with zeros up to `min_digits`
/// when nothing is trimmed, otherwise stripped of trailing zeros (keeping one
/// in `LeaveOneZero` mode). Returns whether trimming left no digit.
fn finish_fraction(fraction: &mut String, opts: &Dragon4Options) -> bool {
    let wanted = opts.min_digits.unwrap_or(0) as usize;
    match opts.trim {
        TrimMode::LeaveOneZero if fraction.is_empty() => fraction.push('0'),
        TrimMode::None if wanted > fraction.len() => {
            fraction.extend(std::iter::repeat_n('0', wanted - fraction.len()));
        }
        _ => {}
    }
    if opts.trim != TrimMode::None && !fraction.is_empty() {
        trim_fraction(fraction);
        if fraction.is_empty() {
            if opts.trim == TrimMode::LeaveOneZero {
                fraction.push('0');
            }
            return true;
        }
    }
    false
}

/// NumPy's `dragon4_scientific(x, unique=True, sign=False, ...)`:
/// `FormatScientific` in dragon4.c.
pub(crate) fn format_scientific(x: f64, opts: &Dragon4Options) -> String {
    if !x.is_finite() {
        return inf_nan(x);
    }
    let (sign, magnitude) = sign_and_magnitude(x);
    // `precision` digits after the first one: one more in total.
    let d = dragon4(
        magnitude,
        CutoffMode::TotalLength,
        opts.precision.map(|p| p.saturating_add(1)),
        opts.min_digits.map(|m| m.saturating_add(1)),
    );
    let (first, rest) = d.digits.split_first().unwrap_or((&0, &[]));
    let first = char::from(b'0' + first);
    let mut fraction: String = rest.iter().map(|&b| char::from(b'0' + b)).collect();

    let point = !fraction.is_empty() || opts.trim != TrimMode::DptZeros;
    finish_fraction(&mut fraction, opts);

    let mut out = String::new();
    if let Some(pad) = opts.pad_left {
        out.extend(std::iter::repeat_n(' ', pad.saturating_sub(1 + sign.len())));
    }
    out.push_str(sign);
    out.push(first);
    if point {
        out.push('.');
    }
    out.push_str(&fraction);
    let exp_digits = opts.exp_digits.unwrap_or(2).min(5);
    let exp_sign = if d.exponent < 0 { '-' } else { '+' };
    out.push_str(&format!("e{exp_sign}{:0exp_digits$}", d.exponent.unsigned_abs()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(x: f64, precision: Option<u32>, trim: TrimMode) -> String {
        format_positional(x, &Dragon4Options { precision, ..Dragon4Options::unique(trim) })
    }

    fn sci(x: f64, precision: Option<u32>, min_digits: Option<u32>, trim: TrimMode) -> String {
        format_scientific(x, &Dragon4Options { precision, min_digits, ..Dragon4Options::unique(trim) })
    }

    #[test]
    fn shortest_digits_and_cutoffs() {
        assert_eq!(pos(0.1 + 0.2, Some(8), TrimMode::Zeros), "0.3");
        assert_eq!(pos(0.1 + 0.2, None, TrimMode::LeaveOneZero), "0.30000000000000004");
        assert_eq!(pos(2.0, Some(8), TrimMode::Zeros), "2.");
        assert_eq!(pos(-0.0, Some(8), TrimMode::Zeros), "-0.");
        assert_eq!(pos(1e-10, Some(8), TrimMode::Zeros), "0.");
        assert_eq!(pos(7e-9, Some(8), TrimMode::Zeros), "0.00000001");
        assert_eq!(pos(0.99999999999, Some(8), TrimMode::Zeros), "1.");
        assert_eq!(pos(1e15, None, TrimMode::LeaveOneZero), "1000000000000000.0");
    }

    #[test]
    fn ties_go_to_the_even_digit() {
        // 0.001953125 = 2^-9 exactly: cut after 8 decimals, 2 is even
        assert_eq!(pos(0.001953125, Some(8), TrimMode::Zeros), "0.00195312");
        // 2^50 + 0.25 has two shortest candidates, ...624.2 and ...624.3
        assert_eq!(pos(2f64.powi(50) + 0.25, None, TrimMode::LeaveOneZero), "1125899906842624.2");
    }

    #[test]
    fn powers_of_two_may_round_up() {
        // 2^-1017 = 7.1202363472230444…e-307: the nearest 16 digits, …044,
        // lie outside the narrow gap below a power of two; …045 reads back
        assert_eq!(sci(2f64.powi(-1017), None, None, TrimMode::DptZeros), "7.120236347223045e-307");
    }

    #[test]
    fn scientific() {
        assert_eq!(sci(1e16, None, None, TrimMode::DptZeros), "1e+16");
        assert_eq!(sci(1e-5, Some(8), None, TrimMode::Zeros), "1.e-05");
        assert_eq!(sci(1e-5, Some(3), Some(3), TrimMode::None), "1.000e-05");
        assert_eq!(sci(1e100, Some(0), Some(0), TrimMode::None), "1.e+100");
        // 9.9999999999e-7 rounds up into the next power of ten
        assert_eq!(sci(9.9999999999e-7, Some(8), None, TrimMode::Zeros), "1.e-06");
        // the smallest subnormal: its shortest digit is 5, its exact value 4.94…
        assert_eq!(sci(5e-324, Some(1), Some(1), TrimMode::None), "4.9e-324");
        assert_eq!(sci(1e23, None, None, TrimMode::DptZeros), "1e+23");
    }

    #[test]
    fn padding() {
        let opts = Dragon4Options {
            precision: Some(8),
            min_digits: Some(0),
            pad_left: Some(3),
            pad_right: Some(4),
            ..Dragon4Options::unique(TrimMode::Zeros)
        };
        assert_eq!(format_positional(1.5, &opts), "  1.5   ");
        let opts = Dragon4Options {
            precision: Some(2),
            min_digits: Some(2),
            pad_left: Some(2),
            exp_digits: Some(3),
            ..Dragon4Options::unique(TrimMode::None)
        };
        assert_eq!(format_scientific(1.5e-7, &opts), " 1.50e-007");
    }

    #[test]
    fn leading_exponent_below_a_power_of_ten() {
        for (v, want) in [(1e23, 22), (1e22, 22), (0.1, -1), (1.0, 0), (9.5, 0), (5e-324, -324)] {
            assert_eq!(leading_exponent(v, &Digits::shortest(v)), want, "{v:e}");
        }
    }
}
