# The order of the generation lists (gc.get_objects) through collections: survivors keep their
# relative order and are appended after the older generation's objects; objects rescued by
# move_unreachable go after the others; finalizers run in the unreachable list's order.
import gc

gc.collect()
gc.disable()


class N:
    def __init__(self, name):
        self.name = name
        self.ref = None

    def __repr__(self):
        return self.name


def positions(objs, gen):
    pos = {id(o): i for i, o in enumerate(gc.get_objects(gen))}
    return [o.name for o in sorted((o for o in objs if id(o) in pos), key=lambda o: pos[id(o)])]


first = [N('a%d' % i) for i in range(5)]
gc.collect(0)
second = [N('b%d' % i) for i in range(5)]
# a chain built backwards: each node is only reachable from the one created after it
chain = None
for i in range(5):
    n = N('c%d' % i)
    n.ref = chain
    chain = n
print('gen0', positions(second + [chain], 0))
print('gen1', positions(first, 1))
gc.collect(1)
print('gen2 after collect(1)', positions(first + second, 2))
c = []
x = chain
while x is not None:
    c.append(x)
    x = x.ref
print('chain in gen2', positions(c, 2))


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


ring = [D('d%d' % i) for i in range(5)]
for i in range(5):
    ring[i].next = ring[(i + 1) % 5]
ring[2].extra = [ring[4]]
del ring
print('collected', gc.collect())
gc.enable()
