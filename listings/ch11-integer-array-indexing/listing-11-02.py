import numpy as np

# ANCHOR: cell
a = np.arange(12).reshape(3, 4)
print("a:\n", a, sep="")

# One index array: whole rows
print("\na[[2, 0]]:\n", a[[2, 0]], sep="")

# Two index arrays are read in pairs: a[0, 1] and a[2, 3]
print("\na[[0, 2], [1, 3]]:", a[[0, 2], [1, 3]])

# Index arrays broadcast: a column of rows against a row of columns
print("\na[[[0], [2]], [1, 3]]:\n", a[[[0], [2]], [1, 3]], sep="")

# Two ways to get it wrong: a position past the end, and shapes that do not broadcast
try:
    a[[0, 3]]
except IndexError as e:
    print("\nIndexError:", e)
try:
    a[[0, 1], [0, 1, 2]]
except IndexError as e:
    print("IndexError:", e)
# ANCHOR_END: cell
