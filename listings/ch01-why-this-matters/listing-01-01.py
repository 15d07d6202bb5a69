import numpy as np

# ANCHOR: all
data = np.arange(12).reshape(3, 4)
print(data)

# The block of memory: twelve int64 values, one after another.
print("buffer:  ", data.base)
# The metadata that says how to walk it.
print("shape:   ", data.shape)
print("strides: ", data.strides, "(bytes)")
print("itemsize:", data.itemsize, "(bytes)")
print("flags:   ", dict(c_contiguous=data.flags.c_contiguous,
                        f_contiguous=data.flags.f_contiguous,
                        owndata=data.flags.owndata,
                        writeable=data.flags.writeable))
# ANCHOR_END: all
