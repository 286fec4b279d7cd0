"""The Iris sigmoid neuron trained to convergence with NumPy, vectorized as in
the lecture: one gradient is one expression over the whole design matrix.

Usage: python3 iris_neuron.py IRIS.csv
Prints one JSON object: iterations, theta, training seconds, peak RSS.
"""
import json
import sys
import time

import numpy as np

from peak_rss import peak_rss_kb


def neuron(X, theta):
    """Sigmoid of X theta, row by row."""
    return 1 / (1 + np.exp(-X.dot(theta)))


def gradient(theta, X, y):
    """Mean over the rows of (y - neuron) times the row: the ascent direction."""
    return np.mean((y - neuron(X, theta)) * X.T, axis=1)


def train(X, y, step_size=1e-1, threshold=5e-5):
    """Gradient steps from theta = ones until a step is shorter than threshold."""
    iterations, theta, theta_prev = 0, np.ones(X.shape[1]), 0
    while np.linalg.norm(theta - theta_prev) > threshold:
        theta_prev = theta
        theta = theta_prev + step_size * gradient(theta_prev, X, y)
        iterations += 1
    return iterations, theta


def main(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    X = np.column_stack([data[:, 0], data[:, 1], np.ones(len(data))])
    y = data[:, 2]
    start = time.perf_counter()
    iterations, theta = train(X, y)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "implementation": "NumPy",
        "iterations": iterations,
        "theta": [float(t) for t in theta],
        "seconds": seconds,
        "maxrss_kb": peak_rss_kb(),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
