import os
print(type(os.environ).__name__, type(os.environ).__module__)
print(isinstance(os.environ['PATH'], str), 'PATH' in os.environ, 'REFSCOPE_NOPE' in os.environ)
try:
    1 in os.environ
except TypeError as e:
    print(e)
os.environ['REFSCOPE_TEST'] = 'yes'
print(os.environ['REFSCOPE_TEST'], os.getenv('REFSCOPE_TEST'), os.environ.get('REFSCOPE_NOPE', 'dflt'))
print(os.environ.pop('REFSCOPE_TEST'), os.getenv('REFSCOPE_TEST'), os.environ.setdefault('REFSCOPE_X', 'v'))
del os.environ['REFSCOPE_X']
try:
    os.environ['REFSCOPE_NOPE']
except KeyError as e:
    print(repr(e))
try:
    os.environ['K'] = 1
except TypeError as e:
    print(e)
print(type(os.environ.copy()).__name__, repr(os.environ)[:9])
