# behaviour that needs runtime support outside the enum/decimal modules (see the test's todo)
from enum import Enum, Flag, auto
from decimal import Decimal
class Color(Enum):
    RED = 1
    GREEN = 2
print(hash(Color.RED) == hash('RED'))
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    del Color.GREEN
except AttributeError as e:
    print(e)
class Perm(Flag):
    R = auto()
    W = auto()
    RW = R | W
print(Perm.R | Perm.W, list(Perm))
try:
    Decimal(1) + 1.5
except TypeError as e:
    print(e)
