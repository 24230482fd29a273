import weakref
class C:
    def m(self): return 'm of C'
class MyRef(weakref.ref):
    def __new__(cls, ob, callback=None, extra=0):
        return super().__new__(cls, ob, callback)
    def __init__(self, ob, callback=None, extra=0):
        super().__init__(ob, callback)
        self.extra = extra
o = C()
r = MyRef(o, None, 5)
print(type(r).__name__, r() is o, r.extra, r is weakref.ref(o), isinstance(r, weakref.ref))
print(weakref.getweakrefcount(o))
k = weakref.KeyedRef(o, None, 'key')
print(k.key, k() is o)
wm = weakref.WeakMethod(o.m)
print(wm()(), wm == weakref.WeakMethod(o.m))
dead = []
wm2 = weakref.WeakMethod(o.m, dead.append)
del o
print(r(), k(), wm(), len(dead), dead[0] is wm2)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)
