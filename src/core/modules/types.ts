// The types module (Lib/types.py of CPython 3.11, written as Python source for the interpreter):
// the interpreter's own types found as Lib/types.py finds them (the type of a sample object),
// SimpleNamespace (a C type in CPython, Objects/namespaceobject.c), new_class, prepare_class,
// resolve_bases, DynamicClassAttribute, MappingProxyType (runtime/objects/mappingproxy.ts). Not
// provided: the coroutine and async generator types.

import { registerModule } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { PyType } from '../runtime/object';
import { strKey } from '../runtime/abstract';

const TYPES_SRC = String.raw`
#@4
import sys


#@11
def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)         # Same as FunctionType
CodeType = type(_f.__code__)


#@18
def _cell_factory():
    a = 1
    def f():
        nonlocal a
    return f.__closure__[0]
CellType = type(_cell_factory())

def _g():
    yield 1
GeneratorType = type(_g())


#@39
class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)     # Same as BuiltinFunctionType

WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
MappingProxyType = type(type.__dict__)
ModuleType = type(sys)

try:
    raise TypeError
except TypeError as exc:
    TracebackType = type(exc.__traceback__)
    FrameType = type(exc.__traceback__.tb_frame)
GetSetDescriptorType = type(int.__dict__['real'])
class _S:
    __slots__ = ('_m',)
MemberDescriptorType = type(_S.__dict__['_m'])
del sys, _f, _g, _C, _S, _cell_factory
class SimpleNamespace:
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)
    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if self in _repr_running:
            return name + '(...)'
        _repr_running.append(self)
        try:
            items = ('%s=%r' % (k, v) for k, v in self.__dict__.items() if isinstance(k, str))
            return '%s(%s)' % (name, ', '.join(items))
        finally:
            _repr_running.remove(self)
    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented
    __hash__ = None
    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))
_repr_running = []
def new_class(name, bases=(), kwds=None, exec_body=None):
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)
def resolve_bases(bases):
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        else:
            new_bases[i+shift:i+shift+1] = new_base
            shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)
def prepare_class(name, bases=(), kwds=None):
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds) # Don't alter the provided mapping
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        if bases:
            meta = type(bases[0])
        else:
            meta = type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds
def _calculate_meta(meta, bases):
#@132
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
#@141
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


class DynamicClassAttribute:
#@164
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
#@169
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
#@172
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


#@298
GenericAlias = type(list[int])
UnionType = type(int | str)

EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

__all__ = [n for n in globals() if n[:1] != '_']
`;

registerModule('types', (m) => {
  execStdlibSource(m, TYPES_SRC, 'types.py');
  // a C type in CPython: tp_name 'types.SimpleNamespace'
  const t = m.dict.getStr(strKey('SimpleNamespace'));
  if (t instanceof PyType) {
    t.name = 'types.SimpleNamespace';
    t.cTypeName = true;
  }
});
