#!/usr/bin/env python3
"""Record CPython 3.11's math results, and the correctly rounded ones, for the libm tests.

    python3 record_libm.py              # rewrite fixtures/libm.json
    python3 record_libm.py --seed 7 --n 200 --stdout

For each function, random arguments (IEEE bits as 16 hex digits) with CPython's result (the C
library's, through the math module or float.__pow__) and the correctly rounded result, computed
with mpmath at 300 bits and rounded once to a double (through an exact Fraction, so subnormal
results round on their own grid). Needs mpmath.
"""
import math, random, sys
from fractions import Fraction

import mpmath
from libm_record import anyfloat, bits, main

assert sys.version_info[:2] == (3, 11), sys.version
mpmath.mp.prec = 300




def rounded(y):
    """the double nearest to the mpf y (ties to even), or inf"""
    if mpmath.isinf(y):
        return math.inf if y > 0 else -math.inf
    if y == 0:
        return 0.0
    sign, man, exp, _ = y._mpf_
    q = Fraction(int(man)) * (Fraction(2) ** int(exp)) * (-1 if sign else 1)
    try:
        return float(q)
    except OverflowError:
        return math.inf if q > 0 else -math.inf


M = mpmath.mpf
FUNCS = {
    # name: (CPython, exact, argument generator)
    'exp': (math.exp, lambda x: mpmath.exp(M(x))),
    'log': (math.log, lambda x: mpmath.log(M(x))),
    'log2': (math.log2, lambda x: mpmath.log(M(x), 2)),
    'log10': (math.log10, lambda x: mpmath.log10(M(x))),
    'pow': (lambda x, y: x ** y, lambda x, y: mpmath.power(M(x), M(y))),
    'sin': (math.sin, lambda x: mpmath.sin(M(x))),
    'cos': (math.cos, lambda x: mpmath.cos(M(x))),
    'tan': (math.tan, lambda x: mpmath.tan(M(x))),
    'atan': (math.atan, lambda x: mpmath.atan(M(x))),
    'asin': (math.asin, lambda x: mpmath.asin(M(x))),
    'acos': (math.acos, lambda x: mpmath.acos(M(x))),
    'atan2': (math.atan2, lambda y, x: mpmath.atan2(M(y), M(x))),
}




def args(name, rng, n):
    out = []
    for i in range(n):
        k = i % 4
        if name == 'exp':
            x = [rng.uniform(-745, 709.7), rng.uniform(-1, 1), rng.uniform(-20, 20), anyfloat(rng, -60, -1) * rng.choice((-1, 1))][k]
            out.append((x,))
        elif name in ('log', 'log2', 'log10'):
            x = [anyfloat(rng), rng.uniform(0.5, 2), 1 + rng.uniform(-1e-6, 1e-6), math.ldexp(rng.getrandbits(52) or 1, -1074)][k]
            out.append((x,))
        elif name == 'pow':
            x = [math.exp(rng.uniform(-5, 5)), rng.uniform(0, 10), 1 + rng.uniform(-1e-3, 1e-3), rng.uniform(1, 1000)][k]
            y = [rng.uniform(-20, 20), rng.uniform(-3, 3), rng.uniform(-1e4, 1e4), rng.uniform(-100, 100)][k]
            if y == int(y):
                y += 0.5
            try:
                r = x ** y
            except OverflowError:
                continue
            out.append((x, y))
        elif name in ('sin', 'cos', 'tan'):
            big = rng.uniform(-1e5, 1e5) if i % 8 == 1 else anyfloat(rng, 20, 1023) * rng.choice((-1, 1))
            x = [rng.uniform(-10, 10), big, rng.uniform(-1, 1), anyfloat(rng, -40, 19) * rng.choice((-1, 1))][k]
            out.append((x,))
        elif name == 'atan':
            x = anyfloat(rng, -60, 60) * rng.choice((-1, 1)) if k < 2 else rng.uniform(-3, 3)
            out.append((x,))
        elif name in ('asin', 'acos'):
            x = [rng.uniform(-1, 1), rng.uniform(-1, 1), 1 - anyfloat(rng, -50, -2), anyfloat(rng, -60, -1)][k] * rng.choice((-1, 1))
            out.append((x,))
        elif name == 'atan2':
            y = rng.uniform(-10, 10) if k < 2 else anyfloat(rng, -30, 30) * rng.choice((-1, 1))
            x = rng.uniform(-10, 10) if k != 1 else anyfloat(rng, -30, 30) * rng.choice((-1, 1))
            out.append((y, x))
    return out


def record(seed, n):
    rng = random.Random(seed)
    table = {}
    for name, (cp, ex) in FUNCS.items():
        rows = []
        for a in args(name, rng, n):
            r = cp(*a)
            rows.append([*map(bits, a), bits(r), bits(rounded(ex(*a)))])
        table[name] = rows
    return table


if __name__ == '__main__':
    main(record, 'libm.json', 2024, 2000)
