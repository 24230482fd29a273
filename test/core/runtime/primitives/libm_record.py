"""Shared by the libm recorders (record_libm*.py): IEEE bits, random doubles, the command line.

    python3 record_X.py                      # rewrite fixtures/<its fixture>
    python3 record_X.py --seed 7 --n 200 --stdout
"""
import json, math, os, platform, struct, sys


def bits(x):
    """the IEEE bits of a double as 16 hex digits"""
    return struct.pack('>d', x).hex()


def anyfloat(rng, lo=-1022, hi=1023):
    """a positive double with a random exponent in [lo, hi] and random mantissa"""
    return math.ldexp(1 + rng.getrandbits(52) / 2 ** 52, rng.randint(lo, hi))


def main(record, fixture, seed, n, libc=False):
    """parse --seed/--n/--stdout, run record(seed, n) and write its table (with the Python version
    and C library when libc is set)"""
    argv = sys.argv[1:]
    if '--seed' in argv:
        seed = int(argv[argv.index('--seed') + 1])
    if '--n' in argv:
        n = int(argv[argv.index('--n') + 1])
    t = {'seed': seed, 'table': record(seed, n)}
    if libc:
        t = {'python': sys.version.split()[0], 'libc': ' '.join(platform.libc_ver()) + ' ' + platform.machine(), **t}
    text = json.dumps(t, separators=(',', ':')) + '\n'
    if '--stdout' in argv:
        sys.stdout.write(text)
    else:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures', fixture), 'w') as f:
            f.write(text)
