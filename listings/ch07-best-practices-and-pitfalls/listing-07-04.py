import numpy as np

# ANCHOR: main
data = np.arange(16).reshape(4, 4)
print("sum of the centre:", data[1:3, 1:3].sum())
print("sum of all:       ", data.sum())
np.fill_diagonal(data[1:3, 1:3], 0)  # writes through the view

# Any two views may write; NumPy does not check whether they overlap.
left, right = data[:, :2], data[:, 2:]
right += left                        # columns 2, 3 += columns 0, 1
evens, odds = data[::2], data[1::2]
evens[...], odds[...] = odds.copy(), evens.copy()  # swap rows 0↔1, 2↔3
print(data)
# ANCHOR_END: main
