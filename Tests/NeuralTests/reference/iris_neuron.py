"""The seed lecture's sigmoid neuron on Iris, trained by its vectorized NumPy
algorithm: sepal length and width plus a column of ones, setosa = 0 against
the rest = 1, step size 0.1, threshold 5e-5, theta starting at ones.

The only change to the seed is the counter: an integer, where the seed keeps
it in an array. pandas is not needed: X_train is built with np.c_.

Prints the iteration count and theta (17 significant digits) that
IrisNeuronTests compares with, and the last two steps' lengths against the
threshold, which show how far the stopping decision is from a tie; then the
same for the algorithm with its dot product computed without fused
multiply-adds, as the library computes it.
"""
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
y_train = iris.target.copy()
y_train[y_train == 2] = 1  # setosa = 0, the rest = 1
X_train = np.c_[iris.data[:, :2], np.ones(150)]


def neuron(X, theta):
    activation_fn = lambda z: 1 / (1 + np.exp(-z))
    return activation_fn(X.dot(theta))


def unfused_neuron(X, theta):
    """neuron() with X.dot(theta) spelled out as ((x0 t0 + x1 t1) + x2 t2):
    OpenBLAS computes the dot product with a fused multiply-add, which
    rounds differently."""
    activation_fn = lambda z: 1 / (1 + np.exp(-z))
    return activation_fn((X[:, 0] * theta[0] + X[:, 1] * theta[1]) + X[:, 2] * theta[2])


def train(neuron):
    def gradient(theta, X, y):
        return np.mean((y - neuron(X, theta)) * X.T, axis=1)

    threshold = 5e-5
    step_size = 1e-1

    iteration, theta, theta_prev = 0, np.ones((3,)), 0
    step_norm = np.linalg.norm(theta - theta_prev)
    while step_norm > threshold:
        if iteration % 50000 == 0:
            print("Iteration %d." % iteration)
        theta_prev = theta
        grad = gradient(theta, X_train, y_train)
        theta = theta_prev + step_size * grad
        iteration += 1
        step_norm, previous_norm = np.linalg.norm(theta - theta_prev), step_norm

    print("iterations:", iteration)
    print("theta:", [f"{v:.17g}" for v in theta])
    print("last two steps: %.17g, %.17g (threshold 5e-5)" % (previous_norm, step_norm))


print("The seed's algorithm:")
train(neuron)
print("The same with the dot product unfused:")
train(unfused_neuron)
