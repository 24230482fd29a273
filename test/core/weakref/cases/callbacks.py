import weakref, sys
class C:
    def __init__(self, name): self.name = name
    def __del__(self): print('__del__', self.name)
o = C('o')
refs = []
for i in range(3):
    refs.append(weakref.ref(o, lambda w, i=i: print('callback', i, w() is None)))
plain = weakref.ref(o)
print(weakref.getweakrefcount(o))
del o
print('after del', plain())
a = C('a')
def bad(w):
    raise ValueError('in callback')
ra = weakref.ref(a, bad)
del a
print('after bad')
b = C('b')
rb = weakref.ref(b, lambda w: print('never'))
del rb
del b
print('dead ref first')
x = C('x')
def cb(w):
    print('cb sees', w is rx, w is rx2, repr(w)[-6:])
rx = weakref.ref(x, cb)
rx2 = weakref.ref(x, cb)
print(rx is rx2)
del x
print('end')
