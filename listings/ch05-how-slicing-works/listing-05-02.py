import numpy as np

# ANCHOR: main
x = np.arange(10)
print("x[2:8:-2] ", x[2:8:-2])
print("x[8:2:-2] ", x[8:2:-2])
print("x[7::-1]  ", x[7::-1])
print("x[:7:-1]  ", x[:7:-1])
print("x[::-3]   ", x[::-3])
print("x[-100:100]", x[-100:100])
# ANCHOR_END: main
