"""NumPy's answers for the operations of the book's listings.

Run with the project's Python (`cargo xtask oracle`); writes listings.json
beside this file, in the schema of SCHEMA.md (the schema of the shared
numpy-cases file), so the same conformance runner replays it:

    cargo run --release -p ndview --example conform -- crates/ndview/tests/numpy/listings.json

Each case starts from `np.arange(start, start + n).reshape(shape)` and applies
the chains of operations a listing uses. Buffers are numbered in order of
creation (0 is the base's); `view` says an operation made no new allocation.

Section 2's cases (`listing_10_*` on) use the indexing additions of
SCHEMA-INDEXING.md (`index`, `compare`, `logical`, `not`, `take`,
`compress`, `nonzero`, `argwhere`, `where`, `assign`, `iadd`, `add_at`; bool
results; errors; `base_after`). Where a listing builds a mask the schema has
no op for (`a % 3 == 0`), the case writes that mask out as a literal
`{"bool": ...}` entry, computed here by NumPy.
"""

import json
import pathlib
import platform
import sys

import numpy as np
from numpy._core._multiarray_tests import internal_overlap

SLICE = "slice"
CMP = {"lt": "less", "le": "less_equal", "gt": "greater", "ge": "greater_equal",
       "eq": "equal", "ne": "not_equal"}


def owner(a):
    """The object that owns a's memory (following .base through wrappers)."""
    while getattr(a, "base", None) is not None:
        a = a.base
    return a


def address(a):
    return a.__array_interface__["data"][0]


class Case:
    def __init__(self, case_id, tags, base_shape, base_start=0, indexing=False):
        self.id = case_id
        self.tags = tags
        self.base_shape = list(base_shape)
        self.base_start = base_start
        n = int(np.prod(base_shape))
        self.base = np.arange(base_start, base_start + n, dtype=np.int64).reshape(base_shape)
        self.owners = [owner(self.base)]
        self.arrays = []
        self.made = {"base": self.base}
        # Section 2's cases: results carry their dtype; writes give base_after.
        self.indexing = indexing
        self.writes = False

    def buffer(self, a):
        o = owner(a)
        for i, known in enumerate(self.owners):
            if known is o:
                return i
        self.owners.append(o)
        return len(self.owners) - 1

    def offset(self, a):
        return address(a) - address(self.owners[self.buffer(a)])

    def entry(self, e):
        """One entry of an `index` (SCHEMA-INDEXING.md), as NumPy takes it."""
        if isinstance(e, list):
            return slice(*e)
        if e == "newaxis":
            return np.newaxis
        if e == "...":
            return Ellipsis
        if isinstance(e, dict):
            if "int" in e:
                return np.array(e["int"], dtype=np.intp)
            if "bool" in e:
                return np.array(e["bool"], dtype=bool)
            return self.made[e["array"]]
        return e

    def key(self, entries):
        key = tuple(self.entry(e) for e in entries)
        if not any(k is Ellipsis for k in key):
            key = key + (Ellipsis,)
        return key

    def value(self, v):
        return self.made[v] if isinstance(v, str) else np.array(v) if isinstance(v, list) else v

    def apply(self, a, op):
        kind = op["op"]
        order = op.get("order", "C")
        if kind == "index":
            return a[self.key(op["index"])]
        if kind == "compare":
            return getattr(np, CMP[op["cmp"]])(a, op["value"])
        if kind == "logical":
            return getattr(np, "logical_" + op["fn"])(a, self.made[op["other"]])
        if kind == "not":
            return np.logical_not(a)
        if kind == "take":
            return np.take(a, op["indices"], op.get("axis"), mode=op.get("mode", "raise"))
        if kind == "compress":
            return np.compress(op["condition"], a, op.get("axis"))
        if kind == "nonzero":
            return np.nonzero(a)[op["which"]]
        if kind == "argwhere":
            return np.argwhere(a)
        if kind == "where":
            return np.where(self.made[op["cond"]], a, self.value(op["other"]))
        if kind in ("assign", "iadd", "add_at"):
            self.writes = True
            key, value = self.key(op["index"]), self.value(op["value"])
            if kind == "assign":
                a[key] = value
            elif kind == "iadd":
                a[key] += value
            else:
                np.add.at(a, key, value)
            return a
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
            try:
                a = self.apply(a, op)
            except (IndexError, ValueError) as e:
                error = {"type": type(e).__name__, "message": str(e)}
                self.arrays.append({"name": name, "ops": ops, "error": error})
                return self
            after = self.buffer(a)
            steps.append({
                "shape": list(a.shape), "strides": list(a.strides), "buffer": after,
                "offset": self.offset(a), "view": after == before,
            })
        scalar = bool if a.dtype == bool else int
        result = {
            "shape": list(a.shape), "strides": list(a.strides), "buffer": self.buffer(a),
            "offset": self.offset(a),
            "values": [scalar(v) for v in a.ravel()] if a.ndim else [scalar(a[()])],
            "c_contiguous": bool(a.flags.c_contiguous), "f_contiguous": bool(a.flags.f_contiguous),
            "internal_overlap": bool(internal_overlap(a)), "str": str(a), "repr": repr(a),
        }
        if self.indexing:
            result["dtype"] = str(a.dtype)
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
        case = {"id": self.id, "tags": self.tags, "base_shape": self.base_shape,
                "base_start": self.base_start, "arrays": self.arrays, "pairs": pairs}
        if self.writes:
            case["base_after"] = [int(v) for v in self.base.ravel()]
        return case


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


# Section 2: the indexing additions of SCHEMA-INDEXING.md.
FULL = [None, None, None]
NOT = {"op": "not"}
ARGWHERE = {"op": "argwhere"}


def ix(*entries):
    """An advanced (or basic) index: slices as [start, stop, step] lists."""
    return {"op": "index", "index": list(entries)}


def ints(v):
    return {"int": v}


def bools(v):
    return {"bool": v}


def named(name):
    return {"array": name}


def cmp(how, value):
    return {"op": "compare", "cmp": how, "value": value}


def logical(fn, other):
    return {"op": "logical", "fn": fn, "other": other}


def take(indices, axis, mode="raise"):
    return {"op": "take", "indices": indices, "axis": axis, "mode": mode}


def write(kind, index, value):
    return {"op": kind, "index": index, "value": value}


def literal_mask(shape, test):
    """A mask the schema has no op for (`a % 3 == 0`), written out by NumPy."""
    a = np.arange(int(np.prod(shape))).reshape(shape)
    return bools(test(a).tolist())


ADV = ["listing", "indexing"]
I5 = ints([0, 1, 1, 0, 1])  # Listing 12-1's index array: a length no axis of (2, 3, 4) has
A34 = (3, 4)
cases += [
    Case("listing_10_01", ADV, A34, indexing=True)
    .array("rows", [ix(ints([2, 0]))])
    .array("multiples", [ix(literal_mask(A34, lambda a: a % 3 == 0))]),
    Case("listing_11_01", ADV, (10,), 10, indexing=True)
    .array("repeats", [ix(ints([3, 3, 1, 8]))])
    .array("negative", [ix(ints([-1, -2]))])
    .array("shaped", [ix(ints([[0, 1], [2, 3]]))]),
    Case("listing_11_02", ADV, A34, indexing=True)
    .array("rows", [ix(ints([2, 0]))])
    .array("pairs", [ix(ints([0, 2]), ints([1, 3]))])
    .array("block", [ix(ints([[0], [2]]), ints([1, 3]))])
    .array("out_of_bounds", [ix(ints([0, 3]))])
    .array("mismatch", [ix(ints([0, 1]), ints([0, 1, 2]))]),
    Case("listing_12_01", ADV + ["placement"], (2, 3, 4), indexing=True)
    .array("middle", [ix(FULL, I5, FULL)])
    .array("adjacent", [ix(FULL, I5, I5)])
    .array("int_adjacent", [ix(FULL, 0, I5)])
    .array("separated", [ix(I5, FULL, I5)])
    .array("int_separated", [ix(0, FULL, I5)])
    .array("split", [s(0), ix(FULL, I5)]),
    Case("listing_13_01", ADV + ["mask"], A34, indexing=True)
    .array("mask", [cmp("gt", 5)])
    .array("selected", [ix(named("mask"))])
    .array("gt2", [cmp("gt", 2)])
    .array("both", [cmp("lt", 9), logical("and", "gt2")])
    .array("both_selected", [ix(named("both"))])
    .array("lt2", [cmp("lt", 2)])
    .array("either", [cmp("gt", 9), logical("or", "lt2")])
    .array("either_selected", [ix(named("either"))])
    .array("not_mask", [cmp("gt", 5), NOT])
    .array("not_selected", [ix(named("not_mask"))]),
    Case("listing_13_02", ADV + ["mask"], A34, indexing=True)
    .array("rows", [s(FULL, 0), cmp("gt", 2)])
    .array("by_rows", [ix(named("rows"))])
    .array("by_cols", [ix(FULL, bools([True, False, True, False]))])
    .array("even", [ix(literal_mask(A34, lambda a: a % 2 == 0))])
    .array("short", [ix(bools([True, False]))]),
    Case("listing_14_01", ADV + ["copy"], A34, indexing=True)
    .array("slice_rows", [ix([1, 3, None])])
    .array("index_rows", [ix(ints([1, 2]))])
    .array("slice_cols", [ix(FULL, [None, None, 2])])
    .array("index_cols", [ix(FULL, ints([0, 2]))])
    .array("everything", [cmp("ge", 0)])
    .array("masked", [ix(named("everything"))])
    .array("repeated_rows", [ix(ints([2, 0, 2]))]),
    Case("listing_15_01", ADV + ["assign"], A34, indexing=True)
    .array("big", [cmp("gt", 8)])
    .array("zeroed", [write("assign", [named("big")], 0)])
    .array("block", [write("assign", [ints([0, 2]), [1, 3, None]], [-1, -2])])
    .array("mismatch", [write("assign", [ints([0, 1])], [1, 2, 3])]),
    Case("listing_15_02_iadd", ADV + ["repeats"], (4,), indexing=True)
    .array("counts", [write("iadd", [ints([0, 0, 1])], 1)]),
    Case("listing_15_02_add_at", ADV + ["repeats"], (4,), indexing=True)
    .array("counts", [write("add_at", [ints([0, 0, 1])], 1)]),
    Case("listing_15_02_histogram", ADV + ["repeats"], (4,), indexing=True)
    .array("hist", [write("add_at", [ints([2, 0, 2, 3, 2])], 1)]),
    Case("listing_15_02_last_wins", ADV + ["repeats"], (3,), indexing=True)
    .array("a", [write("assign", [ints([0, 0])], [1, 2])]),
    Case("listing_16_01", ADV + ["take"], A34, indexing=True)
    .array("flat", [take([0, 5, 11], None)])
    .array("cols", [take([3, 0], 1)])
    .array("fancy", [ix(FULL, ints([3, 0]))])
    .array("wrap", [s(0), take([1, 5, -1], None, "wrap")])
    .array("clip", [s(0), take([1, 5, -1], None, "clip")])
    .array("raise", [take([4], 1)]),
    Case("listing_16_02", ADV + ["nonzero"], A34, indexing=True)
    .array("mask", [cmp("gt", 8)])
    .array("rows", [cmp("gt", 8), {"op": "nonzero", "which": 0}])
    .array("cols", [cmp("gt", 8), {"op": "nonzero", "which": 1}])
    .array("picked", [ix(named("rows"), named("cols"))])
    .array("positions", [cmp("gt", 8), ARGWHERE])
    .array("compressed", [{"op": "compress", "condition": [True, False, True], "axis": 0}]),
    Case("listing_16_03", ADV + ["where"], A34, indexing=True)
    .array("mask", [cmp("gt", 5)])
    .array("kept", [{"op": "where", "cond": "mask", "other": 0}])
    .array("column", [s(FULL, [0, 1, None]), {"op": "where", "cond": "mask", "other": -1}]),
    Case("listing_17_01", ADV + ["assign", "pitfall"], A34, indexing=True)
    .array("big_mask", [cmp("gt", 8)])
    .array("big", [ix(named("big_mask")), write("assign", ["..."], 0)])
    .array("chained", [ix(named("big_mask")), write("assign", [0], 99)])
    .array("chained_rows", [ix(ints([0, 1])), write("assign", [FULL, 0], -1)])
    .array("zeroed", [write("assign", [named("big_mask")], 0)])
    .array("through_view", [s(0), write("assign", [ints([1, 2])], 7)]),
    Case("listing_18_02", ADV + ["challenge"], (5, 5), indexing=True)
    .array("high", [cmp("gt", 20)])
    .array("picked", [ix(named("high"))])
    .array("picked_zeroed", [ix(named("high")), write("assign", ["..."], 0)])
    .array("capped", [write("assign", [named("high")], 20)])
    .array("corners", [ix(ints([0, 0, -1, -1]), ints([0, -1, 0, -1]))]),
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
