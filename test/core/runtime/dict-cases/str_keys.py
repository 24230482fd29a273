import sys
d = {}
words = [''.join(chr(97 + (i * 7 + j) % 26) for j in range(1 + i % 9)) for i in range(300)]
words = list(dict.fromkeys(words))
for i, w in enumerate(words):
    d[w] = i
print(len(d), sys.getsizeof(d), list(d)[:5], list(d)[-3:])
print('abc' in d, words[17] in d, ''.join(['a', 'hov']) in d, d[words[42]], d[''.join(list(words[99]))])
for w in words[::3]:
    del d[w]
print(len(d), sys.getsizeof(d), list(d)[:5])
try:
    d['not there']
except KeyError as e:
    print('KeyError', e)
try:
    d[12345]
except KeyError as e:
    print('KeyError', e)
n = {1: 'a', 2: 'b', 10 ** 20: 'big', -1: 'm'}
print(n[1], n[10 ** 20], n[-1], 2 in n, 3 in n, sys.getsizeof(n))
class M(dict):
    def __missing__(self, k):
        return 'missing:' + str(k)
m = M(a=1)
print(m['a'], m['b'], m[3])
s = set(words[:50])
print(len(s), sys.getsizeof(s), 'a' in s, words[3] in s, ''.join(['z']) in s, frozenset(['x', 'y']) >= {'x'})
fs = frozenset(words[:20])
print(sorted(fs)[:4], words[5] in fs, hash(frozenset(['ab', 'cd'])))
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        print('hash', self.v)
        return hash(self.v)
    def __eq__(self, o):
        print('eq', self.v)
        return isinstance(o, K) and o.v == self.v
dk = {K(1): 'one'}
print(dk[K(1)])
try:
    dk[K(2)]
except KeyError:
    print('KeyError K(2)')
it = iter(d)
next(it)
d.clear()
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
print(sys.getsizeof(d), sys.getsizeof({}), sys.getsizeof(dict.fromkeys(words)))
