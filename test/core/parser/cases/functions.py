def f(): pass
def f(a, b=1, *args, c, d=2, **kw) -> int: return a
def f(a, /, b, *, c): pass
def f(a=1, /, b=2, *, c=3, d): pass
def f(a: int, b: "str" = "x", *args: int, **kw: dict) -> None: ...
def f(*args: *Ts): pass
def f(*, a): pass
def f(a, b, /): pass
def f(a,): pass
def f(**kw,): pass
async def af(x):
    await x
    async for i in y:
        pass
    async with a as b, c:
        pass
    return [i async for i in y]
@decorator
def g(): yield
def g2():
    x = yield 1
    y = yield from z
    yield a, b
    await_ = 1
lambda: 0
lambda x: x
lambda x, y=1, *a, z, **k: (x, y)
lambda *, k: k
lambda x, /, y: x
lambda *a, **k: 0
f(a, b, *c, d=1, **e)
f(*a, *b, c=1, *d, **e, f=2)
f(x for x in y)
f(a)(b)(c)
f(a=1, b=2)
f(**a, **b)
f(x := 1)
f(a,)
