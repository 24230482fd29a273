// bytes and bytearray methods beyond the basics in bytes.ts (Objects/bytes_methods.c,
// Objects/bytesobject.c, Objects/bytearrayobject.c, Objects/stringlib/transmogrify.h):
// padding (center/ljust/rjust/zfill), expandtabs, the case methods, translate/maketrans,
// printf-style formatting (`b'%s' % x`), and bytearray's in-place mutation.

import { PyObject, PyType, newRef, decref } from '../object';
import { PyBuiltinFunction, BuiltinFunctionType } from '../types';
import { typeDict, argParserInit } from '../define';
import * as abs from '../abstract';
import { PyInt, IntType, newInt, newBool } from './int';
import { PyFloat } from './float';
import { PyStr, internStr, newStr } from './str';
import { PyTuple, TupleType, newTuple } from './tuple';
import { ListType } from './list';
import { PySlice } from './misc';
import { None, NotImplemented } from './singletons';
import { raise, typeError } from '../errors';
import * as E from './exception';
import { def, def0, def1, defBin, posArgs, hasIndex, sliceIndices, repeatCount } from './common_methods';
import { otherMayReflect } from './list_methods';
import { PyBytes, BytesType, ByteArrayType, newBytes, newByteArray, bytesLike, argsNew } from './bytes';
import { percentArgsFor, asciiOf } from './str_methods';
import { vmState } from '../vm/eval';
import { formatLongPercent, percentIntTypeErrorMessage } from '../primitives/format';
import { floatToString } from '../primitives/floatrepr';

const SSIZE_MAX = 9223372036854775807n;

/** a Py_ssize_t argument (_PyNumber_Index, PyLong_AsSsize_t) */
function ssizeArg(o: PyObject): number {
  const v = abs.index(o);
  if (typeof v === 'bigint') {
    if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
    return Number(v);
  }
  return v;
}

/** a C int argument (_PyLong_AsInt) */
function cIntArg(o: PyObject): number {
  const v = abs.index(o);
  if (typeof v === 'bigint' || v > 2147483647 || v < -2147483648) raise(E.OverflowError, 'Python int too large to convert to C int');
  return v;
}

/** a Py_buffer argument (PyObject_GetBuffer's message) */
function bufferArg(o: PyObject): Uint8Array {
  const b = bytesLike(o);
  if (!b) typeError(`a bytes-like object is required, not '${o.type.name}'`);
  return b;
}

/** _getbytevalue (Objects/bytearrayobject.c): an int in range(256) via __index__ */
function byteValue(o: PyObject): number {
  const v = abs.index(o);
  if (typeof v === 'bigint' || v < 0 || v > 255) raise(E.ValueError, 'byte must be in range(0, 256)');
  return v;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** PyByteArray_Resize's bookkeeping (Objects/bytearrayobject.c, 3.11): ob_alloc and the logical
 *  start (ob_start - ob_bytes) after resizing from `cur` to `size` bytes */
function resizeState(o: { alloc: number; offset: number }, cur: number, size: number): void {
  if (size === cur) return;
  const alloc = o.alloc;
  if (size + o.offset + 1 <= alloc) {
    // large enough: a major downsize reallocates to the exact size, a minor one keeps the buffer
    if (size < Math.floor(alloc / 2)) o.alloc = size + 1;
    else return;
  } else if (size <= alloc * 1.125) o.alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else o.alloc = size + 1;
  o.offset = 0;
}

export function byteArrayResize(o: PyBytes, size: number): void {
  if (size !== o.v.length) canResize(o);
  resizeState(o, o.v.length, size);
}

/** _canresize: not while a memoryview holds the buffer */
function canResize(o: PyBytes): void {
  if (o.exports > 0) raise(E.BufferError, 'Existing exports of data: object cannot be re-sized');
}

/** replace the contents of a bytearray through PyByteArray_Resize */
function setContents(o: PyBytes, v: Uint8Array): void {
  byteArrayResize(o, v.length);
  o.v = v;
}

/** bytearray_setslice_linear: replace o[lo:hi] with `bytes` (deleting from the front only moves
 *  the logical start) */
function setSliceLinear(o: PyBytes, lo: number, hi: number, bytes: Uint8Array): void {
  const old = o.v;
  const growth = bytes.length - (hi - lo);
  const r = new Uint8Array(old.length + growth);
  r.set(old.subarray(0, lo));
  r.set(bytes, lo);
  r.set(old.subarray(hi), lo + bytes.length);
  if (growth < 0) canResize(o);
  if (growth < 0 && lo === 0) o.offset -= growth;
  if (growth !== 0) byteArrayResize(o, r.length);
  o.v = r;
}

/** bytearray___init___impl's resizes for `src` giving n bytes, from the emptied object: an
 *  exact list or tuple of exact ints, a buffer, a str or a count resize once; any other
 *  iterable appends byte by byte (a list with another item first resizes back to 0) */
export function initByteArrayAlloc(o: { alloc: number; offset: number }, src: PyObject, n: number): void {
  const appendLoop = () => {
    for (let size = 0; size < n; size++) {
      if (size + 1 < o.alloc) continue;
      resizeState(o, size, size + 1);
    }
  };
  if (src instanceof PyStr || bytesLike(src) !== null || hasIndex(src)) {
    resizeState(o, 0, n);
    return;
  }
  if (src.type === ListType || src.type === TupleType) {
    const items = abs.toArray(src);
    const exactInts = items.every((x) => x.type === IntType);
    for (const x of items) decref(x);
    resizeState(o, 0, items.length);
    if (exactInts) return;
    resizeState(o, items.length, 0);
  }
  appendLoop();
}

/** sys.getsizeof's view of bytearray capacity after the contents were replaced by methods that
 *  build a fresh object (PyByteArray_FromStringAndSize: size + 1, or nothing when empty) */
function freshAlloc(o: PyBytes): PyBytes {
  o.alloc = o.v.length ? o.v.length + 1 : 0;
  o.offset = 0;
  return o;
}

let installed = false;

export function installBytesMethods3(): void {
  if (installed) return;
  installed = true;
  for (const t of [BytesType, ByteArrayType]) {
    const isBytes = t === BytesType;
    // results made with PyBytes_FromStringAndSize(NULL, n) and filled: never the cached
    // one-byte objects
    const fresh = (v: Uint8Array): PyObject => {
      if (!isBytes) return newByteArray(v);
      if (v.length === 1) return new PyBytes(BytesType, v);
      return newBytes(v);
    };
    const exact = (self: PyObject) => isBytes && self.type === BytesType;
    /** return_self: the object itself for an exact bytes, else a copy */
    const returnSelf = (self: PyObject): PyObject => (exact(self) ? newRef(self) : isBytes ? newBytes((self as PyBytes).v.slice()) : newByteArray((self as PyBytes).v));
    const data = (self: PyObject) => (self as PyBytes).v;

    // ------------------------------------------------------------ padding
    // stringlib pad (Objects/stringlib/transmogrify.h)
    const pad = (self: PyObject, left: number, right: number, fill: number): PyObject => {
      if (left < 0) left = 0;
      if (right < 0) right = 0;
      if (left === 0 && right === 0) return returnSelf(self);
      const b = data(self);
      const r = new Uint8Array(left + b.length + right);
      r.fill(fill, 0, left);
      r.set(b, left);
      r.fill(fill, left + b.length);
      return fresh(r);
    };
    // the `char` converter: a bytes or bytearray of length 1
    const fillArg = (name: string, o: PyObject | undefined): number => {
      if (o === undefined) return 32;
      if (o instanceof PyBytes && o.v.length === 1) return o.v[0];
      typeError(`${name}() argument 2 must be a byte string of length 1, not ${o === None ? 'None' : o.type.name}`);
    };
    const padMethod = (name: string, place: (marg: number, width: number) => number) =>
      def(t, name, (self, args, kw) => {
        posArgs(`${t.name}.${name}`, args, kw, 1, 2);
        const width = ssizeArg(args[0]);
        const fill = fillArg(name, args[1]);
        const len = data(self).length;
        if (len >= width) return returnSelf(self);
        const marg = width - len;
        const left = place(marg, width);
        return pad(self, left, marg - left, fill);
      });
    // stringlib_center: left = marg / 2 + (marg & width & 1)
    padMethod('center', (marg, width) => Math.floor(marg / 2) + (marg & width & 1));
    padMethod('ljust', () => 0);
    padMethod('rjust', (marg) => marg);
    // stringlib_zfill: zeros on the left, a leading sign moved in front of them
    def1(t, 'zfill', (self, w) => {
      const width = ssizeArg(w);
      const b = data(self);
      if (b.length >= width) return returnSelf(self);
      const fill = width - b.length;
      const r = new Uint8Array(width);
      r.fill(48, 0, fill);
      r.set(b, fill);
      if (r[fill] === 43 || r[fill] === 45) {
        r[0] = r[fill];
        r[fill] = 48;
      }
      return fresh(r);
    });
    // stringlib_expandtabs: the column restarts after \n and \r
    def(t, 'expandtabs', (self, args, kw) => {
      const npos = args.length - (kw ? kw.length : 0);
      if ((kw && kw.length) || npos > 1) argParserInit(`${t.name}.expandtabs`, ['tabsize']);
      if (npos > 1) typeError(`expandtabs() takes at most 1 argument (${npos} given)`);
      let tabO: PyObject | undefined = npos ? args[0] : undefined;
      for (let i = 0; i < (kw ? kw.length : 0); i++) {
        if (kw![i] !== 'tabsize' || tabO !== undefined) {
          if (kw![i] === 'tabsize') typeError(`argument for expandtabs() given by name ('tabsize') and position (1)`);
          typeError(`'${kw![i]}' is an invalid keyword argument for expandtabs()`);
        }
        tabO = args[npos + i];
      }
      const tabsize = tabO === undefined ? 8 : cIntArg(tabO);
      const b = data(self);
      const out: number[] = [];
      let col = 0;
      for (const c of b) {
        if (c === 9) {
          if (tabsize > 0) {
            const incr = tabsize - (col % tabsize);
            col += incr;
            for (let k = 0; k < incr; k++) out.push(32);
          }
        } else {
          col++;
          out.push(c);
          if (c === 10 || c === 13) col = 0;
        }
      }
      return fresh(Uint8Array.from(out));
    });

    // ------------------------------------------------------------ case (Objects/bytes_methods.c)
    const caseMethod = (name: string, f: (b: Uint8Array) => Uint8Array) => def0(t, name, (self) => fresh(f(data(self))));
    caseMethod('upper', (b) => b.map((c) => (isLower(c) ? c - 32 : c)));
    caseMethod('lower', (b) => b.map((c) => (isUpper(c) ? c + 32 : c)));
    caseMethod('swapcase', (b) => b.map((c) => (isLower(c) ? c - 32 : isUpper(c) ? c + 32 : c)));
    caseMethod('capitalize', (b) => b.map((c, i) => (i === 0 ? (isLower(c) ? c - 32 : c) : isUpper(c) ? c + 32 : c)));
    // _Py_bytes_title: a cased byte after a cased byte is lowered, after any other byte raised
    caseMethod('title', (b) => {
      let prevCased = false;
      return b.map((c) => {
        if (isLower(c)) {
          const r = prevCased ? c : c - 32;
          prevCased = true;
          return r;
        }
        if (isUpper(c)) {
          const r = prevCased ? c + 32 : c;
          prevCased = true;
          return r;
        }
        prevCased = false;
        return c;
      });
    });
    // _Py_bytes_istitle
    def0(t, 'istitle', (self) => {
      const b = data(self);
      if (b.length === 1) return newBool(isUpper(b[0]));
      let cased = false;
      let prevCased = false;
      for (const c of b) {
        if (isUpper(c)) {
          if (prevCased) return newBool(false);
          prevCased = cased = true;
        } else if (isLower(c)) {
          if (!prevCased) return newBool(false);
          prevCased = cased = true;
        } else prevCased = false;
      }
      return newBool(cased);
    });

    // ------------------------------------------------------------ translate / maketrans
    // bytes_translate_impl / bytearray_translate_impl (table, /, delete=b'')
    def(t, 'translate', (self, args, kw) => {
      const npos = args.length - (kw ? kw.length : 0);
      if ((kw && kw.length) || npos < 1 || npos > 2) argParserInit(`${t.name}.translate`, ['', 'delete']);
      let table: PyObject | undefined = npos > 0 ? args[0] : undefined;
      let del: PyObject | undefined = npos > 1 ? args[1] : undefined;
      const total = args.length;
      if (total > 2) typeError(`translate() takes at most 2 arguments (${total} given)`);
      if (npos < 1) typeError(`translate() takes at least 1 positional argument (${npos} given)`);
      for (let i = 0; i < (kw ? kw.length : 0); i++) {
        if (kw![i] === 'delete' && del === undefined) del = args[npos + i];
        else if (kw![i] === 'delete') typeError(`argument for translate() given by name ('delete') and position (2)`);
        else typeError(`'${kw![i]}' is an invalid keyword argument for translate()`);
      }
      table = table!;
      let tab: Uint8Array | null = null;
      if (table !== None) {
        tab = bufferArg(table);
        if (tab.length !== 256) raise(E.ValueError, 'translation table must be 256 characters long');
      }
      const dels = del === undefined ? new Uint8Array(0) : bufferArg(del);
      const b = data(self);
      const map = new Int16Array(256);
      for (let i = 0; i < 256; i++) map[i] = tab ? tab[i] : i;
      for (const c of dels) map[c] = -1;
      const out = new Uint8Array(b.length);
      let n = 0;
      let changed = false;
      for (const c of b) {
        const m = map[c];
        if (m < 0) {
          changed = true;
          continue;
        }
        if (m !== c) changed = true;
        out[n++] = m;
      }
      if (!changed && exact(self)) return newRef(self);
      if (isBytes) return n === 1 ? new PyBytes(BytesType, out.slice(0, 1)) : newBytes(out.slice(0, n));
      // the result is made at the input's size, then PyByteArray_Resize'd (unless the fast path
      // without deletions was taken)
      const r = newByteArray(out);
      freshAlloc(r);
      if (dels.length > 0 || tab === null) {
        if (b.length > 0) byteArrayResize(r, n);
      }
      r.v = r.v.slice(0, n);
      return r;
    });
    // _Py_bytes_maketrans: a staticmethod (a plain builtin function in the type's dict)
    const maketrans = new PyBuiltinFunction(
      BuiltinFunctionType,
      'maketrans',
      (args, kw) => {
        if (kw && kw.length) typeError('maketrans() takes no keyword arguments');
        if (args.length !== 2) typeError(`maketrans expected 2 arguments, got ${args.length}`);
        const frm = bufferArg(args[0]);
        const to = bufferArg(args[1]);
        if (frm.length !== to.length) raise(E.ValueError, 'maketrans arguments must have same length');
        const r = new Uint8Array(256);
        for (let i = 0; i < 256; i++) r[i] = i;
        for (let i = 0; i < frm.length; i++) r[frm[i]] = to[i];
        return newBytes(r);
      },
      null,
      null,
      `${t.name}.maketrans`,
    );
    maketrans.rc = 1_000_000_000;
    typeDict(t).setItem(internStr('maketrans'), maketrans);
    t.invalidate();

    // bytes_repeat / bytearray_repeat (sq_repeat: a non-index count names the other operand)
    const mul = (self: PyObject, o: PyObject): PyObject => {
      const cnt = repeatCount(o);
      if (cnt === null) {
        if (otherMayReflect(o, '__rmul__')) return newRef(NotImplemented);
        typeError(`can't multiply sequence by non-int of type '${o.type.name}'`);
      }
      const b = data(self);
      if (cnt === 1 && exact(self)) return newRef(self);
      if (b.length * cnt > 0x7fffffff) raise(E.MemoryError, null);
      const r = new Uint8Array(b.length * cnt);
      for (let k = 0; k < cnt; k++) r.set(b, k * b.length);
      return isBytes ? newBytes(r) : newByteArray(r);
    };
    defBin(t, '__mul__', mul);
    defBin(t, '__rmul__', mul);

    // ------------------------------------------------------------ % formatting
    // bytes_mod / bytearray_mod: the left operand must be this type
    defBin(t, '__mod__', (self, o) => (self.type.isSubtype(t) ? bytesFormat(data(self), o, t) : newRef(NotImplemented)));
    defBin(t, '__rmod__', (self, o) => (o.type.isSubtype(t) ? bytesFormat(data(o), self, t) : newRef(NotImplemented)));
  }

  // bytes.__getnewargs__ / bytes.__bytes__ (bytes___bytes___impl: the object itself when exact)
  def0(BytesType, '__getnewargs__', (self) => newTuple([newBytes((self as PyBytes).v.slice())]));
  def0(BytesType, '__bytes__', (self) => (self.type === BytesType ? newRef(self) : newBytes((self as PyBytes).v.slice())));

  installByteArrayMutation();
}

// ---------------------------------------------------------------- printf-style formatting
const F_LJUST = 1,
  F_SIGN = 2,
  F_BLANK = 4,
  F_ALT = 8,
  F_ZERO = 16;

/** format_obj: %b / %s take a bytes-like object or the result of __bytes__ */
function formatObj(v: PyObject): Uint8Array {
  const b = bytesLike(v);
  if (b) return b;
  const r = abs.callSpecial(v, '__bytes__', []);
  if (r) {
    try {
      if (!(r instanceof PyBytes) || !r.type.isSubtype(BytesType)) typeError(`__bytes__ returned non-bytes (type ${r.type.name})`);
      return r.v.slice();
    } finally {
      decref(r);
    }
  }
  typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${v.type.name}'`);
}

/** byte_converter: %c takes an int in range(256) or a bytes/bytearray of length 1 */
function byteConverter(v: PyObject): number {
  if (v instanceof PyBytes && v.v.length === 1) return v.v[0];
  if (!(v instanceof PyInt) && !hasIndex(v)) typeError('%c requires an integer in range(256) or a single byte');
  const x = abs.index(v);
  if (typeof x === 'bigint' || x < 0 || x > 255) raise(E.OverflowError, '%c arg not in range(256)');
  return x;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** _PyBytes_FormatEx (Objects/bytesobject.c): `fmt % args` for bytes and bytearray */
function bytesFormat(fmt: Uint8Array, args: PyObject, t: PyType): PyObject {
  const temps: PyObject[] = [];
  const conv = percentArgsFor(args, temps);
  try {
    const w = new BytesWriter(fmt.length);
    const out = formatInto(fmt, args, conv, temps, w);
    const v = Uint8Array.from(out);
    if (t === BytesType) return newBytes(v);
    const r = newByteArray(v);
    w.finish(r);
    return r;
  } finally {
    for (const x of temps) decref(x);
  }
}

/** _PyBytesWriter's allocations for a bytearray result (use_bytearray: no overallocation): a
 *  512-byte stack buffer first, then a bytearray resized with PyByteArray_Resize as the
 *  minimum size grows, resized to the final size at the end */
class BytesWriter {
  minSize = 0;
  allocated = 512;
  small = true;
  st = { alloc: 0, offset: 0 };
  constructor(size: number) {
    this.prepare(size);
  }
  /** _PyBytesWriter_Prepare */
  prepare(size: number): void {
    if (size === 0) return;
    const m = this.minSize + size;
    if (m > this.allocated) {
      if (this.small) {
        this.st = { alloc: m + 1, offset: 0 };
        this.small = false;
      } else resizeState(this.st, this.allocated, m);
      this.allocated = m;
    }
    this.minSize = m;
  }
  /** _PyBytesWriter_Finish */
  finish(r: PyBytes): void {
    const size = r.v.length;
    if (this.small) {
      r.alloc = size ? size + 1 : 0;
      return;
    }
    if (size !== this.allocated) resizeState(this.st, this.allocated, size);
    r.alloc = this.st.alloc;
    r.offset = this.st.offset;
  }
}

function formatInto(fmt: Uint8Array, args0: PyObject, conv: ReturnType<typeof percentArgsFor>, temps: PyObject[], w: BytesWriter): number[] {
  let args = args0;
  const out: number[] = [];
  const isTuple = args instanceof PyTuple;
  let arglen = isTuple ? (args as PyTuple).items.length : -1;
  let argidx = isTuple ? 0 : -2;
  // a mapping: anything with mp_subscript but a tuple, bytes, bytearray or str
  const dict = !isTuple && !(args instanceof PyBytes) && !(args instanceof PyStr) && abs.mappingCheck(args) ? args : null;
  const nextArg = (): PyObject => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? args : (args as PyTuple).items[i];
    }
    typeError('not enough arguments for format string');
  };
  const n = fmt.length;
  let pos = 0;
  while (pos < n) {
    if (fmt[pos] !== 37) {
      out.push(fmt[pos++]);
      continue;
    }
    pos++;
    if (fmt[pos] === 37) {
      out.push(37);
      pos++;
      continue;
    }
    let flags = 0;
    let width = -1;
    let prec = -1;
    if (fmt[pos] === 40) {
      // %(key)
      if (dict === null) typeError('format requires a mapping');
      pos++;
      const keystart = pos;
      let pcount = 1;
      while (pcount > 0 && pos < n) {
        if (fmt[pos] === 41) pcount--;
        else if (fmt[pos] === 40) pcount++;
        pos++;
      }
      if (pcount > 0) raise(E.ValueError, 'incomplete format key');
      const key = newBytes(fmt.slice(keystart, pos - 1));
      try {
        args = abs.getItem(dict, key);
      } finally {
        decref(key);
      }
      temps.push(args);
      arglen = -1;
      argidx = -2;
    }
    // flags
    let c = -1;
    while (pos < n) {
      c = fmt[pos++];
      if (c === 45) flags |= F_LJUST;
      else if (c === 43) flags |= F_SIGN;
      else if (c === 32) flags |= F_BLANK;
      else if (c === 35) flags |= F_ALT;
      else if (c === 48) flags |= F_ZERO;
      else break;
      c = -1;
    }
    let eof = c < 0;
    const digit = (x: number) => x >= 48 && x <= 57;
    // the width's or the precision's digits from c on (_PyBytes_FormatEx): the number, past
    // limit raising ValueError(message); leaves c at the next character, or eof
    const digits = (limit: number, message: string): number => {
      let x = c - 48;
      eof = true;
      while (pos < n) {
        c = fmt[pos++];
        if (!digit(c)) {
          eof = false;
          break;
        }
        if (x > Math.floor((limit - (c - 48)) / 10)) raise(E.ValueError, message);
        x = x * 10 + (c - 48);
      }
      return x;
    };
    // width
    if (!eof && c === 42) {
      const v = nextArg();
      if (!(v instanceof PyInt)) typeError('* wants int');
      if (typeof v.v === 'bigint' && (v.v > SSIZE_MAX || v.v < -SSIZE_MAX - 1n)) raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
      width = Number(v.v);
      if (width < 0) {
        flags |= F_LJUST;
        width = -width;
      }
      if (pos < n) c = fmt[pos++];
      else eof = true;
    } else if (!eof && digit(c)) {
      width = digits(Number.MAX_SAFE_INTEGER, 'width too big');
    }
    // precision
    if (!eof && c === 46) {
      prec = 0;
      if (pos < n) c = fmt[pos++];
      else eof = true;
      if (!eof && c === 42) {
        const v = nextArg();
        if (!(v instanceof PyInt)) typeError('* wants int');
        if (typeof v.v === 'bigint' || v.v > 2147483647 || v.v < -2147483648) raise(E.OverflowError, 'Python int too large to convert to C int');
        prec = v.v < 0 ? 0 : v.v;
        if (pos < n) c = fmt[pos++];
        else eof = true;
      } else if (!eof && digit(c)) {
        prec = digits(2147483647, 'prec too big');
      }
    }
    if (!eof && (c === 104 || c === 108 || c === 76)) {
      if (pos < n) c = fmt[pos++];
      else eof = true;
    }
    if (eof) raise(E.ValueError, 'incomplete format');
    const v = nextArg();
    let body: number[];
    let sign = false;
    let fill = 32;
    const ch = String.fromCharCode(c);
    switch (ch) {
      case 'r':
      case 'a':
        body = ascii(asciiOf(abs.repr(v)));
        if (prec >= 0 && body.length > prec) body.length = prec;
        break;
      case 's':
      case 'b': {
        const b = formatObj(v);
        body = Array.from(prec >= 0 && b.length > prec ? b.subarray(0, prec) : b);
        break;
      }
      case 'i':
      case 'd':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        // formatlong: PyNumber_Long (d i u) or PyNumber_Index (o x X)
        const tc = ch === 'i' ? 'd' : ch;
        const iv = conv.toInt(v, tc as 'd' | 'u' | 'o' | 'x' | 'X');
        if (iv === null) typeError(percentIntTypeErrorMessage(tc, v.type.name));
        body = ascii(formatLongPercent(iv, (flags & F_ALT) !== 0, prec, tc));
        sign = true;
        if (flags & F_ZERO) fill = 48;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const x = v instanceof PyFloat ? v.v : conv.toFloat(v);
        if (x === null) typeError(`float argument required, not ${v.type.name}`);
        body = ascii(floatToString(x, ch, prec < 0 ? 6 : prec, { alt: (flags & F_ALT) !== 0 }));
        sign = true;
        if (flags & F_ZERO) fill = 48;
        break;
      }
      case 'c':
        body = [byteConverter(v)];
        break;
      default:
        // (the format character is a C char: a byte over 0x7f is negative for PyErr_Format's %c)
        if (c > 127) raise(E.OverflowError, 'character argument not in range(0x110000)');
        raise(E.ValueError, `unsupported format character '${ch}' (0x${c.toString(16)}) at index ${pos - 1}`);
    }
    // the writer: the fast paths (an exact int or a float without width, precision or sign
    // flags; %c without width) write in place of the two bytes of "%d" reserved
    const fastInt = 'iduoxX'.includes(ch) && v.type === IntType && width === -1 && prec === -1 && !(flags & (F_SIGN | F_BLANK)) && ch !== 'X';
    const fastFloat = 'eEfFgG'.includes(ch) && width === -1 && prec === -1 && !(flags & (F_SIGN | F_BLANK));
    if (fastInt || fastFloat) {
      w.minSize -= 2;
      w.prepare(body.length);
      for (const x of body) out.push(x);
      continue;
    }
    if (ch === 'c' && width === -1) {
      out.push(body[0]);
      continue;
    }
    let p = 0;
    let len = body.length;
    let signch = 0;
    if (sign) {
      if (body[0] === 45 || body[0] === 43) {
        signch = body[0];
        p++;
        len--;
      } else if (flags & F_SIGN) signch = 43;
      else if (flags & F_BLANK) signch = 32;
    }
    if (width < len) width = len;
    const alloc = signch && len === width ? width + 1 : width;
    if (alloc > 2) w.prepare(alloc - 2);
    if (signch) {
      if (fill !== 32) out.push(signch);
      if (width > len) width--;
    }
    const altPrefix = (flags & F_ALT) !== 0 && (ch === 'o' || ch === 'x' || ch === 'X');
    if (altPrefix) {
      if (fill !== 32) {
        out.push(body[p], body[p + 1]);
        p += 2;
      }
      width -= 2;
      if (width < 0) width = 0;
      len -= 2;
    }
    if (width > len && !(flags & F_LJUST)) {
      for (let k = width - len; k > 0; k--) out.push(fill);
      width = len;
    }
    if (fill === 32) {
      if (signch) out.push(signch);
      if (altPrefix) {
        out.push(body[p], body[p + 1]);
        p += 2;
      }
    }
    for (let k = 0; k < len; k++) out.push(body[p + k]);
    for (let k = width - len; k > 0; k--) out.push(32);
    if (dict !== null && argidx < arglen) typeError('not all arguments converted during bytes formatting');
  }
  if (argidx < arglen && dict === null) typeError('not all arguments converted during bytes formatting');
  return out;
}

// ---------------------------------------------------------------- bytearray mutation
function installByteArrayMutation(): void {
  const T = ByteArrayType;
  const ba = (o: PyObject) => o as PyBytes;
  // bytearray___init___impl: empty the object (a resize to 0), then fill it from the source
  T.slots.init = (self, args, kw) => {
    const o = ba(self);
    const source: { src?: PyObject } = {};
    const v = argsNew(self.type, args, kw, 'bytearray', source);
    setContents(o, new Uint8Array(0));
    if (source.src !== undefined) initByteArrayAlloc(o, source.src, v.length);
    o.v = v;
  };
  def(T, '__init__', (self, args, kw) => {
    T.slots.init!(self, args, kw);
    return newRef(None);
  });
  // bytearray_pop_impl (index=-1, /)
  def(T, 'pop', (self, args, kw) => {
    posArgs('bytearray.pop', args, kw, 0, 1);
    const o = ba(self);
    let i = args.length ? ssizeArg(args[0]) : -1;
    const n = o.v.length;
    if (n === 0) raise(E.IndexError, 'pop from empty bytearray');
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(E.IndexError, 'pop index out of range');
    const value = o.v[i];
    const r = new Uint8Array(n - 1);
    r.set(o.v.subarray(0, i));
    r.set(o.v.subarray(i + 1), i);
    setContents(o, r);
    return newInt(value);
  });
  // bytearray_remove_impl (value, /): METH_O
  def(T, 'remove', (self, args, kw) => {
    if (kw && kw.length) typeError('bytearray.remove() takes no keyword arguments');
    if (args.length !== 1) typeError(`bytearray.remove() takes exactly one argument (${args.length} given)`);
    const o = ba(self);
    const value = byteValue(args[0]);
    const i = o.v.indexOf(value);
    if (i < 0) raise(E.ValueError, 'value not found in bytearray');
    const r = new Uint8Array(o.v.length - 1);
    r.set(o.v.subarray(0, i));
    r.set(o.v.subarray(i + 1), i);
    setContents(o, r);
    return newRef(None);
  });
  // bytearray_insert_impl (index, item, /)
  def(T, 'insert', (self, args, kw) => {
    posArgs('bytearray.insert', args, kw, 2, 2);
    const o = ba(self);
    let i = ssizeArg(args[0]);
    const value = byteValue(args[1]);
    const n = o.v.length;
    if (i < 0) {
      i += n;
      if (i < 0) i = 0;
    }
    if (i > n) i = n;
    const r = new Uint8Array(n + 1);
    r.set(o.v.subarray(0, i));
    r[i] = value;
    r.set(o.v.subarray(i), i + 1);
    setContents(o, r);
    return newRef(None);
  });
  // bytearray_append_impl (item, /): METH_O
  def(T, 'append', (self, args, kw) => {
    if (kw && kw.length) typeError('bytearray.append() takes no keyword arguments');
    if (args.length !== 1) typeError(`bytearray.append() takes exactly one argument (${args.length} given)`);
    const o = ba(self);
    const value = byteValue(args[0]);
    const r = new Uint8Array(o.v.length + 1);
    r.set(o.v);
    r[o.v.length] = value;
    setContents(o, r);
    return newRef(None);
  });
  // bytearray_extend_impl: a buffer is a slice assignment at the end; anything else is iterated
  // into a temporary bytearray first
  def(T, 'extend', (self, args, kw) => {
    if (kw && kw.length) typeError('bytearray.extend() takes no keyword arguments');
    if (args.length !== 1) typeError(`bytearray.extend() takes exactly one argument (${args.length} given)`);
    const o = ba(self);
    const src = args[0];
    let add = bytesLike(src);
    if (add === null) {
      const it = abs.getIterOrNull(src);
      if (!it) typeError(`can't extend bytearray with ${src.type.name}`);
      const vals: number[] = [];
      try {
        for (;;) {
          const x = abs.iterNext(it);
          if (!x) break;
          try {
            vals.push(byteValue(x));
          } finally {
            decref(x);
          }
        }
      } finally {
        decref(it);
      }
      add = Uint8Array.from(vals);
    } else add = add.slice();
    const n = o.v.length;
    setSliceLinear(o, n, n, add);
    return newRef(None);
  });
  def0(T, 'copy', (self) => newByteArray(ba(self).v));
  def0(T, 'clear', (self) => {
    setContents(ba(self), new Uint8Array(0));
    return newRef(None);
  });
  def0(T, 'reverse', (self) => {
    ba(self).v.reverse();
    return newRef(None);
  });
  def0(T, '__alloc__', (self) => newInt(ba(self).alloc));
  // _common_reduce: (type, (latin-1 str, 'latin-1') or (bytes,), state); protocol < 3 the str form
  const reduce = (self: PyObject, proto: number): PyObject => {
    const o = ba(self);
    const gs = abs.getAttr(self, '__getstate__');
    let state: PyObject;
    try {
      state = abs.call(gs, [], null);
    } finally {
      decref(gs);
    }
    const ctorArgs = !o.v.length ? newTuple([]) : proto < 3 ? newTuple([newStr(String.fromCharCode(...o.v)), newStr('latin-1')]) : newTuple([newBytes(o.v.slice())]);
    return newTuple([newRef(self.type), ctorArgs, state]);
  };
  def0(T, '__reduce__', (self) => reduce(self, 2));
  def(T, '__reduce_ex__', (self, args, kw) => {
    posArgs('bytearray.__reduce_ex__', args, kw, 0, 1);
    return reduce(self, args.length ? cIntArg(args[0]) : 0);
  });

  // bytearray_ass_subscript: an index takes a byte value; a slice takes a bytearray (anything
  // else but a number or a str is converted to one first); deletion is assignment of nothing
  const assSubscript = (o: PyBytes, index: PyObject, values: PyObject | null): void => {
    let start: number;
    let stop: number;
    let step: number;
    let slicelen: number;
    if (index instanceof PyInt || (!(index instanceof PySlice) && hasIndex(index))) {
      let i = abs.index(index);
      if (typeof i === 'bigint') raise(E.IndexError, `cannot fit '${index.type.name}' into an index-sized integer`);
      const ival = values === null ? -1 : byteValue(values);
      if (i < 0) i += o.v.length;
      if (i < 0 || i >= o.v.length) raise(E.IndexError, 'bytearray index out of range');
      if (values !== null) {
        o.v[i] = ival;
        return;
      }
      start = i;
      stop = i + 1;
      step = 1;
      slicelen = 1;
    } else if (index instanceof PySlice) {
      [start, stop, step, slicelen] = sliceIndices(index, o.v.length);
    } else typeError(`bytearray indices must be integers or slices, not ${index.type.name}`);
    let bytes: Uint8Array;
    if (values === null) bytes = new Uint8Array(0);
    else if (values === o || !(values instanceof PyBytes) || !values.type.isSubtype(ByteArrayType)) {
      if (values instanceof PyInt || values instanceof PyFloat || values instanceof PyStr || abs.typeLookup(values.type, '__index__') || abs.typeLookup(values.type, '__int__') || abs.typeLookup(values.type, '__float__')) {
        typeError('can assign only bytes, buffers, or iterables of ints in range(0, 256)');
      }
      // PyByteArray_FromObject(values), then again with that copy (a generator it runs is
      // resumed from native code: the iterator reference held here is not the audit's to see)
      let copy: PyObject;
      vmState.native++;
      try {
        copy = abs.call(ByteArrayType, [values], null);
      } finally {
        vmState.native--;
      }
      try {
        assSubscript(o, index, copy);
      } finally {
        decref(copy);
      }
      return;
    } else bytes = values.v;
    // b[5:2] = ... inserts before 5
    if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
    if (step === 1) {
      setSliceLinear(o, start, stop, bytes.slice());
      return;
    }
    if (bytes.length === 0) {
      canResize(o);
      if (slicelen === 0) return;
      const drop = new Set<number>();
      for (let k = 0, j = start; k < slicelen; k++, j += step) drop.add(j);
      const r = new Uint8Array(o.v.length - slicelen);
      let w = 0;
      for (let j = 0; j < o.v.length; j++) if (!drop.has(j)) r[w++] = o.v[j];
      setContents(o, r);
      return;
    }
    if (bytes.length !== slicelen) raise(E.ValueError, `attempt to assign bytes of size ${bytes.length} to extended slice of size ${slicelen}`);
    for (let k = 0, j = start; k < slicelen; k++, j += step) o.v[j] = bytes[k];
  };
  defBin(T, '__delitem__', (self, k) => {
    assSubscript(ba(self), k, null);
    return newRef(None);
  });
  def(T, '__setitem__', (self, args, kw) => {
    if (kw && kw.length) typeError('wrapper __setitem__() takes no keyword arguments');
    if (args.length !== 2) typeError(`expected 2 arguments, got ${args.length}`);
    assSubscript(ba(self), args[0], args[1]);
    return newRef(None);
  });
  // bytearray_iconcat / bytearray_irepeat: one PyByteArray_Resize
  defBin(T, '__iadd__', (self, x) => {
    const o = ba(self);
    const add = bytesLike(x);
    if (add === null) typeError(`can't concat ${x.type.name} to ${o.type.name}`);
    const r = new Uint8Array(o.v.length + add.length);
    r.set(o.v);
    r.set(add, o.v.length);
    setContents(o, r);
    return newRef(o);
  });
  defBin(T, '__imul__', (self, x) => {
    const o = ba(self);
    if (!(x instanceof PyInt) && !hasIndex(x)) typeError(`can't multiply sequence by non-int of type '${x.type.name}'`);
    const cnt = Math.max(0, ssizeArg(x));
    const r = new Uint8Array(o.v.length * cnt);
    for (let k = 0; k < cnt; k++) r.set(o.v, k * o.v.length);
    setContents(o, r);
    return newRef(o);
  });
}
