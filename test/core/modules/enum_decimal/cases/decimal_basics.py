from decimal import *
import decimal
print(getcontext())
print(Decimal(0.1), Decimal(1.5), Decimal(-0.0), Decimal(float('inf')), Decimal('nan'), Decimal('-sNaN12'))
print(Decimal('1e3'), Decimal('1E+3'), Decimal('0.000001'), Decimal('0.0000001'), Decimal('123.456e10'), Decimal('-0'), Decimal('  1_000.5 '))
print(Decimal('0.1') + Decimal('0.2'), Decimal(1) / Decimal(7), Decimal('1.30').quantize(Decimal('0.1')))
print(Decimal(7) // Decimal(2), Decimal(-7) // Decimal(2), Decimal(-7) % Decimal(2), divmod(Decimal(7), Decimal(-2)))
print(Decimal(2) ** 10, Decimal('1.1') ** 2, Decimal(2) ** -2, Decimal(3) ** -1, Decimal(2).sqrt(), Decimal(16).sqrt(), Decimal('0.25').sqrt())
print(Decimal('1.5') == 1.5, Decimal(1) == 1, hash(Decimal(1)) == hash(1), hash(Decimal('0.5')) == hash(0.5), Decimal('0.5') < 1)
print(Decimal('2.5').to_integral(), Decimal('3.5').to_integral_value(), round(Decimal('2.5')), round(Decimal('2.675'), 2), int(Decimal('-3.9')), float(Decimal('0.1')))
print(Decimal('100').normalize(), Decimal('1.20').as_tuple(), Decimal('12.5').adjusted(), Decimal(3) - Decimal('3.00'), -Decimal('0'), Decimal('-0') + Decimal('0'), Decimal('5') * Decimal('-0.0'))
print(f"{Decimal('1234.5678'):.2f}", f"{Decimal('1234.5678'):,.3f}", f"{Decimal('0.000123'):e}", f"{Decimal('12'):>8}", format(Decimal('0.5'), '%'), f"{Decimal('123.456'):g}")
print(f"{Decimal('-3.14159'):+010.3f}", f"{Decimal('1E+5')}", f"{Decimal('1E+5'):f}", f"{Decimal('NaN'):>6}", f"{Decimal('2.5'):.0f}")
print(Decimal(1) + 1, 1 + Decimal(1), Decimal('1.1') * 2, 3 - Decimal('0.5'), Decimal(1) / 3, max(Decimal(1), Decimal(2)), sum([Decimal('0.1')] * 3))
print(Decimal(10) / Decimal(4), Decimal(100) / Decimal(10), Decimal('1.000') / Decimal(3), Decimal('12.34').as_integer_ratio())
print(Decimal('1E+3'), Decimal('1E+3').to_integral(), Decimal(1000).normalize(), Decimal('0E-10'), Decimal('0E+10'), Decimal('1.23E-7').to_eng_string())
print(ROUND_HALF_EVEN, Decimal(10).compare(Decimal(3)), Decimal('7').is_signed(), Decimal(1).__class__, decimal.__name__)
print(Decimal((1, (3, 1, 4), -2)), Decimal('3.14').quantize(Decimal('1.0'), rounding=ROUND_UP), Decimal('-2.5').quantize(Decimal('1'), ROUND_HALF_UP))
print(sorted([Decimal('1.1'), Decimal('-2'), Decimal('0.5')]), Decimal('1.10') == Decimal('1.1'), abs(Decimal('-4.20')), +Decimal('1.234567890123456789012345678901'))
with localcontext() as ctx:
    ctx.prec = 3
    print(Decimal(1) / Decimal(7), ctx.prec)
print(Decimal(1) / Decimal(7))
getcontext().prec = 5
print(Decimal(1) / Decimal(3), repr(Decimal('2.50')), Decimal('123456789'), +Decimal('123456789'), Decimal('123456789') * 1)
getcontext().rounding = ROUND_DOWN
print(Decimal(2) / Decimal(3), getcontext())
