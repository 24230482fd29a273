"""Module docstring."""
import os
import os.path as osp, sys
from . import a
from .. import b as c
from ...pkg.mod import (x, y as z,)
from __future__ import annotations
from m import *
x = 1
x = y = z = 2
a, b = b, a
[a, *b] = c
(a, b), c = d
a.b.c = 1
a[1][2] = 3
x += 1; y -= 2; z *= 3
x @= m; x /= 2; x //= 2; x %= 3; x **= 2; x >>= 1; x <<= 1; x &= 1; x ^= 1; x |= 1
x: int
x: int = 5
(y): str = "s"
a.b: list[int] = []
a[0]: float
del x
del a.b, c[0], (d, e), [f]
pass
assert x
assert x, "msg"
global g1, g2
nonlocal_ = 1
def f():
    nonlocal_ = 2
    def g():
        nonlocal nonlocal_
        return
    return nonlocal_
raise
raise E
raise E from None
if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
while x:
    break
else:
    continue_ = 1
for i in range(10):
    continue
else:
    pass
for a, b in items:
    pass
for (a, b), *c in items: pass
with open(f) as fh, open(g) as gh:
    pass
with (open(f) as fh, open(g) as gh,):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with a as (b, c):
    pass
with (yield):
    pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
class C:
    pass
class D(B, metaclass=M, **kw):
    """Doc."""
    x: int = 0
    def m(self): return self
@dec
@dec.attr(1)
@(lambda f: f)
class E(): pass
if x: y = 1; z = 2
while 0: pass
