# refscope-exercise: lesson24/break-the-cycle
# Every pair of neighbours in this doubly linked list is a reference cycle (a.next is b,
# b.prev is a), so reference counting alone never frees a list: only the cyclic gc can.
# Change the code so that a list is freed by reference counting alone (the checks run with
# gc.disable()), and iteration both ways still works. Keep the API: LinkedList().append(value)
# returns the node; iter(lst) and reversed(lst) give the values; node.value, node.next,
# node.prev give the neighbour nodes (or None).


class Node:
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


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
