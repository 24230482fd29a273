# refscope-exercise: lesson24/break-the-cycle
# A reference solution: prev is a weak reference behind a property.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self._prev = None
        self.next = None

    @property
    def prev(self):
        return None if self._prev is None else self._prev()

    @prev.setter
    def prev(self, node):
        self._prev = None if node is None else weakref.ref(node)


class LinkedList:
    def __init__(self):
        self.head = None
        self.tail = None

    def append(self, value):
        node = Node(value)
        if self.tail is None:
            self.head = self.tail = node
        else:
            node.prev = self.tail
            self.tail.next = node
            self.tail = node
        return node

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next

    def __reversed__(self):
        node = self.tail
        while node is not None:
            yield node.value
            node = node.prev
