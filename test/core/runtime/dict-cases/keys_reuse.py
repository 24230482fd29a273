# Small dicts and instance dicts created after others died: their keys objects are reused memory,
# so nothing of the dead ones may show (entries, order, sizes, lookups, deletions).
import sys


class A:
    def __init__(self, *names):
        for i, n in enumerate(names):
            setattr(self, n, i)


def churn(rounds):
    out = []
    for r in range(rounds):
        a = A('x', 'y', 'z', 'w', 'v')
        d = {r: r, 'k': [r]}
        del d[r]
        b = A('only')
        e = {}
        e[1.5] = 'f'
        out.append((sorted(vars(b)), list(d), list(e.items()), 'x' in vars(b), d.get(r)))
        del a, d, b, e
    return out


for row in churn(200)[-3:]:
    print(row)
d = {}
print(d, len(d), sys.getsizeof(d))
d['a'] = 1
print(d, sys.getsizeof(d), d.get('x'), list(d.keys()))
for i in range(8):
    d[i] = i
print(len(d), list(d)[:4], sys.getsizeof(d))
g = A('p', 'q')
print(vars(g), sys.getsizeof(vars(g)))
h = {'x': 1, 'y': 2, 'z': 3}
del h['x']
h['w'] = 4
print(h, list(h.values()))


# leaving the split table: a non-str key, or shared keys that are full (insertion_resize)
class B:
    pass


objs = [B() for _ in range(3)]
for n, o in enumerate(objs):
    for i in range(n):
        setattr(o, 'a%d' % i, i)
    vars(o)[5] = 'int key'
    print(sys.getsizeof(vars(o)), list(vars(o)))
many = [B() for _ in range(40)]
for i, o in enumerate(many[:3]):
    for j in range(i + 1):
        setattr(o, 'late%d' % j, j)
    print(sys.getsizeof(vars(o)), vars(o))
