#!/usr/bin/env python3
"""Record CPython 3.11's sin and cos for the libm_glibc_sin tests.

    python3 record_libm_glibc_sin.py              # rewrite fixtures/libm_glibc_sin.json
    python3 record_libm_glibc_sin.py --seed 7 --n 200 --stdout

For each function, random arguments (IEEE bits as 16 hex digits) with CPython's result (the C
library's, through the math module), both signs: tiny (|x| < 2**-26) and small (|x| < 1e-3)
values, |x| < pi/4, the range glibc reduces by pi/2 from a table (|x| < 2.43), |x| < 10, |x| <
1e5, up to glibc's switch to its 1800-bit reduction (105414350), |x| < 1e22, any exponent up to
1e308, and neighbours of multiples of pi/2 (where the reduced argument is small). The file names
the C library (the tests expect glibc 2.36 on x86_64, whose sin and cos are their FMA builds on
CPUs with FMA).
"""
import math, random, sys
from libm_record import anyfloat, bits, main

assert sys.version_info[:2] == (3, 11), sys.version






def arg(rng, k):
    """the k-th kind of argument (k in 0..11)"""
    s = rng.choice((-1, 1))
    if k == 0:
        return s * anyfloat(rng, -60, -27)
    if k == 1:
        return rng.uniform(-1e-3, 1e-3)
    if k == 2:
        return rng.uniform(-math.pi / 4, math.pi / 4)
    if k == 3:
        return rng.uniform(-2.5, 2.5)
    if k == 4:
        return rng.uniform(-10, 10)
    if k == 5:
        return rng.uniform(-1e5, 1e5)
    if k == 6:
        return s * anyfloat(rng, 17, 27)  # around 105414350
    if k == 7:
        return rng.uniform(-1e22, 1e22)
    if k == 8:
        return s * anyfloat(rng, 27, 1023)
    if k == 9:
        return s * anyfloat(rng, -26, 1023)
    if k == 10:
        # a neighbour of n * pi/2
        x = rng.randint(1, 10 ** rng.randint(1, 8)) * math.pi / 2
        return s * (x + rng.randint(-3, 3) * math.ulp(x))
    return rng.uniform(-0.126, 0.126) + rng.choice((0, math.pi / 2, math.pi, 3 * math.pi / 2))


FUNCS = {'sin': math.sin, 'cos': math.cos}


def record(seed, n):
    rng = random.Random(seed)
    table = {}
    for name, f in FUNCS.items():
        rows = []
        for i in range(n):
            x = arg(rng, i % 12)
            rows.append([bits(x), bits(f(x))])
        table[name] = rows
    return table


if __name__ == '__main__':
    main(record, 'libm_glibc_sin.json', 2026, 3000, libc=True)
