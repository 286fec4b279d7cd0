"""Reference values of e^x and of the logistic function in 400-digit arithmetic (mpmath: enough
to keep the rest of e^x - 1 at x = 1e-300), for DoubleDoubleTests, which hold the tests'
double-double reference (DoubleDouble.swift) to them.

Each line is a Swift tuple (x, hi, lo, exponent): x a double and the value written as
(hi + lo)·2^exponent with 1 <= hi + lo < 2, hi the double nearest to that mantissa and lo the
double nearest to the rest: about 106 bits, whatever the size of the value (near the bottom
of the double range a plain hi + lo would lose lo).

Usage: python3 exp_values.py
"""
import mpmath as mp

mp.mp.dps = 400

ARGUMENTS = [
    0.0, 1e-300, -1e-300, 2.0**-60, -(2.0**-30), 0.125, -0.125, 0.3465735902799726, -0.3465735902799727,
    0.5, -0.5, 0.6931471805599453, 1.0, -1.0, 2.5, -3.75, 10.0, -17.25, 36.7, -40.0, 100.0, -250.5,
    511.99, -511.99, 707.9999999999999, -707.9999999999999, 708.0, -708.0, 709.0, 709.782712893384,
    -709.0, -720.5, -744.0, -745.0, -745.1332191019411,
]

def row(x, value):
    exponent = int(mp.floor(mp.log(value, 2)))
    mantissa = value / mp.mpf(2) ** exponent
    if mantissa >= 2:
        exponent, mantissa = exponent + 1, mantissa / 2
    elif mantissa < 1:
        exponent, mantissa = exponent - 1, mantissa * 2
    hi = float(mantissa)
    lo = float(mantissa - mp.mpf(hi))
    return f"({float.hex(x)}, {float.hex(hi)}, {float.hex(lo)}, {exponent}),"


def main():
    print("// e^x")
    for x in ARGUMENTS:
        print(row(x, mp.exp(mp.mpf(x))))
    print("// 1 / (1 + e^-x)")
    for x in ARGUMENTS:
        print(row(x, 1 / (1 + mp.exp(-mp.mpf(x)))))


if __name__ == "__main__":
    main()
