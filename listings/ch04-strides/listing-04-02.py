import numpy as np

arr = np.arange(12).reshape(3, 4)

# ANCHOR: cell
transposed = arr.T
print("Transposed array:\n", transposed)
print("Shape:", transposed.shape)
print("Strides:", transposed.strides)
# ANCHOR_END: cell
