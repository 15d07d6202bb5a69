import time

import numpy as np

big = np.arange(10_000_000).reshape(1000, 10_000)

start = time.time()
x = big[::2, ::2]      # view
elapsed_view = time.time() - start

start = time.time()
y = big[::2, ::2].copy()  # copy
elapsed_copy = time.time() - start

print(f"View creation time: {elapsed_view:.6f} s")
print(f"Copy creation time: {elapsed_copy:.6f} s")

# Not in the NumPy section: what each one holds (the Rust listing prints it too).
print(f"View: shape {x.shape}, owns data: {x.flags.owndata}")
print(f"Copy: shape {y.shape}, owns data: {y.flags.owndata}, bytes: {y.nbytes}")
