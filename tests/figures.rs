//! The book's memory diagrams: every figure the `figures` binary draws is
//! checked like ndview's own diagrams (parsed as XML, each marked cell
//! against the reach walked from the layout), states the layout NumPy gives
//! for the same expression, and appears in a chapter inside
//! `<figure class="memory">` with a caption, followed by the Jupyter display
//! cell that draws it in the notebooks.

#[path = "../crates/ndview/tests/svg_check/mod.rs"]
mod svg_check;

use std::fs;
use std::path::Path;
use std::process::Command;

use ndview::random::default_rng;
use ndview::s;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_figures")).args(args).output().expect("figures runs");
    assert!(out.status.success(), "figures {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn names() -> Vec<String> {
    run(&["--list"]).lines().map(|l| l.split('\t').next().unwrap().to_owned()).collect()
}

/// Shape, byte strides and byte offset, as NumPy reports them.
type Stated = (Vec<usize>, Vec<isize>, isize);

/// What each figure must show: each array's layout, the number of strips,
/// and the buffers' values (the one buffer all arrays read, unless
/// [`own_buffers`] gives each array its own).
fn expected(name: &str) -> (Vec<Stated>, usize, Vec<i64>) {
    let arange: Vec<i64> = (0..12).collect();
    // `data` of Listings 2-1 and 3-1, after `view[0, 0] = 999`
    let mut data = arange.clone();
    data[4] = 999;
    match name {
        // data[1:, :3]
        "data-view" => (vec![(vec![2, 3], vec![32, 8], 32)], 1, data),
        // arr.T
        "transpose" => (vec![(vec![4, 3], vec![8, 32], 0)], 1, arange),
        // arr[::2]
        "every-second-row" => (vec![(vec![2, 4], vec![64, 8], 0)], 1, arange),
        // arr[::-1]
        "reversed-rows" => (vec![(vec![3, 4], vec![-32, 8], 64)], 1, arange),
        // data.ravel() and data.flatten(): the copy is another buffer
        "ravel-flatten" => (vec![(vec![12], vec![8], 0), (vec![12], vec![8], 0)], 2, data),
        // arr[1:4, 1:4] of the challenge's 5×5 array, after arr[2, 2] = -1
        "challenge-centre" => {
            let mut arr = default_rng(42).integers(0, 100, [5, 5]).unwrap();
            arr.slice_mut(s![1:4, 1:4]).unwrap()[[1, 1]] = -1;
            (vec![(vec![3, 3], vec![40, 8], 48)], 1, arr.into_raw_vec())
        }
        // a, the index array [2, 0, 2] and a[[2, 0, 2]]: three buffers, on three strips
        "gather" => (
            vec![(vec![3, 4], vec![32, 8], 0), (vec![3], vec![8], 0), (vec![3, 4], vec![32, 8], 0)],
            3,
            arange,
        ),
        // a[:, ::2] (a view) and a[:, [0, 2]] (a copy, filled one column at a time)
        "slice-or-index" => (vec![(vec![3, 2], vec![32, 16], 0), (vec![3, 2], vec![8, 24], 0)], 2, arange),
        other => panic!("no expectations for figure {other}"),
    }
}

/// The buffer of each array, for figures whose arrays live in different
/// buffers with different values (a gather: the source, the index array and
/// the new buffer).
fn own_buffers(name: &str) -> Option<Vec<Vec<i64>>> {
    let arange: Vec<i64> = (0..12).collect();
    match name {
        "gather" => {
            let rows = [&arange[8..12], &arange[0..4], &arange[8..12]].concat();
            Some(vec![arange, vec![2, 0, 2], rows])
        }
        // the copy a[:, [0, 2]] is filled column by column: 0 4 8, then 2 6 10
        "slice-or-index" => Some(vec![arange, vec![0, 4, 8, 2, 6, 10]]),
        _ => None,
    }
}

#[test]
fn every_figure_is_a_correct_diagram_of_the_layout_numpy_gives() {
    let names = names();
    assert_eq!(names.len(), 8, "{names:?}");
    for name in &names {
        let out = run(&[name]);
        let svg = out.strip_suffix('\n').expect("one line and a newline");
        let (arrays, strips, buffer) = expected(name);
        let own = own_buffers(name);
        let value = |k: usize, byte: usize| {
            let buffer = own.as_ref().map_or(&buffer, |b| &b[k]);
            buffer.get(byte / 8).map(|v| v.to_string())
        };
        let report = svg_check::check(svg, &value);
        let stated: Vec<Stated> =
            report.arrays.iter().map(|a| (a.shape.clone(), a.strides.clone(), a.offset)).collect();
        assert_eq!(stated, arrays, "{name}");
        assert_eq!(report.strips, strips, "{name}");
        assert!(report.arrays.iter().all(|a| a.complete), "{name}: small arrays are drawn whole");
        assert!(report.width <= 400.0, "{name} is {} units wide: too small on a phone", report.width);
        assert!(report.bytes < 16 * 1024, "{name}: {} bytes", report.bytes);
        eprintln!("{name}: {} bytes, {} units wide", report.bytes, report.width);
    }
}

#[test]
fn an_unknown_figure_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_figures")).arg("no-such-figure").output().unwrap();
    assert!(!out.status.success() && out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("data-view"), "names the figures");
}

#[test]
fn every_figure_is_in_a_chapter_with_a_caption() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chapters: Vec<String> = xtask::include::markdown_files(&root.join("src"))
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let names = names();
    let mut shown = Vec::new();
    for text in &chapters {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(rest) = line.strip_prefix("<!-- cmdrun --strict ../../target/debug/figures ") else {
                assert!(!line.contains("debug/figures"), "a figure shown some other way: {line}");
                continue;
            };
            let name = rest.strip_suffix(" -->").expect("one name").to_owned();
            assert!(names.contains(&name), "no figure {name}");
            // An HTML block: blank line, <figure>, the SVG, the caption, </figure>, blank line.
            assert_eq!(lines[i - 2], "", "{name}: a blank line before the figure");
            assert_eq!(lines[i - 1], r#"<figure class="memory">"#, "{name}");
            let caption = lines[i + 1];
            assert!(
                caption.starts_with("<figcaption>Figure ") && caption.ends_with("</figcaption>"),
                "{name}"
            );
            assert_eq!(lines[i + 2], "</figure>", "{name}");
            assert_eq!(lines.get(i + 3).copied().unwrap_or(""), "", "{name}: a blank line after");
            // The notebooks leave the figure out; a display cell after it draws it in Jupyter.
            let next = lines[i + 3..].iter().find(|l| !l.trim().is_empty()).copied().unwrap_or("");
            assert!(
                next == "<!-- notebook" || next == r#"<figure class="memory">"#,
                "{name}: a `<!-- notebook` display cell follows the figure(s)"
            );
            shown.push(name);
        }
    }
    shown.sort();
    let mut all = names.clone();
    all.sort();
    assert_eq!(shown, all, "every figure is shown once");
}

/// The benchmark record the performance chapters draw from.
fn bench_record() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/section-1/data/bench.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// The text of a chapter, by its path under `src/`.
fn chapter_text(page: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(page)).unwrap()
}

/// The same text with every run of whitespace one space, so that a phrase
/// can be found whatever the line breaks of the Markdown.
fn chapter_words(page: &str) -> String {
    chapter_text(page).split_whitespace().collect::<Vec<_>>().join(" ")
}

const PERFORMANCE: &str = "section-1/copies-vs-views-performance.md";

/// The performance chapter's table and plot, drawn from the recorded
/// benchmark data: they run, the plot is one line of well-formed SVG with
/// a line per library and the floor, labelled with the machine and the date,
/// drawn in the page's text colour, and the chapter shows both.
#[test]
fn the_benchmark_table_and_plot_come_from_the_record() {
    let bench = |what: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_bench-figures")).arg(what).output().unwrap();
        assert!(out.status.success(), "bench-figures {what}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let record = bench_record();
    let ops = record["operations"].as_array().unwrap();
    let of_section = |n: u64| ops.iter().filter(|op| op["section"].as_u64() == Some(n)).count();
    let table_rows = |t: &str| t.lines().filter(|l| l.starts_with("| ")).count();
    // Section 1's table: its operations, the header and the three floors.
    let table = bench("table");
    assert_eq!(table_rows(&table), of_section(1) + 4, "{table}");
    // Section 2's: its operations and the header.
    let indexing = bench("indexing");
    assert!(of_section(2) >= 2, "the mask and the take of issue 12");
    assert_eq!(table_rows(&indexing), of_section(2) + 1, "{indexing}");
    for t in [&table, &indexing] {
        assert!(t.contains(record["date"].as_str().unwrap()), "says when");
        assert!(t.contains(record["machine"]["cpu"].as_str().unwrap()), "says where");
        // and with which caches, which the chapter's prose on cache speed refers to
        let caches = record["machine"]["caches"].as_array().expect("the record names the caches");
        assert!(!caches.is_empty());
        for c in caches {
            let level = match c["level"].as_u64().unwrap() {
                1 => "L1 data cache".to_owned(),
                l => format!("L{l}"),
            };
            assert!(t.contains(&format!(" of {level}")), "names {level}: {t}");
        }
    }

    let svg = bench("plot");
    let svg = svg.strip_suffix('\n').expect("one line and a newline");
    assert!(!svg.contains('\n'));
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    assert!(doc.root_element().attribute("viewBox").is_some(), "scales with the page");
    let lines = doc.descendants().filter(|n| n.has_tag_name("polyline")).count();
    assert!(lines >= 5, "ndview, ndarray, NumPy, the floor and the view: {lines} lines");
    assert!(svg.contains(record["date"].as_str().unwrap()), "the plot names the date");
    assert!(!svg.contains("#000000") && !svg.contains("#FFFFFF"), "no fixed black or white");

    // The clock's cost, in the words of the chapter, from the same record.
    let clock = bench("clock");
    let ratio = record["clock_ns"].as_f64().unwrap() / ops[0]["ndview_ns"].as_f64().unwrap();
    assert_eq!(ops[0]["id"], "view");
    assert!(clock.contains(&format!("the timing costs {ratio:.1}× what it times")), "{clock}");
    let chapter = chapter_text(PERFORMANCE);
    assert!(chapter.contains("they cost more than making the view itself") && ratio > 1.0, "{ratio}");
    // "in the benchmark below, it takes tens of thousands of times as long as the view"
    let words = chapter_words(PERFORMANCE);
    assert!(
        words.contains("in the benchmark below, it takes tens of thousands of times as long as the view")
    );
    let step2 = ops.iter().find(|op| op["id"] == "copy_step2").unwrap()["ndview_ns"].as_f64().unwrap();
    let times = step2 / ops[0]["ndview_ns"].as_f64().unwrap();
    assert!((1e4..1e5).contains(&times), "the copy of [::2, ::2] took {times:.0} times the view");

    for what in ["table", "plot", "clock"] {
        let line = format!("<!-- cmdrun --strict ../../target/debug/bench-figures {what} -->");
        assert_eq!(chapter.matches(&line).count(), 1, "the chapter shows the {what} once");
    }
    let page = chapter_text("section-2/why-these-are-copies.md");
    let line = "<!-- cmdrun --strict ../../target/debug/bench-figures indexing -->";
    assert_eq!(page.matches(line).count(), 1, "Section 2 shows its table once");
}

/// The performance chapter's paragraph on caches states the recording
/// machine's cache sizes and where the floor's bandwidth drops in the
/// record's sweep: both must be what the record says, so that a new record
/// from another machine fails here until the paragraph is rewritten.
#[test]
fn the_chapter_s_caches_are_the_record_s() {
    let record = bench_record();
    let chapter = chapter_words(PERFORMANCE);
    let bytes = |level: u64| -> u64 {
        let c = record["machine"]["caches"].as_array().unwrap().iter().find(|c| c["level"] == level).unwrap();
        let kib: u64 = c["size"].as_str().unwrap().strip_suffix('K').unwrap().parse().unwrap();
        kib * 1024
    };
    // As the table's paragraph writes a size: MiB when whole, else KiB.
    let size = |b: u64| {
        if b.is_multiple_of(1 << 20) { format!("{} MiB", b >> 20) } else { format!("{} KiB", b >> 10) }
    };
    for claim in [
        format!("{} of L1 data cache", size(bytes(1))),
        format!("{} of L2", size(bytes(2))),
        format!("{} of L3", size(bytes(3))),
    ] {
        assert!(chapter.contains(&claim), "the chapter says {claim:?}");
    }
    // The floor's bandwidth (bytes read and written per nanosecond) at each
    // size of the sweep, smallest first.
    let sweep: Vec<(u64, f64)> = record["sweep"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let b = p["bytes"].as_u64().unwrap();
            (b, 2.0 * b as f64 / p["floor_ns"].as_f64().unwrap())
        })
        .collect();
    // "jumps where they stop fitting: between 20 kB and 50 kB (40 kB and
    // 100 kB together, against 48 KiB of L1 data cache) and between 1 MB and
    // 2 MB (2 MB and 4 MB, against 2 MiB of L2)": source and copy fit in the
    // cache below each edge and not above it, the floor's bandwidth more
    // than halves across each edge, and nowhere else below 20 MB.
    assert!(chapter.contains("between 20 kB and 50 kB (40 kB and 100 kB together"));
    assert!(chapter.contains("between 1 MB and 2 MB (2 MB and 4 MB"));
    let edges = [(20_000, 50_000, bytes(1)), (1_000_000, 2_000_000, bytes(2))];
    for (below, above, cache) in edges {
        assert!(2 * below <= cache && 2 * above > cache, "{below} and {above} bytes against {cache}");
    }
    for pair in sweep.windows(2).filter(|w| w[1].0 <= 20_000_000) {
        let ((a, at_a), (b, at_b)) = (pair[0], pair[1]);
        let edge = edges.iter().any(|&(below, above, _)| (a, b) == (below, above));
        assert_eq!(at_a > 2.0 * at_b, edge, "from {a} to {b} bytes: {at_a:.1} and {at_b:.1} bytes/ns");
    }
    // "The floor slows once more from 50 MB on": 20 MB, 50 MB, 100 MB.
    assert!(chapter.contains("slows once more from 50 MB on"));
    let at = |b: u64| sweep.iter().find(|p| p.0 == b).unwrap().1;
    assert!(at(20_000_000) > 1.2 * at(50_000_000) && at(50_000_000) > 1.2 * at(100_000_000));
}

/// The sentence under the table on the sweep: ndview's copy against
/// ndarray's and NumPy's at every size, from the record. It names every
/// size at which ndview was not the fastest, and only those.
#[test]
fn the_sweep_sentence_names_where_ndview_is_behind() {
    let record = bench_record();
    let out = Command::new(env!("CARGO_BIN_EXE_bench-figures")).arg("table").output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let sentence = table.lines().find(|l| l.starts_with("In the sweep, from 1 kB to 100 MB,")).expect(&table);
    let sweep = record["sweep"].as_array().unwrap();
    let at = |p: &serde_json::Value, key: &str| p[key].as_f64().unwrap();
    for (other, name) in [("ndarray_ns", "ndarray's"), ("numpy_ns", "NumPy's")] {
        let ratios: Vec<f64> = sweep.iter().map(|p| at(p, "ndview_ns") / at(p, other)).collect();
        let lo = ratios.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = ratios.iter().copied().fold(0.0, f64::max);
        assert!(sentence.contains(&format!("{lo:.2} to {hi:.2} times as long as {name}")), "{sentence}");
    }
    let size = |b: f64| if b >= 1e6 { format!("{} MB", b / 1e6) } else { format!("{} kB", b / 1e3) };
    // Every size where ndview was slower than the faster of the two others,
    // with ndview's time over that one's, less 1, in per cent.
    let behind: Vec<String> = sweep
        .iter()
        .filter_map(|p| {
            let faster = at(p, "ndarray_ns").min(at(p, "numpy_ns"));
            let margin = 100.0 * (at(p, "ndview_ns") / faster - 1.0);
            (margin > 0.0).then(|| format!("{margin:.1} % at {}", size(at(p, "bytes"))))
        })
        .collect();
    // "… at that size: by 3.8 % at 2 kB, 8.9 % at 5 kB and 1.0 % at 20 MB."
    let named =
        sentence.split_once("faster at that size: by ").map_or("", |(_, rest)| rest).trim_end_matches('.');
    let listed: Vec<&str> =
        named.split(", ").flat_map(|s| s.split(" and ")).filter(|s| !s.is_empty()).collect();
    assert_eq!(listed, behind, "{sentence}");
    let n = sweep.len();
    match behind.len() {
        0 => assert!(
            sentence.ends_with(&format!("It was the fastest of the three at every one of the {n} sizes."))
        ),
        1 => assert!(sentence.contains(&format!("At one of the {n} sizes it was slower")), "{sentence}"),
        k => assert!(sentence.contains(&format!("At {k} of the {n} sizes it was slower")), "{sentence}"),
    }
}

/// The chapter's paragraph on small copies ("Bookkeeping") says what the
/// record's sweep shows.
#[test]
fn the_bookkeeping_paragraph_is_the_record_s() {
    let record = bench_record();
    let sweep = record["sweep"].as_array().unwrap();
    let at = |p: &serde_json::Value, key: &str| p[key].as_f64().unwrap();
    let chapter = chapter_words(PERFORMANCE);
    // "Below 50 kB, where a copy takes well under a microsecond" (under half of one).
    assert!(chapter.contains("Below 50 kB, where a copy takes well under a microsecond"));
    for p in sweep.iter().filter(|p| at(p, "bytes") < 50e3) {
        assert!(at(p, "ndview_ns") < 500.0 && at(p, "ndarray_ns") < 500.0, "{p}");
    }
    // "From 50 kB to 20 MB each of the two copies took within 15 % of the
    // time of the floor", at each of those sizes.
    assert!(
        chapter
            .contains("From 50 kB to 20 MB each of the two copies took within 15 % of the time of the floor")
    );
    for p in sweep.iter().filter(|p| (50e3..=20e6).contains(&at(p, "bytes"))) {
        for lib in ["ndview_ns", "ndarray_ns"] {
            let r = at(p, lib) / at(p, "floor_ns");
            assert!((0.85..1.15).contains(&r), "{lib} at {} bytes: {r:.2} × the floor", at(p, "bytes"));
        }
    }
}
