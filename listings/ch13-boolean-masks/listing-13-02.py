import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)

# A 1-d mask stands for one axis: here, which rows to keep
rows = a[:, 0] > 2
print("rows:", rows)
print("a[rows]:\n", a[rows], sep="")

# ... or which columns, after a slice for the rows
cols = np.array([True, False, True, False])
print("\na[:, cols]:\n", a[:, cols], sep="")

# A 2-d mask stands for both axes: it is its nonzero() index arrays
even = a % 2 == 0
print("\nnp.nonzero(even):", np.nonzero(even))
print("a[even]:           ", a[even])
print("a[np.nonzero(even)]:", a[np.nonzero(even)])

# Its length must match the axis
try:
    a[np.array([True, False])]
except IndexError as e:
    print("\nIndexError:", e)
# ANCHOR_END: cell
