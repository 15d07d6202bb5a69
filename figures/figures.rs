//! The book's memory diagrams, drawn from the code at build time.
//!
//! `figures NAME` prints the SVG of one figure on one line (a chapter shows
//! it with `<!-- cmdrun --strict ../../target/debug/figures NAME -->`);
//! `figures --list` prints the names. The arrays are made exactly as in the
//! listings the figures illustrate.

use std::process::ExitCode;

use ndview::diagram::Diagram;
use ndview::random::default_rng;
use ndview::{Array, ix, s};

/// Every figure: its name and what it draws.
const FIGURES: [(&str, &str); 8] = [
    ("data-view", "data.slice(s![1:, :3]) in the memory of data, after the write of 999 (Listing 2-1)"),
    ("transpose", "arr.t(): the same memory read across (Listing 4-2)"),
    ("every-second-row", "arr.slice(s![::2]): the stride doubled (Listing 5-1)"),
    ("reversed-rows", "arr.slice(s![::-1]): a negative stride (Listing 5-1)"),
    ("ravel-flatten", "data.ravel() is a view, data.flatten() a copy, of data after the write (Listing 3-1)"),
    ("challenge-centre", "the 3×3 centre of the challenge, after the write (Listing 8-2)"),
    ("gather", "a.select(ix![&idx]) with idx = [2, 0, 2]: source, index array, new buffer (Listing 14-1)"),
    ("slice-or-index", "a.slice(s![:, ::2]) is a view, a.select(ix![:, [0, 2]]) a copy (Listing 14-1)"),
];

fn figure(name: &str) -> Result<Option<String>, ndview::Error> {
    let arr = Array::arange(12).into_shape([3, 4])?;
    let svg = match name {
        "data-view" => {
            let mut data = arr;
            data.slice_mut(s![1:, :3])?[[0, 0]] = 999;
            let view = data.slice(s![1:, :3])?;
            Diagram::new().array("data.slice(s![1:, :3])", &view).memory_of("data").to_svg()
        }
        "transpose" => Diagram::new().array("arr.t()", &arr.t()).memory_of("arr").to_svg(),
        "every-second-row" => {
            Diagram::new().array("arr.slice(s![::2])", &arr.slice(s![::2])?).memory_of("arr").to_svg()
        }
        "reversed-rows" => {
            Diagram::new().array("arr.slice(s![::-1])", &arr.slice(s![::-1])?).memory_of("arr").to_svg()
        }
        "ravel-flatten" => {
            let mut data = arr;
            data.slice_mut(s![1:, :3])?[[0, 0]] = 999;
            let flat_view = data.ravel();
            let flat_copy = data.flatten();
            Diagram::new()
                .array("data.ravel()", &flat_view)
                .memory_of("data")
                .array("data.flatten()", &flat_copy)
                .to_svg()
        }
        "challenge-centre" => {
            let mut rng = default_rng(42);
            let mut arr = rng.integers(0, 100, [5, 5])?;
            arr.slice_mut(s![1:4, 1:4])?[[1, 1]] = -1;
            let centre = arr.slice(s![1:4, 1:4])?;
            Diagram::new().array("arr.slice(s![1:4, 1:4])", &centre).memory_of("arr").to_svg()
        }
        "gather" => {
            let idx = Array::from_vec(vec![2, 0, 2], [3])?;
            let picked = arr.select(ix![&idx])?;
            Diagram::new().array("a", &arr).array("idx", &idx).array("a.select(ix![&idx])", &picked).to_svg()
        }
        "slice-or-index" => {
            let view = arr.slice(s![:, ::2])?;
            let copy = arr.select(ix![:, [0, 2]])?;
            Diagram::new()
                .array("a.slice(s![:, ::2])", &view)
                .memory_of("a")
                .array("a.select(ix![:, [0, 2]])", &copy)
                .to_svg()
        }
        _ => return Ok(None),
    };
    Ok(Some(svg))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag] if flag == "--list" => {
            for (name, what) in FIGURES {
                println!("{name}\t{what}");
            }
            ExitCode::SUCCESS
        }
        [name] => match figure(name) {
            Ok(Some(svg)) => {
                println!("{svg}");
                ExitCode::SUCCESS
            }
            Ok(None) => {
                let names: Vec<&str> = FIGURES.iter().map(|(n, _)| *n).collect();
                eprintln!("figures: no figure {name:?}; the figures are {}", names.join(", "));
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("figures: {name}: {e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("usage: figures NAME | figures --list");
            ExitCode::FAILURE
        }
    }
}
