import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)

# Python's `and` asks one array for one truth value, and NumPy refuses
try:
    a[(a > 2) and (a < 9)]
except ValueError as e:
    print("ValueError:", e)

# Without parentheses, & binds first: a > (2 & a) < 9, a chained comparison
try:
    a[a > 2 & a < 9]
except ValueError as e:
    print("ValueError:", e)
# ANCHOR_END: cell
