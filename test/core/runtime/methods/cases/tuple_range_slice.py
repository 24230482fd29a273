t = (1, 2, 3, 2)
print(t[1:], t[::-1], t.index(2), t.index(2, 2), t.count(2), t + (4,), t * 2, 0 * t, 2 in t, t < (1, 3), t == (1, 2, 3, 2))
print(tuple(), tuple([1, 2]), tuple("ab"), hash((1, 2)) == hash((1, 2)), t[1:] is t, t[:] is t)
K = {'a': 'a', 'x': 'x'}
for bad in [
    lambda: (1,)[5],
    lambda: (1,).index(5),
    lambda: (1,) + [2],
    lambda: tuple(1),
    lambda: (1,)[K['x']],
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
r = range(1, 10, 2)
print(r, len(r), r[2], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(7), r.count(3), list(r), list(reversed(r)))
print(range(5) == range(0, 5), range(0) == range(2, 1), hash(range(3)) == hash(range(0, 3, 1)), range(3, 0, -1)[0], bool(range(0)))
for bad in [lambda: range(), lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(3)[5], lambda: range(3).index(7)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(5), slice(None, None, -1).indices(4), s == slice(1, 10, 2))
try:
    hash(s)
except TypeError as e:
    print(e)
