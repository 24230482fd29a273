import weakref
class V:
    def __init__(self, n): self.n = n
    def __add__(self, o): return V(self.n + (o.n if isinstance(o, V) else o))
    def __len__(self): return self.n
    def __getitem__(self, i): return i * 2
    def __str__(self): return 'V%d' % self.n
    def __eq__(self, o): return isinstance(o, V) and o.n == self.n
    def __call__(self, x): return x + self.n
v = V(3)
p = weakref.proxy(v)
print(type(p).__name__, p.n, len(p), p[5], str(p), (p + 1).n, p == V(3), p(10), bool(p))
p.m = 7
print(v.m, weakref.proxy(v) is p)
del p.m
print(hasattr(v, 'm'))
class N: pass
n = N()
q = weakref.proxy(n)
print(type(q).__name__, weakref.proxy(n, lambda w: None) is q)
try:
    hash(q)
except TypeError as e:
    print(e)
print(repr(q).startswith('<weakproxy at 0x'), ' to N at ' in repr(q))
del n
try:
    str(q)
except ReferenceError as e:
    print(e)
try:
    q.x = 1
except ReferenceError as e:
    print(e)
