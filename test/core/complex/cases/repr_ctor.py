# complex(): constructors, string parsing, repr (no literals: see literals.py)
import sys
inf, nan = float('inf'), float('nan')
for a in [(1, 2), (0, 3), (-0.0, -1), (1, 0), (nan, inf), (0.0, -0.0), (1e16, 1e-7), (2.5, -3.25), (-inf, nan), (0, 0)]:
    print(repr(complex(*a)), str(complex(*a)))
for s in ['1+2j', ' (3-4j) ', '5j', '-j', '+J', '1e3', '1_000+2_0j', 'inf-nanj', '  7  ', '(1)', '2.5e-3-1.5E2j', '1-j']:
    print(repr(s), complex(s))
for bad in ['', '1+', 'j1', '(1+2j', '1+2i', '1__0', '_1', '1+2j)', 'a', '1 +2j']:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)
for args in [('1', 2), (1, '2'), ([],), (1, []), (None,)]:
    try:
        complex(*args)
    except TypeError as e:
        print('TypeError', e)
c = complex(3, 4)
print(complex(c) is c, complex(c, 1), complex(complex(1, 2), complex(3, 4)), complex(imag=2), complex(real=1.5), complex())
print(complex(True), complex(2 ** 40, -1), c.real, c.imag, c.conjugate(), type(c.real).__name__)
class WithComplex:
    def __complex__(self):
        return complex(7, 8)
print(complex(WithComplex()))
class Bad:
    def __complex__(self):
        return 1
try:
    complex(Bad())
except TypeError as e:
    print(e)
class Sub(complex):
    pass
s = Sub(1, 2)
print(type(s).__name__, s, s + 1, type(s + 1).__name__, +s, type(+s).__name__)
print(sys.getsizeof(complex(1, 2)), complex(1, 2).__sizeof__(), bool(complex(0, 0)), bool(complex(0, 1)), bool(complex(-0.0, 0)))
print(complex(1, 2).__getnewargs__(), complex.__complex__(complex(1, 2)))
