import numpy as np

# ANCHOR: cell
x = np.arange(10, 20)
print("x:", x)

# Any positions, in any order, as often as you like
print("x[[3, 3, 1, 8]]:", x[[3, 3, 1, 8]])

# Negative positions count from the end, as for a single integer
print("x[[-1, -2]]:", x[[-1, -2]])

# The result has the shape of the index array
idx = np.array([[0, 1], [2, 3]])
print("x[idx]:\n", x[idx], sep="")
# ANCHOR_END: cell
