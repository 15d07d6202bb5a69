//! `IntegerFormat` from `numpy/_core/arrayprint.py`.

/// How every integer of one array is printed (`IntegerFormat`, `sign='-'`):
/// right-aligned to the widest of the largest and the smallest value shown,
/// so `[-1 10]` and `[ 5 -3]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IntegerFormat {
    width: usize,
}

impl IntegerFormat {
    /// Measures the values that will be shown (`IntegerFormat.__init__`):
    /// when the array is summarised, only the corners count.
    pub(crate) fn new(data: &[i128]) -> IntegerFormat {
        let (min, max) = match (data.iter().min(), data.iter().max()) {
            (Some(&min), Some(&max)) => (min, max),
            _ => return IntegerFormat { width: 0 },
        };
        let width = max.to_string().len().max(min.to_string().len());
        IntegerFormat { width }
    }

    /// Prints one element: `'{:-Nd}'.format(x)` (`IntegerFormat.__call__`).
    pub(crate) fn format(&self, x: i128) -> String {
        format!("{x:>width$}", width = self.width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_from_max_and_min() {
        let f = IntegerFormat::new(&[-1, 10]);
        assert_eq!((f.format(-1), f.format(10)), ("-1".to_owned(), "10".to_owned()));
        let f = IntegerFormat::new(&[5, -300]);
        assert_eq!(f.format(5), "   5");
        let f = IntegerFormat::new(&[u64::MAX.into()]);
        assert_eq!(f.format(0).len(), 20);
    }
}
