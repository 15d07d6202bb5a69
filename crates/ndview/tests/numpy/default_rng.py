"""Oracle for ndview::random: what NumPy's default generator draws.

Run with real NumPy (the project uses 2.4.6):

    python crates/ndview/tests/numpy/random.py

It rewrites default_rng.json next to this file. The output is deterministic: every
generator is seeded, and nothing depends on the time or the platform's
default integer type (every call asks for int64 / float64 explicitly).

Sections of default_rng.json:

* ``integers``: fresh ``np.random.default_rng(seed).integers(low, high,
  size=shape, dtype=np.int64)`` for many seeds, ranges and shapes; ``values``
  is the result flattened in C order.
* ``random``: fresh ``default_rng(seed).random(shape)``; each float is written
  twice, as ``repr`` (a string, which round-trips exactly) and as its IEEE-754
  bits (an unsigned integer), so no JSON float parser can blur it.
* ``sequences``: several calls on ONE generator, to check the state carried
  between calls (PCG64's buffered half of a 64-bit draw).
* ``errors``: calls NumPy rejects, with NumPy's message, and calls with an
  empty range that NumPy still answers because the shape has no elements.
"""

import json
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

import numpy as np

I64_MIN = -(2**63)
I64_MAX = 2**63 - 1

SEEDS = [0, 1, 42, 12345, 2**32 - 1, 2**32, 2**63 + 5, 2**64 - 1]

RANGES = [
    (0, 100),  # the book's challenge
    (-5, 5),
    (0, 2),
    (5, 6),  # one value: rng == 0, nothing is drawn
    (0, 2**31 + 1),  # 32-bit Lemire rejects about half of the draws
    (-(2**31), 2**31),  # rng == 2**32 - 1: raw 32-bit draws
    (0, 2**32),  # the same width, another offset
    (0, 2**32 + 1),  # first range on the 64-bit path
    (0, 2**40),
    (I64_MIN, 1),  # 64-bit Lemire rejects about half of the draws
    (-(2**62), 2**62),
    (I64_MIN, I64_MAX),  # the widest range an exclusive i64 high allows
]

SHAPES = [(5, 5), (3, 0), ()]
LONG = (1000,)
# (1000,) is drawn for every range with this seed, and for every seed with 0..100.
LONG_SEED = 12345


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def floats(arr):
    flat = np.asarray(arr, dtype=np.float64).ravel().tolist()
    return {"repr": [repr(x) for x in flat], "bits": [bits(x) for x in flat]}


def ints(arr):
    assert arr.dtype == np.int64, arr.dtype
    return [int(v) for v in np.asarray(arr).ravel()]


def integers_case(seed, low, high, shape):
    out = np.random.default_rng(seed).integers(low, high, size=shape, dtype=np.int64)
    assert out.shape == shape
    return {"seed": seed, "low": low, "high": high, "shape": list(shape), "values": ints(out)}


def random_case(seed, shape):
    out = np.random.default_rng(seed).random(shape)
    assert out.shape == shape and out.dtype == np.float64
    return {"seed": seed, "shape": list(shape), **floats(out)}


def run_sequence(seed, calls):
    """Apply calls to one generator; each call is ("integers", low, high, shape)
    or ("random", shape)."""
    rng = np.random.default_rng(seed)
    steps = []
    for call in calls:
        if call[0] == "integers":
            _, low, high, shape = call
            out = rng.integers(low, high, size=shape, dtype=np.int64)
            steps.append(
                {"op": "integers", "low": low, "high": high, "shape": list(shape), "values": ints(out)}
            )
        else:
            _, shape = call
            out = rng.random(shape)
            steps.append({"op": "random", "shape": list(shape), **floats(out)})
    return {"seed": seed, "steps": steps}


SEQUENCES = [
    # The brief's example: an odd number of 32-bit draws leaves half a 64-bit
    # draw buffered; 64-bit draws pass it by; the next 32-bit draw uses it.
    (
        42,
        [
            ("integers", 0, 100, (3,)),
            ("integers", 0, 2**40, (2,)),
            ("random", (2,)),
            ("integers", 0, 100, (3,)),
            ("integers", -5, 5, ()),
            ("random", ()),
        ],
    ),
    # rng == 0 draws nothing, even from the buffer.
    (
        0,
        [
            ("integers", 0, 100, (1,)),
            ("integers", 7, 8, (4,)),
            ("integers", 0, 100, (2,)),
        ],
    ),
    # An empty shape draws nothing; raw 32-bit draws share the buffer.
    (
        1,
        [
            ("integers", 0, 10, (5,)),
            ("integers", 0, 10, (0,)),
            ("integers", -(2**31), 2**31, (3,)),
            ("random", (1,)),
            ("integers", 0, 2**31 + 1, (4,)),
            ("integers", I64_MIN, 1, (3,)),
            ("integers", 0, 2, (5, 5)),
        ],
    ),
    # The book's challenge, twice on one generator, then floats.
    (
        12345,
        [
            ("integers", 0, 100, (5, 5)),
            ("integers", 0, 100, (5, 5)),
            ("random", (2, 3)),
        ],
    ),
]

# (low, high, shape)
ERRORS = [
    (5, 5, (5, 5)),
    (5, 5, ()),
    (5, 4, (3,)),
    (3, -1, (2,)),
    # With low == 0 NumPy words the same error as "high <= 0".
    (0, 0, (2,)),
    (0, I64_MIN, (2,)),
    (I64_MAX, I64_MAX, (1,)),
    (I64_MIN, I64_MIN, ()),
    # NumPy returns an empty array before it looks at low and high:
    (5, 5, (3, 0)),
    (5, 4, (0,)),
]


def error_case(low, high, shape):
    case = {"low": low, "high": high, "shape": list(shape)}
    try:
        out = np.random.default_rng(0).integers(low, high, size=shape, dtype=np.int64)
    except ValueError as e:
        case["error"] = str(e)
    else:
        assert out.size == 0
        case["values"] = ints(out)
    return case


def main():
    integers = []
    for seed in SEEDS:
        for low, high in RANGES:
            for shape in SHAPES:
                integers.append(integers_case(seed, low, high, shape))
        integers.append(integers_case(seed, 0, 100, LONG))
    for low, high in RANGES:
        if (low, high) != (0, 100):
            integers.append(integers_case(LONG_SEED, low, high, LONG))

    randoms = []
    for seed in SEEDS:
        for shape in [(5,), (2, 3), (3, 0), ()]:
            randoms.append(random_case(seed, shape))
    randoms.append(random_case(LONG_SEED, (100,)))

    doc = {
        "generator": "random.py",
        "numpy_version": np.__version__,
        "python_version": sys.version.split()[0],
        "call": "np.random.default_rng(seed).integers(low, high, size=shape, dtype=np.int64) "
        "/ .random(shape)",
        "integers": integers,
        "random": randoms,
        "sequences": [run_sequence(seed, calls) for seed, calls in SEQUENCES],
        "errors": [error_case(*e) for e in ERRORS],
    }

    # One case per line: diffs stay readable and the file stays small.
    lines = ["{"]
    keys = list(doc)
    for i, key in enumerate(keys):
        comma = "," if i + 1 < len(keys) else ""
        value = doc[key]
        if isinstance(value, list):
            lines.append(f"  {json.dumps(key)}: [")
            for j, item in enumerate(value):
                item_comma = "," if j + 1 < len(value) else ""
                lines.append("    " + json.dumps(item, separators=(",", ":")) + item_comma)
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value)}{comma}")
    lines.append("}")
    path = HERE / "default_rng.json"
    path.write_text("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(integers)} integers cases, {len(randoms)} random cases")


if __name__ == "__main__":
    main()
