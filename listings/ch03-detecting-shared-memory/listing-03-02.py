import numpy as np


def describe(expression, flat, base):
    kind = "view" if np.shares_memory(flat, base) else "copy"
    print(f"{expression:<28} {kind}: {flat}")


data = np.arange(12).reshape(3, 4)
describe("data.ravel()", data.ravel(), data)
describe("data[1:, :].ravel()", data[1:, :].ravel(), data)
describe("data[:, :2].ravel()", data[:, :2].ravel(), data)
describe("data.T.ravel()", data.T.ravel(), data)

x = np.arange(10)
describe("x[::2].ravel()", x[::2].ravel(), x)
describe("x[::2].reshape(-1)", x[::2].reshape(-1), x)
