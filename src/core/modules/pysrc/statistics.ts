// Python source of RefScope's statistics module: CPython 3.11.7's Lib/statistics.py (Steven
// D'Aprano's module: exact sums through Fraction, _convert back to the data's type), with the
// docstrings left out, harmonic_mean's numbers.Real check spelt as the concrete types (there is
// no numbers module here), the pure-Python _normal_dist_inv_cdf always used (CPython's
// _statistics accelerator computes the same values), and decimal not imported: Decimal is
// looked up in sys.modules where the module checks for it (data holds no Decimal before the
// program imported decimal), which saves decimal's start-up on `import statistics`.

export const STATISTICS_SRC = String.raw`
__all__ = ['NormalDist', 'StatisticsError', 'correlation', 'covariance', 'fmean', 'geometric_mean', 'harmonic_mean', 'linear_regression', 'mean', 'median', 'median_grouped', 'median_high', 'median_low', 'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance']
#@130
import math
#@132
import random
import sys
#@135
from fractions import Fraction
class _DecimalAbsent:
    pass
def _Decimal():
    d = sys.modules.get('decimal')
    return _DecimalAbsent if d is None else d.Decimal
from itertools import groupby, repeat
from bisect import bisect_left, bisect_right
from math import hypot, sqrt, fabs, exp, erf, tau, log, fsum
from functools import reduce
from operator import mul
from collections import Counter, namedtuple, defaultdict
_SQRT2 = sqrt(2.0)
class StatisticsError(ValueError):
    pass

#@154
def _sum(data):
#@186
    count = 0
    types = set()
    types_add = types.add
    partials = {}
    partials_get = partials.get
    for typ, values in groupby(data, type):
        types_add(typ)
        for n, d in map(_exact_ratio, values):
            count += 1
            partials[d] = partials_get(d, 0) + n
    if None in partials:
#@199
        total = partials[None]
        assert not _isfinite(total)
    else:
        total = sum((Fraction(n, d) for d, n in partials.items()))
#@204
    T = reduce(_coerce, types, int)  # or raise TypeError
    return (T, total, count)

#@208
def _ss(data, c=None):
#@217
    if c is not None:
        T, ssd, count = _sum(((d := (x - c)) * d for x in data))
        return (T, ssd, c, count)
    count = 0
    types = set()
    types_add = types.add
    sx_partials = defaultdict(int)
    sxx_partials = defaultdict(int)
    for typ, values in groupby(data, type):
        types_add(typ)
        for n, d in map(_exact_ratio, values):
            count += 1
            sx_partials[d] += n
            sxx_partials[d] += n * n
    if not count:
        ssd = c = Fraction(0)
    elif None in sx_partials:
#@236
        ssd = c = sx_partials[None]
        assert not _isfinite(ssd)
    else:
        sx = sum((Fraction(n, d) for d, n in sx_partials.items()))
        sxx = sum((Fraction(n, d * d) for d, n in sxx_partials.items()))
#@243
        ssd = (count * sxx - sx * sx) / count
        c = sx / count
    T = reduce(_coerce, types, int)  # or raise TypeError
    return (T, ssd, c, count)

#@249
def _isfinite(x):
    try:
        return x.is_finite()  # Likely a Decimal.
    except AttributeError:
        return math.isfinite(x)  # Coerces to float first.

#@256
def _coerce(T, S):
#@263
    assert T is not bool, "initial type T is bool"
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
#@283
    msg = "don't know how to coerce %s and %s"
    raise TypeError(msg % (T.__name__, S.__name__))

#@287
def _exact_ratio(x):
#@317
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
#@323
        assert not _isfinite(x)
        return (x, None)
    try:
#@327
        return (x.numerator, x.denominator)
    except AttributeError:
        msg = f"can't convert type '{type(x).__name__}' to numerator/denominator"
        raise TypeError(msg)

#@333
def _convert(value, T):
#@335
    if type(value) is T:
#@338
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
#@343
        return T(value)
    except TypeError:
        if issubclass(T, _Decimal()):
            return T(value.numerator) / T(value.denominator)
        else:
            raise

#@351
def _fail_neg(values, errmsg='negative value'):
#@353
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x

#@359
def _integer_sqrt_of_frac_rto(n: int, m: int) -> int:
#@362
    a = math.isqrt(n // m)
    return a | (a*a*m != n)
#@368
_sqrt_bit_width: int = 2 * sys.float_info.mant_dig + 3

#@371
def _float_sqrt_of_frac(n: int, m: int) -> float:
#@374
    q = (n.bit_length() - m.bit_length() - _sqrt_bit_width) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator   # Convert to float

def _decimal_sqrt_of_frac(n: int, m: int):
    Decimal = _Decimal()
#@389
    if n <= 0:
        if not n:
            return Decimal('0.0')
        n, m = (-n, -m)
#@394
    root = (Decimal(n) / Decimal(m)).sqrt()
    nr, dr = root.as_integer_ratio()
#@397
    plus = root.next_plus()
    np, dp = plus.as_integer_ratio()
#@400
    if 4 * n * (dr*dp)**2 > m * (dr*np + dp*nr)**2:
        return plus
#@403
    minus = root.next_minus()
    nm, dm = minus.as_integer_ratio()
#@406
    if 4 * n * (dr*dm)**2 < m * (dr*nm + dm*nr)**2:
        return minus
#@409
    return root

#@414
def mean(data):
#@430
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(total / n, T)

#@436
def fmean(data, weights=None):
#@445
    try:
        n = len(data)
    except TypeError:
#@449
        n = 0
        def count(iterable):
            nonlocal n
            for n, x in enumerate(iterable, start=1):
                yield x
        data = count(data)
    if weights is None:
        total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = fsum(map(mul, data, weights))
    if n != num_weights:
        raise StatisticsError('data and weights must be the same length')
    den = fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den

#@474
def geometric_mean(data):
#@486
    try:
        return exp(fmean(map(log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers') from None

#@493
def harmonic_mean(data, weights=None):
#@516
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction, _Decimal())):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        else:
            raise TypeError('unsupported type')
    if weights is None:
        weights = repeat(1, n)
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum((w for w in _fail_neg(weights, errmsg)))
    try:
        data = _fail_neg(data, errmsg)
        T, total, count = _sum((w / x if w else 0 for w, x in zip(weights, data)))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(sum_weights / total, T)

#@549
def median(data):
#@562
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        i = n // 2
        return (data[i - 1] + data[i]) / 2

#@573
def median_low(data):
#@585
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        return data[n // 2 - 1]

#@595
def median_high(data):
#@607
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]

#@614
def median_grouped(data, interval=1.0):
#@657
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
#@664
    x = data[n // 2]
#@668
    i = bisect_left(data, x)
    j = bisect_right(data, x, lo=i)
#@672
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError(f'Value cannot be converted to a float')
#@680
    L = x - interval / 2.0    # Lower limit of the median interval
    cf = i                    # Cumulative frequency of the preceding interval
    f = j - i                 # Number of elements in the median internal
    return L + interval * (n / 2 - cf) / f

#@686
def mode(data):
#@709
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None

#@716
def multimode(data):
#@729
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]

#@773
def quantiles(data, *, n=4, method='exclusive'):
#@789
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n                               # rescale i to m/n
            j = 1 if j < 1 else ld-1 if j > ld-1 else j  # clamp to 1 .. ld-1
            delta = i*m - j*n                            # exact integer math
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')

#@822
def variance(data, xbar=None):
#@860
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(ss / (n - 1), T)

#@866
def pvariance(data, mu=None):
#@901
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(ss / n, T)

#@907
def stdev(data, xbar=None):
#@916
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    mss = ss / (n - 1)
    if issubclass(T, _Decimal()):
        return _decimal_sqrt_of_frac(mss.numerator, mss.denominator)
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)

#@925
def pstdev(data, mu=None):
#@934
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    mss = ss / n
    if issubclass(T, _Decimal()):
        return _decimal_sqrt_of_frac(mss.numerator, mss.denominator)
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)

#@943
def _mean_stdev(data):
#@945
    T, ss, xbar, n = _ss(data)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    mss = ss / (n - 1)
    try:
        return (float(xbar), _float_sqrt_of_frac(mss.numerator, mss.denominator))
    except AttributeError:
        return (float(xbar), float(xbar) / float(ss))

#@963
def covariance(x, y, /):
#@980
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = fsum(x) / n
    ybar = fsum(y) / n
    sxy = fsum(((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)))
    return sxy / (n - 1)

#@991
def correlation(x, y, /):
#@1008
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    xbar = fsum(x) / n
    ybar = fsum(y) / n
    sxy = fsum(((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)))
    sxx = fsum(((d := (xi - xbar)) * d for xi in x))
    syy = fsum(((d := (yi - ybar)) * d for yi in y))
    try:
        return sxy / sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')
#@1024
LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))

#@1027
def linear_regression(x, y, /, *, proportional=False):
#@1065
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if proportional:
        sxy = fsum((xi * yi for xi, yi in zip(x, y)))
        sxx = fsum((xi * xi for xi in x))
    else:
        xbar = fsum(x) / n
        ybar = fsum(y) / n
        sxy = fsum(((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)))
        sxx = fsum(((d := (xi - xbar)) * d for xi in x))
    try:
        slope = sxy / sxx   # equivalent to:  covariance(x, y) / variance(x)
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)

#@1089
def _normal_dist_inv_cdf(p, mu, sigma):
#@1095
    q = p - 0.5
    if fabs(q) <= 0.425:
        r = 0.180625 - q * q
        num = (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r + 13731.69376550946) * r + 1971.5909503065513) * r + 133.14166789178438) * r + 3.3871328727963665) * q
        den = ((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r + 5394.196021424751) * r + 687.1870074920579) * r + 42.31333070160091) * r + 1.0
#@1115
        x = num / den
        return mu + x * sigma
    r = p if q <= 0.0 else 1.0 - p
    r = sqrt(-log(r))
    if r <= 5.0:
        r = r - 1.6
        num = ((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r + 4.630337846156546) * r + 1.4234371107496835
        den = ((((((1.0507500716444169e-09 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r + 2.053191626637759) * r + 1.0
#@1138
    else:
        r = r - 5.0
        num = ((((((2.0103343992922881e-07 * r + 2.7115555687434876e-05) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r + 5.463784911164114) * r + 6.657904643501103
        den = ((((((2.0442631033899397e-15 * r + 1.421511758316446e-07) * r + 1.8463183175100548e-05) * r + 0.0007868691311456133) * r + 0.014875361290850615) * r + 0.1369298809227358) * r + 0.599832206555888) * r + 1.0
#@1157
    x = num / den
    if q < 0.0:
        x = -x
    return mu + x * sigma

#@1170
class NormalDist:
    __slots__ = {'_mu': 'Arithmetic mean of a normal distribution', '_sigma': 'Standard deviation of a normal distribution'}

#@1180
    def __init__(self, mu=0.0, sigma=1.0):
#@1182
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
#@1190
        return cls(*_mean_stdev(data))

    def samples(self, n, *, seed=None):
#@1194
        gauss = random.gauss if seed is None else random.Random(seed).gauss
        mu, sigma = (self._mu, self._sigma)
        return [gauss(mu, sigma) for i in range(n)]

    def pdf(self, x):
#@1200
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return exp(diff * diff / (-2.0 * variance)) / sqrt(tau * variance)

    def cdf(self, x):
#@1208
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + erf((x - self._mu) / (self._sigma * _SQRT2)))

    def inv_cdf(self, p):
#@1222
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError('p must be in the range 0.0 < p < 1.0')
        if self._sigma <= 0.0:
            raise StatisticsError('cdf() not defined when sigma at or below zero')
        return _normal_dist_inv_cdf(p, self._mu, self._sigma)

    def quantiles(self, n=4):
#@1237
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
#@1255
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        X, Y = (self, other)
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):  # sort to assure commutativity
            X, Y = (Y, X)
        X_var, Y_var = (X.variance, Y.variance)
        if not X_var or not Y_var:
            raise StatisticsError('overlap() not defined when sigma is zero')
        dv = Y_var - X_var
        dm = fabs(Y._mu - X._mu)
        if not dv:
            return 1.0 - erf(dm / (2.0 * X._sigma * _SQRT2))
        a = X._mu * Y_var - Y._mu * X_var
        b = X._sigma * Y._sigma * sqrt(dm * dm + dv * log(Y_var / X_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (fabs(Y.cdf(x1) - X.cdf(x1)) + fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
#@1280
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
#@1287
        return self._mu

    @property
    def median(self):
#@1292
        return self._mu

    @property
    def mode(self):
#@1301
        return self._mu

    @property
    def stdev(self):
#@1306
        return self._sigma

    @property
    def variance(self):
#@1311
        return self._sigma * self._sigma

    def __add__(x1, x2):
#@1323
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
#@1337
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
#@1347
        return NormalDist(x1._mu * x2, x1._sigma * fabs(x2))

    def __truediv__(x1, x2):
#@1355
        return NormalDist(x1._mu / x2, x1._sigma / fabs(x2))

    def __pos__(x1):
#@1359
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
#@1363
        return NormalDist(-x1._mu, x1._sigma)
#@1365
    __radd__ = __add__

    def __rsub__(x1, x2):
#@1369
        return -(x1 - x2)
#@1371
    __rmul__ = __mul__

    def __eq__(x1, x2):
#@1375
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
#@1381
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'

    def __getstate__(self):
        return (self._mu, self._sigma)

    def __setstate__(self, state):
        self._mu, self._sigma = state
`;
