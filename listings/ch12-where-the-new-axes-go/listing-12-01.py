import numpy as np


def show(expression, r):
    print(f"{expression:<22} shape {str(r.shape):<10} strides {r.strides}")


# ANCHOR: main
a = np.arange(24).reshape(2, 3, 4)
show("a", a)
show("a[:, [0, 1], :]", a[:, [0, 1], :])
show("a[:, [0, 1], [0, 1]]", a[:, [0, 1], [0, 1]])
show("a[:, 0, [0, 1]]", a[:, 0, [0, 1]])
show("a[[0, 1], :, [0, 1]]", a[[0, 1], :, [0, 1]])
show("a[0, :, [0, 1]]", a[0, :, [0, 1]])
show("a[0][:, [0, 1]]", a[0][:, [0, 1]])

print("\na[0, :, [0, 1]]:\n", a[0, :, [0, 1]], sep="")
# ANCHOR_END: main
