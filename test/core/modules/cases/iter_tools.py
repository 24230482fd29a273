import itertools as it
print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)))
print(list(it.chain([1, 2], 'ab')), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.product('ab', [0, 1])), list(it.permutations('abc', 2)), list(it.combinations([0, 1, 2, 3], 2)))
print([(k, list(g)) for k, g in it.groupby('aaabccaa')], list(it.accumulate([1, 2, 3, 4])))
print(list(it.zip_longest('ab', [1, 2, 3], fillvalue='-')), list(it.compress('abcdef', [1, 0, 1, 0, 1, 1])))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a), it.count(3), it.repeat(1, 2), list(it.pairwise([1, 2, 3])))
