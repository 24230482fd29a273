# handle_weakrefs: a weakref that is garbage itself gets no callback, a reachable weakref to
# garbage does; callbacks run before finalizers; WeakValueDictionary and weakref.finalize with
# cycles.
import gc
import weakref


class C:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print('del', self.name)


gc.collect()
a = C('a')
a.wr = weakref.ref(a, lambda w: print('never a'))
b = C('b')
keep = weakref.ref(b, lambda w: print('callback b', w() is None))
c = C('c')
d = C('d')
d.wr = weakref.ref(c, lambda w: print('never c'))
e = C('e')
keep_e = [weakref.ref(e, lambda w, i=i: print('callback e', i)) for i in range(3)]
del a, b, c, d, e
print('collected', gc.collect())
print(keep() is None, [r() is None for r in keep_e])

wvd = weakref.WeakValueDictionary()
for i in range(5):
    o = C('v%d' % i)
    wvd[i] = o
del o
print('before', len(wvd))
print('collected', gc.collect())
print('after', len(wvd))

f = C('f')
fin = weakref.finalize(f, print, 'finalized f')
del f
print('alive', fin.alive)
print('collected', gc.collect())
print('alive', fin.alive)
