import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)

# `.copy()` writes the copy in C order (row by row), whatever the source:
print("a.T.copy():                 strides", a.T.copy().strides)
print("a[::-1].copy():             strides", a[::-1].copy().strides)
# `copy(order="K")` keeps the source's memory order, as ndarray's to_owned does
# (but with positive strides: NumPy's K order never walks backwards).
print("a.T.copy(order='K'):        strides", a.T.copy(order="K").strides)
print("a[::-1].copy(order='K'):    strides", a[::-1].copy(order="K").strides)

# `np.ascontiguousarray` copies only when the source is not C-contiguous.
print("np.ascontiguousarray(a.T):  strides", np.ascontiguousarray(a.T).strides)
print("np.ascontiguousarray(a) is a:", np.ascontiguousarray(a) is a)
# ANCHOR_END: cell
