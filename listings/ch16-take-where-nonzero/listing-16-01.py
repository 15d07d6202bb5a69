import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)

# Without an axis, take reads the flattened array
print("np.take(a, [0, 5, 11]):", np.take(a, [0, 5, 11]))

# Along an axis it is a[:, [3, 0]], in a C-ordered new array
cols = np.take(a, [3, 0], axis=1)
print("np.take(a, [3, 0], axis=1):\n", cols, sep="")
print("strides:", cols.strides, "but a[:, [3, 0]] has", a[:, [3, 0]].strides)

# What happens to an index outside 0..4 is the mode's choice
print("\nmode='wrap', [1, 5, -1]:", np.take(a[0], [1, 5, -1], mode="wrap"))
print("mode='clip', [1, 5, -1]:", np.take(a[0], [1, 5, -1], mode="clip"))
try:
    np.take(a, [4], axis=1)
except IndexError as e:
    print("mode='raise', [4]: IndexError:", e)
# ANCHOR_END: cell
