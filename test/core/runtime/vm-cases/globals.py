import builtins
import sys

X = 1


def use():
    return len('abc'), X


print(use())
X = 2
print(use())


def len(s):
    return 42


print(use())
del len
print(use())
orig = builtins.len
builtins.len = lambda s: -1
print(use())
builtins.len = orig
print(use())
globals()['X'] = 5
print(use())
globals().update(X=6)
print(use())
for i in range(3):
    X = i
    print(use())
del X


def count():
    n = 0
    for _ in range(5):
        n += len('ab')
    return n


print(count())
try:
    use()
except NameError as e:
    print(e)
X = [1]
print(use(), sys.getrefcount(X))
