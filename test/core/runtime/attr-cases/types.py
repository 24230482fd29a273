class Base:
    x = 1
    def m(self):
        return 'base'
class Sub(Base):
    pass
o = Sub()
print(o.x, o.m())
Base.x = 2
Base.m = lambda self: 'patched'
print(o.x, o.m())
Sub.x = 3
print(o.x, Base.x)
del Sub.x
print(o.x)
o.x = 10
print(o.x, Sub.x)
del o.x
print(o.x)
class Desc:
    def __get__(self, obj, typ):
        return ('get', obj is not None)
    def __set__(self, obj, v):
        obj.__dict__['_v'] = v
class H:
    d = Desc()
h = H()
h.d = 5
print(h.d, h.__dict__)
class NonData:
    def __get__(self, obj, typ):
        return 'nondata'
class K:
    n = NonData()
k = K()
print(k.n)
k.__dict__['n'] = 'inst'
print(k.n)
Sub.__bases__ = (object,) if False else Sub.__bases__
class M(type):
    pass
class WithMeta(metaclass=M):
    y = 4
print(WithMeta.y, type(WithMeta).__name__)
