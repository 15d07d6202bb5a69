"""NumPy's answers for the operations of the book's listings.

Run with the project's Python (`cargo xtask oracle`); writes listings.json
beside this file, in the schema of SCHEMA.md (the schema of the shared
numpy-cases file), so the same conformance runner replays it:

    cargo run --release -p ndview --example conform -- crates/ndview/tests/numpy/listings.json

Each case starts from `np.arange(start, start + n).reshape(shape)` and applies
the chains of operations a listing uses. Buffers are numbered in order of
creation (0 is the base's); `view` says an operation made no new allocation.
"""

import json
import pathlib
import platform
import sys

import numpy as np
from numpy._core._multiarray_tests import internal_overlap

SLICE = "slice"


def owner(a):
    """The object that owns a's memory (following .base through wrappers)."""
    while getattr(a, "base", None) is not None:
        a = a.base
    return a


def address(a):
    return a.__array_interface__["data"][0]


class Case:
    def __init__(self, case_id, tags, base_shape, base_start=0):
        self.id = case_id
        self.tags = tags
        self.base_shape = list(base_shape)
        self.base_start = base_start
        n = int(np.prod(base_shape))
        self.base = np.arange(base_start, base_start + n, dtype=np.int64).reshape(base_shape)
        self.owners = [owner(self.base)]
        self.arrays = []
        self.made = {"base": self.base}

    def buffer(self, a):
        o = owner(a)
        for i, known in enumerate(self.owners):
            if known is o:
                return i
        self.owners.append(o)
        return len(self.owners) - 1

    def offset(self, a):
        return address(a) - address(self.owners[self.buffer(a)])

    def apply(self, a, op):
        kind = op["op"]
        order = op.get("order", "C")
        if kind == SLICE:
            index = tuple(slice(*i) if isinstance(i, list) else i for i in op["index"])
            return a[index + (Ellipsis,)]
        if kind == "transpose":
            return a.transpose(op["axes"]) if op["axes"] is not None else a.transpose()
        if kind == "swapaxes":
            return a.swapaxes(op["axis1"], op["axis2"])
        if kind == "reshape":
            return a.reshape(op["shape"], order=order)
        if kind == "ravel":
            return a.ravel(order)
        if kind == "flatten":
            return a.flatten(order)
        if kind == "copy":
            return a.copy(order)
        if kind == "as_strided":
            return np.lib.stride_tricks.as_strided(a, op["shape"], op["strides"])
        raise ValueError(kind)

    def array(self, name, ops):
        a = self.base
        steps = []
        for op in ops:
            before = self.buffer(a)
            a = self.apply(a, op)
            after = self.buffer(a)
            steps.append({
                "shape": list(a.shape), "strides": list(a.strides), "buffer": after,
                "offset": self.offset(a), "view": after == before,
            })
        result = {
            "shape": list(a.shape), "strides": list(a.strides), "buffer": self.buffer(a),
            "offset": self.offset(a), "values": [int(v) for v in a.ravel()] if a.ndim else [int(a[()])],
            "c_contiguous": bool(a.flags.c_contiguous), "f_contiguous": bool(a.flags.f_contiguous),
            "internal_overlap": bool(internal_overlap(a)), "str": str(a), "repr": repr(a),
        }
        self.arrays.append({"name": name, "ops": ops, "steps": steps, "result": result})
        self.made[name] = a
        return self

    def to_json(self):
        names = list(self.made)
        pairs = []
        for i, x in enumerate(names):
            for y in names[i + 1:]:
                a, b = self.made[x], self.made[y]
                try:
                    one = bool(np.shares_memory(a, b, max_work=1))
                except np.exceptions.TooHardError:
                    one = "too_hard"
                pairs.append({
                    "a": x, "b": y,
                    "shares_memory": bool(np.shares_memory(a, b)),
                    "may_share_memory": bool(np.may_share_memory(a, b)),
                    "shares_memory_max_work_1": one,
                })
        return {"id": self.id, "tags": self.tags, "base_shape": self.base_shape,
                "base_start": self.base_start, "arrays": self.arrays, "pairs": pairs}


def s(*items):
    """An index: slices written as [start, stop, step] (None for missing)."""
    return {"op": SLICE, "index": [list(i) if isinstance(i, tuple) else i for i in items]}


ALL = (None, None, None)
T = {"op": "transpose", "axes": None}
COPY = {"op": "copy"}
RAVEL = {"op": "ravel"}
FLATTEN = {"op": "flatten"}


def reshape(*shape):
    return {"op": "reshape", "shape": list(shape)}


cases = [
    Case("listing_01_01", ["listing"], (3, 4)).array("a", [RAVEL]),
    Case("listing_02_01", ["listing"], (3, 4))
    .array("view", [s((1, None, None), (None, 3, None))])
    .array("copy", [s((1, None, None), (None, 3, None)), COPY]),
    Case("listing_03_01", ["listing"], (3, 4))
    .array("view", [s((1, None, None), (None, 3, None))])
    .array("copy", [s((1, None, None), (None, 3, None)), COPY])
    .array("flat_view", [RAVEL])
    .array("flat_copy", [FLATTEN]),
    Case("listing_03_02_data", ["listing", "ravel"], (3, 4))
    .array("ravel", [RAVEL])
    .array("rows", [s((1, None, None), ALL), RAVEL])
    .array("columns", [s(ALL, (None, 2, None)), RAVEL])
    .array("transposed", [T, RAVEL]),
    Case("listing_03_02_x", ["listing", "ravel", "reshape"], (10,))
    .array("evens_ravel", [s((None, None, 2)), RAVEL])
    .array("evens_reshape", [s((None, None, 2)), reshape(-1)]),
    Case("listing_03_03", ["listing", "overlap"], (4, 20))
    .array("a", [s(ALL, (None, None, 7))])
    .array("b", [s(ALL, (3, None, 3))]),
    Case("listing_04_02", ["listing"], (3, 4)).array("transposed", [T]),
    Case("listing_05_01", ["listing", "slice"], (3, 4))
    .array("rows_step_2", [s((None, None, 2))])
    .array("transposed", [T])
    .array("reversed", [s((None, None, -1))])
    .array("start", [s((1, None, None), (1, None, 2))]),
    Case("listing_05_02", ["listing", "slice", "negative-step"], (10,))
    .array("a", [s((2, 8, -2))])
    .array("b", [s((8, 2, -2))])
    .array("c", [s((7, None, -1))])
    .array("d", [s((None, 7, -1))])
    .array("e", [s((None, None, -3))])
    .array("f", [s((-100, 100, None))]),
    Case("listing_05_03", ["listing", "reshape"], (3, 4))
    .array("a", [reshape(2, 6)])
    .array("b", [s(ALL, (None, None, 2)), reshape(6)])
    .array("c", [T, reshape(12)]),
    Case("listing_06_01_small", ["listing", "copy"], (20, 30))
    .array("x", [s((None, None, 2), (None, None, 2))])
    .array("y", [s((None, None, 2), (None, None, 2)), COPY]),
    Case("listing_07_03", ["listing"], (4, 4)).array("centre", [s((1, 3, None), (1, 3, None))]),
    Case("listing_08_01", ["listing", "challenge"], (5, 5))
    .array("centre", [s((1, 4, None), (1, 4, None))])
    .array("centre_copy", [s((1, 4, None), (1, 4, None)), COPY]),
]

doc = {
    "generator": "listings.py", "numpy_version": np.__version__,
    "python_version": platform.python_version(), "byteorder": sys.byteorder,
    "dtype": "int64", "itemsize": 8,
    "print_options": {k: np.get_printoptions()[k] for k in ("edgeitems", "threshold", "linewidth")},
    "num_cases": len(cases), "cases": [c.to_json() for c in cases],
}
out = pathlib.Path(__file__).with_name("listings.json")
out.write_text(json.dumps(doc, indent=1) + "\n")
