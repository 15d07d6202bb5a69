//! Rich display in Jupyter (the evcxr kernel): an array as an HTML table with
//! its layout written underneath.
//!
//! evcxr shows a value richly when its type has a method `evcxr_display` that
//! prints `EVCXR_BEGIN_CONTENT <mime type>`, the content, and
//! `EVCXR_END_CONTENT` on standard output. ndview sends an HTML table (shape
//! up to 2-D, at most 1000 elements; otherwise NumPy's `str()` in a `<pre>`),
//! a caption with shape, byte strides, offset and flags, then (with the
//! default `svg` feature) the array's memory diagram (see
//! [`diagram`](crate::diagram)), and `text/plain` for front ends without HTML.

use std::fmt::Write;

use crate::array::{ArrayBase, Storage};

/// Arrays larger than this are shown as NumPy's summarised text.
const MAX_TABLE_ELEMENTS: usize = 1000;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

impl<S: Storage> ArrayBase<S> {
    /// The layout in one line: shape, byte strides, offset and flags.
    ///
    /// ```
    /// use ndview::{s, Array};
    /// let a = Array::arange(12).into_shape([3, 4])?;
    /// assert_eq!(a.describe(), "shape [3, 4], strides [32, 8] bytes, offset 0, C-contiguous, owns its data");
    /// assert_eq!(a.slice(s![:, ::-2])?.describe(),
    ///            "shape [3, 2], strides [32, -16] bytes, offset 24, not contiguous, a view");
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn describe(&self) -> String {
        let contiguity = match (self.is_c_contiguous(), self.is_f_contiguous()) {
            (true, true) => "C- and F-contiguous",
            (true, false) => "C-contiguous",
            (false, true) => "F-contiguous",
            (false, false) => "not contiguous",
        };
        format!(
            "shape {:?}, strides {:?} bytes, offset {}, {contiguity}, {}",
            self.shape(),
            self.strides(),
            self.offset(),
            if self.owns_data() { "owns its data" } else { "a view" }
        )
    }

    /// The array as an HTML table with its layout as the caption, followed
    /// (with the default `svg` feature) by its memory diagram, inline.
    ///
    /// ```
    /// use ndview::Array;
    /// let html = Array::arange(4).into_shape([2, 2])?.to_html();
    /// assert!(html.starts_with("<table class=\"ndview\">"));
    /// assert!(html.contains("<td>3</td>"));
    /// // Floats as NumPy prints them, not as Rust does.
    /// let f = Array::from_vec(vec![f64::NAN, 1e20], [2])?.to_html();
    /// assert!(f.contains("<td>nan</td><td>1.e+20</td>"));
    /// assert!(html.contains("strides [16, 8] bytes"));
    /// // The diagram, after the table.
    /// assert_eq!(html.contains("</table><svg"), cfg!(feature = "svg"));
    /// # Ok::<(), ndview::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        let mut html = String::from("<table class=\"ndview\">");
        let _ = write!(html, "<caption>{}</caption>", escape(&self.describe()));
        if self.ndim() <= 2 && self.size() <= MAX_TABLE_ELEMENTS && self.size() > 0 {
            // Each element as NumPy's `str()` of the array prints it (`nan`,
            // `1.e+20`, `True`: one formatter for all, as in
            // `numpy/_core/arrayprint.py`), without the column padding.
            let values: Vec<S::Elem> = self.iter().copied().collect();
            let cells = crate::print::element_strings(&values);
            let columns = self.shape().last().copied().unwrap_or(1).max(1);
            for row in cells.chunks(columns) {
                html.push_str("<tr>");
                for cell in row {
                    let _ = write!(html, "<td>{}</td>", escape(cell));
                }
                html.push_str("</tr>");
            }
        } else {
            let _ = write!(html, "<tr><td><pre>{}</pre></td></tr>", escape(&self.to_string()));
        }
        html.push_str("</table>");
        #[cfg(feature = "svg")]
        html.push_str(&crate::diagram::svg(self));
        html
    }

    /// Shows the array in Jupyter through the evcxr kernel: called by evcxr
    /// on a cell's value, or by hand inside a cell. Outside Jupyter it prints
    /// evcxr's markers around the HTML and the plain text.
    ///
    /// ```
    /// use ndview::Array;
    /// Array::arange(3).evcxr_display(); // prints EVCXR_BEGIN_CONTENT text/html …
    /// ```
    pub fn evcxr_display(&self) {
        println!(
            "EVCXR_BEGIN_CONTENT text/html\n{}\nEVCXR_END_CONTENT\nEVCXR_BEGIN_CONTENT text/plain\n{}\n{}\nEVCXR_END_CONTENT",
            self.to_html(),
            self,
            self.describe()
        );
    }
}
