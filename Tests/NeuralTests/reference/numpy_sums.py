"""Sums and means of the Iris measurements as NumPy computes them, to 17
significant digits, for the summation-order tests in MatrixReductionTests.

NumPy adds a contiguous run pairwise and the columns of a C-contiguous
matrix row after row; `sequential` shows that the order matters here.
"""
import numpy as np
from sklearn.datasets import load_iris

X = np.ascontiguousarray(load_iris().data)
first = np.ascontiguousarray(X[:, :1])   # the 150x1 column of sepal lengths
tenth = X / 10


def show(name, values):
    print(f"{name}: {[f'{v:.17g}' for v in np.ravel(values)]}")


def sequential(values):
    total = 0.0
    for v in np.ravel(values):
        total += v
    return total


show("X.sum()", X.sum())
show("(X / 10).sum()", tenth.sum())
show("sequential (X / 10).sum()", sequential(tenth))
show("X.mean(axis=0)", X.mean(axis=0))
show("(X / 10).sum(axis=0)", tenth.sum(axis=0))
show("(X / 10)[:, :1].sum(axis=0)", np.ascontiguousarray(tenth[:, :1]).sum(axis=0))
show("sequential (X / 10)[:, 0]", sequential(tenth[:, 0]))
show("(X / 10).T.copy().sum(axis=1)", np.ascontiguousarray(tenth.T).sum(axis=1))
show("X.mean(axis=1)[:3]", X.mean(axis=1)[:3])
