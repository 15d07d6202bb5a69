# ANCHOR: cell
import numpy as np

data = np.arange(12).reshape(3, 4)
print("Original array:\n", data)

# Create a view
view = data[1:, :3]
print("\nView (slice):\n", view)

# Create a copy
copy = data[1:, :3].copy()
print("\nCopy:\n", copy)

# Modify the view and see what happens
view[0, 0] = 999
print("\nModified view:")
print(view)
print("\nOriginal array after view modification:")
print(data)
# ANCHOR_END: cell
