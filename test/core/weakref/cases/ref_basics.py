import weakref
class C:
    pass
o = C()
r = weakref.ref(o)
print(r is weakref.ref(o), r() is o, type(r).__name__, type(r) is weakref.ReferenceType)
cbs = []
r1 = weakref.ref(o, lambda w: cbs.append('r1'))
r2 = weakref.ref(o, lambda w: cbs.append('r2'))
p = weakref.proxy(o)
print(weakref.getweakrefcount(o))
print([x is r for x in weakref.getweakrefs(o)], [x is r1 for x in weakref.getweakrefs(o)], [x is r2 for x in weakref.getweakrefs(o)], [x is p for x in weakref.getweakrefs(o)])
print(r == r1, r != r1, hash(r) == hash(o), r.__callback__, r1.__callback__ is not None)
print(repr(r).startswith('<weakref at 0x'), ("to 'C' at") in repr(r))
def f(): pass
print(repr(weakref.ref(f)).endswith('(f)>'))
del o
print(cbs, r(), r1(), repr(r)[-6:], r == r1, r1 == r1)
try:
    p.x
except ReferenceError as e:
    print('ReferenceError', e)
try:
    hash(r1)
except TypeError as e:
    print('TypeError', e)
print(hash(r) is not None)
for bad in (1, 'a', (), [], {}, None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)
try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.ref(C(), None, 3)
except TypeError as e:
    print(e)
print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
