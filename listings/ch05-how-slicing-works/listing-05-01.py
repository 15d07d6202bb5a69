import numpy as np


def show(expression, v, base):
    # NumPy has no `offset` attribute: it is how many bytes the view's first
    # element lies past the base's first element, the difference of their
    # addresses (`__array_interface__["data"][0]` is the address of element 0).
    offset = v.__array_interface__["data"][0] - base.__array_interface__["data"][0]
    print(expression)
    print("", v)
    print(f"  shape {v.shape}, strides {v.strides}, offset {offset}")


arr = np.arange(12).reshape(3, 4)
show("arr", arr, arr)
show("arr[::2]   every second row: stride doubled", arr[::2], arr)
show("arr.T      strides swapped", arr.T, arr)
show("arr[::-1]  rows reversed: negative stride", arr[::-1], arr)
show("arr[1:, 1::2]  start moves the offset", arr[1:, 1::2], arr)
