import weakref
class C:
    pass
o = C()
f = weakref.finalize(o, print, 'one', 'two', sep='-')
print(f.alive, f.atexit, f.peek()[1] is print, f.peek()[2], f.peek()[3])
print(repr(f).startswith('<finalize object at 0x'), "; for 'C' at 0x" in repr(f))
f.atexit = False
print(f.atexit)
del o
print(f.alive, f.peek(), f.detach(), f(), repr(f).endswith('; dead>'))
o2 = C()
g = weakref.finalize(o2, lambda: 'result')
print(g(), g(), g.alive)
o3 = C()
h = weakref.finalize(o3, print, 'h')
obj, func, args, kw = h.detach()
print(obj is o3, func is print, args, kw, h.alive, h.detach())
keep1, keep2, keep3 = C(), C(), C()
weakref.finalize(keep1, print, 'exit 1')
weakref.finalize(keep2, print, 'exit 2')
n = weakref.finalize(keep3, print, 'no exit')
n.atexit = False
print('end')
