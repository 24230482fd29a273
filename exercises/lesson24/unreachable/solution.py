# refscope-exercise: lesson24/unreachable
# A reference solution: an iterative depth-first search with an explicit stack.


def unreachable(graph, start):
    nodes = set(graph)
    for succs in graph.values():
        nodes.update(succs)
    nodes.add(start)
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return nodes - seen
