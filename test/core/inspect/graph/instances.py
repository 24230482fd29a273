# class instances: attributes, a finalizer, a dict with non-identifier keys, too many references
import io
import objgraph


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


class Finalized:
    def __del__(self):
        pass


root = Node('root')
for i in range(12):
    child = Node('c%d' % i)
    child.parent = root
    root.children.append(child)
table = {'first key': root, 2: root.children, 'ok': Finalized()}
keep = Finalized()

for show, objs, kw in [
    (objgraph.show_refs, [root], {}),
    (objgraph.show_refs, [table], {'max_depth': 2}),
    (objgraph.show_backrefs, [root.children[3]], {'max_depth': 2}),
    (objgraph.show_refs, [root], {'too_many': 3, 'max_depth': 1}),
    (objgraph.show_refs, [table], {'max_depth': 1, 'filter': lambda x: not isinstance(x, Node)}),
    (objgraph.show_backrefs, [keep], {'refcounts': True, 'max_depth': 1}),
]:
    out = io.StringIO()
    show(objs, output=out, **kw)
    print(out.getvalue(), end='')
