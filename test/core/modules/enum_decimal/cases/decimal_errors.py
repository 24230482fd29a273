from decimal import *
tests = [
    lambda: Decimal(1) / Decimal(0), lambda: Decimal('abc'), lambda: Decimal(0) / Decimal(0),
    lambda: Decimal(1) // Decimal(0), lambda: Decimal('1e100000').quantize(Decimal('1')),
    lambda: Decimal('-1').sqrt(), lambda: Decimal('1.5') < Decimal('NaN'), lambda: Decimal(10) ** 1000000000,
    lambda: Decimal(5) % 0, lambda: Decimal('1.23').quantize(Decimal('1e-40')), lambda: Decimal([1, 2]),
    lambda: int(Decimal('NaN')), lambda: int(Decimal('-Infinity')), lambda: Decimal('Infinity') - Decimal('Infinity'),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, [c.__name__ for c in type(e).__mro__], repr(e), str(e))
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError), InvalidOperation.__module__)
ctx = getcontext()
ctx.traps[DivisionByZero] = False
print(Decimal(1) / Decimal(0), Decimal(-1) / Decimal(0), ctx.flags[DivisionByZero])
ctx.traps[InvalidOperation] = False
print(Decimal(0) / Decimal(0), Decimal('x'), ctx.flags[InvalidOperation], ctx)
ctx.clear_flags()
print(ctx)
try:
    getcontext().prec = 0
except ValueError as e:
    print(e)
