# refscope-exercise: lesson24/fix-the-leak
# A reference solution: the bus holds its observers weakly (weakref.WeakSet).
import weakref


class EventBus:
    def __init__(self):
        self.observers = weakref.WeakSet()

    def subscribe(self, observer):
        self.observers.add(observer)

    def publish(self, event):
        for observer in list(self.observers):
            observer.notify(event)


class Widget:
    def __init__(self, bus):
        self.bus = bus
        self.buffer = [0] * 1000
        self.seen = []
        bus.subscribe(self)

    def notify(self, event):
        self.seen.append(event)


def workload(bus, n=200):
    for i in range(n):
        w = Widget(bus)
        bus.publish(i)
