# behaviour that needs runtime support outside the decimal module (see the test's todo)
from decimal import Decimal
try:
    Decimal(1) + 1.5
except TypeError as e:
    print(e)
