from collections import namedtuple, deque
import functools, heapq, bisect
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p._fields, p._asdict(), p._replace(x=10), Point._make([5, 6]))
try:
    Point(1)
except TypeError as e:
    print(e)
d = deque([1, 2, 3], maxlen=4)
d.appendleft(0)
d.append(9)
print(d, d.maxlen, d.popleft(), d)
@functools.lru_cache(maxsize=2)
def f(n):
    print('computing', n)
    return n * 2
print(f(1), f(2), f(1), f(3), f(2), f.cache_info())
sq = functools.partial(pow, exp=2)
print(sq(7), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]))
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.nlargest(3, [5, 1, 8, 3, 9]), bisect.bisect_left([1, 3, 3, 7], 3))
