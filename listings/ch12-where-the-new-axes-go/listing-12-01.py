import numpy as np


def show(expression, r):
    print(f"{expression:<22} shape {str(r.shape):<10} strides {r.strides}")


# ANCHOR: main
a = np.arange(24).reshape(2, 3, 4)
# An index array of length 5, a length no axis of `a` has
i = np.array([0, 1, 1, 0, 1])
show("a", a)
show("a[:, i, :]", a[:, i, :])
show("a[:, i, i]", a[:, i, i])
show("a[:, 0, i]", a[:, 0, i])
show("a[i, :, i]", a[i, :, i])
show("a[0, :, i]", a[0, :, i])
show("a[0][:, i]", a[0][:, i])

print("\na[0, :, i]:\n", a[0, :, i], sep="")
# ANCHOR_END: main
