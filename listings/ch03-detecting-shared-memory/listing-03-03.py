import numpy as np

# ANCHOR: main
x = np.arange(80).reshape(4, 20)
a = x[:, ::7]   # columns 0, 7, 14
b = x[:, 3::3]  # columns 3, 6, 9, ..., 18

# Bounds only: do the two byte ranges overlap?
print("may_share_memory:", np.may_share_memory(a, b))
# Exact: is there one element both can reach?
print("shares_memory:   ", np.shares_memory(a, b))
# The exact search, stopped after one step.
try:
    print("max_work=1:      ", np.shares_memory(a, b, max_work=1))
except np.exceptions.TooHardError as e:
    print("max_work=1:      ", e)
# ANCHOR_END: main
