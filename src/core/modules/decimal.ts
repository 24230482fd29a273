// decimal (the behaviour of CPython 3.11's _decimal, following the structure of Lib/_pydecimal.py):
// Decimal as (sign, integer coefficient, exponent) with special values, the thread-less current
// context (getcontext/setcontext/localcontext), the signals raised as the C module raises them
// (`InvalidOperation([<class 'decimal.ConversionSyntax'>])`), arithmetic rounded to the context,
// quantize, to_integral, sqrt, __str__/__format__ rules. Written as Python source (own code).
// Not provided: exp/ln/log10, non-integral powers, the logical and context-method families.

import { registerModule } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { PyType } from '../runtime/object';
import { strKey } from '../runtime/abstract';

const DECIMAL_SRC = String.raw`
import math as _math
import re as _re
from collections import namedtuple as _namedtuple

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')


# ------------------------------------------------------------------ signals
class DecimalException(ArithmeticError):
    pass

class Clamped(DecimalException):
    pass

class InvalidOperation(DecimalException):
    pass

class ConversionSyntax(InvalidOperation):
    pass

class DivisionByZero(DecimalException, ZeroDivisionError):
    pass

class DivisionImpossible(InvalidOperation):
    pass

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass

class Inexact(DecimalException):
    pass

class InvalidContext(InvalidOperation):
    pass

class Rounded(DecimalException):
    pass

class Subnormal(DecimalException):
    pass

class Overflow(Inexact, Rounded):
    pass

class Underflow(Inexact, Rounded, Subnormal):
    pass

class FloatOperation(DecimalException, TypeError):
    pass

# the order of the C module's signal map (repr of flags/traps)
_signals = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
# the order the C module's Context repr lists them (libmpdec's flag bits)
_repr_order = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
               Rounded, Subnormal, Underflow]
_condition_signal = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}


# ------------------------------------------------------------------ context
class Context(object):
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None, _ignored_flags=None):
        dc = DefaultContext if DefaultContext is not None else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self.traps = dict(dc.traps) if dc else dict.fromkeys(_signals, False)
            if not dc:
                for s in (InvalidOperation, DivisionByZero, Overflow):
                    self.traps[s] = True
        elif not isinstance(traps, dict):
            self.traps = dict((s, s in traps) for s in _signals)
        else:
            self.traps = dict(traps)
        if flags is None:
            self.flags = dict.fromkeys(_signals, False)
        elif not isinstance(flags, dict):
            self.flags = dict((s, s in flags) for s in _signals)
        else:
            self.flags = dict(flags)

    def __setattr__(self, name, value):
        if name == 'prec':
            self._check_int(name, value, 1, MAX_PREC)
        elif name == 'Emin':
            self._check_int(name, value, MIN_EMIN, 0)
        elif name == 'Emax':
            self._check_int(name, value, 0, MAX_EMAX)
        elif name in ('capitals', 'clamp'):
            self._check_int(name, value, 0, 1)
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]")
        elif name not in ('flags', 'traps'):
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def _check_int(self, name, value, lo, hi):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if not lo <= value <= hi:
            if name in ('capitals', 'clamp'):
                raise ValueError('valid values for %s are: [0, 1]' % name)
            if name == 'prec':
                raise ValueError('valid range for prec is [1, MAX_PREC]')
            if name == 'Emin':
                raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
            raise ValueError('valid range for Emax is [0, MAX_EMAX]')

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                   ', '.join(s.__name__ for s in _repr_order if self.flags.get(s)),
                   ', '.join(s.__name__ for s in _repr_order if self.traps.get(s))))

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))
    __copy__ = copy

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _raise_error(self, condition, explanation=None):
        # the C module: set the signal's flag; raise Signal([condition]) when it is trapped
        sig = _condition_signal.get(condition, condition)
        self.flags[sig] = True
        if self.traps.get(sig):
            raise sig([condition])
        if sig is InvalidOperation:
            return _NaN
        return None

    def create_decimal(self, num='0'):
        d = Decimal(num, context=self)
        if d._is_special and d._exp != 'F':
            return d
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        r = _convert(a, True).__add__(b, context=self)
        if r is NotImplemented:
            raise TypeError('Unable to convert %s to Decimal' % b)
        return r

    def subtract(self, a, b):
        return _convert(a, True).__sub__(_convert(b, True), context=self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(_convert(b, True), context=self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(_convert(b, True), context=self)

    def divide_int(self, a, b):
        return _convert(a, True).__floordiv__(_convert(b, True), context=self)

    def remainder(self, a, b):
        return _convert(a, True).__mod__(_convert(b, True), context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(_convert(b, True), modulo, context=self)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(context=self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def compare(self, a, b):
        return _convert(a, True).compare(b, context=self)

    def to_integral_value(self, a):
        return _convert(a, True).to_integral_value(context=self)
    to_integral = to_integral_value

    def to_sci_string(self, a):
        return _convert(a, True).__str__(context=self)

    def to_eng_string(self, a):
        return _convert(a, True).to_eng_string(context=self)


DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[DivisionByZero, Overflow, InvalidOperation],
                         flags=[], Emax=999999, Emin=-999999, capitals=1, clamp=0)
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

_current = [None]

def getcontext():
    c = _current[0]
    if c is None:
        c = _current[0] = DefaultContext.copy()
    return c

def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    _current[0] = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        setattr(manager.new_context, key, value)
    return manager


# ------------------------------------------------------------------ Decimal
_parser = _re.compile(r"""
    \s*
    (?P<sign>[-+])?
    (
        (?=\d|\.\d)
        (?P<int>\d*(_\d+)*)
        (\.(?P<frac>\d*(_\d+)*))?
        (E(?P<exp>[-+]?\d+(_\d+)*))?
    |
        Inf(inity)?
    |
        (?P<signal>s)?
        NaN
        (?P<diag>\d*)
    )
    \s*
    \Z
""", _re.VERBOSE | _re.IGNORECASE).match

_PyHASH_MODULUS = 2305843009213693951
_PyHASH_INF = 314159
_PyHASH_10INV = pow(10, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)


def _ndigits(n):
    return len(str(n)) if n else 1


def _round_int(coef, drop, rounding, sign):
    # drop the last drop digits of coef; returns (rounded coefficient, inexact)
    if drop <= 0:
        return coef * 10 ** (-drop), False
    p = 10 ** drop
    q, r = divmod(coef, p)
    if not r:
        return q, False
    half = p // 2
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q & 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    else:
        up = q % 10 in (0, 5)
    return (q + 1 if up else q), True


def _isqrt(n):
    # Newton's iteration from above (floor of the square root)
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) >> 1)
    while True:
        y = (x + n // x) >> 1
        if y >= x:
            return x
        x = y


def _dec(sign, coef, exp, special=False):
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._is_special = special
    return d


class Decimal(object):
    __slots__ = ('_exp', '_coef', '_sign', '_is_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            m = _parser(value.strip().replace('_', '') if '_' in value else value)
            if m is None or ('_' in value and not _parser(value)):
                if context is None:
                    context = getcontext()
                context._raise_error(ConversionSyntax, 'Invalid literal for Decimal: %r' % value)
                value = _NaN
            else:
                sign = 1 if m.group('sign') == '-' else 0
                intpart = m.group('int')
                if intpart is not None:
                    fracpart = (m.group('frac') or '').replace('_', '')
                    exp = int(m.group('exp') or '0')
                    self._coef = int((intpart.replace('_', '') + fracpart) or '0')
                    self._exp = exp - len(fracpart)
                    self._sign = sign
                    self._is_special = False
                else:
                    diag = m.group('diag')
                    self._sign = sign
                    self._is_special = True
                    if diag is not None:
                        self._coef = int(diag or '0')
                        self._exp = 'N' if m.group('signal') else 'n'
                    else:
                        self._coef = 0
                        self._exp = 'F'
                return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._coef = abs(value)
            self._exp = 0
            self._is_special = False
            return self
        if isinstance(value, Decimal):
            if cls is Decimal and type(value) is Decimal:
                return value
            self._sign, self._coef, self._exp, self._is_special = value._sign, value._coef, value._exp, value._is_special
            return self
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            if value[0] not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            self._sign = value[0]
            digits = []
            for d in value[1]:
                if isinstance(d, int) and 0 <= d <= 9:
                    digits.append(str(d))
                else:
                    raise ValueError('coefficient must be a tuple of digits')
            self._coef = int(''.join(digits) or '0')
            if value[2] == 'F':
                self._exp, self._is_special, self._coef = 'F', True, 0
            elif value[2] in ('n', 'N'):
                self._exp, self._is_special = value[2], True
            elif isinstance(value[2], int):
                self._exp, self._is_special = value[2], False
            else:
                raise ValueError('exponent must be an integer')
            return self
        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context.flags[FloatOperation] = True
            if context.traps.get(FloatOperation):
                raise FloatOperation([FloatOperation])
            d = cls.from_float(value)
            self._sign, self._coef, self._exp, self._is_special = d._sign, d._coef, d._exp, d._is_special
            return self
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        # the exact value of the binary float
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('argument must be int or float')
        if f != f:
            return cls('NaN')
        if f in (float('inf'), float('-inf')):
            return cls('-Infinity' if f < 0 else 'Infinity')
        sign = 0 if _math.copysign(1.0, f) > 0 else 1
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        r = _dec(sign, n * 5 ** k, -k)
        if cls is Decimal:
            return r
        return cls(r)

    @classmethod
    def from_decimal(cls, d):
        return cls(d)

    # ---- predicates and parts
    def _isnan(self):
        if self._is_special:
            if self._exp == 'n':
                return 1
            if self._exp == 'N':
                return 2
        return 0

    def _isinfinity(self):
        if self._exp == 'F':
            return -1 if self._sign else 1
        return 0

    def is_nan(self):
        return self._exp in ('n', 'N')

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._coef == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._is_special or not self._coef:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._is_special or not self._coef:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + _ndigits(self._coef) - 1

    def as_tuple(self):
        if self._is_special:
            digits = tuple(map(int, str(self._coef))) if self._coef else ()
            if self._exp == 'F':
                digits = (0, )
            return DecimalTuple(self._sign, digits, self._exp)
        return DecimalTuple(self._sign, tuple(map(int, str(self._coef))), self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot convert NaN to integer ratio')
            raise OverflowError('cannot convert Infinity to integer ratio')
        if not self._coef:
            return 0, 1
        n, d = self._coef, 1
        if self._exp >= 0:
            n *= 10 ** self._exp
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    def canonical(self):
        return self

    def copy_abs(self):
        return _dec(0, self._coef, self._exp, self._is_special)

    def copy_negate(self):
        return _dec(1 - self._sign, self._coef, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _dec(other._sign, self._coef, self._exp, self._is_special)

    def radix(self):
        return Decimal(10)

    # ---- rounding to a context (_pydecimal Decimal._fix)
    def _fix_nan(self, context):
        diag = self._coef
        maxlen = context.prec - context.clamp
        if diag and _ndigits(diag) > maxlen:
            diag = int(str(diag)[-maxlen:])
            return _dec(self._sign, diag, self._exp, True)
        return self

    def _fix(self, context):
        if self._is_special:
            if self.is_nan():
                return self._fix_nan(context)
            return self
        Etiny = context.Etiny()
        Etop = context.Etop()
        coef, exp = self._coef, self._exp
        if not coef:
            exp_max = Etop if context.clamp else context.Emax
            new_exp = min(max(exp, Etiny), exp_max)
            if new_exp != exp:
                context._raise_error(Clamped)
                return _dec(self._sign, 0, new_exp)
            return self
        n = _ndigits(coef)
        exp_min = n + exp - context.prec
        if exp_min > Etop:
            return self._overflow(context)
        subnormal = exp_min < Etiny
        if subnormal:
            exp_min = Etiny
        if exp < exp_min:
            coef, inexact = _round_int(coef, exp_min - exp, context.rounding, self._sign)
            if _ndigits(coef) > context.prec:
                coef //= 10
                exp_min += 1
            if exp_min > Etop:
                return self._overflow(context)
            if subnormal:
                context._raise_error(Subnormal)
                if inexact:
                    context._raise_error(Underflow)
                if not coef:
                    context._raise_error(Clamped)
            if inexact:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
            return _dec(self._sign, coef, exp_min)
        if subnormal:
            context._raise_error(Subnormal)
        if context.clamp == 1 and exp > Etop:
            context._raise_error(Clamped)
            return _dec(self._sign, coef * 10 ** (exp - Etop), Etop)
        return self

    def _overflow(self, context):
        context._raise_error(Inexact)
        context._raise_error(Rounded)
        context._raise_error(Overflow)
        r = context.rounding
        s = self._sign
        if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or \
                (r == ROUND_CEILING and not s) or (r == ROUND_FLOOR and s):
            return _dec(s, 0, 'F', True)
        return _dec(s, 10 ** context.prec - 1, context.Emax - context.prec + 1)

    def _rescale(self, exp, rounding):
        # the same value with exponent exp (digits dropped with rounding, or zeros added)
        if self._is_special:
            return self
        if not self._coef:
            return _dec(self._sign, 0, exp)
        if self._exp >= exp:
            return _dec(self._sign, self._coef * 10 ** (self._exp - exp), exp)
        coef, _ = _round_int(self._coef, exp - self._exp, rounding, self._sign)
        return _dec(self._sign, coef, exp)

    def _round(self, places, rounding):
        # round to places significant digits
        if self._is_special or not self._coef:
            return self
        ans = self._rescale(self.adjusted() + 1 - places, rounding)
        if ans.adjusted() != self.adjusted():
            ans = ans._rescale(ans.adjusted() + 1 - places, rounding)
        return ans

    # ---- NaN handling (_pydecimal _check_nans)
    def _check_nans(self, other=None, context=None):
        self_is_nan = self._isnan()
        other_is_nan = other._isnan() if other is not None else 0
        if self_is_nan or other_is_nan:
            if context is None:
                context = getcontext()
            if self_is_nan == 2:
                context._raise_error(InvalidOperation)
                return _dec(self._sign, self._coef, 'n', True)._fix_nan(context)
            if other_is_nan == 2:
                context._raise_error(InvalidOperation)
                return _dec(other._sign, other._coef, 'n', True)._fix_nan(context)
            if self_is_nan:
                return self._fix_nan(context)
            return other._fix_nan(context)
        return 0

    # ---- strings
    def __str__(self, eng=False, context=None):
        sign = ['', '-'][self._sign]
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            diag = str(self._coef) if self._coef else ''
            return sign + ('NaN' if self._exp == 'n' else 'sNaN') + diag
        digits = str(self._coef)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._coef == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, specifier, context=None):
        if context is None:
            context = getcontext()
        spec = _parse_format_specifier(specifier)
        if self._is_special:
            sign = _format_sign(self._sign, spec)
            body = str(self.copy_abs())
            if spec['type'] == '%':
                body += '%'
            return _format_align(sign, body, spec)
        if spec['type'] is None:
            spec['type'] = ['g', 'G'][context.capitals]
        if spec['type'] == '%':
            self = _dec(self._sign, self._coef, self._exp + 2)
        rounding = context.rounding
        precision = spec['precision']
        if precision is not None:
            if spec['type'] in 'eE':
                self = self._round(precision + 1, rounding)
            elif spec['type'] in 'fF%':
                self = self._rescale(-precision, rounding)
            elif spec['type'] in 'gG' and _ndigits(self._coef) > precision:
                self = self._round(precision, rounding)
        if not self._coef and self._exp > 0 and spec['type'] in 'fF%':
            self = self._rescale(0, rounding)
        if not self._coef and spec['no_neg_0'] and self._sign:
            adjusted_sign = 0
        else:
            adjusted_sign = self._sign
        digits = str(self._coef)
        leftdigits = self._exp + len(digits)
        if spec['type'] in 'eE':
            if not self._coef and precision is not None:
                dotplace = 1 - precision
            else:
                dotplace = 1
        elif spec['type'] in 'fF%':
            dotplace = leftdigits
        else:
            if self._exp <= 0 and leftdigits > -6:
                dotplace = leftdigits
            else:
                dotplace = 1
        if dotplace < 0:
            intpart = '0'
            fracpart = '0' * (-dotplace) + digits
        elif dotplace > len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace] or '0'
            fracpart = digits[dotplace:]
        return _format_number(adjusted_sign, intpart, fracpart, leftdigits - dotplace, spec)

    # ---- conversions
    def __bool__(self):
        return self._is_special or self._coef != 0

    def __float__(self):
        if self._isnan():
            if self.is_snan():
                raise ValueError('cannot convert signaling NaN to float')
            s = '-nan' if self._sign else 'nan'
        else:
            s = str(self)
        return float(s)

    def __int__(self):
        if self._is_special:
            if self._isnan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        s = (-1) ** self._sign
        if self._exp >= 0:
            return s * self._coef * 10 ** self._exp
        return s * (self._coef // 10 ** -self._exp)
    __trunc__ = __int__

    def __floor__(self):
        if self._is_special:
            return int(self)
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._is_special:
            return int(self)
        return int(self._rescale(0, ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            exp = _dec(0, 1, -n)
            return self.quantize(exp)
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot round a NaN')
            raise OverflowError('cannot round an infinity')
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __hash__(self):
        # the numeric hash (equal to the hash of an equal int, float or Fraction)
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            if self.is_nan():
                return object.__hash__(self)
            return -_PyHASH_INF if self._sign else _PyHASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _PyHASH_MODULUS)
        else:
            exp_hash = pow(_PyHASH_10INV, -self._exp, _PyHASH_MODULUS)
        h = self._coef * exp_hash % _PyHASH_MODULUS
        ans = -h if self._sign else h
        return -2 if ans == -1 else ans

    def __reduce__(self):
        return (self.__class__, (str(self), ))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    # ---- comparisons
    def _cmp(self, other):
        # -1, 0, 1 for two non-NaN Decimals
        if self._is_special or other._is_special:
            a = self._isinfinity()
            b = other._isinfinity()
            return (a > b) - (a < b)
        if not self._coef:
            if not other._coef:
                return 0
            return -((-1) ** other._sign)
        if not other._coef:
            return (-1) ** self._sign
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1
        a_adj = self.adjusted()
        b_adj = other.adjusted()
        if a_adj == b_adj:
            e = min(self._exp, other._exp)
            a = self._coef * 10 ** (self._exp - e)
            b = other._coef * 10 ** (other._exp - e)
            r = (a > b) - (a < b)
        else:
            r = 1 if a_adj > b_adj else -1
        return -r if self._sign else r

    def __eq__(self, other, context=None):
        self, other = _convert_for_comparison(self, other, equality_op=True)
        if other is NotImplemented:
            return other
        if self._isnan() or other._isnan():
            if self.is_snan() or other.is_snan():
                (context or getcontext())._raise_error(InvalidOperation)
            return False
        return self._cmp(other) == 0

    def _compare_check_nans(self, other, context):
        if self._isnan() or other._isnan():
            if context is None:
                context = getcontext()
            context._raise_error(InvalidOperation)
            return True
        return False

    def __lt__(self, other, context=None):
        self, other = _convert_for_comparison(self, other)
        if other is NotImplemented:
            return other
        if self._compare_check_nans(other, context):
            return False
        return self._cmp(other) < 0

    def __le__(self, other, context=None):
        self, other = _convert_for_comparison(self, other)
        if other is NotImplemented:
            return other
        if self._compare_check_nans(other, context):
            return False
        return self._cmp(other) <= 0

    def __gt__(self, other, context=None):
        self, other = _convert_for_comparison(self, other)
        if other is NotImplemented:
            return other
        if self._compare_check_nans(other, context):
            return False
        return self._cmp(other) > 0

    def __ge__(self, other, context=None):
        self, other = _convert_for_comparison(self, other)
        if other is NotImplemented:
            return other
        if self._compare_check_nans(other, context):
            return False
        return self._cmp(other) >= 0

    def compare(self, other, context=None):
        other = _convert(other, True)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        return Decimal(self._cmp(other))

    def max(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self._isnan() or other._isnan():
            sn = self._isnan()
            on = other._isnan()
            if sn == 2 or on == 2 or not (sn and on) is False and False:
                return self._check_nans(other, context)
            if on and not sn:
                return self._fix(context)
            if sn and not on:
                return other._fix(context)
            return self._check_nans(other, context)
        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._coef_sign()
        ans = other if c == -1 else self
        return ans._fix(context)

    def min(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self._isnan() or other._isnan():
            sn = self._isnan()
            on = other._isnan()
            if on and not sn and on != 2:
                return self._fix(context)
            if sn and not on and sn != 2:
                return other._fix(context)
            return self._check_nans(other, context)
        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._coef_sign()
        ans = self if c == -1 else other
        return ans._fix(context)

    def _coef_sign(self):
        if not self._coef:
            return 0
        return -1 if self._sign else 1

    def compare_total(self, other, context=None):
        other = _convert(other, True)
        if self._sign and not other._sign:
            return _dec(1, 1, 0)
        if not self._sign and other._sign:
            return _dec(0, 1, 0)
        sign = self._sign
        def key(d):
            n = d._isnan()
            if n:
                return (3 if n == 1 else 2, d._coef, 0)
            if d._exp == 'F':
                return (1, 0, 0)
            return (0, d, d._exp)
        a = key(self)
        b = key(other)
        if a[0] != b[0]:
            r = 1 if a[0] > b[0] else -1
        elif a[0] == 0:
            c = self._cmp(other)
            if c == 0:
                c = (self._exp > other._exp) - (self._exp < other._exp)
            r = c if not sign else (-c if self._cmp(other) == 0 else c)
            if self._cmp(other) != 0:
                return _dec(1 if c < 0 else 0, 1 if c else 0, 0)
        else:
            r = (a[1] > b[1]) - (a[1] < b[1])
        if sign:
            r = -r
        return _dec(1 if r < 0 else 0, 1 if r else 0, 0)

    # ---- arithmetic
    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if not self._coef and not self._is_special and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()
        return ans._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if not self._coef and not self._is_special and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = _dec(self._sign, self._coef, self._exp, self._is_special)
        return ans._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._exp == 'F':
                if other._exp == 'F' and self._sign != other._sign:
                    return context._raise_error(InvalidOperation, '-INF + INF')
                return self
            return other
        exp = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - exp)
        b = other._coef * 10 ** (other._exp - exp)
        if self._sign:
            a = -a
        if other._sign:
            b = -b
        total = a + b
        if total:
            sign = 1 if total < 0 else 0
        elif self._sign == other._sign:
            sign = self._sign
        else:
            sign = 1 if context.rounding == ROUND_FLOOR else 0
        return _dec(sign, abs(total), exp)._fix(context)
    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._exp == 'F':
                if not other._is_special and not other._coef:
                    return context._raise_error(InvalidOperation, '(+-)INF * 0')
                return _dec(sign, 0, 'F', True)
            if not self._coef:
                return context._raise_error(InvalidOperation, '0 * (+-)INF')
            return _dec(sign, 0, 'F', True)
        return _dec(sign, self._coef * other._coef, self._exp + other._exp)._fix(context)
    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        # _pydecimal __truediv__: enough digits plus a sticky digit, then one rounding
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._exp == 'F' and other._exp == 'F':
                return context._raise_error(InvalidOperation, '(+-)INF/(+-)INF')
            if self._exp == 'F':
                return _dec(sign, 0, 'F', True)
            context._raise_error(Clamped, 'Division by infinity')
            return _dec(sign, 0, context.Etiny())
        if not other._coef:
            if not self._coef:
                return context._raise_error(DivisionUndefined, '0 / 0')
            context._raise_error(DivisionByZero, 'x / 0')
            return _dec(sign, 0, 'F', True)
        if not self._coef:
            exp = self._exp - other._exp
            coeff = 0
        else:
            shift = _ndigits(other._coef) - _ndigits(self._coef) + context.prec + 1
            exp = self._exp - other._exp - shift
            if shift >= 0:
                coeff, remainder = divmod(self._coef * 10 ** shift, other._coef)
            else:
                coeff, remainder = divmod(self._coef, other._coef * 10 ** -shift)
            if remainder:
                if coeff % 5 == 0:
                    coeff += 1
            else:
                ideal_exp = self._exp - other._exp
                while exp < ideal_exp and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1
        return _dec(sign, coeff, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide(self, other, context):
        # _pydecimal _divide: (integer part of self/other, remainder) for finite operands
        sign = self._sign ^ other._sign
        if other._exp == 'F':
            ideal_exp = self._exp
        else:
            ideal_exp = min(self._exp, other._exp)
        expdiff = self.adjusted() - other.adjusted()
        if not self._coef or other._exp == 'F' or expdiff <= -2:
            return (_dec(sign, 0, 0), self._rescale(ideal_exp, context.rounding))
        if expdiff <= context.prec:
            a, b = self._coef, other._coef
            if self._exp >= other._exp:
                a *= 10 ** (self._exp - other._exp)
            else:
                b *= 10 ** (other._exp - self._exp)
            q, r = divmod(a, b)
            if q < 10 ** context.prec:
                return (_dec(sign, q, 0), _dec(self._sign, r, ideal_exp))
        ans = context._raise_error(DivisionImpossible, 'quotient too large in //, % or divmod')
        return ans, ans

    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._exp == 'F':
            if other._exp == 'F':
                return context._raise_error(InvalidOperation, 'INF // INF')
            return _dec(self._sign ^ other._sign, 0, 'F', True)
        if not other._is_special and not other._coef:
            if not self._coef:
                return context._raise_error(DivisionUndefined, '0 // 0')
            context._raise_error(DivisionByZero, 'x // 0')
            return _dec(self._sign ^ other._sign, 0, 'F', True)
        return self._divide(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._exp == 'F':
            return context._raise_error(InvalidOperation, 'INF % x')
        if not other._is_special and not other._coef:
            if not self._coef:
                return context._raise_error(DivisionUndefined, '0 % 0')
            return context._raise_error(InvalidOperation, 'x % 0')
        remainder = self._divide(other, context)[1]
        return remainder._fix(context)

    def __rmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __divmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return (ans, ans)
        if self._exp == 'F':
            if other._exp == 'F':
                ans = context._raise_error(InvalidOperation, 'divmod(INF, INF)')
                return ans, ans
            return (_dec(self._sign ^ other._sign, 0, 'F', True),
                    context._raise_error(InvalidOperation, 'INF % x'))
        if not other._is_special and not other._coef:
            if not self._coef:
                ans = context._raise_error(DivisionUndefined, 'divmod(0, 0)')
                return ans, ans
            context._raise_error(DivisionByZero, 'x // 0')
            return (_dec(self._sign ^ other._sign, 0, 'F', True),
                    context._raise_error(InvalidOperation, 'x % 0'))
        q, r = self._divide(other, context)
        return q, r._fix(context)

    def __rdivmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def remainder_near(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        q, r = self.__divmod__(other, context=context)
        twice = _dec(0, r._coef * 2, r._exp)
        c = twice._cmp(other.copy_abs())
        if c > 0 or (c == 0 and q._coef & 1):
            r = r.__sub__(_dec(r._sign, other._coef, other._exp), context=context)
        return r

    def __pow__(self, other, modulo=None, context=None):
        # integral exponents only (exact power, one rounding; 1/x**n for negative n)
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if modulo is not None:
            modulo = _convert(modulo, True)
            if self._is_special or other._is_special or modulo._is_special or other._sign or \
                    not self._is_integral() or not other._is_integral() or not modulo._is_integral() or not modulo._coef:
                return context._raise_error(InvalidOperation, 'pow() 3rd argument not allowed unless all arguments are integers')
            m = int(modulo)
            r = pow(int(self), int(other), abs(m))
            if self._sign and int(self) < 0 and r:
                pass
            return Decimal(r)._fix(context)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if not other._is_special and not other._coef:
            if not self._is_special and not self._coef:
                return context._raise_error(InvalidOperation, '0 ** 0')
            return _dec(0, 1, 0)
        if other._is_special or not other._is_integral():
            if other._is_special or self._is_special or self._sign:
                if not self._is_special and self._sign and not other._is_special:
                    return context._raise_error(InvalidOperation, 'x ** y with x negative and y not an integer')
                return self._pow_special(other, context)
            return self._pow_float(other, context)
        n = int(other)
        if self._is_special:
            sign = self._sign if n & 1 else 0
            if n < 0:
                return _dec(sign, 0, 0)
            return _dec(sign, 0, 'F', True)
        sign = self._sign if n & 1 else 0
        if not self._coef:
            if n < 0:
                context._raise_error(DivisionByZero, '0 ** -n')
                return _dec(sign, 0, 'F', True)
            return _dec(sign, 0, 0)
        if n > 0:
            if n * (self.adjusted()) > context.Emax * 2 + 10 and self.adjusted() > 0:
                return _dec(sign, 1, context.Emax + 1)._fix(context)
            return _dec(sign, self._coef ** n, self._exp * n)._fix(context)
        if self.adjusted() * -n > context.Emax * 2 + 10:
            return _dec(sign, 1, context.Etiny() - 2)._fix(context)
        den = _dec(0, self._coef ** -n, self._exp * -n)
        return _dec(sign, 1, 0).__truediv__(den, context=context)

    def _pow_special(self, other, context):
        if other._exp == 'F':
            mag = self.copy_abs()._cmp(_dec(0, 1, 0))
            if self._is_special:
                mag = 1
            if mag == 0:
                return _dec(0, 1, 0)._fix(context)
            big = (mag > 0) != bool(other._sign)
            return _dec(0, 0, 'F', True) if big else _dec(0, 0, 0)
        if self._exp == 'F':
            if other._sign:
                return _dec(0, 0, 0)
            return _dec(0, 0, 'F', True)
        return context._raise_error(InvalidOperation)

    def _pow_float(self, other, context):
        # non-integral exponent of a positive number: exact when the result is (sqrt for 0.5)
        if other._cmp(_dec(0, 5, -1)) == 0:
            return self.sqrt(context)
        raise NotImplementedError('RefScope: Decimal ** non-integral exponent is not supported')

    def __rpow__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def _is_integral(self):
        if self._is_special:
            return False
        if self._exp >= 0:
            return True
        return self._coef % 10 ** -self._exp == 0

    # ---- quantize, integral values, sqrt, normalize
    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special or exp._is_special:
            ans = self._check_nans(exp, context)
            if ans:
                return ans
            if exp._exp == 'F' and self._exp == 'F':
                return _dec(self._sign, 0, 'F', True)
            return context._raise_error(InvalidOperation, 'quantize with one INF')
        if not (context.Etiny() <= exp._exp <= context.Emax):
            return context._raise_error(InvalidOperation, 'target exponent out of bounds in quantize')
        if not self._coef:
            ans = _dec(self._sign, 0, exp._exp)
            return ans._fix(context)
        self_adjusted = self.adjusted()
        if self_adjusted > context.Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if self_adjusted - exp._exp + 1 > context.prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        ans = self._rescale(exp._exp, rounding)
        if ans.adjusted() > context.Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if _ndigits(ans._coef) > context.prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        if ans._exp > self._exp:
            if ans != self:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
        return ans._fix(context)

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan()) or (self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return self
        if self._exp >= 0:
            return self
        return self._rescale(0, rounding)
    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return self
        if self._exp >= 0:
            return self
        if not self._coef:
            return _dec(self._sign, 0, 0)
        ans = self._rescale(0, rounding)
        if ans != self:
            context._raise_error(Inexact)
        context._raise_error(Rounded)
        return ans

    def sqrt(self, context=None):
        # _pydecimal sqrt: an integer square root with prec+1 digits, then round half even
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            if self._exp == 'F' and self._sign == 0:
                return self
        if not self._coef:
            return _dec(self._sign, 0, self._exp >> 1)._fix(context)
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'sqrt(-x), x > 0')
        prec = context.prec + 1
        e = self._exp >> 1
        n_digits = _ndigits(self._coef)
        if self._exp & 1:
            c = self._coef * 10
            l = (n_digits >> 1) + 1
        else:
            c = self._coef
            l = (n_digits + 1) >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, remainder = divmod(c, 100 ** -shift)
            exact = not remainder
        e -= shift
        n = _isqrt(c)
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        else:
            if n % 5 == 0:
                n += 1
        ans = _dec(0, n, e)
        saved = context.rounding
        context.rounding = ROUND_HALF_EVEN
        try:
            ans = ans._fix(context)
        finally:
            context.rounding = saved
        return ans

    def normalize(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        dup = self._fix(context)
        if dup._is_special:
            return dup
        if not dup._coef:
            return _dec(dup._sign, 0, 0)
        exp_max = [context.Emax, context.Etop()][context.clamp]
        coef, exp = dup._coef, dup._exp
        while coef % 10 == 0 and exp < exp_max:
            coef //= 10
            exp += 1
        return _dec(dup._sign, coef, exp)

    def fma(self, other, third, context=None):
        other = _convert(other, True)
        third = _convert(third, True)
        big = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
        product = self.__mul__(other, context=big)
        return product.__add__(third, context=context)

    def number_class(self, context=None):
        if self.is_snan():
            return 'sNaN'
        if self.is_qnan():
            return 'NaN'
        inf = self._isinfinity()
        if inf == 1:
            return '+Infinity'
        if inf == -1:
            return '-Infinity'
        if self.is_zero():
            return '-Zero' if self._sign else '+Zero'
        if self.is_subnormal(context):
            return '-Subnormal' if self._sign else '+Subnormal'
        return '-Normal' if self._sign else '+Normal'

    # next_plus / next_minus (_pydecimal): rounding toward the direction with every flag
    # ignored (a context of the same limits, no traps, its own flags)
    def _next_context(self, context, rounding):
        return Context(context.prec, rounding, context.Emin, context.Emax, context.capitals,
                       context.clamp, None, dict.fromkeys(_signals, False))

    # (_pydecimal adds 1E(Etiny-1) and lets _fix round it away; this module's __add__ keeps exact
    # coefficients, so the amount is just below the precision: the same rounded result)
    def _next_exp(self, context):
        if self:
            return max(self.adjusted() - context.prec - 1, context.Etiny() - 1)
        return context.Etiny() - 1

    def next_plus(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() == 1:
            return _Infinity
        if self._isinfinity() == -1:
            return _dec(1, 10 ** context.prec - 1, context.Etop())
        context = self._next_context(context, ROUND_CEILING)
        new_self = self._fix(context)
        if new_self != self:
            return new_self
        return self.__add__(_dec(0, 1, self._next_exp(context)), context)

    def next_minus(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() == -1:
            return _NegativeInfinity
        if self._isinfinity() == 1:
            return _dec(0, 10 ** context.prec - 1, context.Etop())
        context = self._next_context(context, ROUND_FLOOR)
        new_self = self._fix(context)
        if new_self != self:
            return new_self
        return self.__sub__(_dec(0, 1, self._next_exp(context)), context)

    def logb(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return _dec(0, 0, 'F', True)
        if not self._coef:
            context._raise_error(DivisionByZero, 'logb(0)')
            return _dec(1, 0, 'F', True)
        return Decimal(self.adjusted())._fix(context)

    def scaleb(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if other._exp != 0 or other._is_special:
            return context._raise_error(InvalidOperation)
        if self._is_special:
            return self
        return _dec(self._sign, self._coef, self._exp + int(other))._fix(context)


def _convert(other, raiseit=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raiseit:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


def _convert_for_comparison(self, other, equality_op=False):
    # Decimal compares exactly with int, float and Fraction (FloatOperation is flagged for floats)
    if isinstance(other, Decimal):
        return self, other
    if isinstance(other, int):
        return self, Decimal(other)
    if isinstance(other, float):
        context = getcontext()
        if equality_op:
            context.flags[FloatOperation] = True
        else:
            context._raise_error(FloatOperation)
        return self, Decimal.from_float(other)
    if hasattr(other, 'numerator') and hasattr(other, 'denominator') and not isinstance(other, complex):
        if not self._is_special:
            self = _dec(self._sign, self._coef * other.denominator, self._exp)
        return self, Decimal(other.numerator)
    return NotImplemented, NotImplemented


# ------------------------------------------------------------------ formatting helpers
_parse_format_specifier_regex = _re.compile(r"""\A
(?:
   (?P<fill>.)?
   (?P<align>[<>=^])
)?
(?P<sign>[-+ ])?
(?P<no_neg_0>z)?
(?P<alt>\#)?
(?P<zeropad>0)?
(?P<minimumwidth>(?!0)\d+)?
(?P<thousands_sep>[,_])?
(?:\.(?P<precision>0|(?!0)\d+))?
(?P<type>[eEfFgGn%])?
\Z
""", _re.VERBOSE | _re.DOTALL)


def _parse_format_specifier(format_spec):
    m = _parse_format_specifier_regex.match(format_spec)
    if m is None:
        raise ValueError('invalid format string')
    d = m.groupdict()
    fill = d['fill']
    align = d['align']
    d['zeropad'] = (d['zeropad'] is not None)
    if d['zeropad']:
        if fill is not None:
            raise ValueError("Fill character conflicts with '0' in format specifier: " + format_spec)
        if align is not None:
            raise ValueError("Alignment conflicts with '0' in format specifier: " + format_spec)
    d['fill'] = fill or ' '
    d['align'] = align or '>'
    if d['sign'] is None:
        d['sign'] = '-'
    d['minimumwidth'] = int(d['minimumwidth'] or '0')
    if d['precision'] is not None:
        d['precision'] = int(d['precision'])
    if d['precision'] == 0:
        if d['type'] is None or d['type'] in 'gGn':
            d['precision'] = 1
    if d['type'] == 'n':
        d['type'] = 'g'
        d['thousands_sep'] = d['thousands_sep'] or ''
    elif d['thousands_sep'] is None:
        d['thousands_sep'] = ''
    d['grouping'] = [3, 0]
    d['decimal_point'] = '.'
    return d


def _format_align(sign, body, spec):
    minimumwidth = spec['minimumwidth']
    fill = spec['fill']
    padding = fill * (minimumwidth - len(sign) - len(body))
    align = spec['align']
    if align == '<':
        result = sign + body + padding
    elif align == '>':
        result = padding + sign + body
    elif align == '=':
        result = sign + padding + body
    else:
        half = len(padding) // 2
        result = padding[:half] + sign + body + padding[half:]
    return result


def _insert_thousands_sep(digits, spec, min_width=1):
    sep = spec['thousands_sep']
    min_width = max(min_width, 1)
    if not sep:
        if len(digits) < min_width:
            digits = '0' * (min_width - len(digits)) + digits
        return digits
    groups = []
    while True:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (l - len(digits)) + digits[-l:])
        digits = digits[:-l]
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _format_sign(is_negative, spec):
    if is_negative:
        return '-'
    if spec['sign'] in ' +':
        return spec['sign']
    return ''


def _format_number(is_negative, intpart, fracpart, exp, spec):
    sign = _format_sign(is_negative, spec)
    if fracpart or spec['alt']:
        fracpart = spec['decimal_point'] + fracpart
    if exp != 0 or spec['type'] in 'eE':
        echar = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[spec['type']]
        fracpart += "{0}{1:+}".format(echar, exp)
    if spec['type'] == '%':
        fracpart += '%'
    if spec['zeropad']:
        min_width = spec['minimumwidth'] - len(fracpart) - len(sign)
    else:
        min_width = 0
    intpart = _insert_thousands_sep(intpart, spec, min_width)
    return _format_align(sign, intpart + fracpart, spec)


# (_pydecimal: _numbers.Number.register(Decimal)) without importing numbers here, which makes
# many objects for a module this size: numbers registers Decimal when it is imported later
import sys as _sys
if 'numbers' in _sys.modules:
    _sys.modules['numbers'].Number.register(Decimal)
del _sys

_NaN = _dec(0, 0, 'n', True)
_Infinity = _dec(0, 0, 'F', True)
_NegativeInfinity = _dec(1, 0, 'F', True)
_Zero = _dec(0, 0, 0)
_One = _dec(0, 1, 0)

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
           'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded',
           'Subnormal', 'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible',
           'InvalidContext', 'ConversionSyntax', 'DivisionUndefined',
           'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR',
           'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
           'setcontext', 'getcontext', 'localcontext',
           'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR']
`;

registerModule('decimal', (m) => {
  execStdlibSource(m, DECIMAL_SRC, 'decimal.py');
  // Decimal and Context are C types in CPython (_decimal): messages name them by tp_name
  for (const name of ['Decimal', 'Context']) {
    const t = m.dict.getStr(strKey(name));
    if (t instanceof PyType) {
      t.name = `decimal.${name}`;
      t.cTypeName = true;
    }
  }
});
