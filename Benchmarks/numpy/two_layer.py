"""A two-layer sigmoid network trained by full-batch gradient descent on the
mean binary cross-entropy, with NumPy, layer by layer as in the lecture.

Usage: python3 two_layer.py POINTS.f64 STEPS LEARNING_RATE
Prints one JSON object: final loss, training seconds, peak RSS.
"""
import json
import sys
import time

import numpy as np

from peak_rss import peak_rss_kb


def sigmoid(z):
    """The seed lecture's 1/(1+e^-z)."""
    return 1 / (1 + np.exp(-z))


def load(path):
    """Reads the file written by make_points.py."""
    raw = np.fromfile(path, dtype="<f8")
    count, inputs, hidden = (int(v) for v in raw[:3])
    sizes = [count * inputs, count, inputs * hidden, hidden, hidden, 1]
    parts = np.split(raw[3:], np.cumsum(sizes)[:-1])
    x, labels, w1, b1, w2, b2 = parts
    return (x.reshape(count, inputs), labels.reshape(count, 1),
            w1.reshape(inputs, hidden), b1, w2.reshape(hidden, 1), b2)


def loss(p, y):
    """Mean binary cross-entropy of probabilities p against labels y in {0, 1}."""
    return np.mean(np.where(y > 0, -y * np.log(p), 0) + np.where(y < 1, -(1 - y) * np.log(1 - p), 0))


def loss_gradient(p, y):
    """d loss / d p, entry by entry."""
    return (np.where(y > 0, -y / p, 0) + np.where(y < 1, (1 - y) / (1 - p), 0)) / p.size


def train(x, y, w1, b1, w2, b2, steps, rate):
    """Full-batch gradient descent, backpropagating layer by layer through
    sigmoid'(z) = s(1 - s); returns the loss after the last step."""
    for _ in range(steps):
        h = sigmoid(x @ w1 + b1)
        p = sigmoid(h @ w2 + b2)
        delta2 = loss_gradient(p, y) * (p * (1 - p))
        grad_w2, grad_b2 = h.T @ delta2, delta2.sum(axis=0)
        delta1 = (delta2 @ w2.T) * (h * (1 - h))
        grad_w1, grad_b1 = x.T @ delta1, delta1.sum(axis=0)
        w2 -= rate * grad_w2
        b2 -= rate * grad_b2
        w1 -= rate * grad_w1
        b1 -= rate * grad_b1
    return loss(sigmoid(sigmoid(x @ w1 + b1) @ w2 + b2), y)


def main(path, steps, rate):
    x, y, w1, b1, w2, b2 = load(path)
    start = time.perf_counter()
    final = train(x, y, w1, b1, w2, b2, int(steps), float(rate))
    seconds = time.perf_counter() - start
    print(json.dumps({
        "implementation": "NumPy",
        "loss": float(final),
        "seconds": seconds,
        "maxrss_kb": peak_rss_kb(),
    }))


if __name__ == "__main__":
    main(*sys.argv[1:])
