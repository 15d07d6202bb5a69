import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)
fives = a % 5 == 0

# nonzero: one index array per axis, the positions where the mask is True
rows, cols = np.nonzero(fives)
print("rows:", rows, " cols:", cols)
print("a[rows, cols]:", a[rows, cols])

# argwhere: the same positions, one row each
print("np.argwhere(fives):\n", np.argwhere(fives), sep="")

# compress: the slices along an axis where a 1-d condition is True
print("np.compress([True, False, True], a, axis=0):\n",
      np.compress([True, False, True], a, axis=0), sep="")
# ANCHOR_END: cell
