import numpy as np

data = np.arange(12).reshape(3, 4)
view = data[1:, :3]
copy = data[1:, :3].copy()
view[0, 0] = 999

# ANCHOR: cell
# Check memory sharing
print("View shares memory:", np.shares_memory(data, view))
print("Copy shares memory:", np.shares_memory(data, copy))

# Another subtle case: flattening
flat_view = data.ravel()      # returns a view when possible
flat_copy = data.flatten()    # always returns a copy

print("\nRavel shares memory:", np.shares_memory(data, flat_view))
print("Flatten shares memory:", np.shares_memory(data, flat_copy))
# ANCHOR_END: cell
