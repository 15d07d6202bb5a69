"""NumPy's side of `cargo xtask bench`: the same view and copy as
crates/ndview/benches/views.rs, timed with timeit (best of several repeats,
in nanoseconds per operation), printed as JSON."""
import json
import timeit

import numpy as np

big = np.arange(10_000_000, dtype=np.int64).reshape(1000, 10_000)


def best_ns(stmt, number, repeat=7):
    times = timeit.repeat(stmt, number=number, repeat=repeat, globals={"big": big})
    return min(times) / number * 1e9


print(json.dumps({
    "numpy_version": np.__version__,
    "view": best_ns("big[::2, ::2]", number=200_000),
    "copy": best_ns("big[::2, ::2].copy()", number=20),
}))
