import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)

# Meant: set the elements above 8 to zero. But a[a > 8] is a new array...
big = a[a > 8]
big[:] = 0
print("big:", big)
print("a:\n", a, sep="")

# ...and so is the first half of a chain: the write goes into a temporary
a[a > 8][0] = 99
a[[0, 1]][:, 0] = -1
print("\nafter the chained writes, a:\n", a, sep="")

# The index must be in the assignment itself: a[index] = value
a[a > 8] = 0
print("\nafter a[a > 8] = 0:\n", a, sep="")

# A basic index first is fine: a[0] is a view, and [[1, 2]] = 7 writes into it
a[0][[1, 2]] = 7
print("\nafter a[0][[1, 2]] = 7:\n", a, sep="")

# big owns its memory: a changed, big did not
print("\nbig:", big)
# ANCHOR_END: cell
