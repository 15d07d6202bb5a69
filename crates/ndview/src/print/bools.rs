//! `BoolFormat` from `numpy/_core/arrayprint.py`.

/// How booleans are printed (`BoolFormat`): `True` gets a leading space so
/// it is as wide as `False` and the columns line up (`[ True False]`),
/// except in a 0-d array (`array(True)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BoolFormat {
    true_str: &'static str,
}

impl BoolFormat {
    /// `BoolFormat.__init__`: the padding depends only on whether the array
    /// is 0-d.
    pub(crate) fn new(zero_dimensional: bool) -> BoolFormat {
        BoolFormat { true_str: if zero_dimensional { "True" } else { " True" } }
    }

    /// Prints one element (`BoolFormat.__call__`).
    pub(crate) fn format(&self, x: bool) -> &'static str {
        if x { self.true_str } else { "False" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn true_is_padded_except_in_0d() {
        assert_eq!(BoolFormat::new(false).format(true), " True");
        assert_eq!(BoolFormat::new(true).format(true), "True");
        assert_eq!(BoolFormat::new(false).format(false), "False");
    }
}
