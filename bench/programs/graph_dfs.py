# A 200,000-node object graph (a __slots__ class, ~450,000 edges from a linear congruential
# generator), an iterative depth-first search marking what is reachable from node 0, and a scan
# for the nodes it did not reach. Allocates ~400,000 gc objects (nodes and their edge lists), so
# the collector runs automatically many times.
import gc

N = 200_000
E = 450_000


class Node:
    __slots__ = ('id', 'edges', 'mark')

    def __init__(self, i):
        self.id = i
        self.edges = []
        self.mark = False


def build():
    nodes = [Node(i) for i in range(N)]
    x = 20240601
    for _ in range(E):
        x = (x * 1103515245 + 12345) % 2147483648
        a = (x >> 7) % N
        x = (x * 1103515245 + 12345) % 2147483648
        b = (x >> 7) % N
        nodes[a].edges.append(nodes[b])
    return nodes


def dfs(root):
    stack = [root]
    root.mark = True
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        for m in node.edges:
            if not m.mark:
                m.mark = True
                stack.append(m)
    return count


def main():
    nodes = build()
    reached = dfs(nodes[0])
    unreachable = 0
    checksum = 0
    for node in nodes:
        if not node.mark:
            unreachable += 1
            checksum = (checksum * 31 + node.id) % 1000000007
    return reached, unreachable, checksum, sum(len(n.edges) for n in nodes)


# (print() is kept out of the measured part: CPython's text I/O allocates gc objects of its own)
gc.collect()
before = gc.get_stats()
reached, unreachable, checksum, edges = main()
after = gc.get_stats()
print('reachable', reached, 'unreachable', unreachable, 'checksum', checksum, 'edges', edges)
print('collections', [b['collections'] - a['collections'] for a, b in zip(before, after)])
