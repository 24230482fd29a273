#!/usr/bin/env python3
"""Record CPython 3.11 outputs for the primitives tests.

    PYTHONHASHSEED=0 python3 record_primitives.py            # rewrite fixtures/primitives.json
    PYTHONHASHSEED=0 python3 record_primitives.py --seed 7 --stdout [--scale 2]

The test runs this script live (with a fresh seed) when python3 is 3.11.
Value encoding: int → {"i": "<decimal>"}, float → {"f": "<16 hex digits of the IEEE bits>"},
str → JSON string, bytes → {"b": "<hex>"}, tuple → {"t": [...]}, list → {"l": [...]},
dict → {"d": [[k, v], ...]}, complex → {"c": [re, im]}, frozenset → {"fs": [...]}, bool/None as JSON.
Result: {"ok": <string>} or {"err": "<ExceptionType>", "msg": "<message>"}.
"""
import json, os, random, struct, sys

assert sys.version_info[:2] == (3, 11), sys.version
assert os.environ.get('PYTHONHASHSEED') == '0', 'run with PYTHONHASHSEED=0'


def enc(v):
    if v is True or v is False or v is None:
        return v
    if isinstance(v, int):
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            return {'i': str(v)}
        finally:
            sys.set_int_max_str_digits(old)
    if isinstance(v, float):
        return {'f': struct.pack('>d', v).hex()}
    if isinstance(v, str):
        return v
    if isinstance(v, bytes):
        return {'b': v.hex()}
    if isinstance(v, tuple):
        return {'t': [enc(x) for x in v]}
    if isinstance(v, list):
        return {'l': [enc(x) for x in v]}
    if isinstance(v, dict):
        return {'d': [[enc(k), enc(x)] for k, x in v.items()]}
    if isinstance(v, complex):
        return {'c': [enc(v.real), enc(v.imag)]}
    if isinstance(v, frozenset):
        return {'fs': [enc(x) for x in v]}
    raise TypeError(type(v))


def res(f):
    try:
        r = f()
        return {'ok': r if isinstance(r, str) else str(r)}
    except Exception as e:  # noqa
        return {'err': type(e).__name__, 'msg': str(e)}


def rand_float(r):
    k = r.random()
    if k < 0.45:
        return struct.unpack('>d', r.getrandbits(64).to_bytes(8, 'big'))[0]
    if k < 0.6:
        return r.choice([0.0, -0.0, float('inf'), float('-inf'), 5e-324, -5e-324, 2.2250738585072014e-308,
                         1.7976931348623157e308, 1e16, 1e-5, 1e-4, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375,
                         1e300, 1e-300, 123456789.0, 2.0 ** 53, 2.0 ** 63, 2.0 ** 64, 9007199254740993.0,
                         0.05, 0.15, 0.25, 1234.5, 99.995, 1e22, 1e21, 9.5, 0.0001, 1e15, 1e17, 4.35, 0.045])
    if k < 0.8:
        return round(r.uniform(-1e6, 1e6), r.randint(0, 6))
    if k < 0.9:
        return float(r.randint(-10 ** 6, 10 ** 6)) * 10.0 ** r.randint(-30, 30)
    return r.uniform(-10, 10) * 10.0 ** r.randint(-320, 300)


def rand_int(r):
    k = r.random()
    if k < 0.3:
        return r.randint(-1000, 1000)
    if k < 0.5:
        return r.randint(-2 ** 53, 2 ** 53)
    if k < 0.65:
        m = 2 ** 61 - 1
        return r.choice([m, -m, m + 1, -m - 1, m - 1, 2 * m, -2 * m, m * m, -1, -2, 0, 1, 2 ** 63, -2 ** 63,
                         2 ** 64, 2 ** 53 - 1, -2 ** 53 + 1, 2 ** 53, -2 ** 53]) + r.randint(-2, 2)
    if k < 0.9:
        return r.randint(-2 ** 200, 2 ** 200)
    return r.getrandbits(r.randint(1, 1200)) * r.choice([1, -1])


def rand_str(r, maxlen=20):
    k = r.random()
    n = r.randint(0, maxlen)
    if k < 0.35:
        return ''.join(chr(r.randint(32, 126)) for _ in range(n))
    if k < 0.55:
        return ''.join(chr(r.randint(0, 255)) for _ in range(n))
    if k < 0.75:
        return ''.join(chr(r.choice([r.randint(0, 0xd7ff), r.randint(0xe000, 0xffff)])) for _ in range(n))
    if k < 0.9:
        return ''.join(chr(r.choice([r.randint(32, 126), r.randint(0x10000, 0x10ffff)])) for _ in range(n))
    return ''.join(chr(r.randint(32, 126)) for _ in range(r.randint(50, 600)))


def rand_hashable(r, depth=0):
    k = r.random()
    if k < 0.3:
        return rand_int(r)
    if k < 0.55:
        f = rand_float(r)
        return f if f == f else 0.5  # hash(nan) depends on the object's identity
    if k < 0.8:
        return rand_str(r, 8)
    if k < 0.85:
        return r.choice([True, False, None]) if False else r.choice([True, False])
    if depth < 3:
        return tuple(rand_hashable(r, depth + 1) for _ in range(r.randint(0, 5)))
    return ()


def rand_spec(r, kind):
    parts = []
    if r.random() < 0.35:
        if r.random() < 0.5:
            parts.append(r.choice(['*', '0', 'x', ' ', '\u00e9', '\U0001f600', '_', ',']))
        parts.append(r.choice('<>=^'))
    rare = 0.25 if kind == 'str' else 1.0
    if r.random() < 0.3 * rare:
        parts.append(r.choice('+- '))
    if r.random() < 0.08 * rare:
        parts.append('z')
    if r.random() < 0.2 * rare:
        parts.append('#')
    if r.random() < 0.2:
        parts.append('0')
    if r.random() < 0.5:
        parts.append(str(r.randint(0, 40)))
    if r.random() < 0.25 * rare:
        parts.append(r.choice([',', '_', ',', '_', ',_']))
    if r.random() < 0.4:
        parts.append('.' + str(r.choice([0, 1, 2, 3, 6, 10, 17, 20, 30, 60, 120])))
    if r.random() < 0.8:
        if kind == 'int':
            parts.append(r.choice('bcdoxXn' * 3 + 'eEfFgG%s'))
        elif kind == 'float':
            parts.append(r.choice('eEfFgGn%' * 3 + 'dsx'))
        else:
            parts.append(r.choice('sssssd'))
    return ''.join(parts)


PERCENT_CONV = 'sradiuoxXeEfFgGc'


def rand_percent(r):
    """A template and a matching (or not) argument tuple."""
    nconv = r.randint(1, 3)
    tmpl, args = [], []
    for _ in range(nconv):
        tmpl.append(r.choice(['', 'ab ', 'é', '\U0001f600 ']))
        conv = r.choice(PERCENT_CONV)
        spec = '%' + ''.join(r.choice('-+ #0') for _ in range(r.choice([0, 0, 1, 2])))
        if r.random() < 0.4:
            if r.random() < 0.2:
                spec += '*'
                args.append(r.randint(-12, 12))
            else:
                spec += str(r.randint(0, 15))
        if r.random() < 0.35:
            if r.random() < 0.2:
                spec += '.*'
                args.append(r.randint(-3, 12))
            else:
                spec += '.' + str(r.randint(0, 12))
        tmpl.append(spec + conv)
        if conv in 'sra':
            args.append(r.choice([rand_int(r) if r.random() < 0.3 else r.randint(-99, 99), rand_float(r),
                                  rand_str(r, 6), True, None]))
        elif conv == 'c':
            args.append(r.choice([r.randint(0, 0x10ffff), r.randint(32, 126), chr(r.randint(32, 0x2fff)),
                                  'ab', -1, 0x110000]))
        elif conv in 'diu':
            args.append(r.choice([rand_int(r), r.randint(-999, 999), rand_float(r), 'x', True]))
        elif conv in 'oxX':
            args.append(r.choice([rand_int(r), r.randint(-999, 999), 1.5, True]))
        else:
            args.append(r.choice([rand_float(r), r.randint(-999, 999), rand_int(r), 'x']))
    if r.random() < 0.1:
        tmpl.append(r.choice(['%', '%q', '%%', '%5', '%(', '%l']))
    if r.random() < 0.1:
        if args:
            args.pop()
        else:
            args.append(1)
    elif r.random() < 0.05:
        args.append(1)
    return ''.join(tmpl), tuple(args)


FLOAT_EDGE_VALUES = [0.0, -0.0, 1.0, -1.5, 1234567.891, 1e-7, 1e16, 1e100, float('inf'), float('-inf'), float('nan'),
                     0.5, 2.5, 123.456, -0.0004, 99.99999, 5e-324, 1.7976931348623157e308]
FLOAT_EDGE_SPECS = ['', 'z', 'z.0f', 'z.1e', '010', '=+12.3f', '^20,.2f', '_.3e', '#.0f', '#g', '.0%', ',', '_', '010,.2f',
                    'n', '.3n', '012n', 'x<12', '0<12.2f', '\U0001f600^9', '-', ' ', '+.2', '.2', '.17', '.100g', '#.3G',
                    'E', 'F', ',.2%', '030_.4f', '0=30,', '*^+15,.1f', '#', '#.0e', '#.3', '.0', '.0e', '-020.3g', ' =9f',
                    '.1000f', ',.15g', '\u0661\u0660', '.\u0663f', '^', '99999999999999999999', '.99999999999f']
INT_EDGE_VALUES = [0, 1, -1, 7, 255, -255, 65, 123456789, -123456789, 10 ** 30, -10 ** 30, 0x10ffff, 0x110000,
                   2 ** 63, -2 ** 63 - 1, 10 ** 400]
INT_EDGE_SPECS = ['', 'c', 'x', '#x', '#X', '#010x', '_x', '_b', '#_b', '#_o', ',d', '_d', ',', '012,', '0=12', '+', ' ',
                  '-', '^10', 'x^+#12_x', 'n', '010n', ',n', 'e', '.2f', '%', ',.2f', 'g', '#o', '#b', 'z', '.2', 's', ',x',
                  ',c', '=10', '0<10', '\U0001f600>8', '+c', '#c', '10c', '<5c', '0=+#20_X', '#012_b', 'G', '_e', '015,.3%',
                  ',_', '_,', '.', 'xx', '\x01', '\U0001f600', '\u0661\u0662']
STR_EDGE_VALUES = ['', 'a', 'abc', '\xe9t\xe9', '\U0001f600x\U0001f600', 'hello world']
STR_EDGE_SPECS = ['', 's', '5', '<5', '>5', '^6', '*^7', '.1', '.0', '5.2', '\U0001f600^7.1s', '=5', '+', ' ', '-', 'z',
                  '#', '05', '0', ',', '_s', 'd', 'x', ',s', '.2x', '0>4', '0<4', '\u0661']
PERCENT_EDGE = [
    ('%5s|', 'ab'), ('%-5s|', 'ab'), ('%.1s', 'ab'), ('%05d', -3), ('%+05d', 3), ('% d', 3), ('% 05d', 3), ('%#x', 255),
    ('%#08x', 255), ('%#-8x|', 255), ('%#08o', 8), ('%#o', 0), ('%#X', 255), ('%#08X', -255), ('%08.3f', -1.5),
    ('%-08.3f|', 1.5), ('%+.0e', 12345.0), ('%#.0f', 1.0), ('%g', 1e-5), ('%G', 1e20), ('%.3d', 7), ('%.3x', -7),
    ('%#.3X', 255), ('%#10.3x|', 255), ('%#010.3x|', 255), ('%c', '\xe9'), ('%5c', 65), ('%-3c|', 'x'), ('%05c', 'x'),
    ('%(a)s %(b)d', {'a': 1, 'b': 2}), ('%(a)s', {'a': 'x'}), ('%(a)s %s', {'a': 1}), ('%s', {'a': 1}),
    ('abc', []), ('abc', {}), ('abc', ()), ('abc', 5), ('%s', []), ('%(a', {'a': 1}), ('%(a)', {'a': 1}),
    ('%((a))s', {'(a)': 3}), ('%*.*f', (8, 2, 3.14159)), ('%-*d|', (-5, 3)), ('%*d|', (-5, 3)), ('%.*f', (-3, 1.5)),
    ('%*s', ('5', 'x')), ('%5%', (1,)), ('%l', ()), ('%ld', (5,)), ('%hd %Lf', (5, 1.5)), ('%05s', 'ab'), ('%+s', 'a'),
    ('%05f', float('nan')), ('%+f', float('nan')), ('% f', float('inf')), ('%010.3e', float('-inf')), ('%x', True),
    ('%d', 3.99), ('%d', -3.99), ('%d', float('nan')), ('%d', float('inf')), ('%c', 0x110000), ('%c', 'ab'),
    ('%c', '\U0001f600'), ('%r', "a'b"), ('%r', 'a\'"b'), ('%a', '\xe9\U0001f600'), ('%s %s', (1,)), ('%s', (1, 2)),
    ('%', ()), ('%s%', (1,)), ('%-', (1,)), ('%*', (1,)), ('%.', (1,)), ('%5', (1,)), ('\U0001f600%q', (1,)),
    ('%\U0001f600', (1,)), ('%\x7f', (1,)), ('%\x1f', (1,)), ('%s', ((1, 2),)), ('%s', (1, 2, 3)), ('%i%%', 5),
    ('%.3s|%-6.2r|', ('\U0001f600abc', 'xy')), ('%e', 10 ** 400), ('%f', 'x'), ('%d', None), ('%.0f %.0f', (0.5, 1.5)),
    ('%.2f', 0.125), ('%.1e', 0.25), ('%.100f', 0.1), ('%.120e', 1 / 3), ('%d', 10 ** 5000), ('%x', 10 ** 5000 // 10 ** 4990),
    ('%-+08.2f|', 3.14159), ('%+-8d|', 5), ('% -8d|', 5), ('%0-8d|', 5), ('%#-10o|', 8), ('%#+010x', 255),
]


def record_edges(out):
    for v in FLOAT_EDGE_VALUES:
        for spec in FLOAT_EDGE_SPECS:
            out['format_float'].append([enc(v)['f'], spec, res(lambda: format(v, spec))])
    for v in INT_EDGE_VALUES:
        for spec in INT_EDGE_SPECS:
            out['format_int'].append([str(v), spec, res(lambda: format(v, spec))])
    for v in STR_EDGE_VALUES:
        for spec in STR_EDGE_SPECS:
            out['format_str'].append([v, spec, res(lambda: format(v, spec))])
    for t, a in PERCENT_EDGE:
        out['percent'].append([t, enc(a), res(lambda: t % a)])


def record(seed, scale):
    r = random.Random(seed)
    S = lambda n: int(n * scale)  # noqa
    out = {'python': sys.version.split()[0], 'seed': seed}

    # ---- hashes
    strs = ['', 'a', 'abc', 'hello world!', '\x00', '\xe9', '\xff', '\u0100', '\u20ac', '\ud800', '\udfff',
            '\U0001f600', 'a' * 7, 'a' * 8, 'a' * 9, 'x' * 20000] + [rand_str(r) for _ in range(S(3000))]
    out['hash_str'] = [[s, str(hash(s))] for s in strs]
    bs = [b'', b'a', bytes(range(256))] + [bytes(r.getrandbits(8) for _ in range(r.randint(0, 40))) for _ in range(S(500))]
    out['hash_bytes'] = [[b.hex(), str(hash(b))] for b in bs]
    ints = [rand_int(r) for _ in range(S(2000))]
    out['hash_int'] = [[str(i), str(hash(i))] for i in ints]
    floats = [rand_float(r) for _ in range(S(3000))]
    out['hash_float'] = [[enc(f)['f'], str(hash(f))] for f in floats if f == f]
    tuples = [tuple(rand_hashable(r) for _ in range(r.randint(0, 6))) for _ in range(S(600))]
    out['hash_tuple'] = [[enc(t), str(hash(t))] for t in tuples]
    fsets = [frozenset(rand_hashable(r) for _ in range(r.randint(0, 6))) for _ in range(S(300))]
    out['hash_frozenset'] = [[enc(f), str(hash(f))] for f in fsets]
    cs = [complex(rand_float(r), rand_float(r) if r.random() < .9 else float('nan')) for _ in range(S(300))] + [complex(0, 0), complex(1, 0), complex(0, 1)]
    out['hash_complex'] = [[enc(c), str(hash(c))] for c in cs if c.real == c.real and c.imag == c.imag]

    # ---- float repr / PyOS_double_to_string (via format without sign/width)
    fl = [rand_float(r) for _ in range(S(6000))]
    out['float_repr'] = [[enc(f)['f'], repr(f)] for f in fl]
    dts = []
    for _ in range(S(4000)):
        f = rand_float(r)
        code = r.choice('eEfFgG')
        p = r.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 18, 20, 25, 40, 99, 100, 101, 120, 330])
        if code in 'fF' and abs(f) > 1e60 and p > 30:
            p = 3
        alt = r.random() < 0.2
        dts.append([enc(f)['f'], code, p, alt, format(f, ('#' if alt else '') + '.%d%s' % (p, code))])
    out['double_to_string'] = dts

    # ---- format()
    fi = []
    for _ in range(S(3000)):
        v = rand_int(r) if r.random() < 0.5 else r.randint(-100000, 100000)
        if abs(v) > 10 ** 1000 and r.random() < 0.9:
            v = v % 10 ** 30
        spec = rand_spec(r, 'int')
        fi.append([str(v), spec, res(lambda: format(v, spec))])
    out['format_int'] = fi
    ff = []
    for _ in range(S(3000)):
        f = rand_float(r)
        spec = rand_spec(r, 'float')
        ff.append([enc(f)['f'], spec, res(lambda: format(f, spec))])
    out['format_float'] = ff
    fs = []
    for _ in range(S(1500)):
        s = rand_str(r, 10)
        if len(s) > 40:
            s = s[:40]
        spec = rand_spec(r, 'str')
        fs.append([s, spec, res(lambda: format(s, spec))])
    out['format_str'] = fs

    # ---- str % args
    pc = []
    for _ in range(S(3000)):
        t, a = rand_percent(r)
        if len(a) == 1 and r.random() < 0.3:
            a1 = a[0]
            pc.append([t, enc(a1), res(lambda: t % a1)])
        else:
            pc.append([t, enc(a), res(lambda: t % a)])
    out['percent'] = pc

    # ---- int / float parsing and output
    ip = []
    pieces = ['0', '1', '7', '9', 'a', 'f', 'z', 'Z', '_', '__', ' ', '\t', '+', '-', '0x', '0X', '0o', '0b', '0B',
              '\u0661', '\u06f5', '\U0001d7d8', '\u3000', '\xa0', '.', 'e', 'x']
    for _ in range(S(3000)):
        if r.random() < 0.5:
            s = ''.join(r.choice(pieces) for _ in range(r.randint(0, 6)))
        else:
            v = rand_int(r)
            base = r.choice([2, 8, 10, 16, 36, 10, 10])
            s = format(v, {2: 'b', 8: 'o', 10: 'd', 16: 'x', 36: 'd'}[base]) if abs(v) < 10 ** 4000 else str(v % 10 ** 40)
            if r.random() < 0.3 and len(s) > 2:
                i = r.randint(1, len(s) - 1)
                s = s[:i] + '_' + s[i:]
            if r.random() < 0.3:
                s = r.choice([' ', '  \n', '\u2003']) + s + r.choice(['', ' ', '\t'])
            if r.random() < 0.2:
                s = r.choice(['0x', '0o', '0b', '-0x', '+0b']) + s
        base = r.choice([0, 10, 10, 10, 2, 8, 16, 36, 3, 1, 37])
        ip.append([s, base, res(lambda: int(s, base))])
    for d in [4300, 4301]:
        for t, base in (('9' * d, 10), ('-' + '9' * d, 10), ('1' * d + 'x', 10), ('1' * d + '__', 10),
                        ('1' * d, 16), ('1_' * d + '1', 10), ('0' * d, 0)):
            ip.append([t, base, res(lambda: str(int(t, base)) if abs(int(t, base)) < 10 ** 4000 else hex(int(t, base)))])
    out['int_parse'] = ip
    fp = []
    fpieces = ['1', '23', '0', '.', 'e', 'E', '-', '+', '_', 'inf', 'INF', 'nan', 'Infinity', 'infinity', ' ', 'x',
               '\u0661', '\u2000', '5', '00', 'e5', 'e-3', '1e400', 'i', 'n']
    for _ in range(S(3000)):
        if r.random() < 0.6:
            s = ''.join(r.choice(fpieces) for _ in range(r.randint(0, 5)))
        else:
            s = repr(rand_float(r))
            if r.random() < 0.3:
                s = format(float(s), r.choice(['.3e', '.20g', 'f', '.30f']))
        def pf(s=s):
            v = float(s)
            return struct.pack('>d', v).hex() if v == v else 'nan'
        fp.append([s, res(pf)])
    out['float_parse'] = fp
    io = []
    for _ in range(S(800)):
        v = rand_int(r)
        io.append([hex(v), oct(v), bin(v) if abs(v) < 2 ** 2000 else None, res(lambda: str(v))])
    for d in [4300, 4301, 6000]:  # around the 4300-digit limit
        for v in (10 ** (d - 1) + 7, -10 ** (d - 1) - 7, 10 ** d - 1):
            io.append([hex(v), None, None, res(lambda: str(v))])
    out['int_output'] = io
    record_edges(out)
    return out


def main():
    args = sys.argv[1:]
    seed = 20240611
    scale = 1.0
    if '--seed' in args:
        seed = int(args[args.index('--seed') + 1])
    if '--scale' in args:
        scale = float(args[args.index('--scale') + 1])
    data = record(seed, scale)
    text = json.dumps(data, ensure_ascii=True, separators=(',', ':'))
    if '--stdout' in args:
        sys.stdout.write(text)
    else:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures', 'primitives.json')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as fh:
            fh.write(text)
        print('wrote', path, len(text), 'bytes')


if __name__ == '__main__':
    main()
