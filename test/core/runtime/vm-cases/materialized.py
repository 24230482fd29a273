import gc
import sys


def f(n):
    sys._getframe()
    return n


for i in range(5):
    f(i)


def g(k):
    fr = sys._getframe()
    return sys.getrefcount(fr) + k


print([g(i) for i in range(3)], sum(f(i) for i in range(10)))
gc.collect()
print(len([o for o in gc.get_objects() if type(o).__name__ == 'frame']))
kept = []


def h(n):
    kept.append(sys._getframe())
    return n * 2


print([h(i) for i in range(4)], [f(i) for i in range(3)], len(kept), [sys.getrefcount(x) for x in kept])
del kept
gc.collect()
print(len([o for o in gc.get_objects() if type(o).__name__ == 'frame']), [g(1) for _ in range(2)])
