import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)

# Assignment through a mask writes into a itself
a[a > 8] = 0
print("after a[a > 8] = 0:\n", a, sep="")

# The value is broadcast to the shape the index selects: (2, 2) here
a[[0, 2], 1:3] = [-1, -2]
print("\nafter a[[0, 2], 1:3] = [-1, -2]:\n", a, sep="")

# A value that does not broadcast is an error, and nothing is written
try:
    a[[0, 1]] = [1, 2, 3]
except ValueError as e:
    print("\nValueError:", e)
# ANCHOR_END: cell
