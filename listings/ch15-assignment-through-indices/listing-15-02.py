import numpy as np

# ANCHOR: cell
# `+=` through an index with a repeat adds only once
counts = np.zeros(4, dtype=np.int64)
counts[[0, 0, 1]] += 1
print("counts[[0, 0, 1]] += 1:         ", counts)

# np.add.at adds once per occurrence
counts = np.zeros(4, dtype=np.int64)
np.add.at(counts, [0, 0, 1], 1)
print("np.add.at(counts, [0, 0, 1], 1):", counts)

# So np.add.at counts: a histogram of labels
labels = np.array([2, 0, 2, 3, 2])
hist = np.zeros(4, dtype=np.int64)
np.add.at(hist, labels, 1)
print("histogram of", labels, ":", hist)

# Plain assignment with a repeat: the last write wins
a = np.zeros(3, dtype=np.int64)
a[[0, 0]] = [1, 2]
print("a[[0, 0]] = [1, 2]:", a)
# ANCHOR_END: cell
