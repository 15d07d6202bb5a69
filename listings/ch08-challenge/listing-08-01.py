import numpy as np

# ANCHOR: start
# 1. A 5×5 array of random integers from 0 to 99 (seeded: you get our numbers).
rng = np.random.default_rng(42)
arr = rng.integers(0, 100, size=(5, 5))
print("Original:\n", arr, sep="")
# ANCHOR_END: start
