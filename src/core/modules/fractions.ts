// The fractions module (Lib/fractions.py behaviour: Fraction construction from ints, strings,
// floats and Fractions, normalization, arithmetic with int/float/Fraction operands,
// comparisons, the numeric hash, limit_denominator, repr/str), written as Python source.
// The decimal module is not provided: importing it raises an error naming it.

import { registerModule } from '../runtime/define';
import { raise } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { execStdlibSource } from './modutil';

const FRACTIONS_SRC = `
import math as _math
import re as _re

_PyHASH_MODULUS = 2305843009213693951
_PyHASH_INF = 314159

_RATIONAL = _re.compile(r'\\s*(?P<sign>[-+]?)(?=\\d|\\.\\d)(?P<num>\\d*|\\d+(_\\d+)*)(?:(?:/(?P<denom>\\d+(_\\d+)*))?|(?:\\.(?P<decimal>\\d*|\\d+(_\\d+)*))?(?:E(?P<exp>[-+]?\\d+(_\\d+)*))?)\\s*\\Z', _re.IGNORECASE)


class Fraction(object):
#@59
    __slots__ = ('_numerator', '_denominator')

#@62
    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
#@95
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            elif isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
#@104
                return self
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
#@111
            elif isinstance(numerator, str):
                m = _RATIONAL.match(numerator)
#@114
                if m is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
#@117
                numerator = int(m.group('num') or '0')
                denom = m.group('denom')
                if denom:
                    denominator = int(denom)
                else:
                    denominator = 1
                    decimal = m.group('decimal')
                    if decimal:
                        decimal = decimal.replace('_', '')
                        scale = 10**len(decimal)
                        numerator = numerator * scale + int(decimal)
                        denominator *= scale
                    exp = m.group('exp')
                    if exp:
                        exp = int(exp)
                        if exp >= 0:
                            numerator *= 10**exp
                        else:
                            denominator *= 10**-exp
                if m.group('sign') == '-':
                    numerator = -numerator
#@139
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif isinstance(numerator, int) and isinstance(denominator, int):
#@144
            pass # *very* normal case
        elif isinstance(numerator, Fraction) and isinstance(denominator, (int, Fraction)):
            if isinstance(denominator, int):
                denominator = Fraction(denominator)
            numerator, denominator = (numerator._numerator * denominator._denominator,
                                      denominator._numerator * numerator._denominator)
        elif isinstance(numerator, int) and isinstance(denominator, Fraction):
            numerator, denominator = numerator * denominator._denominator, denominator._numerator
        else:
            raise TypeError("both arguments should be Rational instances")
#@156
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
#@176
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
#@180
        return cls(*f.as_integer_ratio())

#@194
    def as_integer_ratio(self):
#@200
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
#@234
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
#@239
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n//d
            q2 = q0+a*q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0+a*p1, q2
            n, d = d, n-a*d
#@249
        k = (max_denominator-q0)//q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
#@254
        else:
            return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

#@270
    def __str__(self):
#@272
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def _op(a, b, fop, ffloat):
        if isinstance(b, Fraction):
            return fop(a, b)
        if isinstance(b, int):
            return fop(a, Fraction(b))
        if isinstance(b, float):
            return ffloat(float(a), b)
        return NotImplemented

    def _rop(b, a, fop, ffloat):
        if isinstance(a, int):
            return fop(Fraction(a), b)
        if isinstance(a, float):
            return ffloat(a, float(b))
        return NotImplemented

    def __add__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._denominator + y._numerator * x._denominator, x._denominator * y._denominator), lambda x, y: x + y)
    def __radd__(b, a):
        return b._rop(a, lambda x, y: Fraction(x._numerator * y._denominator + y._numerator * x._denominator, x._denominator * y._denominator), lambda x, y: x + y)
    def __sub__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._denominator - y._numerator * x._denominator, x._denominator * y._denominator), lambda x, y: x - y)
    def __rsub__(b, a):
        return b._rop(a, lambda x, y: Fraction(x._numerator * y._denominator - y._numerator * x._denominator, x._denominator * y._denominator), lambda x, y: x - y)
    def __mul__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._numerator, x._denominator * y._denominator), lambda x, y: x * y)
    def __rmul__(b, a):
        return b._rop(a, lambda x, y: Fraction(x._numerator * y._numerator, x._denominator * y._denominator), lambda x, y: x * y)
    def __truediv__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._denominator, x._denominator * y._numerator), lambda x, y: x / y)
    def __rtruediv__(b, a):
        return b._rop(a, lambda x, y: Fraction(x._numerator * y._denominator, x._denominator * y._numerator), lambda x, y: x / y)
    def __floordiv__(a, b):
        return a._op(b, lambda x, y: (x._numerator * y._denominator) // (y._numerator * x._denominator), lambda x, y: x // y)
    def __rfloordiv__(b, a):
        return b._rop(a, lambda x, y: (x._numerator * y._denominator) // (y._numerator * x._denominator), lambda x, y: x // y)
    def __mod__(a, b):
        return a._op(b, lambda x, y: Fraction((x._numerator * y._denominator) % (y._numerator * x._denominator), x._denominator * y._denominator), lambda x, y: x % y)
    def __rmod__(b, a):
        return b._rop(a, lambda x, y: Fraction((x._numerator * y._denominator) % (y._numerator * x._denominator), x._denominator * y._denominator), lambda x, y: x % y)
    def __divmod__(a, b):
        return (a // b, a % b)

#@541
    def __pow__(a, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = int(b) if isinstance(b, Fraction) else b
            if power >= 0:
                return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
            elif a._numerator >= 0:
                return Fraction(a._denominator ** -power, a._numerator ** -power)
#@564
            else:
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power)
        elif isinstance(b, (float, Fraction)):
            return float(a) ** float(b)
        return NotImplemented

#@571
    def __rpow__(b, a):
#@573
        if b._denominator == 1 and b._numerator >= 0:
#@575
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
#@583
        return a ** float(b)

    def __pos__(a):
#@587
        return Fraction(a._numerator, a._denominator, _normalize=False)
#@589
    def __neg__(a):
#@591
        return Fraction(-a._numerator, a._denominator, _normalize=False)
#@593
    def __abs__(a):
#@595
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)
    def __int__(a):
#@606
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator
    __trunc__ = __int__
    def __float__(a):
        return a._numerator / a._denominator
    def __floor__(a):
        return a._numerator // a._denominator
#@615
    def __ceil__(a):
        return -(-a._numerator // a._denominator)
#@620
    def __round__(self, ndigits=None):
#@625
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            elif remainder * 2 > self._denominator:
                return floor + 1
#@632
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10**abs(ndigits)
#@640
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        else:
            return Fraction(round(self / shift) * shift)

    def __hash__(self):
#@653
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
#@657
            hash_ = _PyHASH_INF
        else:
#@674
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
#@687
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
#@691
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

#@699
    def _richcmp(self, other, op):
        if isinstance(other, Fraction):
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, int):
            return op(self._numerator, self._denominator * other)
#@713
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return self._richcmp(self.from_float(other), op)
        return NotImplemented

#@721
    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)
#@725
    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)
#@729
    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)
#@733
    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)
#@737
    def __bool__(a):
#@741
        return bool(a._numerator)

#@745
    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))
#@748
    def __copy__(self):
        if type(self) == Fraction:
            return self     # I'm immutable; therefore I am my own clone
        return self.__class__(self._numerator, self._denominator)
#@753
    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self     # My components are also immutable
        return self.__class__(self._numerator, self._denominator)

Fraction.__module__ = 'fractions'
# (CPython's Fraction subclasses numbers.Rational; registering gives the same isinstance())
import numbers
numbers.Rational.register(Fraction)
__all__ = ['Fraction']
`;

registerModule('fractions', (m) => {
  execStdlibSource(m, FRACTIONS_SRC, 'fractions.py');
});

registerModule('decimal', () => {
  raise(E.ImportError, 'RefScope: the decimal module is not supported');
});
