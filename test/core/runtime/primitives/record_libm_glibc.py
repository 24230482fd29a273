#!/usr/bin/env python3
"""Record CPython 3.11's sinh, cosh, tanh, asinh, acosh, atanh, expm1, log1p, exp, cbrt and
exp2 for the libm_glibc tests.

    python3 record_libm_glibc.py              # rewrite fixtures/libm_glibc.json
    python3 record_libm_glibc.py --seed 7 --n 200 --stdout

For each function, random arguments (IEEE bits as 16 hex digits) with CPython's result (the C
library's, through the math module). Arguments whose result overflows (OverflowError) are left
out. Arguments cover small and tiny values, the ranges where the C library switches formulas,
large values and the neighbourhood of overflow (and of underflow for exp and exp2). The file
names the C library (the tests expect glibc 2.36 on x86_64, whose exp, expm1 and log1p are its
FMA builds on CPUs with FMA).
"""
import math, random, sys
from libm_record import anyfloat, bits, main

assert sys.version_info[:2] == (3, 11), sys.version






def sign(rng):
    return rng.choice((-1, 1))


def arg(name, rng, k):
    """the k-th kind of argument (k in 0..7) for name"""
    if name in ('sinh', 'cosh'):
        return [rng.uniform(-1, 1), rng.uniform(-22, 22), rng.uniform(-0.35, 0.35),
                anyfloat(rng, -60, -1) * sign(rng), rng.uniform(-710.5, 710.5),
                rng.uniform(21, 23) * sign(rng), rng.uniform(709, 710.48) * sign(rng),
                rng.uniform(-5, 5)][k]
    if name == 'tanh':
        return [rng.uniform(-1, 1), rng.uniform(-22, 22), rng.uniform(-3, 3),
                anyfloat(rng, -60, -1) * sign(rng), rng.uniform(0.9, 1.1) * sign(rng),
                rng.uniform(-8, 8), rng.uniform(15, 25) * sign(rng), anyfloat(rng, -1022, 6) * sign(rng)][k]
    if name == 'asinh':
        return [rng.uniform(-2, 2), rng.uniform(-1, 1), rng.uniform(2, 100) * sign(rng),
                anyfloat(rng, -60, -1) * sign(rng), anyfloat(rng, 1, 28) * sign(rng),
                anyfloat(rng, 28, 1023) * sign(rng), rng.uniform(1.9, 2.1) * sign(rng),
                anyfloat(rng, -1022, 1023) * sign(rng)][k]
    if name == 'acosh':
        return [rng.uniform(1, 2), 1 + anyfloat(rng, -52, -1), rng.uniform(2, 100),
                anyfloat(rng, 1, 28), anyfloat(rng, 28, 1023), rng.uniform(1.9, 2.1),
                rng.uniform(1, 10), anyfloat(rng, 0, 1023)][k]
    if name == 'atanh':
        return [rng.uniform(-1, 1), rng.uniform(-0.5, 0.5), (1 - anyfloat(rng, -53, -2)) * sign(rng),
                anyfloat(rng, -60, -1) * sign(rng), rng.uniform(0.45, 0.55) * sign(rng),
                rng.uniform(-0.1, 0.1), rng.uniform(0.9, 1) * sign(rng), anyfloat(rng, -1022, -1) * sign(rng)][k]
    if name == 'expm1':
        return [rng.uniform(-1, 1), rng.uniform(-0.35, 0.35), rng.uniform(-40, 40),
                anyfloat(rng, -60, -1) * sign(rng), rng.uniform(-1.1, 1.1), rng.uniform(1, 709.78),
                rng.uniform(-3, 3), rng.uniform(10, 45) * sign(rng)][k]
    if name == 'log1p':
        return [rng.uniform(-0.3, 0.42), rng.uniform(-1, 1), rng.uniform(-1, 10),
                anyfloat(rng, -60, -1) * sign(rng), anyfloat(rng, -1, 1023), rng.uniform(0.4, 0.45),
                rng.uniform(-0.999, 3), anyfloat(rng, 40, 60)][k]
    if name == 'exp':
        return [rng.uniform(-1, 1), rng.uniform(-20, 20), rng.uniform(-745.2, 709.78),
                anyfloat(rng, -60, -1) * sign(rng), rng.uniform(-745.2, -700), rng.uniform(500, 709.78),
                rng.uniform(-0.01, 0.01), rng.uniform(-512, 512)][k]
    if name == 'cbrt':
        return [rng.uniform(-10, 10), anyfloat(rng) * sign(rng), rng.uniform(0.5, 8),
                anyfloat(rng, -60, 60) * sign(rng), float(rng.randint(-10 ** 4, 10 ** 4)),
                float(rng.randint(-2000, 2000) ** 3), math.ldexp(rng.getrandbits(52) or 1, -1074) * sign(rng),
                rng.uniform(-1e6, 1e6)][k]
    if name == 'exp2':
        return [rng.uniform(-1, 1), rng.uniform(-30, 30), rng.uniform(-1075, 1024),
                anyfloat(rng, -60, -1) * sign(rng), rng.uniform(-1075, -1020), rng.uniform(900, 1024),
                rng.uniform(-1e-2, 1e-2), rng.randint(-1080, 1030) + rng.choice((0, 0.5, 0.25, 1 / 128))][k]
    raise KeyError(name)


FUNCS = {
    'sinh': math.sinh, 'cosh': math.cosh, 'tanh': math.tanh, 'asinh': math.asinh,
    'acosh': math.acosh, 'atanh': math.atanh, 'expm1': math.expm1, 'log1p': math.log1p,
    'exp': math.exp, 'cbrt': math.cbrt, 'exp2': math.exp2,
}


def record(seed, n):
    rng = random.Random(seed)
    table = {}
    for name, f in FUNCS.items():
        rows = []
        for i in range(n):
            x = arg(name, rng, i % 8)
            try:
                y = f(x)
            except OverflowError:
                continue
            rows.append([bits(x), bits(y)])
        table[name] = rows
    return table


if __name__ == '__main__':
    main(record, 'libm_glibc.json', 2026, 2000, libc=True)
