# complex arithmetic with int/float/complex operands (3.11: the other operand becomes complex)
inf, nan = float('inf'), float('nan')
a, b = complex(1, 2), complex(3, -1)
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0, a ** 0.5, a ** b)
print(a + 1, 1 + a, a - 2.5, 2.5 - a, a * 3, 3 * a, a / 2, 2 / a, 2 ** a, a ** 3.0)
print(complex(0, 1) * complex(0, 1), complex(0, 3) * inf, -a, +a, abs(complex(3, 4)), abs(complex(-inf, nan)), abs(complex(nan, 1)))
print(complex(1e308, 1e308) * 10, complex(1, 1) / complex(1e-320, 0), complex(1, 2) / complex(nan, 1))
for x, y in [(a, 0), (a, 0.0), (a, complex(0, 0)), (1, complex(0, 0)), (1.5, complex(0, 0))]:
    try:
        print(x / y)
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
for x, y in [(complex(0, 0), -1), (complex(0, 0), complex(0, 1)), (0, complex(-1, 0))]:
    try:
        print(x ** y)
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
print(complex(0, 0) ** 0, complex(0, 0) ** 2, complex(2, 0) ** 100, complex(1, 1) ** 50)
for x, y in [(complex(1e200, 1e200), 2), (complex(10, 0), 400.5)]:
    try:
        print(x ** y)
    except OverflowError as e:
        print('OverflowError', e)
try:
    a.__pow__(2, 3)
except ValueError as e:
    print('ValueError', e)
try:
    a < b
except TypeError as e:
    print(e)
try:
    a // 2
except TypeError as e:
    print(e)
try:
    a % b
except TypeError as e:
    print(e)
try:
    divmod(a, 2)
except TypeError as e:
    print(e)
try:
    int(a)
except TypeError as e:
    print(e)
try:
    float(a)
except TypeError as e:
    print(e)
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print('OverflowError', e)
try:
    complex(2 ** 2000)
except OverflowError as e:
    print('OverflowError', e)
print(a == complex(1, 2), a != complex(1, 2), complex(1, 0) == 1, complex(1, 0) == 1.0, complex(1, 1) == 1, 1 == complex(1, 0), complex(2 ** 53 + 1, 0) == 2 ** 53 + 1, a == 'x', a != None)
print(a.__lt__(b), a.__eq__(3), a.__add__('x'), a.__radd__(1), a.__rsub__(1), a.__rtruediv__(1), a.__rpow__(2))
s = 0
for k in range(5):
    s = s + complex(k, -k) * k
print(s)
