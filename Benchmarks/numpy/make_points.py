"""Writes the two-layer benchmark's inputs: points, labels and initial weights.

Points are uniform in [-1, 1]^2; a point is labelled 1 inside the circle of
radius sqrt(1/2) about the origin, else 0, so the classes are balanced and not
linearly separable. Weights are standard normal scaled by 1/sqrt(fan-in);
biases start at zero. Everything comes from one seeded NumPy generator, so the
file is the same on every run.

Usage: python3 make_points.py OUT.f64 [POINTS] [HIDDEN]
The file is little-endian float64: count, inputs, hidden; then x (count x
inputs, row-major), labels (count), W1 (inputs x hidden, row-major), b1
(hidden), W2 (hidden), b2 (1).
"""
import sys

import numpy as np

SEED = 20220311


def main(path, count=10_000, hidden=64, inputs=2):
    rng = np.random.default_rng(SEED)
    x = rng.uniform(-1.0, 1.0, size=(count, inputs))
    labels = (np.sum(x * x, axis=1) < 0.5).astype(np.float64)
    w1 = rng.standard_normal((inputs, hidden)) / np.sqrt(inputs)
    w2 = rng.standard_normal(hidden) / np.sqrt(hidden)
    parts = [np.array([count, inputs, hidden], dtype=np.float64), x.ravel(), labels,
             w1.ravel(), np.zeros(hidden), w2, np.zeros(1)]
    np.concatenate(parts).astype("<f8").tofile(path)


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:]))
