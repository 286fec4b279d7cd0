"""Independent computations for ClassificationTests: softmax and the
categorical cross-entropy with NumPy, the reproducible shuffle and split
transcribed in Python over the reference generator of seeded_generator.py,
and three epochs of mini-batch gradient descent on a small network written
out with NumPy matrices.

Run from this folder: python3 classification.py
"""
import contextlib
import io

import numpy as np
from sklearn.datasets import load_iris

with contextlib.redirect_stdout(io.StringIO()):  # it prints its own values
    from seeded_generator import MASK, Xoshiro256StarStar


def show(name, values):
    print(f"{name}: [{', '.join(f'{v:.17g}' for v in np.ravel(values))}]")


# Softmax and the categorical cross-entropy.
Z = np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 5.0], [1000.0, 0.0, -1000.0], [0.5, 0.5, 0.5]])
c = np.array([2, 0, 1, 1])
m = Z.max(axis=1, keepdims=True)
log_P = Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
P = np.exp(Z - m) / np.exp(Z - m).sum(axis=1, keepdims=True)
Y = np.eye(3)[c]
show("softmax", P)
show("log softmax", log_P)
show("loss", -log_P[np.arange(4), c].mean())
show("gradient", (P - Y) / 4)


# Lemire's bounded integers and the Fisher-Yates shuffle.
def uniform_below(g, n):
    product = g.next() * n
    if product & MASK < n:
        threshold = ((1 << 64) - n) % n
        while product & MASK < threshold:
            product = g.next() * n
    return product >> 64


def shuffled(values, g):
    values = list(values)
    for i in range(len(values) - 1, 0, -1):
        j = uniform_below(g, i + 1)
        values[i], values[j] = values[j], values[i]
    return values


g = Xoshiro256StarStar(7)
print("uniform below 10, seed 7:", [uniform_below(g, 10) for _ in range(12)])
g = Xoshiro256StarStar(7)
print("uniform below 2**63 + 1, seed 7:", [uniform_below(g, 2**63 + 1) for _ in range(3)])
g = Xoshiro256StarStar(2022)
print("shuffle of 0..<20, seed 2022:", shuffled(range(20), g))
g = Xoshiro256StarStar(2022)
order = shuffled(range(150), g)
print("split of 150, 30 test, seed 2022: test", order[:30])
print("  first 10 training:", order[30:40])


# Mini-batch gradient descent: 12 flowers (4 of each species), petal length
# and width, a network 2 -> 4 (sigmoid) -> 3 (scores), batches of 5, 5 and 2
# in an order shuffled anew each epoch by the generator seeded with 11.
iris = load_iris()
rows = [0, 1, 2, 3, 50, 51, 52, 53, 100, 101, 102, 103]
X = iris.data[rows][:, 2:4]
classes = iris.target[rows]
W1 = np.array([[0.5, -0.3, 0.8, 0.1], [-0.6, 0.9, 0.2, -0.4]])
b1 = np.array([[0.1, 0.0, -0.2, 0.3]])
W2 = np.array([[0.7, -0.5, 0.2], [-0.3, 0.6, 0.1], [0.4, 0.2, -0.8], [0.0, -0.1, 0.5]])
b2 = np.array([[0.0, 0.1, -0.1]])
eta = 0.5
g = Xoshiro256StarStar(11)
for epoch in range(3):
    order = shuffled(range(12), g)
    total = 0.0
    for start in range(0, 12, 5):
        batch = order[start:start + 5]
        x, cb = X[batch], classes[batch]
        h = 1 / (1 + np.exp(-(x @ W1 + b1)))
        z = h @ W2 + b2
        zm = z - z.max(axis=1, keepdims=True)
        logp = zm - np.log(np.exp(zm).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(batch)), cb].mean()
        G = (np.exp(logp) - np.eye(3)[cb]) / len(batch)
        dW2, db2 = h.T @ G, G.sum(axis=0, keepdims=True)
        D = (G @ W2.T) * h * (1 - h)
        dW1, db1 = x.T @ D, D.sum(axis=0, keepdims=True)
        W1, b1, W2, b2 = W1 - eta * dW1, b1 - eta * db1, W2 - eta * dW2, b2 - eta * db2
        total += loss * len(batch)
    print(f"epoch {epoch}: order {order}, mean batch loss {total / 12:.17g}")
show("W1", W1)
show("b1", b1)
show("W2", W2)
show("b2", b2)
