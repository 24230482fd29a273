import sys
d = {'a': 1, 'b': 2}
d['c'] = 3; del d['a']
print(d, len(d), 'b' in d, d.get('x'), d.get('x', 0), d.get('b'), d.setdefault('d', 4), d.setdefault('b', 9), d.pop('d'), d.pop('zz', None))
print(list(d.keys()), list(d.values()), list(d.items()), d.keys(), d.values(), d.items())
print(d.popitem(), d, d.copy(), dict(a=1), dict([(1, 2), (3, 4)]), dict({1: 2}, x=3), {1: 2} | {3: 4}, {1: 2} == {1: 2}, {1: 2} != {1: 3})
e = {1: 1}; e |= {2: 2}; e |= [(3, 3)]; e.update({4: 4}, five=5); e.update([(6, 6)]); print(e)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys({1: 2}, 'x'), list(reversed({1: 2, 3: 4})))
k = {1: 2, 3: 4}.keys(); print(k & {1}, k | {5}, k - {1}, k ^ {1, 9}, {1, 2} & k, 1 in k, (1, 2) in {1: 2}.items(), k == {1, 3}, k.isdisjoint([7]))
e.clear(); print(e, sys.getsizeof({}), sys.getsizeof({1: 2}), sys.getsizeof(dict.fromkeys(range(10))))
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1); print(dd['a'], dd['zz'], type(dd).__name__, dd)
K = {'a': 'a', 'x': 'x'}
for bad in [
    lambda: {}['x'],
    lambda: {}.popitem(),
    lambda: {}.pop(1),
    lambda: dict(1),
    lambda: dict([1]),
    lambda: dict([(1, 2, 3)]),
    lambda: {1: 2} < {1: 2},
    lambda: hash({}),
    lambda: {}.get(),
    lambda: {} | [1],
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
