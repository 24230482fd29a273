print(1 + 2.5, 2.5 + 1, 7 // 2, -7 // 2, 7 % -3, 7 / 2, 2 ** 10, 2 ** -1, 10 ** 20, divmod(7, 2), divmod(-7.5, 2), 1 == 1.0, 1 < 1.5, 2 ** 53 + 1 > 2.0 ** 53, True + True, 1 & 3)
t, f = True, False
print(t & f, t | f, t ^ t, t & 1)
print(int(), int("42"), int(" -7 "), int("ff", 16), int("0x1f", 0), int(3.9), int(-3.9), int(True), int("1_000"), float(), float("1.5"), float(" inf "), float(2), float("-0"), bool(), bool(0), bool([1]))
print((255).bit_length(), (-1).bit_length(), (0).bit_length(), (7).bit_count(), (5).conjugate(), (6).as_integer_ratio(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(1350, -2), round(0.5), round(1.5), round(5), round(5.0, 1), round(-0.45, 1), round(123.456, -1))
print((1.5).is_integer(), (2.0).is_integer(), (0.1).hex(), (1.0).hex(), (-2.5).hex(), float.fromhex("0x1.8p1"), (0.75).as_integer_ratio(), (2.5).__trunc__(), (2.5).__floor__(), (-2.5).__ceil__(), abs(-3), abs(-3.5), -(5), +True, ~5)
print(hash(1) == hash(1.0), hash(2 ** 70) == hash(float(2 ** 70)), hash(-1), hash(0.5), (3).__index__(), 3 .__float__(), (2.0).__int__(), format(True), format(True, "d"), format(5, "03d"), format(1.5, ".3f"), repr(True))
print(pow(2, 10, 1000), 3 ** 0.5, (-8) ** 2, 1e308 * 10, -1e308 * 10, 0.1 + 0.2, 5 // 0.3, 1 / 3)
class I(int):
    pass
i = I(5); print(i, type(i).__name__, i + 1, type(i + 1).__name__, i == 5, hash(i) == hash(5))
K = {'a': 'a', 'x': 'x'}
for bad in [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: int('x'),
    lambda: int('5', 1),
    lambda: int(1.5, 2),
    lambda: int([]),
    lambda: float('x'),
    lambda: float([]),
    lambda: round(float('nan')),
    lambda: int(float('inf')),
    lambda: 1 + 'a',
    lambda: 'a' + 1,
    lambda: 2 ** 10000.0,
    lambda: 1 << -1,
    lambda: (0.0) ** -1,
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
