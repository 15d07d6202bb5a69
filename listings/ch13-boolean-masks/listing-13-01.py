import numpy as np

# ANCHOR: cell
data = np.arange(12).reshape(3, 4)

# A comparison gives a mask: an array of booleans, one per element
mask = data > 5
print("data > 5:\n", mask, sep="")

# Indexing with it keeps the elements where it is True, in a 1-d array
print("\ndata[data > 5]:", data[mask])

# Combine masks with & (and), | (or), ^ (xor) and ~ (not)
print("data[(data > 2) & (data < 9)]:", data[(data > 2) & (data < 9)])
print("data[(data < 2) | (data > 9)]:", data[(data < 2) | (data > 9)])
print("data[~(data > 5)]:", data[~mask])
# ANCHOR_END: cell
