//! The performance chapter's benchmark table and plot, drawn at build time
//! from the committed record of `cargo xtask bench --record`
//! (`src/section-1/data/bench.json`): nothing in them is typed by hand.
//!
//! * `bench-figures table` prints the results as a Markdown table, then a
//!   paragraph saying where and when they were measured;
//! * `bench-figures indexing` prints Section 2's table (masks and gathers)
//!   and the same paragraph;
//! * `bench-figures plot` prints an SVG on one line: time against size of a
//!   contiguous copy into a new array, for ndview, ndarray, NumPy and the
//!   floor, and of making a view of the same array, labelled with the machine and the date. Its text and axes are
//!   drawn in `currentColor`, so they take the page's text colour in light
//!   and dark themes alike.
//!
//! A chapter shows them with `<!-- cmdrun --strict ../../target/debug/bench-figures table -->`.

use std::path::Path;
use std::process::ExitCode;

use plotters::prelude::*;
use serde_json::Value;

/// Where the record is, from the project root.
const RECORD: &str = "src/section-1/data/bench.json";

fn record() -> Result<Value, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(RECORD);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn num(v: &Value, key: &str) -> Result<f64, String> {
    v[key].as_f64().ok_or_else(|| format!("the record has no number {key:?}"))
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("unknown")
}

/// A time with a unit that suits it (three significant digits).
fn show(ns: f64) -> String {
    let (value, unit) = if ns >= 1e6 {
        (ns / 1e6, "ms")
    } else if ns >= 1e3 {
        (ns / 1e3, "µs")
    } else {
        (ns, "ns")
    };
    let decimals = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    format!("{value:.decimals$} {unit}")
}

/// A byte count as the plot's axis shows it.
fn show_bytes(bytes: f64) -> String {
    match bytes {
        b if b >= 1e6 => format!("{} MB", b / 1e6),
        b if b >= 1e3 => format!("{} kB", b / 1e3),
        b => format!("{b} B"),
    }
}

/// A cache size as sysfs writes it (`48K`, `2048K`) in KiB or MiB.
fn show_cache_size(size: &str) -> String {
    match size.strip_suffix('K').and_then(|k| k.parse::<u64>().ok()) {
        Some(k) if k.is_multiple_of(1024) => format!("{} MiB", k / 1024),
        Some(k) => format!("{k} KiB"),
        None => size.to_owned(),
    }
}

/// The machine's data caches, as words: `48 KiB of L1 data cache and 2 MiB
/// of L2 per core, 480 MiB of L3 shared by both`; empty for a record
/// without them.
fn caches(m: &Value) -> String {
    let Some(caches) = m["caches"].as_array() else { return String::new() };
    let name = |c: &Value| match c["level"].as_u64() {
        Some(1) => "L1 data cache".to_owned(),
        Some(l) => format!("L{l}"),
        None => "cache".to_owned(),
    };
    let size = |c: &Value| format!("{} of {}", show_cache_size(text(c, "size")), name(c));
    let (own, shared): (Vec<&Value>, Vec<&Value>) = caches.iter().partition(|c| c["shared_by"] == 1);
    let mut parts = Vec::new();
    if !own.is_empty() {
        parts.push(own.iter().map(|c| size(c)).collect::<Vec<_>>().join(" and ") + " per core");
    }
    let cores = m["cores"].as_u64();
    parts.extend(shared.iter().map(|c| match c["shared_by"].as_u64() {
        Some(2) if cores == Some(2) => format!("{} shared by both", size(c)),
        Some(n) if cores == Some(n) => format!("{} shared by all {n}", size(c)),
        _ => format!("{} shared by {} cores", size(c), c["shared_by"]),
    }));
    parts.join(", ")
}

/// Where and when: one sentence, from the record.
fn measured_on(r: &Value) -> String {
    let m = &r["machine"];
    let caches = match caches(m) {
        c if c.is_empty() => c,
        c => format!(", {c}"),
    };
    let v = &r["versions"];
    let load = m["load_average_1min"]
        .as_f64()
        .map(|l| format!(", load average {l:.1} when the run ended"))
        .unwrap_or_default();
    format!(
        "Measured on {} ({} cores{caches}, Linux {}, transparent huge pages `{}`{load}) on {}, with {}, ndarray {}, NumPy {} on Python {}.",
        text(m, "cpu"),
        m["cores"],
        text(m, "kernel"),
        text(m, "transparent_hugepage"),
        text(r, "date"),
        text(v, "rustc"),
        text(v, "ndarray"),
        text(v, "numpy"),
        text(v, "python"),
    )
}

/// The rows of the operations of one section of the book, as a Markdown
/// table.
fn rows(r: &Value, section: u64) -> Result<String, String> {
    let mut out = String::from(
        "| operation | ndview | ndarray | NumPy | ratio | target |\n|---|--:|--:|--:|--:|---|\n",
    );
    let ops = r["operations"].as_array().ok_or("the record has no operations")?;
    let mut n = 0;
    for op in ops.iter().filter(|op| op["section"].as_u64() == Some(section)) {
        n += 1;
        out += &format!(
            "| {} | {} | {} ({}) | {} | {:.2} | {} {} |\n",
            text(op, "what"),
            show(num(op, "ndview_ns")?),
            show(num(op, "ndarray_ns")?),
            text(op, "ndarray_call"),
            show(num(op, "numpy_ns")?),
            num(op, "ratio")?,
            text(op, "target"),
            if op["met"].as_bool() == Some(true) { "✓" } else { "✗ missed" },
        );
    }
    if n == 0 {
        return Err(format!("the record has no operations of Section {section}"));
    }
    Ok(out)
}

/// Where and when, and what the numbers are.
fn provenance(r: &Value) -> String {
    format!(
        "{} Each time is a median: criterion's for ndview and ndarray, of {} repeats with `timeit` for NumPy; \
         the ratio is ndview's time over the time the target names (\"the faster\" is the faster of NumPy and \
         ndarray), and a target with two conditions is met only when both are.{}\n",
        measured_on(r),
        if r["quick"].as_bool() == Some(true) { "5" } else { "15" },
        if r["quick"].as_bool() == Some(true) { " (A `--quick` run: short measurements.)" } else { "" },
    )
}

/// The recorded operation with this id (`view`, `copy_contiguous`, …).
fn operation<'a>(r: &'a Value, id: &str) -> Result<&'a Value, String> {
    r["operations"]
        .as_array()
        .and_then(|ops| ops.iter().find(|op| op["id"] == id))
        .ok_or_else(|| format!("no operation {id} in the record"))
}

/// The sentence of Section 1's performance chapter on what timing with
/// `Instant` costs (two readings of the clock), beside what it times (the
/// view `big[::2, ::2]`).
fn clock(r: &Value) -> Result<String, String> {
    let clock = num(r, "clock_ns")?;
    let view = num(operation(r, "view")?, "ndview_ns")?;
    Ok(format!(
        "On the machine that measured the benchmark below, criterion's median for the two was {}, and for making \
         the view `big[::2, ::2]` {}: the timing costs {:.1}× what it times.",
        show(clock),
        show(view),
        clock / view
    ))
}

/// Section 2's table: the masks and gathers of `benches/indexing.rs`.
fn indexing_table(r: &Value) -> Result<String, String> {
    Ok(rows(r, 2)? + "\n" + &provenance(r))
}

fn table(r: &Value) -> Result<String, String> {
    let mut out = rows(r, 1)?;
    out += &format!(
        "| floor: `copy_from_slice` of 80 MB into memory already touched | {} | | | | |\n",
        show(num(r, "floor_ns")?)
    );
    out += &format!(
        "| floor: a new 80 MB array (`zeros`) written once in each 4 KiB page and dropped, nothing copied | {} | | | | |\n",
        show(num(r, "fresh_pages_ns")?)
    );
    out += &format!(
        "| floor: reading the cache lines `big[::2, ::2]` needs (the even rows, 40 MB), without copying | {} | | | | |\n",
        show(num(r, "read_step2_ns")?)
    );
    // What the sweep says in numbers: the view's range, the floor's bandwidth.
    let sweep = r["sweep"].as_array().ok_or("the record has no sweep")?;
    let views: Vec<f64> = sweep.iter().map(|p| num(p, "view_ns")).collect::<Result<_, _>>()?;
    let (vmin, vmax) = span(&views);
    let floor = num(r, "floor_ns")?;
    let fresh = num(r, "fresh_pages_ns")?;
    let read_step2 = num(r, "read_step2_ns")?;
    let contiguous = operation(r, "copy_contiguous")?;
    let step2 = operation(r, "copy_step2")?;
    out += &format!(
        "\nThe floor moved 160 MB (80 MB read, 80 MB written) in {}: {:.1} GB/s. The contiguous copy into a new \
         array took {:.2} times as long as the floor with ndview, {:.2} with NumPy and {:.2} with ndarray. A new 80 MB \
         array written once in each page, which takes its page faults and copies nothing, took {:.2} times as long \
         as the floor; a copy into a new array takes the same faults, each when it first writes a page, and the two \
         floors together took {}, against {} for ndview's copy into a new array. The copy of `big[::2, ::2]` took \
         {:.2} times as long as reading the cache lines it needs, with ndview, and {:.2} with NumPy. Making \
         ndview's view `[::2]` of each 1-d array of the sweep took between {} and {}, at every size from 1 kB to \
         100 MB.\n",
        show(floor),
        160e6 / floor,
        num(contiguous, "ndview_ns")? / floor,
        num(contiguous, "numpy_ns")? / floor,
        num(contiguous, "ndarray_ns")? / floor,
        fresh / floor,
        show(floor + fresh),
        show(num(contiguous, "ndview_ns")?),
        num(step2, "ndview_ns")? / read_step2,
        num(step2, "numpy_ns")? / read_step2,
        show(vmin),
        show(vmax),
    );
    out += &format!("\n{}\n", sweep_against_others(sweep)?);
    out += &format!("\n{}", provenance(r));
    Ok(out)
}

/// How ndview's copy in the sweep compares with the other two at every
/// size: the range of its ratio to each, and the sizes where it was not the
/// fastest of the three.
fn sweep_against_others(sweep: &[Value]) -> Result<String, String> {
    let (Some(first), Some(last)) = (sweep.first(), sweep.last()) else {
        return Err("the sweep is empty".into());
    };
    let time = |p: &Value, key: &str| match num(p, key)? {
        t if t > 0.0 => Ok(t),
        t => Err(format!("a time of {t} ns in the sweep ({key})")),
    };
    let ratios = |key: &str| -> Result<Vec<f64>, String> {
        sweep.iter().map(|p| Ok(time(p, "ndview_ns")? / time(p, key)?)).collect()
    };
    let ((alo, ahi), (nlo, nhi)) = (span(&ratios("ndarray_ns")?), span(&ratios("numpy_ns")?));
    // Each size where ndview's median was longer than the faster of the two
    // others' at that size, and by how much.
    let mut behind = Vec::new();
    for p in sweep {
        let faster = time(p, "ndarray_ns")?.min(time(p, "numpy_ns")?);
        if time(p, "ndview_ns")? > faster {
            let margin = 100.0 * (time(p, "ndview_ns")? / faster - 1.0);
            behind.push(format!("{margin:.1} % at {}", show_bytes(num(p, "bytes")?)));
        }
    }
    let n = sweep.len();
    let verdict = match behind.as_slice() {
        [] => format!("It was the fastest of the three at every one of the {n} sizes"),
        [one] => format!(
            "At one of the {n} sizes it was slower than whichever of ndarray and NumPy was faster at that size: by {one}"
        ),
        [init @ .., end] => format!(
            "At {} of the {n} sizes it was slower than whichever of ndarray and NumPy was faster at that size: by {} \
             and {end}",
            behind.len(),
            init.join(", ")
        ),
    };
    Ok(format!(
        "In the sweep, from {} to {}, ndview's copy into a new array took {alo:.2} to {ahi:.2} times as long as \
         ndarray's and {nlo:.2} to {nhi:.2} times as long as NumPy's. {verdict}.",
        show_bytes(num(first, "bytes")?),
        show_bytes(num(last, "bytes")?),
    ))
}

/// The least and the greatest of `values` (`(inf, 0)` for none; every value
/// here is a positive time or ratio).
fn span(values: &[f64]) -> (f64, f64) {
    values.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)))
}

/// The series of the plot: name, key in the sweep, colour (each readable
/// on a white and on a dark page).
const SERIES: [(&str, &str, RGBColor); 5] = [
    ("ndview copy()", "ndview_ns", RGBColor(0xe8, 0x59, 0x0c)),
    ("ndarray to_owned()", "ndarray_ns", RGBColor(0x3b, 0x8e, 0xd0)),
    ("NumPy copy()", "numpy_ns", RGBColor(0x2f, 0x9e, 0x44)),
    ("floor: copy_from_slice, memory touched", "floor_ns", RGBColor(0x86, 0x8e, 0x96)),
    ("ndview view [::2] (no copy)", "view_ns", RGBColor(0xae, 0x3e, 0xc9)),
];

fn plot(r: &Value) -> Result<String, String> {
    let sweep = r["sweep"].as_array().ok_or("the record has no sweep")?;
    let mut points: Vec<Vec<(f64, f64)>> = vec![Vec::new(); SERIES.len()];
    for p in sweep {
        let bytes = num(p, "bytes")?;
        for (series, (_, key, _)) in points.iter_mut().zip(SERIES) {
            series.push((bytes, num(p, key)?));
        }
    }
    let all = points.iter().flatten();
    let low = all.clone().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let high = all.map(|p| p.1).fold(0.0, f64::max);
    let (x0, x1) = (sweep.first().map_or(1e3, |p| p["bytes"].as_f64().unwrap_or(1e3)), 1e8f64.max(low));
    let x1 = sweep.last().map_or(x1, |p| p["bytes"].as_f64().unwrap_or(x1));
    let (y0, y1) = (10f64.powf(low.log10().floor()), 10f64.powf(high.log10().ceil()));

    let ink = RGBColor(0, 0, 0); // replaced by currentColor below
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 420)).into_drawing_area();
        let m = &r["machine"];
        let subtitle = format!("{}, {} cores, {}", text(m, "cpu"), m["cores"], text(r, "date"));
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("Contiguous copy into a new array ({subtitle})"),
                ("sans-serif", 15).into_font().color(&ink),
            )
            .margin(12)
            .margin_right(34)
            .x_label_area_size(40)
            .y_label_area_size(64)
            .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .x_desc("bytes copied")
            .y_desc("time (median)")
            .x_label_formatter(&|b| show_bytes(*b))
            .y_label_formatter(&|t| show(*t))
            .label_style(("sans-serif", 12).into_font().color(&ink))
            .axis_desc_style(("sans-serif", 13).into_font().color(&ink))
            .axis_style(ink)
            .bold_line_style(ink.mix(0.15))
            .light_line_style(ink.mix(0.05))
            .draw()
            .map_err(|e| e.to_string())?;
        for (series, (name, _, colour)) in points.into_iter().zip(SERIES) {
            let style = ShapeStyle::from(colour).stroke_width(2);
            chart
                .draw_series(LineSeries::new(series.iter().copied(), style))
                .map_err(|e| e.to_string())?
                .label(name)
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
            chart
                .draw_series(series.iter().map(|&p| Circle::new(p, 3, colour.filled())))
                .map_err(|e| e.to_string())?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font(("sans-serif", 12).into_font().color(&ink))
            .background_style(ink.mix(0.0))
            .border_style(ink.mix(0.3))
            .draw()
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    // Black is the page's text colour; the size scales with the page.
    let svg = svg
        .replace("#000000", "currentColor")
        .replacen(
            "<svg width=\"640\" height=\"420\"",
            "<svg class=\"bench-plot\" role=\"img\" style=\"width:100%;max-width:640px;height:auto\"",
            1,
        )
        .replace('\n', " ");
    Ok(svg)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [what] if what == "table" => record().and_then(|r| table(&r)),
        [what] if what == "indexing" => record().and_then(|r| indexing_table(&r)),
        [what] if what == "plot" => record().and_then(|r| plot(&r)),
        [what] if what == "clock" => record().and_then(|r| clock(&r)),
        _ => Err("usage: bench-figures table|indexing|plot|clock".into()),
    };
    match result {
        Ok(out) => {
            println!("{}", out.trim_end());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench-figures: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sweep of three sizes, ndview's times given, ndarray at 100 ns and
    /// NumPy at 200 ns everywhere.
    fn sweep(ndview: [f64; 3]) -> Vec<Value> {
        [1000, 2000, 5000]
            .iter()
            .zip(ndview)
            .map(|(&b, t)| serde_json::json!({"bytes": b, "ndview_ns": t, "ndarray_ns": 100.0, "numpy_ns": 200.0}))
            .collect()
    }

    #[test]
    fn the_sweep_sentence_for_none_one_and_several_sizes_behind() {
        let none = sweep_against_others(&sweep([50.0, 90.0, 100.0])).unwrap();
        assert!(
            none.contains("took 0.50 to 1.00 times as long as ndarray's and 0.25 to 0.50 times"),
            "{none}"
        );
        assert!(none.ends_with("It was the fastest of the three at every one of the 3 sizes."), "{none}");
        let one = sweep_against_others(&sweep([50.0, 110.0, 100.0])).unwrap();
        assert!(one.ends_with("At one of the 3 sizes it was slower than whichever of ndarray and NumPy was faster at that size: by 10.0 % at 2 kB."), "{one}");
        let two = sweep_against_others(&sweep([101.0, 90.0, 150.0])).unwrap();
        assert!(two.ends_with("At 2 of the 3 sizes it was slower than whichever of ndarray and NumPy was faster at that size: by 1.0 % at 1 kB and 50.0 % at 5 kB."), "{two}");
    }

    #[test]
    fn a_sweep_with_nothing_or_no_time_is_an_error() {
        assert_eq!(sweep_against_others(&[]).unwrap_err(), "the sweep is empty");
        assert!(sweep_against_others(&sweep([0.0, 90.0, 100.0])).unwrap_err().contains("a time of 0 ns"));
        let mut missing = sweep([50.0, 90.0, 100.0]);
        missing[1]["numpy_ns"] = Value::Null;
        assert!(sweep_against_others(&missing).is_err());
    }
}
