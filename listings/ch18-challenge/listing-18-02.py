import numpy as np

# ANCHOR: solution
# 1. The 5×5 array of Challenge 1 (the same seed, so the same numbers).
rng = np.random.default_rng(42)
arr = rng.integers(0, 100, size=(5, 5))
print("Original:\n", arr, sep="")

# 2. A mask of the values above 80, and how many there are.
high = arr > 80
print("\nValues above 80:", np.count_nonzero(high))

# 3. Select them: a new 1-d array that shares no memory with arr.
picked = arr[high]
print("Picked:", picked)
print("Picked shares memory:", np.shares_memory(arr, picked))

# 4. Write into the copy: arr does not change.
before = arr.copy()
picked[:] = 0
print("arr still has", np.count_nonzero(arr > 80), "values above 80")
assert np.array_equal(arr, before)

# 5. Write through the mask: now arr changes, in place.
arr[high] = 80
print("\nCapped at 80:\n", arr, sep="")

# 6. The four corners, with two index arrays: a copy again.
corners = arr[[0, 0, -1, -1], [0, -1, 0, -1]]
print("Corners:", corners)
# ANCHOR_END: solution
