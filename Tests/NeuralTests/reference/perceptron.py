"""Rosenblatt's perceptron rule on the seed's binary Iris problem (setosa
against the rest, sepal length and width and a constant 1), from theta = 0
with step 1, one example at a time in the order of the data, until an epoch
makes no mistake. Prints what PerceptronRuleTests compares with.

The weighted sum is added term by term in the order of the features, as
PerceptronRule does, so that every prediction is the same to the last bit.
"""
import numpy as np
from sklearn.datasets import load_iris

iris = load_iris()
X = np.c_[iris.data[:, :2], np.ones(150)]
y = (iris.target != 0).astype(float)

theta = np.zeros(3)
mistakes = []
while not mistakes or mistakes[-1] != 0:
    count = 0
    for i in range(150):
        z = 0.0
        for j in range(3):
            z += X[i, j] * theta[j]
        error = y[i] - (1.0 if z > 0 else 0.0)
        if error != 0:
            count += 1
            for j in range(3):
                theta[j] += 1.0 * error * X[i, j]
    mistakes.append(count)

print("epochs:", len(mistakes))
print("updates:", sum(mistakes))
print("mistakes in the first 5 epochs:", mistakes[:5])
print("theta:", [f"{v:.17g}" for v in theta])
print("training accuracy:", np.mean((X @ theta > 0) == (y == 1)))
