import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)

# where(cond, x, y): x where cond is True, y elsewhere
print("np.where(a > 5, a, 0):\n", np.where(a > 5, a, 0), sep="")
print("np.where(a % 2 == 0, a, -a):\n", np.where(a % 2 == 0, a, -a), sep="")

# The three broadcast together: one value per row
per_row = np.array([[100], [200], [300]])
print("np.where(a > 5, per_row, a):\n", np.where(a > 5, per_row, a), sep="")
# ANCHOR_END: cell
