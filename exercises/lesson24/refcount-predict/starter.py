# refscope-exercise: lesson24/refcount-predict
# Each program below calls sys.getrefcount(...). Without running it, write the numbers it prints
# (CPython 3.11), in order, in ANSWERS. The checks run the programs and explain each wrong number
# with the references that make it up.

# ---- program 1 ----
#     import sys
#     a = []
#     b = a
#     print(sys.getrefcount(a))
#     del b
#     print(sys.getrefcount(a))

# ---- program 2 ----
#     import sys
#     x = [1, 2]
#     holder = [x, x, x]
#     print(sys.getrefcount(x))
#     holder.pop()
#     print(sys.getrefcount(x))

# ---- program 3 ----
#     import sys
#     def f(obj):
#         return sys.getrefcount(obj)
#     data = {}
#     print(f(data))
#     print(sys.getrefcount(data))

# ---- program 4 ----
#     import sys
#     class Box:
#         pass
#     item = object()
#     box = Box()
#     box.item = item
#     table = {'key': item, 'other': [item]}
#     print(sys.getrefcount(item))

ANSWERS = {
    1: [],
    2: [],
    3: [],
    4: [],
}
