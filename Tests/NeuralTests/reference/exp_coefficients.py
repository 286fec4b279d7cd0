"""The table and polynomial of the library's exponential (Sources/Neural/Kernels/Exponential.swift).

After the reduction x = (16 m + j) ln(2)/16 + r, 0 <= j < 16, |r| <= ln(2)/32 < 0.02167,
the kernel computes

    e^x = 2^m 2^(j/16) e^r,    e^r - 1 ~ r + r^2 q(r),    q(r) = c0 + c1 r + ... + c4 r^4,

so q approximates f(r) = (e^r - 1 - r) / r^2. This script prints the table of 2^(j/16)
as pairs hi + lo of doubles (hi rounded to nearest, lo the rest rounded), and finds the q
of degree 4 that minimizes the largest relative error of e^r, max |r^2 (q(r) - f(r)) / e^r|
on [-0.02167, 0.02167], by the Remez exchange algorithm in 60-digit arithmetic (mpmath),
with c0 = 1/2 held exact; rounds the coefficients to doubles; and prints them as Swift
hexadecimal literals with the error that the rounded polynomial leaves, measured on 20,001
points (about 2^-68: far below a unit in the last place of e^r).

Usage: python3 exp_coefficients.py
"""
import mpmath as mp

mp.mp.dps = 60
A = mp.mpf("0.02167")
DEGREE = 4


def f(r):
    return (mp.exp(r) - 1 - r) / r**2


def weight(r):
    """The factor that turns an error of q into a relative error of e^r."""
    return r**2 / mp.exp(r)


def error(c, r):
    return weight(r) * (mp.polyval(c[::-1], r) - f(r))


def grid(points):
    return [x for x in (-A + 2 * A * k / (points - 1) for k in range(points)) if x != 0]


def alternating_extrema(c, xs):
    """The local extrema of the error on the grid, merged so that their signs alternate."""
    values = [error(c, x) for x in xs]
    found = []
    for k, v in enumerate(values):
        left = values[k - 1] if k > 0 else None
        right = values[k + 1] if k + 1 < len(values) else None
        if (left is None or abs(v) >= abs(left)) and (right is None or abs(v) >= abs(right)):
            if found and mp.sign(found[-1][1]) == mp.sign(v):
                if abs(v) > abs(found[-1][1]):
                    found[-1] = (xs[k], v)
            else:
                found.append((xs[k], v))
    return [x for x, _ in found]


def remez(iterations=40):
    """c0 = 1/2 and the free coefficients c1..c4 of the weighted minimax q."""
    free = DEGREE
    n = free + 1
    # Chebyshev-like nodes, shifted off r = 0 where the weight vanishes.
    nodes = [A * mp.cos(mp.pi * (n - 1 - i + mp.mpf("0.3")) / (n - 1 + mp.mpf("0.6"))) for i in range(n)]
    xs = grid(6001)
    c = None
    for _ in range(iterations):
        matrix, rhs = mp.matrix(n, n), mp.matrix(n, 1)
        for i, x in enumerate(nodes):
            w = weight(x)
            for j in range(free):
                matrix[i, j] = w * x ** (j + 1)
            matrix[i, free] = (-1) ** i
            rhs[i] = w * (f(x) - mp.mpf(1) / 2)
        solution = mp.lu_solve(matrix, rhs)
        c = [mp.mpf(1) / 2] + [solution[j] for j in range(free)]
        extrema = alternating_extrema(c, xs)
        while len(extrema) > n:
            drop = 0 if abs(error(c, extrema[0])) < abs(error(c, extrema[-1])) else -1
            extrema.pop(drop)
        if len(extrema) < n:
            break
        nodes = extrema
    return c


def table():
    """2^(j/16) for j = 0..15 as (hi, lo): hi the nearest double, lo the nearest to the rest."""
    pairs = []
    for j in range(16):
        exact = mp.mpf(2) ** (mp.mpf(j) / 16)
        hi = float(exact)
        pairs.append((hi, float(exact - mp.mpf(hi))))
    return pairs


def main():
    pairs = table()
    print("// 2^(j/16), j = 0..15, as hi + lo")
    print("hi: " + ", ".join(float.hex(hi) for hi, _ in pairs))
    print("lo: " + ", ".join(float.hex(lo) for _, lo in pairs))
    rounded = [float(v) for v in remez()]
    worst = max(abs(error([mp.mpf(v) for v in rounded], x)) for x in grid(20001))
    print(f"// largest relative error of e^r with these coefficients: {mp.nstr(worst, 3)}"
          f" = 2^{mp.nstr(mp.log(worst, 2), 4)}")
    for j, v in enumerate(rounded):
        print(f"c{j}: {float.hex(v)}")


if __name__ == "__main__":
    main()
