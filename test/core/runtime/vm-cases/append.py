import sys
class L(list):
    pass
a = []
b = L()
x = object()
for i in range(5):
    a.append(x)
    b.append(x)
    a.append(i)
print(len(a), len(b), sys.getrefcount(x))
ap = a.append
ap(x)
list.append(a, x)
print(len(a), sys.getrefcount(x))
try:
    a.append()
except TypeError as e:
    print(e)
try:
    a.append(1, 2)
except TypeError as e:
    print(e)
try:
    a.append(x=1)
except TypeError as e:
    print(e)
try:
    list.append(b'', 1)
except TypeError as e:
    print(e)
del a
print(sys.getrefcount(x))
