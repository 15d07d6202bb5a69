"""Oracle for ndview's printing: NumPy's own str() and repr() of many arrays.

Run with NumPy 2.4 (the project uses /work/main/.venv/bin/python):

    python crates/ndview/tests/numpy/printing.py

It writes, next to this file,

* ``printing.json``: a few hundred arrays (fixed seed) with their dtype, shape,
  values in C order and NumPy's ``str(a)`` / ``repr(a)``. Integers are JSON
  numbers, booleans JSON booleans, floats strings holding Python's ``repr`` of
  the value (``"0.1"``, ``"-0.0"``, ``"nan"``, ``"-inf"``), so every value
  round-trips exactly.

The str/repr of the 690 shared conformance cases (all int64) are checked by
the conformance runner from ``cases.json`` itself.
"""

import json
import math
import os
import sys

import numpy as np

SEED = 20250614
HERE = os.path.dirname(os.path.abspath(__file__))

INT_TYPES = [np.int8, np.int16, np.int32, np.int64,
             np.uint8, np.uint16, np.uint32, np.uint64]


def encode(a):
    """The values of `a` in C order, JSON-safe and exact."""
    flat = np.ravel(a, order="C").tolist()
    if a.dtype.kind == "f":
        return [repr(float(x)) for x in flat]
    if a.dtype.kind == "b":
        return [bool(x) for x in flat]
    return [int(x) for x in flat]


def record(cid, a):
    a = np.asarray(a)
    assert a.dtype.kind in "iubf", a.dtype
    assert a.dtype == np.float64 or a.dtype.kind != "f", a.dtype
    return {"id": cid, "dtype": a.dtype.name, "shape": list(a.shape),
            "values": encode(a), "str": str(a), "repr": repr(a)}


def exact_floats(rng, n, low_exp, high_exp, signed=True):
    """n float64 values m * 2**e with a random 53-bit m and 2**low_exp <= |x| <
    2**high_exp, built from integers alone (``math.ldexp`` is exact).

    The inputs of this oracle must be the same bits on every machine. NumPy's
    float functions (``**``, ``exp``, ``log``, …) pick SIMD kernels by CPU and
    may differ in the last bit between machines, and C compilers may fuse a
    multiply and an add (``uniform``); integers from the RNG and exact
    arithmetic do not depend on either.
    """
    mantissas = rng.integers(2**52, 2**53, size=n)
    exponents = rng.integers(low_exp, high_exp, size=n)
    signs = rng.integers(0, 2, size=n) if signed else np.zeros(n, dtype=np.int64)
    values = [math.ldexp(int(m), int(e) - 52) * (-1.0 if s else 1.0)
              for m, e, s in zip(mantissas, exponents, signs)]
    return np.array(values, dtype=np.float64)


def float_values(rng, kind, n):
    """n float64 values of one of several characters, exact on any machine."""
    if kind == "normal":  # around 1, as a standard normal draw would be
        return exact_floats(rng, n, -4, 2)
    if kind == "uniform":  # within ±128, as uniform(-100, 100) would be
        return exact_floats(rng, n, -3, 7)
    if kind == "integral":
        return rng.integers(-10**6, 10**6, size=n).astype(np.float64)
    if kind == "wide":  # 1e-12 … 1e12
        return exact_floats(rng, n, -40, 40)
    if kind == "huge":  # 1e-300 … 1e300
        return exact_floats(rng, n, -996, 996, signed=False)
    if kind == "short":  # few decimals: Python parses decimal strings exactly rounded
        decimals = int(rng.integers(0, 4))
        digits = rng.integers(-10**(decimals + 1), 10**(decimals + 1), size=n)
        return np.array([float(f"{int(k)}e-{decimals}") for k in digits], dtype=np.float64)
    if kind == "special":
        pool = [0.0, -0.0, np.nan, np.inf, -np.inf, 1.5, -2.25, 1e-7, 3e9]
        return np.array([pool[i] for i in rng.integers(0, len(pool), n)])
    raise ValueError(kind)


FLOAT_KINDS = ["normal", "uniform", "integral", "wide", "huge", "short", "special"]


def random_array(rng, dtype, shape):
    size = int(np.prod(shape))
    if dtype == np.bool_:
        return rng.integers(0, 2, size).astype(bool).reshape(shape)
    if dtype == np.float64:
        kind = FLOAT_KINDS[rng.integers(0, len(FLOAT_KINDS))]
        return float_values(rng, kind, size).reshape(shape)
    info = np.iinfo(dtype)
    # small values most of the time, the type's full range sometimes
    if rng.random() < 0.5:
        lo, hi = max(info.min, -1000), min(info.max, 1000)
    else:
        lo, hi = info.min, info.max
    return rng.integers(lo, hi, size=size, dtype=dtype, endpoint=True).reshape(shape)


def main_cases():
    rng = np.random.default_rng(SEED)
    cases = []

    def add(cid, a, dtype=None):
        cases.append(record(cid, np.array(a, dtype=dtype) if dtype else np.asarray(a)))

    # -- integers --------------------------------------------------------
    add("int_small", [1, 2, 3])
    add("int_neg_width", [-1, 10])
    add("int_single", [0])
    add("int_neg_wide", np.arange(-1000, -990))
    add("int_wide", [1, 10**12, -7])
    add("int64_extremes", [np.iinfo(np.int64).min, -1, 0, 1, np.iinfo(np.int64).max])
    add("int_random_wide", rng.integers(-10**12, 10**12, size=7))
    for t in INT_TYPES:
        info = np.iinfo(t)
        name = np.dtype(t).name
        ext = [info.min, 0, 1, info.max] if info.min == 0 else [info.min, -1, 0, 1, info.max]
        add(f"{name}_extremes", ext, t)
        add(f"{name}_2d", random_array(rng, t, (2, 3)))
        add(f"{name}_0d", np.array(info.max, dtype=t))
        add(f"{name}_0d_min", np.array(info.min, dtype=t))
        add(f"{name}_empty", np.zeros((0,), dtype=t))
        add(f"{name}_empty_2d", np.zeros((2, 0), dtype=t))
        add(f"{name}_long", random_array(rng, t, (40,)))
        add(f"{name}_summarised", random_array(rng, t, (1200,)))
    # dtype= placement: sweep lengths so some reprs put it on a new line
    for n in range(14, 31):
        add(f"int32_arange_{n}", np.arange(n, dtype=np.int32))
    for n in range(5, 12):
        add(f"uint8_row_{n}", np.full(n, 200, dtype=np.uint8).reshape(1, n) * 1)
        add(f"int16_big_{n}", np.arange(n, dtype=np.int16) * 3000 - 15000)

    # -- floats ------------------------------------------------------------
    floats = {
        "integer_valued": [1.0, 2.0, 3.0],
        "zeros": [0.0, 0.0],
        "point_three": [0.1 + 0.2],
        "point_three_mix": [0.1 + 0.2, 1.0, 2.5],
        "tiny": [1e-10, 2e-10],
        "tiny_one": [1e-5],
        "huge": [1e300, -1e300],
        "mixed_force_sci": [1e-5, 1.0, 1000.0],
        "ratio_1000": [1.0, 1000.0],
        "ratio_over_1000": [1.0, 1000.0001],
        "below_1e8": [99999999.0, 1.0],
        "at_1e8": [1e8, 1.0],
        "min_positional": [1e-4, 1.0],
        "below_1e-4": [9.999999999999999e-05, 1.0],
        "neg_zero": [-0.0],
        "neg_zero_mix": [0.0, -0.0, 1.5],
        "nan": [np.nan],
        "inf": [np.inf],
        "neg_inf": [-np.inf],
        "nan_inf": [np.nan, np.inf, -np.inf],
        "nan_mix": [np.nan, 1.5, -2.0],
        "inf_sci": [np.inf, 1e-10, 3.0],
        "neginf_sci": [-np.inf, 1e20],
        "nan_positional_wide": [np.nan, 0.12345678],
        "long_digits": [1 / 3, 2 / 3, 1.0],
        "pi_e": [np.pi, np.e],
        "tie_0.001953125": [0.001953125],
        "tie_pair": [0.001953125, 1.0],
        "ties_sci": [0.001953125, 1e-5],
        "halves": [0.5, 0.25, 0.125, 0.0625],
        "powers_of_two_sci": [2.0 ** -20, 1.2345e-7],
        "powers_of_two_big": [2.0 ** 60, 2.0 ** 70, 3.0],
        "round_up_8": [0.99999999999, 1.5],
        "round_up_carry": [9.9999999995, 1.0],
        "round_8_decimals": [123.456789012345, 0.5],
        "almost_1e8": [99999999.99999999, 1.0],
        "exp_3_digits": [1e100, 1e-100],
        "exp_mixed_digits": [1e-5, 1e300, 3.5],
        "subnormal": [5e-324, 1e-320],
        "subnormal_min_digits": [5e-324, 1.5e-323],
        "subnormal_more": [5e-324, 1.2345e-310],
        "max_float": [np.finfo(np.float64).max, np.finfo(np.float64).tiny],
        "near_1e23": [1e23, 1e22],
        "two50_tie": [2.0 ** 50 + 0.25, 1.0],
        "negatives": [-1.5, -0.001, -100.25],
        "neg_sci": [-1e-7, 2.0, -3e9],
        "sci_round_carry": [9.9999999999e-7, 1.0],
        "sci_precision_mix": [1.234567891234e-9, 5e-9, 1.5e-9],
        "all_nan_2d": [[np.nan, np.nan], [np.nan, np.nan]],
        "int_like_big": [12345678.0, 1.0, 0.5],
        "one_third_big": [1e7 / 3],
    }
    for name, vals in floats.items():
        add(f"float_{name}", np.array(vals, dtype=np.float64))
    for kind in FLOAT_KINDS:
        for shape in [(5,), (3, 4), (2, 2, 3)]:
            add(f"float_{kind}_{'x'.join(map(str, shape))}",
                float_values(rng, kind, int(np.prod(shape))).reshape(shape))
    scalars = [0.0, -0.0, 2.5, 0.1 + 0.2, 1e16, 1.5e16, 1e15, 1e-5, 1e-4,
               1e23, 1e22, 5e-324, 1e300, np.nan, np.inf, -np.inf, 1 / 3,
               2.0 ** 50 + 0.25, 2.0 ** 50 + 1.25, 123456789.0, 2.0 ** 60,
               -7.0, 1e-100, 9.999999999999999e15, 0.001953125,
               # powers of two whose shortest digits round up, not to nearest
               2.0 ** -1017, 2.0 ** -808]
    for i, v in enumerate(scalars):
        add(f"float_0d_{i}", np.array(v, dtype=np.float64))

    # -- bools ---------------------------------------------------------------
    add("bool_pair", [True, False])
    add("bool_col", [[True], [False]])
    add("bool_0d_true", np.array(True))
    add("bool_0d_false", np.array(False))
    add("bool_long", rng.integers(0, 2, 40).astype(bool))
    add("bool_2d", rng.integers(0, 2, (3, 4)).astype(bool))
    add("bool_summarised", rng.integers(0, 2, 2000).astype(bool))
    add("bool_empty", np.zeros((0,), dtype=bool))
    add("bool_empty_3d", np.zeros((1, 0, 2), dtype=bool))

    # -- 0-d and empty ---------------------------------------------------------
    add("int_0d", np.array(5))
    add("int_0d_neg", np.array(-42))
    add("float_0d_plain", np.array(2.5))
    for shape in [(0,), (3, 0), (0, 3), (2, 0, 4), (0, 0), (1, 0)]:
        for t in [np.int64, np.float64, np.int32]:
            add(f"empty_{np.dtype(t).name}_{'x'.join(map(str, shape))}", np.zeros(shape, dtype=t))

    # -- wrapping, nesting -------------------------------------------------------
    add("wrap_arange_30", np.arange(30))
    add("wrap_arange_100", np.arange(100))
    add("wrap_thousands", np.arange(26) * 1000)
    add("wrap_floats", float_values(rng, "normal", 30))
    add("wrap_sci", exact_floats(rng, 20, -30, 30, signed=False))
    add("wrap_2d_rows", np.arange(60).reshape(2, 30))
    add("wrap_3d_rows", float_values(rng, "normal", 48).reshape(2, 2, 12))
    add("wrap_4d_rows", np.arange(2 * 2 * 2 * 25).reshape(2, 2, 2, 25) * 7)
    for n in [20, 21, 22, 23, 24, 25]:
        add(f"wrap_edge_{n}", np.arange(n) + 100)
    for shape in [(3, 4), (4, 1), (1, 4), (1, 1), (2, 3, 4), (2, 2, 2, 2), (1, 1, 1),
                  (3, 1, 2), (2, 3, 1, 2), (1, 2, 1, 2, 1)]:
        n = int(np.prod(shape))
        add(f"nd_{'x'.join(map(str, shape))}", np.arange(n).reshape(shape) - n // 2)
        add(f"nd_float_{'x'.join(map(str, shape))}", float_values(rng, "normal", n).reshape(shape))

    # -- summarised ---------------------------------------------------------------
    for shape in [(2000,), (1001,), (40, 40), (5, 5, 50), (6, 6, 6, 6), (3, 1000),
                  (1000, 2), (2, 3, 4, 50), (7, 7, 7, 7), (1, 1, 1001), (6, 200),
                  (7, 150), (11, 11, 11)]:
        n = int(np.prod(shape))
        add(f"summary_{'x'.join(map(str, shape))}", np.arange(n).reshape(shape))
    add("summary_neg", np.arange(-1000, 1001))
    add("summary_wide_hidden", np.concatenate([[1, 2, 3], np.full(1000, -10**15), [4, 5, 6]]))
    add("summary_float", float_values(rng, "normal", 1500))
    add("summary_float_hidden_sci", np.concatenate([[1.5, 2.0, 3.0], np.full(1000, 1e-9), [4.0, 5.0, 6.0]]))
    add("summary_float_2d", exact_floats(rng, 1200, -20, 20, signed=False).reshape(30, 40))
    add("summary_int32", np.arange(3000, dtype=np.int32).reshape(3, 1000))
    add("summary_uint64", np.arange(1200, dtype=np.uint64) * 10**16)

    # -- random fuzz -------------------------------------------------------------------
    dtypes = INT_TYPES + [np.float64, np.float64, np.bool_]
    for i in range(120):
        t = dtypes[rng.integers(0, len(dtypes))]
        ndim = int(rng.integers(0, 5))
        shape = tuple(int(x) for x in rng.integers(1, 8, size=ndim))
        add(f"fuzz_{i:03}", random_array(rng, t, shape))
    return cases


def main():
    cases = main_cases()
    header = {"generator": "printing.py", "seed": SEED,
              "numpy_version": np.__version__,
              "print_options": np.get_printoptions(), "num_cases": len(cases)}
    write_json(os.path.join(HERE, "printing.json"), header, cases)


def write_json(path, header, cases):
    """`header` plus a "cases" list, one case per line."""
    with open(path, "w") as f:
        f.write(json.dumps(header)[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(c) for c in cases))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
