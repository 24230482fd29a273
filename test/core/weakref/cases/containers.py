import weakref
class Item:
    def __init__(self, n): self.n = n
    def __repr__(self): return 'Item(%d)' % self.n
d = weakref.WeakValueDictionary()
items = [Item(i) for i in range(5)]
for i, it in enumerate(items):
    d[i] = it
print(len(d), sorted(d.keys()), 3 in d, d.get(3), d.get(9, 'none'))
del items[3]
print(len(d), 3 in d, d.get(3), sorted(k for k, v in d.items()))
for k in list(d.keys()):
    if k == 1:
        del items[1]
print(sorted(d), [v.n for v in sorted(d.values(), key=lambda v: v.n)])
print(d.pop(0), d.setdefault(7, items[0]).n, len(d))
try:
    d[99]
except KeyError as e:
    print('KeyError', e)
print(repr(d).startswith('<WeakValueDictionary at 0x'))
k = weakref.WeakKeyDictionary()
a, b, c = Item(1), Item(2), Item(3)
k[a] = 'a'; k[b] = 'b'; k[c] = 'c'
print(len(k), k[a], b in k, k.get(c), 5 in k)
del b
print(len(k), sorted(k.values()))
with_iter = []
for key in k.keys():
    with_iter.append(key.n)
print(sorted(with_iter), k.pop(a), len(k))
s = weakref.WeakSet()
x, y = Item(10), Item(20)
s.add(x); s.add(y); s.add(x)
print(len(s), x in s, 1 in s)
it = iter(s)
first = next(it)
# which item comes first depends on id()-based hashing (not reproducible): only check membership
print(first in (x, y))
del y
del it, first
print(len(s), sorted(i.n for i in s))
s2 = weakref.WeakSet([x])
print(s == s2, len(s | s2), s.pop() is x, len(s))
try:
    s.pop()
except KeyError as e:
    print(e)
print(type(s), weakref.WeakSet.__module__)
