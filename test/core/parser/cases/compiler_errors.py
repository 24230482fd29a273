return 1
break
continue
nonlocal x
yield 1
await x
async def f():
    yield from x
def g():
    x = 1
    global x
f(x=1, x=2)
def h(a, a): pass
print >>f, "x"
