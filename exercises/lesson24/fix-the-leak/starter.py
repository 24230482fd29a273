# refscope-exercise: lesson24/fix-the-leak
# A long-lived event bus and short-lived widgets that subscribe to it. After workload() the
# widgets are gone from the program's point of view, yet memory keeps growing. Change the code
# (for example with the weakref module) so that a widget is freed as soon as nothing but the bus
# refers to it, gc.collect() finds nothing to collect after the workload, and memory returns to
# its baseline. Keep the API: EventBus().subscribe/publish, Widget(bus), workload(bus, n).


class EventBus:
    def __init__(self):
        self.observers = []

    def subscribe(self, observer):
        self.observers.append(observer)

    def publish(self, event):
        for observer in list(self.observers):
            observer.notify(event)


class Widget:
    def __init__(self, bus):
        self.bus = bus
        self.buffer = [0] * 1000      # the widget's own memory
        self.seen = []
        bus.subscribe(self)

    def notify(self, event):
        self.seen.append(event)


def workload(bus, n=200):
    for i in range(n):
        w = Widget(bus)
        bus.publish(i)
