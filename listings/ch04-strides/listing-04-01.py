import numpy as np

# ANCHOR: cell
arr = np.arange(12).reshape(3, 4)
print("Array:\n", arr)
print("Shape:", arr.shape)
print("Strides:", arr.strides)
print("Itemsize:", arr.itemsize)
# ANCHOR_END: cell
