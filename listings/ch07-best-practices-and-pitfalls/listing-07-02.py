import numpy as np

# ANCHOR: cell
data = np.arange(12).reshape(3, 4)

# Keep what you need as a copy: it does not change with `data`.
snapshot = data[1:, :3].copy()
print("isolated:", not np.shares_memory(data, snapshot))

data[1, 0] = 999

print("snapshot:\n", snapshot, sep="")
print("data:\n", data, sep="")
# ANCHOR_END: cell
