// ctypes: the slice reference-counting lessons use, reading an object's count by its address
// without holding a reference to it (`ctypes.c_long.from_address(id(a)).value`), and the integer
// types around it. RefScope has no raw memory: an address is one id() gave, and the word at it is
// the object's ob_refcnt (the first field of every CPython object); reading anything else, freed
// memory or writing through an address is reported as unsupported, never made up.
//
// The classes follow Lib/ctypes/__init__.py on 64-bit Linux: c_long is c_ssize_t, c_int64 and
// c_longlong; c_ulong is c_size_t, c_uint64 and c_ulonglong; c_int is c_int32. A value wraps to
// the type's width as ctypes stores it (c_long(2**63) is c_long(-9223372036854775808)).

import { type PyObject, heap, indexAddresses, indexedObjectAt, knownAddress } from '../runtime/object';
import { registerModule, checkArgs } from '../runtime/define';
import { PyInt, newInt } from '../runtime/objects/int';
import { PyStr } from '../runtime/objects/str';
import { typeError, Unsupported } from '../runtime/errors';
import { trackedObjects } from '../runtime/gc';
import { execStdlibSource } from './modutil';
import { norm } from '../runtime/numeric';

/** bits and signedness of each simple type code */
const WIDTH: Record<string, [number, boolean]> = { l: [64, true], L: [64, false], i: [32, true], I: [32, false] };

/** the value stored in a field of type code `code` (wrapped to its width) */
function wrap(v: bigint, code: string): bigint {
  const [bits, signed] = WIDTH[code];
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

function intOf(o: PyObject, what: string): bigint {
  if (!(o instanceof PyInt)) typeError(what);
  return BigInt(o.v);
}

/** the object id() gave address `addr`, or null when none is known (see the module comment) */
function objectAt(addr: number): PyObject | null {
  const indexed = indexedObjectAt(addr);
  if (indexed !== undefined) return indexed;
  // an address given before `import ctypes` turned the index on: the objects the heap can list
  const live = heap.live;
  if (live !== null) {
    for (const o of live) if (knownAddress(o) === addr) return o;
    return null;
  }
  for (const o of trackedObjects(null)) if (knownAddress(o) === addr) return o;
  return null;
}

const SOURCE = String.raw`
class _CData:
    __slots__ = ()
    __module__ = '_ctypes'


class _SimpleCData(_CData):
    __slots__ = ('_value', '_address', '__dict__')
    __module__ = '_ctypes'
    _type_ = 'l'

    def __init__(self, value=0):
        self._value = _store(self._type_, value, "'%s' object cannot be interpreted as an integer")
        self._address = None

    @classmethod
    def from_address(cls, address):
        self = cls.__new__(cls)
        self._value = None
        self._address = _store('L', address, 'integer expected')
        return self

    @property
    def value(self):
        if self._address is None:
            return self._value
        return _load(self._address, self._type_)

    @value.setter
    def value(self, value):
        if self._address is not None:
            _unsupported('writing memory through ctypes')
        self._value = _store(self._type_, value, "'%s' object cannot be interpreted as an integer")

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.value)


class c_long(_SimpleCData):
    __slots__ = ()
    _type_ = 'l'


class c_ulong(_SimpleCData):
    __slots__ = ()
    _type_ = 'L'


class c_int(_SimpleCData):
    __slots__ = ()
    _type_ = 'i'


class c_uint(_SimpleCData):
    __slots__ = ()
    _type_ = 'I'


c_ssize_t = c_int64 = c_longlong = c_long
c_size_t = c_uint64 = c_ulonglong = c_ulong
c_int32 = c_int
c_uint32 = c_uint


def sizeof(obj_or_type):
    t = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    if not issubclass(t, _SimpleCData):
        raise TypeError('this type has no size')
    return 8 if t._type_ in 'lL' else 4
`;

registerModule('ctypes', (m) => {
  // its functions are _ctypes's in CPython (their __self__)
  m.functionsOf('_ctypes');
  // from here on id() records its addresses (objectAt)
  indexAddresses();
  m.fn('_store', (args, kw) => {
    checkArgs('_store', args, kw, 3, 3);
    const code = (args[0] as PyStr).v;
    const msg = (args[2] as PyStr).v;
    const v = intOf(args[1], msg.includes('%s') ? msg.replace('%s', args[1].type.name) : msg);
    return newInt(norm(wrap(v, code)));
  });
  m.fn('_load', (args, kw) => {
    checkArgs('_load', args, kw, 2, 2);
    const addr = Number(intOf(args[0], 'integer expected'));
    const code = (args[1] as PyStr).v;
    const o = objectAt(addr);
    if (o === null) throw new Unsupported(`ctypes: reading memory at ${addr} (RefScope can read the reference count at an address id() gave, nothing else)`);
    if (o.rc <= 0) throw new Unsupported(`ctypes: reading the memory of a freed ${o.type.name} object`);
    return newInt(norm(wrap(BigInt(o.rc), code)));
  });
  m.fn('_unsupported', (args, kw) => {
    checkArgs('_unsupported', args, kw, 1, 1);
    throw new Unsupported(`ctypes: ${(args[0] as PyStr).v}`);
  });
  execStdlibSource(m, SOURCE, 'ctypes/__init__.py');
});
