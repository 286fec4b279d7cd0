"""The seed lecture's backpropagation example, recomputed with NumPy at full
precision: a two-layer sigmoid network without bias, x = [5, 3], label 1.

Prints the values BackpropagationTests compares with (17 significant digits).
"""
import numpy as np

sigmoid = lambda z: 1.0 / (1.0 + np.exp(-z))

x = np.array([[5.0, 3.0]])
W = np.array([[1.0, -1.0, 3.0], [2.0, 2.0, -1.0]])
V = np.array([[0.1], [0.5], [-0.1]])

h = sigmoid(np.matmul(x, W))
y = sigmoid(np.matmul(h, V))
J = -np.log(y)
dJ = -1 / y

delta2 = y * (1 - y) * dJ
V_grad = np.matmul(h.T, delta2)
dJdh = np.matmul(delta2, V.T)
delta1 = h * (1 - h) * dJdh
W_grad = np.matmul(x.T, delta1)
dJdx = np.matmul(delta1, W.T)

for name, value in [("h", h), ("y", y), ("J", J), ("dJ/dy", dJ), ("dJ/dh", dJdh),
                    ("W grad", W_grad), ("V grad", V_grad), ("dJ/dx", dJdx)]:
    print(f"{name}: {[f'{v:.17g}' for v in value.ravel()]}")

# As the seed prints them, with NumPy's default print options.
print(f"W grad:\n{W_grad}\nV grad:\n{V_grad}")
