//! `FloatingFormat` from `numpy/_core/arrayprint.py`, and the `str()` of a
//! float scalar (`numpy/_core/src/multiarray/scalartypes.c.src`).

use super::dragon4::{Dragon4Options, TrimMode, format_positional, format_scientific};

/// NumPy's default `precision` print option.
const PRECISION: u32 = 8;
/// `nanstr` and `infstr` print options.
const NAN: &str = "nan";
const INF: &str = "inf";

/// How every float of one array is printed (`FloatingFormat`), for the
/// default options: `floatmode='maxprec'`, `precision=8`, `sign='-'`,
/// `suppress=False`.
///
/// All elements share one notation (positional or scientific) and one
/// width, so the columns line up: `[ 1.5   -0.001 10.   ]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FloatingFormat {
    exp_format: bool,
    precision: u32,
    min_digits: Option<u32>,
    trim: TrimMode,
    pad_left: usize,
    pad_right: usize,
    exp_size: Option<usize>,
}

impl FloatingFormat {
    /// Chooses the notation and widths from the values that will be shown
    /// (`FloatingFormat.__init__` and `fillFormat`).
    pub(crate) fn new(data: &[f64]) -> FloatingFormat {
        let finite: Vec<f64> = data.iter().copied().filter(|x| x.is_finite()).collect();
        let mut format = FloatingFormat {
            exp_format: use_scientific(&finite),
            precision: PRECISION,
            min_digits: None,
            trim: TrimMode::Zeros,
            pad_left: 0,
            pad_right: 0,
            exp_size: None,
        };
        if finite.is_empty() {
            // only nan/inf: nothing to measure
        } else if format.exp_format {
            format.fill_scientific(&finite);
        } else {
            format.fill_positional(&finite);
        }
        if finite.len() != data.len() {
            format.widen_for_non_finite(data);
        }
        format
    }

    /// `fillFormat`, scientific branch: print every value with up to 8
    /// digits after the first, then use the longest fraction for all of them.
    fn fill_scientific(&mut self, finite: &[f64]) {
        let first_pass =
            Dragon4Options { precision: Some(PRECISION), ..Dragon4Options::unique(TrimMode::Zeros) };
        let (mut int_len, mut frac_len, mut exp_len) = (0, 0, 0);
        for &x in finite {
            let text = format_scientific(x, &first_pass);
            let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, ""));
            let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
            int_len = int_len.max(int_part.len());
            frac_len = frac_len.max(frac_part.len());
            exp_len = exp_len.max(exponent.len());
        }
        // the exponent text includes its sign
        let exp_size = exp_len.saturating_sub(1);
        self.exp_size = Some(exp_size);
        self.trim = TrimMode::None;
        self.precision = frac_len as u32;
        self.min_digits = Some(self.precision);
        self.pad_left = int_len;
        // only needed to size nan and inf
        self.pad_right = exp_size + 2 + frac_len;
    }

    /// `fillFormat`, positional branch: print every value with up to 8
    /// decimals; pad the whole parts and fractions to the longest ones.
    /// `maxprec` keeps `precision=8` and trims each value's zeros.
    fn fill_positional(&mut self, finite: &[f64]) {
        let first_pass =
            Dragon4Options { precision: Some(PRECISION), ..Dragon4Options::unique(TrimMode::Zeros) };
        for &x in finite {
            let text = format_positional(x, &first_pass);
            let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
            self.pad_left = self.pad_left.max(int_part.len());
            self.pad_right = self.pad_right.max(frac_part.len());
        }
        self.trim = TrimMode::Zeros;
        self.min_digits = Some(0);
    }

    /// `fillFormat`, last step: make room for `nan`, `inf` and `-inf`.
    fn widen_for_non_finite(&mut self, data: &[f64]) {
        let neg_inf = data.contains(&f64::NEG_INFINITY);
        let offset = self.pad_right + 1; // +1 for the decimal point
        let nan_width = NAN.len().saturating_sub(offset);
        let inf_width = (INF.len() + usize::from(neg_inf)).saturating_sub(offset);
        self.pad_left = self.pad_left.max(nan_width).max(inf_width);
    }

    /// Prints one element (`FloatingFormat.__call__`).
    pub(crate) fn format(&self, x: f64) -> String {
        if !x.is_finite() {
            let text = if x.is_nan() {
                NAN.to_owned()
            } else if x < 0.0 {
                format!("-{INF}")
            } else {
                INF.to_owned()
            };
            let width = self.pad_left + self.pad_right + 1;
            return format!("{text:>width$}");
        }
        let opts = Dragon4Options {
            precision: Some(self.precision),
            min_digits: self.min_digits,
            trim: self.trim,
            pad_left: Some(self.pad_left),
            pad_right: (!self.exp_format).then_some(self.pad_right),
            exp_digits: self.exp_size,
        };
        if self.exp_format { format_scientific(x, &opts) } else { format_positional(x, &opts) }
    }
}

/// `fillFormat`'s choice of notation: scientific when a non-zero finite
/// value is at least `1e8` or below `1e-4`, or the largest is more than 1000
/// times the smallest. (`1e8` is `10**min(8, finfo(float64).precision)`.)
fn use_scientific(finite: &[f64]) -> bool {
    let magnitudes = finite.iter().map(|x| x.abs()).filter(|&x| x != 0.0);
    let (min, max) = magnitudes.fold((f64::INFINITY, 0.0f64), |(lo, hi), x| (lo.min(x), hi.max(x)));
    if max == 0.0 {
        return false;
    }
    max >= 1e8 || min < 1e-4 || max / min > 1000.0
}

/// `str()` of a float64 scalar, which is also `str()` of a 0-d array
/// (`floattype_str` in scalartypes.c.src): the shortest digits,
/// positional from `1e-4` up to `1e16` (`0.1`, `100.0`), scientific
/// outside (`1e-05`, `1.5e+16`).
pub(crate) fn scalar_str(x: f64) -> String {
    let magnitude = x.abs();
    if x.is_nan() || x == 0.0 || (1e-4..1e16).contains(&magnitude) {
        format_positional(x, &Dragon4Options::unique(TrimMode::LeaveOneZero))
    } else {
        format_scientific(x, &Dragon4Options::unique(TrimMode::DptZeros))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(data: &[f64]) -> Vec<String> {
        let format = FloatingFormat::new(data);
        data.iter().map(|&x| format.format(x)).collect()
    }

    #[test]
    fn positional_columns() {
        assert_eq!(all(&[1.5, -0.25, 10.0]), [" 1.5 ", "-0.25", "10.  "]);
        assert_eq!(all(&[1.5, -0.001, 10.0]), [" 1.5e+00", "-1.0e-03", " 1.0e+01"]);
        assert_eq!(all(&[0.1 + 0.2, 1.0]), ["0.3", "1. "]);
    }

    #[test]
    fn scientific_columns() {
        assert_eq!(all(&[1e-5, 1.5e-10]), ["1.0e-05", "1.5e-10"]);
        assert_eq!(all(&[1e-5, 1e300]), ["1.e-005", "1.e+300"]);
    }

    #[test]
    fn non_finite() {
        assert_eq!(all(&[f64::NAN, 1.0, f64::NEG_INFINITY]), [" nan", "  1.", "-inf"]);
        assert_eq!(all(&[f64::NAN, f64::INFINITY]), ["nan", "inf"]);
    }

    #[test]
    fn scalars() {
        assert_eq!(scalar_str(2.5), "2.5");
        assert_eq!(scalar_str(1e16), "1e+16");
        assert_eq!(scalar_str(1e15), "1000000000000000.0");
        assert_eq!(scalar_str(-0.0), "-0.0");
        assert_eq!(scalar_str(f64::NEG_INFINITY), "-inf");
    }
}
