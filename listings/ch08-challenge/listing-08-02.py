import numpy as np

# ANCHOR: solution
# 1. A 5×5 array of random integers from 0 to 99 (seeded: you get our numbers).
rng = np.random.default_rng(42)
arr = rng.integers(0, 100, size=(5, 5))
print("Original:\n", arr, sep="")

# 2. The 3×3 region in the centre, as a view.
centre = arr[1:4, 1:4]

# 3. Modify one element through the view: the centre of the centre.
centre[1, 1] = -1
print("\nCentre view after the change:\n", centre, sep="")

# 4. The change is in the original.
print("\nOriginal after the change:\n", arr, sep="")
print("arr[2, 2] =", arr[2, 2])
assert arr[2, 2] == -1

# 5. A view of the centre shares memory with the original; a copy does not.
print("\nView shares memory:", np.shares_memory(arr, centre))
print("Copy shares memory:", np.shares_memory(arr, centre.copy()))
# ANCHOR_END: solution
