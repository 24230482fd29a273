# hash(complex) and format(complex, spec)
inf, nan = float('inf'), float('nan')
for c in [complex(3, 4), complex(1, 0), complex(0, 1), complex(-1, -1), complex(1.5, 2.25), complex(inf, 0), complex(0, -inf), complex(2 ** 60, 7), complex(0, 0), complex(-0.0, 0)]:
    print(hash(c))
print(hash(complex(1, 0)) == hash(1), hash(complex(2.5, 0)) == hash(2.5), {complex(1, 0): 'a', 1: 'b'}, {complex(1, 0), 1.0, 1})
for spec in ['', 'g', '.2f', '10', '<20', '^22.3e', '>18', '+', ' ', '-', 'E', '.0f', '#g', ',', '_.1f', 'n', 'z.1f', '*^30', '.3', '12.5g', 'F']:
    for c in [complex(1, 2), complex(0, -3.5), complex(-1234567.125, 0.001), complex(nan, inf), complex(-0.0, 0.0)]:
        print(repr(spec), repr(format(c, spec)))
for spec in ['010', '=10', 'd', 'x', '%', '0<10']:
    try:
        format(complex(1, 2), spec)
    except ValueError as e:
        print(repr(spec), 'ValueError', e)
print(f'{complex(3, 4)} {complex(3, 4)!r:>12} {complex(0, 1):.2f} {complex(-2, 0.5):+.1e}')
print('%s %r' % (complex(1, -1), complex(0, 2)))
