import numpy as np

# ANCHOR: all
def flags(a):
    return dict(c_contiguous=a.flags.c_contiguous, f_contiguous=a.flags.f_contiguous,
                owndata=a.flags.owndata, writeable=a.flags.writeable)


data = np.arange(12).reshape(3, 4)
print(data)

# `data` is a view: its base is the array arange made, which owns the memory,
# twelve int64 values one after another.
print("base:    ", data.base)
# The metadata that says how to walk it.
print("shape:   ", data.shape)
print("strides: ", data.strides, "(bytes)")
print("itemsize:", data.itemsize, "(bytes)")
print("flags:   ", flags(data))
print("its base:", flags(data.base))

# A view owns nothing, and may write: NumPy has no read-only borrow.
print("view:    ", flags(data[:]))
# ANCHOR_END: all
