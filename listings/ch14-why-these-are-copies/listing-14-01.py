import numpy as np


def describe(expression, r, base):
    kind = "view" if np.shares_memory(r, base) else "copy"
    print(f"{expression:<18} {kind}  strides {str(r.strides):<8} {r.ravel()}")


# ANCHOR: main
a = np.arange(12).reshape(3, 4)

# The same elements, picked by a slice and by an index array
describe("a[1:3]", a[1:3], a)
describe("a[[1, 2]]", a[[1, 2]], a)
describe("a[:, ::2]", a[:, ::2], a)
describe("a[:, [0, 2]]", a[:, [0, 2]], a)

# A mask always copies, even when it keeps everything
describe("a[a >= 0]", a[a >= 0], a)

# Picks no stride can describe
describe("a[[2, 0, 2]]", a[[2, 0, 2]], a)
# ANCHOR_END: main
