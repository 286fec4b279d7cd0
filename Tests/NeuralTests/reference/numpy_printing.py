"""How NumPy prints 2-D float arrays with its default print options.

Prints one Swift test case per array, `(Matrix, "expected")`, pasted into
MatrixDescriptionTests.
"""
import math

import numpy as np

W_grad = [[-3.4205777663140535e-06, -0.20134143245267552, 1.2583868073885514e-06],
          [-2.0523466597884324e-06, -0.12080485947160532, 7.5503208443313082e-07]]
V_grad = [[-0.40961515701529694], [-0.2994576758418791], [-0.40961948149601013]]
wide = [[math.sin(k) * 10 ** (k % 3) for k in range(1, 15)]]
large = [[(i * 10 + j) / 8 for j in range(12)] for i in range(200)]

cases = [
    W_grad, V_grad,
    [[1.0, 2.0]],
    [[0.5, -1.25], [3.0, 100.0]],
    [[-1.0, -2.5], [-0.125, -3.0]],
    [[0.1]],
    [[0.0]],
    [[0.0, 0.0], [0.0, 0.0]],
    [[1 / 3, 2 / 7], [1000 / 7, 1.5]],
    [[1e-5, 1.0]],
    [[123456789.0, 1.0]],
    [[1.5e300, -2.5e-300]],
    [[1234.5, 2.0]],
    [[0.001953125]],
    [[-0.0, 1.0]],
    [[math.nan, 1.5], [math.inf, -math.inf]],
    wide,
    large,
]


def swift_double(v):
    if math.isnan(v):
        return ".nan"
    if math.isinf(v):
        return ".infinity" if v > 0 else "-.infinity"
    return repr(float(v))


for rows in cases:
    a = np.array(rows, dtype=float)
    elements = ", ".join(swift_double(v) for v in a.ravel())
    if a.size > 40:
        # long regular arrays are written as a formula in the test
        elements = "…"
    expected = str(a).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    print(f'(Matrix(rows: {a.shape[0]}, columns: {a.shape[1]}, elements: [{elements}]), "{expected}"),')
