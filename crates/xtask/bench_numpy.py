"""NumPy's side of `cargo xtask bench`: the operations of
crates/ndview/benches/views.rs and indexing.rs, timed with timeit, printed as JSON.

    bench_numpy.py [--quick] NAME...

where NAME is one of the operations below or `sweep:BYTES` (a contiguous
copy of BYTES bytes of int64). Each time is the median over repeats of the
time per operation, in nanoseconds (criterion's figure for ndview and
ndarray is a median too); `--quick` repeats less. `cargo xtask bench` runs
this between criterion's groups, so that NumPy and the Rust libraries are
timed close together on a machine whose load changes. Run with
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (these operations never call
BLAS, but the variables change what OpenBLAS does when NumPy is imported).
"""
import json
import statistics
import sys
import timeit

import numpy as np

QUICK = "--quick" in sys.argv
REPEAT = 5 if QUICK else 15

# name: (setup, statement); `big` is the seed's 1000×10 000 int64 array.
BIG = "big = np.arange(10_000_000, dtype=np.int64).reshape(1000, 10_000)"
COLS = "; cols = np.random.default_rng(7).integers(0, 10_000, 5000)"
A3 = "a3 = np.arange(10_000_000, dtype=np.int64).reshape(100, 200, 500)"
OPERATIONS = {
    "view": (BIG, "big[::2, ::2]"),
    "copy_step2": (BIG, "big[::2, ::2].copy()"),
    "copy_reversed": (BIG, "big[::-1, ::-1].copy()"),
    "copy_transpose": (BIG, "big.T.copy()"),
    "copy_permuted": (A3, "a3.transpose(2, 0, 1).copy()"),
    "copy_contiguous": (BIG, "big.copy()"),
    "mask": (BIG, "big[big % 3 == 0]"),
    "mask_select": (BIG + "; m = big % 3 == 0", "big[m]"),
    # The same 5 000 columns as ndview's default_rng(7).integers(0, 10_000, [5000]).
    "take": (BIG + COLS, "np.take(big, cols, axis=1)"),
    "fancy_columns": (BIG + COLS, "big[:, cols]"),
}


def median_ns(setup, stmt):
    env = {"np": np}
    exec(setup, env)
    timer = timeit.Timer(stmt, globals=env)
    # Calls per repeat: about 0.05 s worth (0.02 s quick), at least one.
    number, _ = timer.autorange()
    number = max(1, number // (10 if QUICK else 4))
    times = timer.repeat(repeat=REPEAT, number=number)
    return statistics.median(times) / number * 1e9


result = {"numpy_version": np.__version__, "python_version": sys.version.split()[0]}
for name in [a for a in sys.argv[1:] if not a.startswith("--")]:
    if name.startswith("sweep:"):
        n = int(name.split(":")[1]) // 8
        result[name] = median_ns(f"a = np.arange({n}, dtype=np.int64)", "a.copy()")
    else:
        result[name] = median_ns(*OPERATIONS[name])
print(json.dumps(result))
