# Lesson 24 (Python 垃圾回收机制): reference counts around a function call.
import sys

a = []

# 两次引用，一次来自 a，一次来自 getrefcount
print(sys.getrefcount(a))

def func(a):
    # 课程说四次；CPython 3.11 打印 3：CALL 把参数引用直接移入被调函数的栈帧
    # (the lesson says 4; CPython 3.11 prints 3: CALL moves the argument into the callee's frame)
    print(sys.getrefcount(a))

func(a)

# 两次引用，一次来自 a，一次来自 getrefcount，函数 func 调用已经不存在
print(sys.getrefcount(a))

b = a
c = b
d = b
e = c
f = e
g = d
print(sys.getrefcount(a))  # 八次 (eight)
