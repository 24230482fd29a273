# Decimal and Context are C types in CPython: messages name them by tp_name 'decimal.Decimal',
# while __name__, __qualname__ and __module__ split it
from decimal import Decimal, Context, getcontext
d = Decimal('1.5')
print(type(d), type(d).__name__, type(d).__qualname__, type(d).__module__, repr(d), type(getcontext()))
print(Context.__name__, Context.__module__, Context.__qualname__)
for bad in (lambda: d + 1.5, lambda: d < 'a', lambda: len(d), lambda: d[0]):
    try:
        bad()
    except TypeError as e:
        print(e)
class MyDec(Decimal):
    pass
print(MyDec.__name__, MyDec('2') + 1, type(MyDec('2')))
try:
    MyDec('1') + 1.5
except TypeError as e:
    print(e)
