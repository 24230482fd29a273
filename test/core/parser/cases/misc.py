# comments only line

x = 1  # trailing comment
if x:
	y = 1  # tab indent
	if y:
	    z = 2
def f(a,
      b):
    return (a +
            b)
s = 'abc' \
    'def'
x = [
    1,  # one
    2,  # two
]
class A:

    def f(self):

        pass

    # comment at odd indent
  # another
    x = 1
if True:
    pass
    # dedent comment
z = 1
é = 'unicode name'
ñame = 1
ﬁ = 2
x = a if b else c
print(é, ñame)
for x in *a, *b: pass
for x in y, z: pass
return_ = [i for i in range(3) if i if not i]
x = lambda: (yield)
t = a[1:2, 3]
g = (x for x in y if z)
def h(): return *a, *b
try: pass
except E as e: pass
with a: pass
while (n := n - 1): pass
assert (x, y)
x = y = yield_ = 1
x = (
    1
)
