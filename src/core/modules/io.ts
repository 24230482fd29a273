// The io module: StringIO (Modules/_io/stringio.c: _io_StringIO_write/read/readline/seek/tell/
// truncate/getvalue/close, stringio_iternext) and BytesIO (Modules/_io/bytesio.c), with the
// closed-file checks and messages of CPython 3.11. Text is kept as an array of code points.

import { PyObject, PyType, TypeFlags, Edge, newRef, incref, decref, addressOf, type Visit } from '../runtime/object';
import { makeType, inModule } from '../runtime/types';
import { registerModule, parseArgs, checkArgs, defGetter } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { newInt, True, False } from '../runtime/objects/int';
import { PyStr, newStr } from '../runtime/objects/str';
import { newList, listAppend } from '../runtime/objects/list';
import { None } from '../runtime/objects/singletons';
import { PyBytes, newBytes, bytesLike } from '../runtime/objects/bytes';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject } from '../runtime/gc';
import { solidAllocators } from '../runtime/typeobject';
import { defMethod } from './modutil';
import { vmState } from '../runtime/vm/eval';
import { installFileIO, unsupportedOperation, FileIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType, TextIOWrapperType } from './fileio';

export class PyStringIO extends PyObject {
  buf: string[] = [];
  pos = 0;
  closed = false;
  constructor(type: PyType) {
    super(type);
  }
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
  }
}
export const StringIOType = makeType('StringIO', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 120);
inModule(StringIOType, '_io');
StringIOType.weakrefable = true;

export class PyBytesIO extends PyObject {
  buf: number[] = [];
  pos = 0;
  closed = false;
  constructor(type: PyType) {
    super(type);
  }
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
  }
}
export const BytesIOType = makeType('BytesIO', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 64);
inModule(BytesIOType, '_io');
BytesIOType.weakrefable = true;

function sio(o: PyObject | null): PyStringIO {
  if (!(o instanceof PyStringIO)) typeError("descriptor requires a '_io.StringIO' object");
  return o;
}
function bio(o: PyObject | null): PyBytesIO {
  if (!(o instanceof PyBytesIO)) typeError("descriptor requires a '_io.BytesIO' object");
  return o;
}
function checkOpen(o: { closed: boolean }): void {
  // stringio.c CHECK_CLOSED has no final period, bytesio.c's has one
  if (o.closed) raise(E.ValueError, o instanceof PyStringIO ? 'I/O operation on closed file' : 'I/O operation on closed file.');
}
function sizeArg(o: PyObject | undefined): number {
  if (o === undefined || o === None) return -1;
  return Number(abs.index(o));
}

function installStringIO(): void {
  const T = StringIOType;
  solidAllocators.set(T, (t) => new PyStringIO(t));
  T.slots.new = (t) => {
    const o = new PyStringIO(t);
    if (t.flags & TypeFlags.HEAPTYPE) incref(t);
    gcNewObject(o, true);
    return o;
  };
  T.slots.init = (self, args, kw) => {
    const [iv, nl] = parseArgs({ name: 'StringIO', params: ['initial_value', 'newline'] }, args, kw);
    const o = sio(self);
    if (nl !== undefined && nl !== None && !(nl instanceof PyStr)) typeError(`newline must be str or None, not ${nl.type.name}`);
    if (nl instanceof PyStr && !['', '\n', '\r', '\r\n'].includes(nl.v)) raise(E.ValueError, `illegal newline value: ${abs.repr(nl)}`);
    o.buf = [];
    o.pos = 0;
    o.closed = false;
    if (iv !== undefined && iv !== None) {
      if (!(iv instanceof PyStr)) typeError(`initial_value must be str or None, not ${iv.type.name}`);
      o.buf = Array.from(iv.v);
    }
  };
  T.slots.iter = (o) => {
    checkOpen(sio(o));
    return newRef(o);
  };
  T.slots.next = (o) => {
    const s = sio(o);
    checkOpen(s);
    const line = readline(s, -1);
    if (!line) return null;
    return newStr(line);
  };
  T.slots.repr = (o) => `<_io.StringIO object at 0x${addressOf(o).toString(16)}>`;
  defMethod(T, 'write', (a, k, self) => {
    checkArgs('write', a, k, 1, 1);
    const s = sio(self);
    const v = a[0];
    if (!(v instanceof PyStr)) typeError(`string argument expected, got '${v.type.name}'`);
    checkOpen(s);
    const chars = Array.from(v.v);
    if (chars.length) {
      while (s.buf.length < s.pos) s.buf.push('\0');
      s.buf.splice(s.pos, Math.min(chars.length, s.buf.length - s.pos), ...chars);
      s.pos += chars.length;
    }
    return newInt(chars.length);
  });
  defMethod(T, 'writelines', (a, k, self) => {
    checkArgs('writelines', a, k, 1, 1);
    const s = sio(self);
    checkOpen(s);
    for (const line of abs.toArray(a[0])) {
      try {
        if (!(line instanceof PyStr)) typeError(`string argument expected, got '${line.type.name}'`);
        const chars = Array.from(line.v);
        while (s.buf.length < s.pos) s.buf.push('\0');
        s.buf.splice(s.pos, Math.min(chars.length, s.buf.length - s.pos), ...chars);
        s.pos += chars.length;
      } finally {
        decref(line);
      }
    }
    return newRef(None);
  });
  defMethod(T, 'read', (a, k, self) => {
    checkArgs('read', a, k, 0, 1);
    const s = sio(self);
    checkOpen(s);
    const n = sizeArg(a[0]);
    const avail = Math.max(0, s.buf.length - s.pos);
    const take = n < 0 ? avail : Math.min(n, avail);
    const out = s.buf.slice(s.pos, s.pos + take).join('');
    s.pos += take;
    return newStr(out);
  });
  defMethod(T, 'readline', (a, k, self) => {
    checkArgs('readline', a, k, 0, 1);
    const s = sio(self);
    checkOpen(s);
    return newStr(readline(s, sizeArg(a[0])));
  });
  defMethod(T, 'readlines', (a, k, self) => {
    checkArgs('readlines', a, k, 0, 1);
    const s = sio(self);
    checkOpen(s);
    const hint = sizeArg(a[0]);
    const l = newList([]);
    let total = 0;
    for (;;) {
      const line = readline(s, -1);
      if (!line) break;
      listAppend(l, newStr(line));
      total += line.length;
      if (hint > 0 && total >= hint) break;
    }
    return l;
  });
  defMethod(T, 'getvalue', (a, k, self) => {
    checkArgs('getvalue', a, k, 0, 0);
    const s = sio(self);
    checkOpen(s);
    return newStr(s.buf.join(''));
  });
  defMethod(T, 'tell', (a, k, self) => {
    checkArgs('tell', a, k, 0, 0);
    const s = sio(self);
    checkOpen(s);
    return newInt(s.pos);
  });
  defMethod(T, 'seek', (a, k, self) => {
    checkArgs('seek', a, k, 1, 2);
    const s = sio(self);
    const pos = Number(abs.index(a[0]));
    const whence = a.length > 1 ? Number(abs.index(a[1])) : 0;
    if (whence !== 0 && whence !== 1 && whence !== 2) raise(E.ValueError, `Invalid whence (${whence}, should be 0, 1 or 2)`);
    if (pos < 0 && whence === 0) raise(E.ValueError, `Negative seek position ${pos}`);
    if (whence !== 0 && pos !== 0) raise(E.OSError, "Can't do nonzero cur-relative seeks");
    checkOpen(s);
    if (whence === 0) s.pos = pos;
    else if (whence === 2) s.pos = s.buf.length;
    return newInt(s.pos);
  });
  defMethod(T, 'truncate', (a, k, self) => {
    checkArgs('truncate', a, k, 0, 1);
    const s = sio(self);
    checkOpen(s);
    const size = a.length && a[0] !== None ? Number(abs.index(a[0])) : s.pos;
    if (size < 0) raise(E.ValueError, `Negative size value ${size}`);
    if (size < s.buf.length) s.buf.length = size;
    return newInt(size);
  });
  defMethod(T, 'close', (a, k, self) => {
    checkArgs('close', a, k, 0, 0);
    const s = sio(self);
    s.closed = true;
    s.buf = [];
    return newRef(None);
  });
  defMethod(T, 'flush', (a, k, self) => {
    checkArgs('flush', a, k, 0, 0);
    checkOpen(sio(self));
    return newRef(None);
  });
  for (const name of ['readable', 'writable', 'seekable']) {
    defMethod(T, name, (a, k, self) => {
      checkArgs(name, a, k, 0, 0);
      checkOpen(sio(self));
      return newRef(True);
    });
  }
  defMethod(T, 'isatty', (a, k, self) => {
    checkArgs('isatty', a, k, 0, 0);
    checkOpen(sio(self));
    return newRef(False);
  });
  defMethod(T, '__enter__', (a, k, self) => {
    checkOpen(sio(self));
    return newRef(self!);
  });
  defMethod(T, '__exit__', (_a, _k, self) => {
    const s = sio(self);
    s.closed = true;
    s.buf = [];
    return newRef(None);
  });
  defGetter(T, 'closed', (o) => newRef(sio(o).closed ? True : False));
  defGetter(T, 'line_buffering', () => newRef(False));
  defGetter(T, 'newlines', () => newRef(None));
}

function readline(s: PyStringIO, limit: number): string {
  const start = s.pos;
  const n = s.buf.length;
  let i = start;
  while (i < n && (limit < 0 || i - start < limit)) {
    if (s.buf[i++] === '\n') break;
  }
  if (i <= start) return '';
  s.pos = i;
  return s.buf.slice(start, i).join('');
}

function installBytesIO(): void {
  const T = BytesIOType;
  solidAllocators.set(T, (t) => new PyBytesIO(t));
  T.slots.new = (t) => {
    const o = new PyBytesIO(t);
    if (t.flags & TypeFlags.HEAPTYPE) incref(t);
    gcNewObject(o, true);
    return o;
  };
  T.slots.init = (self, args, kw) => {
    const [iv] = parseArgs({ name: 'BytesIO', params: ['initial_bytes'] }, args, kw);
    const o = bio(self);
    o.buf = [];
    o.pos = 0;
    if (iv !== undefined && iv !== None) {
      const b = bytesLike(iv);
      if (!b) typeError(`a bytes-like object is required, not '${iv.type.name}'`);
      o.buf = Array.from(b);
    }
  };
  T.slots.iter = (o) => newRef(o);
  T.slots.next = (o) => {
    const s = bio(o);
    checkOpen(s);
    const start = s.pos;
    let i = start;
    while (i < s.buf.length) if (s.buf[i++] === 10) break;
    if (i === start) return null;
    s.pos = i;
    return newBytes(Uint8Array.from(s.buf.slice(start, i)));
  };
  defMethod(T, 'write', (a, k, self) => {
    checkArgs('write', a, k, 1, 1);
    const s = bio(self);
    checkOpen(s);
    const b = bytesLike(a[0]);
    if (!b) typeError(`a bytes-like object is required, not '${a[0].type.name}'`);
    while (s.buf.length < s.pos) s.buf.push(0);
    s.buf.splice(s.pos, Math.min(b.length, s.buf.length - s.pos), ...b);
    s.pos += b.length;
    return newInt(b.length);
  });
  defMethod(T, 'read', (a, k, self) => {
    checkArgs('read', a, k, 0, 1);
    const s = bio(self);
    checkOpen(s);
    const n = sizeArg(a[0]);
    const avail = Math.max(0, s.buf.length - s.pos);
    const take = n < 0 ? avail : Math.min(n, avail);
    const out = s.buf.slice(s.pos, s.pos + take);
    s.pos += take;
    return newBytes(Uint8Array.from(out));
  });
  // _io_BytesIO_readline_impl (scan_eol): up to and including the next newline, at most `size`
  defMethod(T, 'readline', (a, k, self) => {
    checkArgs('readline', a, k, 0, 1);
    const s = bio(self);
    checkOpen(s);
    const n = sizeArg(a[0]);
    const end = n < 0 ? s.buf.length : Math.min(s.buf.length, s.pos + n);
    let i = s.pos;
    while (i < end) if (s.buf[i++] === 10) break;
    const out = s.buf.slice(s.pos, Math.max(s.pos, i));
    s.pos = Math.max(s.pos, i);
    return newBytes(Uint8Array.from(out));
  });
  defMethod(T, 'getvalue', (a, k, self) => {
    checkArgs('getvalue', a, k, 0, 0);
    const s = bio(self);
    checkOpen(s);
    return newBytes(Uint8Array.from(s.buf));
  });
  defMethod(T, 'tell', (a, k, self) => {
    checkArgs('tell', a, k, 0, 0);
    const s = bio(self);
    checkOpen(s);
    return newInt(s.pos);
  });
  defMethod(T, 'seek', (a, k, self) => {
    checkArgs('seek', a, k, 1, 2);
    const s = bio(self);
    checkOpen(s);
    const pos = Number(abs.index(a[0]));
    const whence = a.length > 1 ? Number(abs.index(a[1])) : 0;
    if (whence === 0) {
      if (pos < 0) raise(E.ValueError, `negative seek value ${pos}`);
      s.pos = pos;
    } else if (whence === 1) s.pos = Math.max(0, s.pos + pos);
    else if (whence === 2) s.pos = Math.max(0, s.buf.length + pos);
    else raise(E.ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
    return newInt(s.pos);
  });
  defMethod(T, 'close', (_a, _k, self) => {
    bio(self).closed = true;
    return newRef(None);
  });
  // _io_BytesIO_flush_impl, _io_BytesIO_readable_impl (and writable, seekable): the closed check
  defMethod(T, 'flush', (a, k, self) => {
    checkArgs('flush', a, k, 0, 0);
    checkOpen(bio(self));
    return newRef(None);
  });
  for (const name of ['readable', 'writable', 'seekable']) {
    defMethod(T, name, (a, k, self) => {
      checkArgs(name, a, k, 0, 0);
      checkOpen(bio(self));
      return newRef(True);
    });
  }
  defMethod(T, '__enter__', (_a, _k, self) => {
    checkOpen(bio(self));
    return newRef(self!);
  });
  defMethod(T, '__exit__', (_a, _k, self) => {
    bio(self).closed = true;
    return newRef(None);
  });
  defGetter(T, 'closed', (o) => newRef(bio(o).closed ? True : False));
}

let installed = false;
registerModule('io', (m) => {
  if (!installed) {
    installed = true;
    installStringIO();
    installBytesIO();
  }
  m.set('StringIO', StringIOType);
  m.set('BytesIO', BytesIOType);
  m.own('DEFAULT_BUFFER_SIZE', newInt(8192));
  m.own('SEEK_SET', newInt(0));
  m.own('SEEK_CUR', newInt(1));
  m.own('SEEK_END', newInt(2));
  installFileIO();
  m.set('UnsupportedOperation', unsupportedOperation());
  // io.open is builtins.open (one function object)
  const open = vmState.builtins!.getStr(abs.strKey('open'));
  if (open) m.set('open', open);
  m.set('FileIO', FileIOType);
  m.set('BufferedReader', BufferedReaderType);
  m.set('BufferedWriter', BufferedWriterType);
  m.set('BufferedRandom', BufferedRandomType);
  m.set('TextIOWrapper', TextIOWrapperType);
  // _io_text_encoding_impl: "locale" for None (no UTF-8 mode, no -X warn_default_encoding)
  m.fn('text_encoding', (args, kw) => {
    // (positional-only: _PyArg_CheckPositional)
    checkArgs('text_encoding', args, kw, 1, 2);
    if (args.length > 1) abs.asIndex(args[1]);
    return args[0] === None ? newStr('locale') : newRef(args[0]);
  });
});

void PyBytes;
