# refscope-exercise: lesson24/unreachable
# Run the checks: "Check exercise" above, the Testing view, or `refscope check lesson24/unreachable FILE.py`.


def unreachable(graph, start):
    """Return the set of nodes of `graph` that cannot be reached from `start`.

    `graph` maps each node to an iterable of its successors; a node may appear
    only as a successor (it has no key of its own).
    """
    raise NotImplementedError
