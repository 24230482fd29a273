# Checks for lesson24/fix-the-leak (see exercises/FORMAT.md).
import gc
import weakref
import psutil
import refscope_check as rc
from refscope_check import t


def _holders_text(obj):
    # the holders of obj, leaving out this helper's own argument and the caller's temporary
    parts = ['{0} ({1})'.format(name, n) for name, n in rc.holders(obj)
             if '_holders_text' not in name]
    return ', '.join(parts)


def check_notifications_still_work(learner):
    """Subscribed widgets still receive the events"""
    bus = learner.EventBus()
    w1 = learner.Widget(bus)
    w2 = learner.Widget(bus)
    bus.publish('hello')
    bus.publish('bye')
    rc.check_equal(list(w1.seen), ['hello', 'bye'], t('A live widget must still receive every event (w1.seen after two publish calls)'))
    rc.check_equal(list(w2.seen), ['hello', 'bye'], t('A live widget must still receive every event (w2.seen after two publish calls)'))


def check_widget_freed_by_refcounting(learner):
    """A widget is freed as soon as its last variable goes (gc disabled)"""
    was = gc.isenabled()
    gc.disable()
    try:
        bus = learner.EventBus()
        w = learner.Widget(bus)
        bus.publish(1)
        r = weakref.ref(w)
        del w
        if r() is not None:
            held = _holders_text(r())
            gc.enable()
            gc.collect()
            if r() is None:
                rc.fail(t('The widget is in a reference cycle: with the gc disabled it stays alive after del; only the cyclic collector frees it. Its references: {0}', held))
            rc.fail(t('The widget stays alive after its last variable is gone, even after gc.collect(). Its references: {0}', held))
    finally:
        if was:
            gc.enable()


def check_gc_finds_nothing(learner):
    """After the workload, gc.collect() finds nothing"""
    gc.collect()
    bus = learner.EventBus()
    learner.workload(bus, 50)
    del bus
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        found = gc.collect()
        kinds = {}
        for o in gc.garbage:
            name = type(o).__name__
            kinds[name] = kinds.get(name, 0) + 1
        gc.garbage.clear()
    finally:
        gc.set_debug(0)
    if found:
        summary = ', '.join(['{0} {1}'.format(n, k) for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])][:6])
        rc.fail(t('gc.collect() found {0} unreachable objects after the workload (reference cycles: {1}). Objects should be freed by reference counting alone.', found, summary),
                '0', str(found))


def check_memory_returns_to_baseline(learner):
    """Memory returns to its baseline while the bus lives on"""
    gc.collect()
    process = psutil.Process()
    before = process.memory_info().rss
    bus = learner.EventBus()
    learner.workload(bus, 200)
    gc.collect()
    after = process.memory_info().rss
    grown = after - before
    if grown > 8192:
        rc.fail(t('Memory grew by {0} KB after workload(bus, 200) and gc.collect() while the bus is still alive (allowed: 8 KB). Objects the workload created are still held.', grown // 1024),
                t('at most 8 KB'), '{0} KB'.format(grown // 1024))
