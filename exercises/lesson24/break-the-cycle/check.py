# Checks for lesson24/break-the-cycle (see exercises/FORMAT.md).
import gc
import weakref
import refscope_check as rc
from refscope_check import t


def _build(learner, n):
    lst = learner.LinkedList()
    for i in range(n):
        lst.append(i)
    return lst


def _nodes(lst):
    out = []
    node = lst.head
    while node is not None:
        out.append(node)
        node = node.next
    return out


def check_both_directions(learner):
    """Iteration forwards and backwards still works"""
    lst = _build(learner, 5)
    rc.check_equal(list(lst), [0, 1, 2, 3, 4], t('list(lst) after appending 0..4'))
    rc.check_equal(list(reversed(lst)), [4, 3, 2, 1, 0], t('list(reversed(lst)) after appending 0..4'))
    prev = lst.tail.prev
    rc.check_equal(getattr(prev, 'value', prev), 3, t('lst.tail.prev must be the node before the tail (its value)'))
    rc.check_equal(lst.head.prev, None, t('lst.head.prev must be None'))


def check_freed_by_refcounting(learner):
    """With gc.disable(), del frees every node"""
    was = gc.isenabled()
    gc.disable()
    try:
        lst = _build(learner, 1000)
        refs = [weakref.ref(node) for node in _nodes(lst)]
        if len(refs) != 1000:
            rc.fail(t('Walking lst.head and .next should reach the 1000 appended nodes'), '1000', str(len(refs)))
        del lst
        alive = [r for r in refs if r() is not None]
        if alive:
            first = alive[0]()
            held = ', '.join(['{0} ({1})'.format(name, n) for name, n in rc.holders(first)
                              if 'check_freed_by_refcounting' not in name])
            first = None
            rc.fail(t('{0} of 1000 nodes are still alive after del lst with the gc disabled: reference counting alone cannot free a reference cycle. References to a surviving node: {1}', len(alive), held),
                    '0', str(len(alive)))
    finally:
        if was:
            gc.enable()
        gc.collect()


def check_gc_finds_nothing(learner):
    """After del, gc.collect() finds nothing"""
    gc.collect()
    lst = _build(learner, 200)
    del lst
    found = gc.collect()
    if found:
        rc.fail(t('gc.collect() found {0} unreachable objects after del lst: the list was left to the cyclic collector.', found), '0', str(found))
