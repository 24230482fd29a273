import math
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7), math.fabs(-3))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(25), math.comb(10, 3), math.perm(5, 2), math.isqrt(10**30))
print(math.log2(1024), math.log10(0.001), math.exp(1), math.log(2**2000), math.log(8, 2))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.prod([1, 2, 3, 4]), math.hypot(3, 4))
print(math.copysign(3, -0.0), math.modf(3.25), math.modf(-3.5), math.frexp(8.0), math.frexp(0.1), math.ldexp(0.5, 4))
print(math.isclose(1.0, 1.0000000001), math.isinf(-math.inf), math.isnan(math.nan), math.fmod(7.0, 3.0), math.remainder(7.0, 2.0))
for f, a in [(math.sqrt, -1.0), (math.log, 0), (math.acos, 2.0), (math.exp, 1000.0), (math.factorial, -1)]:
    try:
        f(a)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
