# Automatic collections: generation counts, thresholds, gc.callbacks' info, stats, untracking of
# tuples (any collection) and dicts (full collections only), freeze and unfreeze. (No automatic
# full collection: whether one runs depends on how many objects the interpreter itself tracks.)
import gc

log = []


def cb(phase, info):
    log.append((phase, info['generation'], info['collected'], info['uncollectable']))


gc.collect()
gc.callbacks.append(cb)
gc.set_threshold(50, 3, 1000)


class Node:
    def __init__(self, i):
        self.i = i
        self.peer = None


def make_cycles(n):
    for i in range(n):
        a = Node(i)
        b = Node(i)
        a.peer = b
        b.peer = a


make_cycles(400)
gc.callbacks.remove(cb)
print('callbacks', len(log))
print('first', log[:6])
print('generations seen', sorted(set(g for _, g, _, _ in log)))
print('collected by stop', sum(c for p, _, c, _ in log if p == 'stop'))
stats = gc.get_stats()
print('stats', [(s['collections'] > 0) for s in stats], [s['uncollectable'] for s in stats])
print('final', gc.collect())

t = (1, 2, (3, 'x'))
d = {'a': 1, 'b': (1, 2)}
l = [t, d]
print('tracked before', gc.is_tracked(t), gc.is_tracked(d), gc.is_tracked(l))
gc.collect(0)
print('after young', gc.is_tracked(t), gc.is_tracked(d), gc.is_tracked(l))
gc.collect()
print('after full', gc.is_tracked(t), gc.is_tracked(d), gc.is_tracked(l))
d['c'] = []
print('dict again', gc.is_tracked(d))

gc.set_threshold(700, 10, 10)
gc.freeze()
print('frozen', gc.get_freeze_count() > 0, gc.get_count()[0])
keep = [[i] for i in range(10)]
print('collect while frozen', gc.collect())
gc.unfreeze()
print('unfrozen', gc.get_freeze_count())
print('collect after', gc.collect())
