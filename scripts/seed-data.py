"""Writes the data the seed lecture's figures are drawn from as JSON: Iris's
sepal columns and species, the neuron's parameters after the seed's gradient
ascent, and the loss and score over 100 steps of the seed's two-layer network.
Usage: python3 scripts/seed-data.py OUT.json"""
import json
import sys

import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X = np.c_[iris.data[:, :2], np.ones(150)]
y = (iris.target != 0).astype(float)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# Gradient ascent on the log-likelihood, as in the seed, until the step is tiny.
theta, previous = np.ones(3), np.zeros(3)
while np.linalg.norm(theta - previous) > 5e-5:
    previous = theta
    theta = previous + 0.1 * np.mean((y - sigmoid(X @ previous)) * X.T, axis=1)

# The seed's two-layer network on one example, 100 steps of gradient descent.
W = np.array([[1.0, -1.0, 3.0], [2.0, 2.0, -1.0]])
V = np.array([[0.1], [0.5], [-0.1]])
x = np.array([[5.0, 3.0]])
loss, score = [], []
for _ in range(100):
    h = sigmoid(x @ W)
    out = sigmoid(h @ V)
    delta = out * (1 - out) * (-1 / out)
    grad_V = h.T @ delta
    grad_W = x.T @ (h * (1 - h) * (delta @ V.T))
    loss.append(float(-np.log(out).item()))
    score.append(float(out.item()))
    W -= 0.1 * grad_W
    V -= 0.1 * grad_V

json.dump({"length": iris.data[:, 0].tolist(), "width": iris.data[:, 1].tolist(),
           "species": iris.target.tolist(), "theta": theta.tolist(), "loss": loss, "score": score},
          open(sys.argv[1], "w"))
