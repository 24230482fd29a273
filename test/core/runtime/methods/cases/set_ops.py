a = {1, 2, 3}; b = {3, 4}
print(a | b, a & b, a - b, a ^ b, a <= b, a >= {1}, a < a, a == {3, 2, 1}, a != b, {1} < a)
print(a.union(b, [9]), a.intersection(b), a.intersection([1, 2], (2,)), a.difference(b), a.difference([1], [2]), a.symmetric_difference([3, 5]))
print(a.issubset([1, 2, 3, 4]), a.issuperset([1]), a.isdisjoint(b), a.isdisjoint([7]))
s = set(); s.add(1); s.add('x'); s.discard(1); s.discard(5); print(s, s.copy(), len(s), 'x' in s)
s.update([1, 2], {3}); print(s); s.intersection_update([1, 2, 'x']); print(s); s.difference_update([1]); print(s); s.symmetric_difference_update({2, 7}); print(s)
s |= {8}; s &= {8, 'x', 7}; s -= {7}; s ^= {9}; print(s, s.pop(), s)
f = frozenset([1, 2]); print(f, f | {3}, {3} | f, f.copy() is f, frozenset(f) is f, hash(f) == hash(frozenset([2, 1])), {f: 1})
print(set("hello"), frozenset(), set(), set({1: 2}), sorted({5, 3, 1}))
K = {'a': 'a', 'x': 'x'}
for bad in [
    lambda: set().pop(),
    lambda: {1}.remove(2),
    lambda: set(1),
    lambda: {1} | [2],
    lambda: {[]},
    lambda: hash(set()),
    lambda: {1} < [1],
    lambda: set(1, 2),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
