// sys.getsizeof for CPython 3.11 on 64-bit Linux: each type's __sizeof__ plus the pre-header
// (_PySys_GetSizeOf adds _PyType_PreHeaderSize: the GC header, and two pointers for
// Py_TPFLAGS_MANAGED_DICT types).

import { PyObject, PyType, TypeFlags } from './object';
import { PyInt, intSizeof } from './objects/int';
import { PyStr, strSizeof } from './objects/str';
import { PyList } from './objects/list';
import { PyTuple } from './objects/tuple';
import { PyDict, DictType } from './objects/dict';
import { PySet } from './objects/set';
import { PyBytes, BytesType } from './objects/bytes';
import { PyCode } from './objects/function';
import { PyGenerator } from './objects/generator';
import { Frame } from './vm/frame';
import type { CodeUnit } from '../compiler/code';
import { Op } from '../compiler/opcodes';

const GC_HEAD = 16;
/** sizeof(PyTypeObject): static types */
const STATIC_TYPE_SIZE = 408;
/** offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus) */
const GEN_HEAD = 152;
/** offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame, localsplus) */
const FRAME_HEAD = 120;

/** _PyType_PreHeaderSize */
function preHeader(t: PyType): number {
  return (t.flags & TypeFlags.HAVE_GC ? GC_HEAD : 0) + (t.managedDict ? 16 : 0);
}

export function getsizeof(o: PyObject): number {
  if (o instanceof PyBytes) return o.type === BytesType ? 33 + o.v.length : 56 + o.alloc;
  const t = o.type;
  const pre = preHeader(t);
  if (o instanceof PyInt) return intSizeof(o.v) + pre;
  if (o instanceof PyStr) return strSizeof(o) + pre;
  // list___sizeof__: the (sub)type's basic size + the allocated item array
  if (o instanceof PyList) return t.basicsize + 8 * o.allocated + pre;
  if (o instanceof PyTuple) return t.basicsize + 8 * o.items.length + pre;
  if (o instanceof PyDict) {
    // a split instance dict: 48 + 8 * (shared nentries + usable) (_PyDict_SizeOf)
    if (o.split) return o.split.instanceDictGetsizeof() + (t.managedDict ? 16 : 0);
    return o.t.getsizeof() - DictType.basicsize + t.basicsize + (t.managedDict ? 16 : 0);
  }
  if (o instanceof PySet) return o.t.getsizeof() + (t.managedDict ? 16 : 0);
  if (o instanceof PyType) {
    // type___sizeof__: PyHeapTypeObject plus the class's cached (shared) keys
    if (!(o.flags & TypeFlags.HEAPTYPE)) return STATIC_TYPE_SIZE + pre;
    return o.type.basicsize + (o.managedDict ? SHARED_KEYS_BYTES : 0) + pre;
  }
  if (o instanceof PyCode) return codeSizeof(o.unit) + pre;
  // frame_sizeof / gen_sizeof: the interpreter frame's local and stack slots
  if (o instanceof Frame) return FRAME_HEAD + 8 * frameSlots(o.code.unit) + pre;
  if (o instanceof PyGenerator) return GEN_HEAD + 8 * frameSlots(o.frame.code.unit) + pre;
  return t.basicsize + pre;
}

/** _PyDict_KeysSize of _PyDict_NewKeysForClass's keys: 64 unicode slots (32 + 64 + 42 * 16) */
const SHARED_KEYS_BYTES = 32 + 64 + 42 * 16;

function frameSlots(u: CodeUnit): number {
  return u.localsplusNames.length + u.stacksize;
}

// Inline cache entries per instruction (Lib/opcode.py _inline_cache_entries, 3.11)
const CACHES: Partial<Record<Op, number>> = {
  [Op.BINARY_SUBSCR]: 4, [Op.STORE_SUBSCR]: 1, [Op.UNPACK_SEQUENCE]: 1, [Op.STORE_ATTR]: 4,
  [Op.LOAD_ATTR]: 4, [Op.COMPARE_OP]: 2, [Op.LOAD_GLOBAL]: 5, [Op.BINARY_OP]: 1, [Op.LOAD_METHOD]: 10,
};

/** code_sizeof: tp_basicsize + 2 bytes per code unit, rounded to 8. RefScope's instruction stream
 *  is close to 3.11's but not identical, so the code-unit count is an estimate: RESUME, the
 *  inline caches, PRECALL + CALL for each call, PUSH_NULL folded into LOAD_GLOBAL. */
function codeSizeof(u: CodeUnit): number {
  const code = u.code;
  let units = 1; // RESUME
  if (u.flags & 0x20) units += 2; // RETURN_GENERATOR, POP_TOP
  for (let i = 0; i < code.length; i += 2) {
    const op = code[i] as Op;
    if (op === Op.PUSH_NULL && code[i + 2] === Op.LOAD_GLOBAL) continue;
    if (op === Op.CALL) units += 7;
    else units += 1 + (CACHES[op] ?? 0);
    const arg = code[i + 1];
    if (arg > 0xff) units += arg > 0xffff ? (arg > 0xffffff ? 3 : 2) : 1;
  }
  return (CodeType_basicsize + 2 * units + 7) & ~7;
}
const CodeType_basicsize = 184;
