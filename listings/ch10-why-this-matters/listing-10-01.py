# ANCHOR: all
import numpy as np

data = np.arange(12).reshape(3, 4)
print("data:\n", data)

# Pick rows by their numbers, in any order
print("\ndata[[2, 0]]:\n", data[[2, 0]])

# Keep the elements that pass a test
print("\ndata[data % 3 == 0]:", data[data % 3 == 0])

# Both are new arrays, not views of data
print("\nshares memory:", np.shares_memory(data, data[[2, 0]]),
      np.shares_memory(data, data[data % 3 == 0]))
# ANCHOR_END: all
