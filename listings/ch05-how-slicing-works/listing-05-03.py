import numpy as np

# ANCHOR: main
arr = np.arange(12).reshape(3, 4)


def kind(r):
    return "view" if np.shares_memory(r, arr) else "copy"


r = arr.reshape(2, 6)
print("arr.reshape(2, 6)      ", f"{kind(r)}, strides {r.strides}")
r = arr[:, ::2].reshape(6)
print("arr[:, ::2].reshape(6) ", f"{kind(r)}, strides {r.strides}")
r = arr.T.reshape(12)
print("arr.T.reshape(12)      ", f"{kind(r)}, strides {r.strides}")
r = arr[:, ::2].reshape(6, copy=False)
print("arr[:, ::2].reshape(6, copy=False): view, strides", r.strides)
try:
    arr.T.reshape(12, copy=False)
except ValueError as e:
    print("reshape(copy=False):", e)
# ANCHOR_END: main
