// Python source of RefScope's numbers module: CPython 3.11.7's Lib/numbers.py (the numeric
// abstract base classes Number > Complex > Real > Rational > Integral, with complex, float and
// int registered), docstrings left out.

export const NUMBERS_SRC = String.raw`
#@8
from abc import ABCMeta, abstractmethod
#@10
__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]

class Number(metaclass=ABCMeta):
#@18
    __slots__ = ()
#@21
    __hash__ = None

#@32
class Complex(Number):
#@43
    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        pass

    def __bool__(self):
#@51
        return self != 0

    @property
    @abstractmethod
    def real(self):
#@60
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
#@69
        raise NotImplementedError

    @abstractmethod
    def __add__(self, other):
#@74
        raise NotImplementedError

    @abstractmethod
    def __radd__(self, other):
#@79
        raise NotImplementedError

    @abstractmethod
    def __neg__(self):
#@84
        raise NotImplementedError

    @abstractmethod
    def __pos__(self):
#@89
        raise NotImplementedError

    def __sub__(self, other):
#@93
        return self + -other

    def __rsub__(self, other):
#@97
        return -self + other

    @abstractmethod
    def __mul__(self, other):
#@102
        raise NotImplementedError

    @abstractmethod
    def __rmul__(self, other):
#@107
        raise NotImplementedError

    @abstractmethod
    def __truediv__(self, other):
#@112
        raise NotImplementedError

    @abstractmethod
    def __rtruediv__(self, other):
#@117
        raise NotImplementedError

    @abstractmethod
    def __pow__(self, exponent):
#@122
        raise NotImplementedError

    @abstractmethod
    def __rpow__(self, base):
#@127
        raise NotImplementedError

    @abstractmethod
    def __abs__(self):
#@132
        raise NotImplementedError

    @abstractmethod
    def conjugate(self):
#@137
        raise NotImplementedError

    @abstractmethod
    def __eq__(self, other):
#@142
        raise NotImplementedError
#@144
Complex.register(complex)

#@147
class Real(Complex):
#@156
    __slots__ = ()

    @abstractmethod
    def __float__(self):
#@163
        raise NotImplementedError

    @abstractmethod
    def __trunc__(self):
#@176
        raise NotImplementedError

    @abstractmethod
    def __floor__(self):
#@181
        raise NotImplementedError

    @abstractmethod
    def __ceil__(self):
#@186
        raise NotImplementedError

    @abstractmethod
    def __round__(self, ndigits=None):
#@195
        raise NotImplementedError

    def __divmod__(self, other):
#@203
        return (self // other, self % other)

    def __rdivmod__(self, other):
#@211
        return (other // self, other % self)

    @abstractmethod
    def __floordiv__(self, other):
#@216
        raise NotImplementedError

    @abstractmethod
    def __rfloordiv__(self, other):
#@221
        raise NotImplementedError

    @abstractmethod
    def __mod__(self, other):
#@226
        raise NotImplementedError

    @abstractmethod
    def __rmod__(self, other):
#@231
        raise NotImplementedError

    @abstractmethod
    def __lt__(self, other):
#@238
        raise NotImplementedError

    @abstractmethod
    def __le__(self, other):
#@243
        raise NotImplementedError

#@246
    def __complex__(self):
#@248
        return complex(float(self))

    @property
    def real(self):
#@253
        return +self

    @property
    def imag(self):
#@258
        return 0

    def conjugate(self):
#@262
        return +self
#@264
Real.register(float)

#@267
class Rational(Real):
#@270
    __slots__ = ()

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

#@283
    def __float__(self):
#@291
        return int(self.numerator) / int(self.denominator)

#@294
class Integral(Rational):
#@301
    __slots__ = ()

    @abstractmethod
    def __int__(self):
#@306
        raise NotImplementedError

    def __index__(self):
#@310
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
#@321
        raise NotImplementedError

    @abstractmethod
    def __lshift__(self, other):
#@326
        raise NotImplementedError

    @abstractmethod
    def __rlshift__(self, other):
#@331
        raise NotImplementedError

    @abstractmethod
    def __rshift__(self, other):
#@336
        raise NotImplementedError

    @abstractmethod
    def __rrshift__(self, other):
#@341
        raise NotImplementedError

    @abstractmethod
    def __and__(self, other):
#@346
        raise NotImplementedError

    @abstractmethod
    def __rand__(self, other):
#@351
        raise NotImplementedError

    @abstractmethod
    def __xor__(self, other):
#@356
        raise NotImplementedError

    @abstractmethod
    def __rxor__(self, other):
#@361
        raise NotImplementedError

    @abstractmethod
    def __or__(self, other):
#@366
        raise NotImplementedError

    @abstractmethod
    def __ror__(self, other):
#@371
        raise NotImplementedError

    @abstractmethod
    def __invert__(self):
#@376
        raise NotImplementedError

#@379
    def __float__(self):
#@381
        return float(int(self))

    @property
    def numerator(self):
#@386
        return +self

    @property
    def denominator(self):
#@391
        return 1
#@393
Integral.register(int)
`;
