import sys


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


for _ in range(3):
    print(fact(20))


def f(x, y=2, *, z=0):
    return x + y + z


print([f(i) for i in range(5)], f(1, 5), f(1, z=3), f(y=1, x=4))


def boom(n):
    if n == 0:
        raise ValueError('deep')
    return boom(n - 1)


for i in range(3):
    try:
        boom(3)
    except ValueError as e:
        print(e, e.__traceback__ is not None, sys.getrefcount(e))


def keep(a, b):
    c = a + b
    return sys._getframe()


def caller():
    return sys.getrefcount(sys._getframe(1)), sys.getrefcount(sys._getframe())


fr = [keep(i, 1) for i in range(3)]
print(len(set(map(id, fr))), sys.getrefcount(fr[1]), type(fr[0]).__name__)
del fr
print(caller(), [caller() for _ in range(2)])


def gen(n):
    for i in range(n):
        yield i * 2


def g2(n):
    return sum(gen(n))


print([g2(k) for k in range(4)])


class A:
    def __init__(self, v):
        self.v = v

    def m(self, k=1):
        return self.v + k


a = A(3)
print(sum(a.m(i) for i in range(10)), a.m(), sys.getrefcount(a))


def outer(x):
    def inner(y):
        return x + y
    return inner(1) + inner(2)


print(outer(10), outer(20))


def mk(x, y=5):
    return lambda: x + y


fs = [mk(i) for i in range(3)]
print([g() for g in fs], sys.getrefcount(fs[0]), fs[1].__closure__[0].cell_contents)
del fs


class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

    def m(self, k=2):
        return super().m(k) * self.w


bs = [B(i, 2) for i in range(4)]
print([b.m() for b in bs], [b.m(0) for b in bs], sys.getrefcount(bs[0]))
del bs


def bad(a, b):
    return a + b


for args in [(1,), (1, 2, 3), ()]:
    try:
        bad(*args)
    except TypeError as e:
        print(e)
print(bad(1, 2), bad('x', 'y'))


def rec(n):
    return rec(n + 1)


try:
    rec(0)
except RecursionError as e:
    print('recursion', type(e).__name__)
print(fact(10))
obj = object()
def hold(o, n):
    return sys.getrefcount(o) if n == 0 else hold(o, n - 1)
print(hold(obj, 0), hold(obj, 3), sys.getrefcount(obj))


def deep():
    raise KeyError('k')


def mid():
    return deep()


for i in range(3):
    try:
        mid()
    except KeyError as e:
        print(repr(e), sys.getrefcount(e))
mid()
