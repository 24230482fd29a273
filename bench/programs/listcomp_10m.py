# The lesson's allocation (lesson 24, example E4 with `range`): a 10,000,000-element list built
# by a comprehension inside a function, returned to the caller (no psutil).
def func():
    a = [i for i in range(10000000)]
    return a


a = func()
print(len(a), a[0], a[-1], a[5000000])
