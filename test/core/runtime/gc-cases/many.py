# Tens of thousands of tracked objects freed in scattered order (the generation lists compact
# their holes) between automatic collections; counts, stats and list order afterwards.
import gc

gc.collect()
before = [s['collections'] for s in gc.get_stats()]


class Box:
    __slots__ = ('v', 'link')

    def __init__(self, v):
        self.v = v
        self.link = None


boxes = [Box(i) for i in range(30000)]
for i in range(0, 30000, 3):
    boxes[i].link = boxes[(i * 7) % 30000]
# drop two thirds, the ones in cycles last
for i in range(30000):
    if i % 3 == 1:
        boxes[i] = None
for i in range(30000):
    if i % 3 == 2:
        boxes[i] = None
lists = [[j] for j in range(20000)]
del lists[::2]
after = [s['collections'] for s in gc.get_stats()]
print('collections', [b - a for a, b in zip(before, after)])
print('older counts', gc.get_count()[1:])
kept = [b for b in boxes if b is not None]
pos = {id(o): i for i, o in enumerate(gc.get_objects())}
order = sorted(kept, key=lambda o: pos[id(o)])
print('order kept', order == kept, len(kept))
lpos = sorted(lists, key=lambda o: pos[id(o)])
print('lists order kept', lpos == lists, len(lists))
del boxes, kept, order
print('collected', gc.collect())
cyc = []
for i in range(5000):
    x = Box(i)
    x.link = x
    cyc.append(x)
del cyc, x
print('collected', gc.collect())
