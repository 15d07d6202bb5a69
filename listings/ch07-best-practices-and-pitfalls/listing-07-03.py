import numpy as np


# ANCHOR: functions
def total(v):
    return v.sum()


def zero_diagonal(v):          # nothing in the signature says it writes
    n = min(v.shape)
    for i in range(n):
        v[i, i] = 0
# ANCHOR_END: functions


# ANCHOR: main
data = np.arange(16).reshape(4, 4)

print("sum of the centre:", total(data[1:3, 1:3]))

zero_diagonal(data[1:3, 1:3])  # changes `data`, silently
print(data)
# ANCHOR_END: main
