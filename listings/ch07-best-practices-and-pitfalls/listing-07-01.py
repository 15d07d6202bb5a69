import numpy as np

# ANCHOR: cell
data = np.arange(12).reshape(3, 4)
view = data[1:, :3]  # `view` looks into `data`...

data[1, 0] = 999     # ...so changing `data` changes what `view` shows

print(view)
# ANCHOR_END: cell
