# Checks for lesson24/unreachable (see exercises/FORMAT.md).
import random
import refscope_check as rc
from refscope_check import t


def _call(learner, graph, start):
    # a copy: the learner's function must not depend on (or change) the caller's dict
    return learner.unreachable({k: list(v) for k, v in graph.items()}, start)


def _expect(learner, graph, start, expected, what):
    got = _call(learner, graph, start)
    if not isinstance(got, (set, frozenset)):
        rc.fail(t('unreachable() must return a set, it returned {0}', type(got).__name__), rc.show(expected), rc.show(got))
    rc.check_equal(set(got), expected, t('Wrong answer for {0} (start = {1!r})', what, start))


def check_returns_set(learner):
    """Returns a set"""
    got = _call(learner, {'a': ['b'], 'b': []}, 'a')
    if not isinstance(got, (set, frozenset)):
        rc.fail(t('unreachable() must return a set, it returned {0}', type(got).__name__), 'set()', rc.show(got))
    rc.check_equal(set(got), set(), t('Wrong answer for {0} (start = {1!r})', t('a two-node chain'), 'a'))


def check_simple_cases(learner):
    """A chain, an isolated node, the start alone"""
    _expect(learner, {1: [2], 2: [3], 3: [], 4: []}, 1, {4}, t('a chain with an isolated node'))
    _expect(learner, {1: [2], 2: [3], 3: []}, 2, {1}, t('a chain started in the middle'))
    _expect(learner, {'x': []}, 'x', set(), t('a single node'))


def check_cycles_and_self_loops(learner):
    """Cycles and self-loops"""
    _expect(learner, {'a': ['a']}, 'a', set(), t('a self-loop'))
    _expect(learner, {'a': ['b'], 'b': ['c'], 'c': ['a'], 'd': ['d'], 'e': ['d']}, 'a', {'d', 'e'}, t('a cycle beside an unreachable self-loop'))
    _expect(learner, {0: [1], 1: [0], 2: [3], 3: [2]}, 0, {2, 3}, t('two separate cycles'))


def check_nodes_only_as_targets(learner):
    """Nodes that appear only as successors"""
    _expect(learner, {'a': ['b'], 'c': ['d']}, 'a', {'c', 'd'}, t('nodes without their own key'))
    _expect(learner, {'c': ['a', 'z']}, 'a', {'c', 'z'}, t('a start that is only a successor'))


def check_large_graph(learner):
    """A 100,000-node chain (no recursion limit!)"""
    n = 100_000
    graph = {i: [i + 1] for i in range(n - 1)}
    graph[n - 1] = []
    graph[n] = [0]   # points into the chain, but nothing points to it
    try:
        got = learner.unreachable(graph, 0)
    except RecursionError:
        rc.fail(t('RecursionError on a chain of 100,000 nodes: a recursive search needs one Python frame per node on the path, '
                  'and Python stops at about 1,000 frames (sys.getrecursionlimit()). '
                  'Use an explicit stack instead: stack = [start]; while stack: node = stack.pop(); ...'))
    rc.check_equal(set(got), {n}, t('Wrong answer for {0} (start = {1!r})', t('a 100,000-node chain'), 0))


def check_random_graphs_vs_collector(learner):
    """Random graphs, compared with what the garbage collector frees"""
    rnd = random.Random(2024)
    for case in range(25):
        size = rnd.randint(1, 40)
        graph = {}
        for node in range(size):
            if rnd.random() < 0.15:
                continue      # only a successor (or absent)
            graph[node] = [rnd.randrange(size) for _ in range(rnd.randint(0, 3))]
        start = rnd.randrange(size)
        if start not in graph and all(start not in s for s in graph.values()):
            graph[start] = []
        expected = rc.unreachable_by_gc(graph, start)
        got = _call(learner, graph, start)
        rc.check_equal(set(got), expected,
                       t('Random graph #{0} ({1} nodes, start = {2}): your answer differs from the objects the garbage collector frees; graph = {3}',
                         case + 1, size, start, graph))
