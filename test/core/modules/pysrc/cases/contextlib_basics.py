import contextlib, sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack
@contextmanager
def cm(n):
    print('enter', n)
    try:
        yield n
    except ValueError as e:
        print('handled', e)
    finally:
        print('exit', n)
with cm(1) as x:
    print('body', x)
with cm(2):
    raise ValueError('boom')
print('after')
try:
    with cm(3):
        raise KeyError('k')
except KeyError as e:
    print('propagated', repr(e))
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print(e)
with suppress(ZeroDivisionError, KeyError):
    1/0
print('suppressed')
try:
    with suppress(KeyError):
        1/0
except ZeroDivisionError as e:
    print('not suppressed', e)
class Res:
    def close(self): print('closed')
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with ExitStack() as st:
    for i in range(3):
        st.enter_context(cm(i))
    st.callback(print, 'cb', 1)
    print('in stack')
@cm('deco')
def f():
    print('in f')
f()
with ExitStack() as st:
    st.enter_context(suppress(ValueError))
    raise ValueError
print('stack suppressed')
print(isinstance(cm(1), contextlib.AbstractContextManager), issubclass(Res, contextlib.AbstractContextManager))
