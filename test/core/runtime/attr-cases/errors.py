class A:
    @property
    def p(self):
        raise AttributeError('custom')
try:
    A().p
except AttributeError as e:
    print(repr(e))
print(getattr(A(), 'p', 'dflt'), hasattr(A(), 'p'))

class G:
    def __getattr__(self, name):
        if name == 'q':
            raise AttributeError('from __getattr__: ' + name)
        return name * 2
    @property
    def p(self):
        raise AttributeError('prop')
g = G()
print(g.p, g.zz, getattr(g, 'q', 'none'))
try:
    g.q
except AttributeError as e:
    print(repr(e))

class S:
    __slots__ = ('a', 'b')
s = S()
try:
    s.a
except AttributeError as e:
    print(repr(e), e.name, type(e.obj).__name__)
s.a = 1
print(s.a, getattr(s, 'b', 7), hasattr(s, 'b'))
del s.a
try:
    del s.a
except AttributeError as e:
    print(repr(e))
try:
    s.c = 1
except AttributeError as e:
    print(repr(e))

class D:
    pass
d = D()
try:
    d.missing
except AttributeError as e:
    print(repr(e), e.name)
try:
    del d.missing
except AttributeError as e:
    print(repr(e))
