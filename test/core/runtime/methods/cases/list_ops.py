import sys
l = [3, 1, 2]
l.append(5); l.extend([7, 8]); l.extend(x for x in "ab"); l.insert(0, 9); l.insert(-100, 0); l.insert(100, 10)
print(l, l.pop(), l.pop(0), l.pop(-2), l.index(2), l.count(1), len(l))
l = [5, 3, 4, 1]; l.sort(); print(l); l.sort(key=lambda x: -x); print(l); l.sort(reverse=True); print(l)
l = list(range(10)); del l[:2]; print(l); del l[::3]; print(l); l[1:3] = "xyz"; print(l)
l[::2] = [0] * len(l[::2]); print(l); l[-1:] = []; print(l); l[:] = (1, 2); print(l)
print(l + [3], l * 2, 2 * l, l == [1, 2], l != [1, 2], [1, 2] < [1, 3], [1, 2] > [1], [] <= [], l[::-1], l[5:], l[-100:100])
a = [1, 2]; a += (3,); a *= 2; print(a); a *= 0; print(a)
b = [1, 2, 3]; b.reverse(); print(b, b.copy(), b.copy() is b); b.clear(); print(b)
print(list(), list("abc"), list((1, 2)), list({1: 2}), list(reversed([1, 2, 3])))
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(list(range(10))))
x = []
for i in range(10):
    x.append(i)
print(sys.getsizeof(x))
print(list.append, [].append.__name__, list.__len__([1, 2]))
K = {'a': 'a', 'x': 'x'}
for bad in [
    lambda: [].pop(),
    lambda: [1].pop(5),
    lambda: [].remove(1),
    lambda: [1].index(2),
    lambda: [1][2],
    lambda: [1][K['a']],
    lambda: [1] + (2,),
    lambda: [1] * 2.0,
    lambda: hash([]),
    lambda: [1].sort(1),
    lambda: list(1),
    lambda: list(1, 2),
    lambda: [1, 'a'].sort(),
    lambda: [1].__setitem__(slice(None, None, 2), [1, 2]),
    lambda: [1].__setitem__(5, 0),
    lambda: [].append(),
    lambda: [].insert(1),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class L(list):
    pass
m = L([1, 2]); m.append(3); print(m, type(m).__name__, len(m), m[1:], type(m[1:]).__name__)
