// open() and the file objects it returns (Modules/_io/_iomodule.c _io_open_impl, fileio.c,
// bufferedio.c, textio.c), over the files the host lets the run read (RuntimeIO.fs).
//
// As in CPython, a text file is three objects and a codec object: a TextIOWrapper (its __dict__
// holds `mode`) over a BufferedReader/BufferedWriter/BufferedRandom over a FileIO (its __dict__
// holds `name`), and the utf-8 IncrementalDecoder/IncrementalEncoder the wrapper keeps; a binary
// file is the buffered object and its FileIO; buffering=0 gives the FileIO itself. Each is a gc
// object, so gc counts move as CPython's do (4 for a text file, 5 for '+', 2 binary, 1 raw).
//
// The bytes: a run reads a file from the host once, then works on its own copy (RunFiles): what
// it writes is seen by later open()s in the same run once flushed (a close, flush(), or more than
// a buffer's worth, DEFAULT_BUFFER_SIZE), and the files written are handed to the host when the
// run ends (RuntimeIO.writeFile: the CLI writes them to disk; the editor keeps them in the run).
// Reading is not buffered ahead (another writer's later flush is seen at once; CPython would
// serve the rest of its 8 KiB buffer first).

import { PyObject, PyType, TypeFlags, Edge, newRef, incref, decref, xdecref, addressOf, type Visit } from '../runtime/object';
import { makeType, inModule } from '../runtime/types';
import { PyInstance } from '../runtime/objects/instance';
import { parseArgs, checkArgs, defGetter } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { newInt, True, False, PyInt } from '../runtime/objects/int';
import { PyStr, StrType, newStr, attrKey } from '../runtime/objects/str';
import { newList, PyList, ListType, listAppend } from '../runtime/objects/list';
import { None } from '../runtime/objects/singletons';
import { PyBytes, newBytes, encodeStr, bytesLike, utf8Decode } from '../runtime/objects/bytes';
import { lookupCodec, moduleEncode, moduleDecode } from '../runtime/objects/codec_registry';
import { charmapAsciiCompatible } from '../runtime/objects/codec_charmap';
import { raise, typeError, unsupported } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { newOSError } from '../runtime/objects/oserror';
import { gcNewTracked, newTuple } from '../runtime/objects/tuple';
import { currentInterp } from '../runtime/current';
import type { RuntimeIO } from './io_shared';
import { RunFiles, runFilesOf, knownRunFiles, fspath, type FileData } from './runfs';
import { defMethod } from './modutil';
import { sizeofHooks } from '../runtime/sizes';
import { solidAllocators } from '../runtime/typeobject';
import { gcState, gcTrackStartupObject, gcUntrackObject } from '../runtime/gc';

const DEFAULT_BUFFER_SIZE = 8192;

// ------------------------------------------------------------------ types
// (static types of _io, never in gc.get_objects(); the sizes are CPython 3.11's basicsize)
export const IOBaseType = makeType('_IOBase', null, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 56);
export const RawIOBaseType = makeType('_RawIOBase', IOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 56);
export const BufferedIOBaseType = makeType('_BufferedIOBase', IOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 56);
export const TextIOBaseType = makeType('_TextIOBase', IOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 56);
export const FileIOType = makeType('FileIO', RawIOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 48);
export const BufferedReaderType = makeType('BufferedReader', BufferedIOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 152);
export const BufferedWriterType = makeType('BufferedWriter', BufferedIOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 152);
export const BufferedRandomType = makeType('BufferedRandom', BufferedIOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 152);
export const TextIOWrapperType = makeType('TextIOWrapper', TextIOBaseType, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 192);
const DecoderType = makeType('IncrementalDecoder', null, TypeFlags.HAVE_GC, 56);
const EncoderType = makeType('IncrementalEncoder', null, TypeFlags.HAVE_GC, 56);
for (const t of [IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType, FileIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType, TextIOWrapperType]) {
  inModule(t, '_io');
  t.hasDict = true;
  t.weakrefable = true;
}
DecoderType.module = EncoderType.module = 'encodings.utf_8';

/** a codec object a text file keeps (the utf-8 IncrementalDecoder / IncrementalEncoder instance) */
class PyCodecState extends PyObject {}
DecoderType.slots.repr = (o) => `<encodings.utf_8.IncrementalDecoder object at 0x${addressOf(o).toString(16)}>`;
EncoderType.slots.repr = (o) => `<encodings.utf_8.IncrementalEncoder object at 0x${addressOf(o).toString(16)}>`;

// ------------------------------------------------------------------ the run's files
// (runfs.ts: the host's files with what the run did to them laid over)
function runFiles(): RunFiles {
  return runFilesOf(currentInterp.interp!.io);
}

/** linecache.updatecache's search for a file no running code came from: `filename` itself (a
 * relative one from the working directory), else, for a relative name, each directory of
 * sys.path joined with it; the file's lines as the run sees its files (what it wrote, else the
 * host's), newlines universal and dropped; null when none is found ('<string>' and the like are
 * never looked for). */
export function sourceFileLines(filename: string): string[] | null {
  if (filename === '' || (filename.startsWith('<') && filename.endsWith('>'))) return null;
  const interp = currentInterp.interp;
  if (!interp || (!interp.io.fs && runFiles().files.size === 0)) return null;
  const candidates = [filename];
  if (!filename.startsWith('/')) {
    const path = interp.sys.dict.getStr(abs.strKey('path'));
    if (path instanceof PyList) {
      for (const d of path.items) if (d instanceof PyStr) candidates.push(d.v === '' ? filename : d.v.endsWith('/') ? d.v + filename : `${d.v}/${filename}`);
    }
  }
  for (const p of candidates) {
    if (pathKind(p) !== 'file') continue;
    const d = runFiles().load(p);
    if (typeof d === 'number') continue;
    return utf8Decode(d.bytes.subarray(0, d.len), 'replace').replace(/\r\n?/g, '\n').split('\n');
  }
  return null;
}

/** The text of the file at `path` as the run sees it (what it wrote, else the host's), or null
 * when there is no such file: the source of a module the program imports. */
export function runFileText(path: string, writtenOnly = false): string | null {
  if (writtenOnly ? !runFiles().files.has(runFiles().key(path)) : pathKind(path) !== 'file') return null;
  const d = runFiles().load(path);
  if (typeof d === 'number') return null;
  return utf8Decode(d.bytes.subarray(0, d.len), 'replace');
}

/** What is at `path` as the run sees it (what it wrote, else the host's files): for os.path. */
export function pathKind(path: string): 'file' | 'dir' | null {
  const k = runFiles().resolve(path).kind;
  return typeof k === 'number' ? null : k;
}

/** the files of the run that are open now */
export function openFileCount(io: RuntimeIO): number {
  return knownRunFiles(io)?.open.size ?? 0;
}

/** The files the run wrote, handed to the host (RuntimeIO.writeFile), and those it removed
 * (RuntimeIO.removeFile); called at the end of a run. */
export function saveRunFiles(io: RuntimeIO): void {
  knownRunFiles(io)?.flushToHost();
}

// ------------------------------------------------------------------ the objects
/** what the three layers of one open() share: the file, the position, the pending writes */
class OpenFile {
  pos = 0;
  /** where the buffered layer is after a text read read ahead (whole chunks of _CHUNK_SIZE from
   * where the read started), or -1: a text write goes there (textiowrapper_write drops the decoded
   * chunk and writes at the buffer's position), a seek forgets it */
  ahead = -1;
  pending: number[] = [];
  closed = false;
  constructor(
    readonly run: RunFiles,
    readonly data: FileData,
    readonly readable: boolean,
    readonly writable: boolean,
    readonly appending: boolean,
    readonly fd: number,
  ) {}
  /** the pending writes go to the file (at the position they were made at) */
  flush(): void {
    if (this.pending.length === 0) return;
    const bytes = this.pending;
    this.pending = [];
    const d = this.data;
    if (this.appending) this.pos = d.len;
    const end = this.pos + bytes.length;
    if (end > d.bytes.length) {
      const b = new Uint8Array(Math.max(end, d.bytes.length * 2));
      b.set(d.bytes.subarray(0, d.len));
      d.bytes = b;
    }
    d.bytes.set(bytes, this.pos);
    this.pos = end;
    if (end > d.len) d.len = end;
    d.mtime = Date.now();
  }
  write(bytes: ArrayLike<number>): void {
    for (let i = 0; i < bytes.length; i++) this.pending.push(bytes[i]);
    if (this.pending.length >= DEFAULT_BUFFER_SIZE) this.flush();
  }
  /** n bytes (all: -1) from the position */
  read(n: number): Uint8Array {
    this.flush();
    const d = this.data;
    const end = n < 0 ? d.len : Math.min(d.len, this.pos + n);
    const out = d.bytes.slice(Math.min(this.pos, end), end);
    this.pos = Math.max(this.pos, end);
    return out;
  }
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.run.fds.delete(this.fd);
    this.run.open.delete(this);
  }
}

type Layer = 'raw' | 'buffered' | 'text';

// ------------------------------------------------------------------ pending writes
// _io_TextIOWrapper_write_impl (3.11) keeps what write() was given in `pending_bytes` until
// _textiowrapper_writeflush hands it to the buffer: an ASCII str as the object itself (so a
// printed str has one more reference until then), other text as its encoded bytes; a second piece
// makes a list of the two (PyList_New: a gc allocation, the list free list), later ones are
// appended. It is flushed when 8192 bytes are pending (a piece that would pass that flushes what
// is pending first), on a line end when the stream is line buffered (stderr, a terminal), at once
// when it writes through (PYTHONUNBUFFERED), and by flush(), close(), tell(), seek(), reads.
// The bytes themselves reach the file (or the run's output) at once here: only the objects are
// modelled.

/** textio's chunk_size */
const CHUNK_SIZE = 8192;

/** a text stream's pending_bytes: null, one piece, or a list of them (owned) */
export class PendingWrites {
  obj: PyObject | null = null;
  count = 0;
  /** bytes in the BufferedWriter below the text layer (not yet at the file descriptor) */
  bufPos = 0;
  /** sys.stdout's and sys.stderr's: the data themselves on their way to the run's output */
  sink: StdSink | null = null;
  /** a TextIOWrapper made by the program: _textiowrapper_writeflush's buffer.write() of the
   * pending pieces (given the pieces, owned, and their byte count) */
  onFlush: ((pieces: PyObject, count: number) => void) | null = null;
  /** ... and its buffer.flush() */
  onBufferFlush: (() => void) | null = null;
  constructor(
    /** (reconfigure() changes these) */
    public lineBuffering: boolean,
    public writeThrough: boolean,
    /** the BufferedWriter's size (st_blksize: 4096 for a pipe); 0: none (unbuffered stdio) */
    readonly bufSize = 4096,
  ) {}
}

/**
 * The bytes of sys.stdout or sys.stderr on their way to the run's output: the text layer's
 * pending data (in step with PendingWrites' pieces) and the BufferedWriter's buffer.
 *
 * While the program writes only text ("eager"), each write reaches the host at once, in the
 * program's order (what a terminal or the editor shows; the buffers' contents are then only
 * modelled, for os._exit and the objects' counts). Once it writes to the binary layer
 * (sys.stdout.buffer, its raw FileIO, a TextIOWrapper over them), the order of the bytes on the
 * descriptor is CPython's only if they wait in the layers as there: what the host got but the
 * layers still hold is taken back (RuntimeIO.retract), and from then on data reach the host when
 * the raw layer writes them ("lazy").
 */
export class StdSink {
  /** the text layer's pending data (strs are their utf-8 text) */
  text: (string | Uint8Array)[] = [];
  /** the BufferedWriter's buffer */
  buf: (string | Uint8Array)[] = [];
  lazy = false;
  /** the BufferedWriter (and its FileIO) closed: a TextIOWrapper over it was closed */
  closed = false;
  /** the last bytes the raw layer wrote when they end inside a utf-8 sequence (the host takes text) */
  tail: Uint8Array | null = null;
  constructor(
    readonly fd: 1 | 2,
    readonly io: RuntimeIO,
  ) {}
  /** the raw layer's write(2) */
  emit(chunks: (string | Uint8Array)[]): void {
    if (!this.lazy || chunks.length === 0) return;
    let text = '';
    for (const c of chunks) {
      if (typeof c === 'string') {
        if (this.tail !== null) text += this.takeTail();
        text += c;
        continue;
      }
      let b = c;
      if (this.tail !== null) {
        const j = new Uint8Array(this.tail.length + b.length);
        j.set(this.tail);
        j.set(b, this.tail.length);
        b = j;
        this.tail = null;
      }
      const cut = utf8Incomplete(b);
      if (cut < b.length) this.tail = b.slice(cut);
      text += utf8Decode(b.subarray(0, cut), 'replace');
    }
    if (this.fd === 1) this.io.writeStdout(text);
    else this.io.writeStderr(text);
  }
  /** what the raw layer wrote last, ending inside a character, as text (its U+FFFDs) */
  takeTail(): string {
    const t = this.tail;
    this.tail = null;
    return t === null ? '' : utf8Decode(t, 'replace');
  }
  /** the end of the run: an unfinished character goes as it is */
  finish(): void {
    if (this.tail === null) return;
    const s = this.takeTail();
    if (this.fd === 1) this.io.writeStdout(s);
    else this.io.writeStderr(s);
  }
}

/** where a trailing incomplete utf-8 sequence of `b` starts (b.length: none) */
function utf8Incomplete(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** A std stream's sink goes lazy (StdSink): what its layers hold leaves the host's output. */
function goLazy(p: PendingWrites): void {
  const sink = p.sink;
  if (sink === null || sink.lazy) return;
  const held = p.count + p.bufPos;
  if (sink.io.retract) {
    if (held > 0) sink.io.retract(sink.fd, held);
  } else {
    // (a host that cannot take text back: what it has stays, in the program's order)
    sink.text = [];
    sink.buf = [];
  }
  sink.lazy = true;
}

/** _io__Buffered_write_impl's steps for n bytes the text layer hands down: they fit in the
 * buffer, or the buffer is written out and so is a piece longer than the buffer (else the piece
 * is buffered) */
function bufferedWrite(p: PendingWrites, n: number, data: (string | Uint8Array)[] | null): void {
  const sink = p.sink;
  if (p.bufSize === 0) {
    // (unbuffered: the FileIO itself)
    if (sink !== null && data !== null) sink.emit(data);
    return;
  }
  if (n <= p.bufSize - p.bufPos) {
    p.bufPos += n;
    if (sink !== null && data !== null) for (const d of data) sink.buf.push(d);
    return;
  }
  // _bufferedwriter_flush_unlocked, then the piece: written when longer than the buffer
  if (sink !== null) {
    sink.emit(sink.buf);
    sink.buf = [];
  }
  if (n > p.bufSize) {
    p.bufPos = 0;
    if (sink !== null && data !== null) sink.emit(data);
  } else {
    p.bufPos = n;
    if (sink !== null && data !== null) sink.buf = data;
  }
}

/** buffered_flush: what the BufferedWriter holds goes to the descriptor */
function bufferFlush(p: PendingWrites): void {
  p.bufPos = 0;
  const sink = p.sink;
  if (sink !== null && sink.buf.length) {
    const b = sink.buf;
    sink.buf = [];
    sink.emit(b);
  }
}

/** the bytes a stream's layers still hold (lost if the process ends without flushing them; those
 * of a lazy sink never reached the host) */
export function unwrittenBytes(p: PendingWrites): number {
  return p.sink?.lazy ? 0 : p.count + p.bufPos;
}

/** write()'s pending_bytes steps for `text` (`out`: the text after newline translation, `bytes`
 * its encoding, or null when `out` is `text` and ASCII: the codecs here are ASCII-compatible, so
 * the str itself is kept, encodefunc's fast path) */
export function pendWrite(p: PendingWrites, text: PyStr, out: string, bytes: Uint8Array | null): void {
  const b: PyObject = bytes === null ? newRef(text) : newBytes(bytes);
  const len = bytes === null ? out.length : bytes.length;
  const needflush = p.lineBuffering && (out.includes('\n') || out.includes('\r'));
  if (p.count + len > CHUNK_SIZE) {
    // "Prevent to concatenate more than chunk_size data"
    pendFlush(p);
    p.obj = b;
  } else if (p.obj === null) p.obj = b;
  else if (p.obj.type !== ListType) {
    const list = newList([]);
    listAppend(list, p.obj);
    listAppend(list, b);
    p.obj = list;
  } else listAppend(p.obj as PyList, b);
  p.count += len;
  // (a std stream's data: its text, which is its utf-8)
  if (p.sink !== null) p.sink.text.push(out);
  if (p.count >= CHUNK_SIZE || needflush || p.writeThrough) pendFlush(p);
  // (textiowrapper_write: buffer.flush() after a line)
  if (needflush) {
    if (p.onBufferFlush !== null) p.onBufferFlush();
    else bufferFlush(p);
  }
}

/** sys.stdout's or sys.stderr's pending writes released, their buffer flushed (a TextIOWrapper
 * the program made: its flush(); anything else: nothing to do) */
export function flushStdStream(o: PyObject | null | undefined): void {
  if (o instanceof PyStdStream) {
    if (o.detached || o.pending.sink?.closed) return;
    pendFlush(o.pending);
    bufferFlush(o.pending);
  } else if (o instanceof PyTextWrapper && o.buffer !== null && !wrapperClosed(o)) {
    try {
      wrapperFlush(o);
    } catch (e) {
      if (e instanceof E.PyBaseException) decref(e);
      else throw e;
    }
  }
}

/** _textiowrapper_writeflush: the pending pieces go (a list to the free list) */
export function pendFlush(p: PendingWrites | null): void {
  if (p === null) return;
  const o = p.obj;
  const n = p.count;
  p.obj = null;
  p.count = 0;
  if (p.onFlush !== null) {
    if (o !== null) p.onFlush(o, n);
    return;
  }
  const sink = p.sink;
  let data: (string | Uint8Array)[] | null = null;
  if (sink !== null) {
    data = sink.text;
    sink.text = [];
  }
  if (n !== 0) bufferedWrite(p, n, data);
  if (o !== null) decref(o);
}

function isAsciiText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** sys.stdout.write / sys.stderr.write: the run's output, and the stream's pending pieces */
export function stdStreamWrite(o: PyStdStream, s: PyObject): void {
  if (!(s instanceof PyStr)) typeError(`write() argument must be str, not ${s.type.name}`);
  if (o.detached) raise(E.ValueError, DETACHED);
  if (o.pending.sink?.closed) raise(E.ValueError, TEXT_CLOSED);
  // (utf-8, strict: a lone surrogate raises UnicodeEncodeError before anything is written)
  const bytes = isAsciiText(s.v) ? null : encodeStr(s.v, 'utf-8', 'strict');
  const sink = o.pending.sink!;
  if (!sink.lazy) {
    const io = currentInterp.interp!.io;
    if (o.stderr) io.writeStderr(s.v);
    else io.writeStdout(s.v);
  }
  pendWrite(o.pending, s, s.v, bytes);
}

/** The std streams' text layer (create_stdio's TextIOWrapper): its binary layers, made when
 * first asked for (stdBinaryOf) and owned: textio's `buffer` (a BufferedWriter/BufferedReader,
 * or the FileIO when unbuffered) and its `raw` (the FileIO). */
abstract class PyStdTextLayer extends PyInstance {
  binary: PyStdBinary | null = null;
  rawObj: PyStdBinary | null = null;
  /** textio_traverse's order: buffer, (what the subclass holds between), raw */
  override traverse(visit: Visit): void {
    if (this.binary) visit(this.binary, Edge.OTHER, 'buffer');
    this.traverseBetween(visit);
    if (this.rawObj) visit(this.rawObj, Edge.OTHER, 'raw');
    super.traverse(visit);
  }
  protected traverseBetween(_visit: Visit): void {}
  override dealloc(): void {
    this.releaseBinary();
    super.dealloc();
  }
  override clear(): void {
    this.releaseBinary();
    super.clear();
  }
  private releaseBinary(): void {
    const { binary, rawObj } = this;
    this.binary = this.rawObj = null;
    xdecref(binary);
    xdecref(rawObj);
  }
}

/** sys.stdout / sys.stderr (create_stdio): TextIOWrapper instances that are not files, with the
 * pending writes of their write() and their binary layers */
export class PyStdStream extends PyStdTextLayer {
  /** the errors handler's name as reconfigure(errors=) last set it (null: create_stdio's) */
  errorsName: string | null = null;
  /** detach() gave the buffer away */
  detached = false;
  constructor(
    type: PyType,
    readonly pending: PendingWrites,
    readonly stderr: boolean,
  ) {
    super(type);
  }
  protected override traverseBetween(visit: Visit): void {
    if (this.pending.obj) visit(this.pending.obj, Edge.OTHER, 'pending_bytes');
  }
  /** the pending writes go first, then the binary layers */
  override dealloc(): void {
    pendFlush(this.pending);
    super.dealloc();
  }
  override clear(): void {
    pendFlush(this.pending);
    super.clear();
  }
}

/** each run's sys.stdout and sys.stderr as made (create_stdio) */
const stdStreams = new WeakMap<RuntimeIO, PyStdStream[]>();
export function registerStdStream(io: RuntimeIO, o: PyStdStream): void {
  let l = stdStreams.get(io);
  if (!l) stdStreams.set(io, (l = []));
  l.push(o);
}

/** The end of the process: the std streams as made are finalized last (sys's dict goes after
 * every module), each flushing what its text layer and its buffer hold unless the buffer was
 * closed (a TextIOWrapper over it closed it) */
export function finishStdStreams(io: RuntimeIO): void {
  for (const o of stdStreams.get(io) ?? []) {
    const p = o.pending;
    const sink = p.sink!;
    if (!sink.closed) {
      if (!o.detached) pendFlush(p);
      bufferFlush(p);
    }
    sink.finish();
  }
}

/** sys.stdin (a TextIOWrapper that is not a file), with its binary layers once asked for */
export class PyStdinStream extends PyStdTextLayer {
  /** close() was called (its buffer and raw layers are closed with it) */
  closed = false;
}

/** the BufferedWriter/BufferedReader and FileIO under a std stream (create_stdio's io.open(fd,
 * 'wb'/'rb', closefd=False)) */
export class PyStdBinary extends PyInstance {
  /** buffered: its raw FileIO (owned) */
  inner: PyStdBinary | null = null;
  /** the raw layer's own close() (the buffered layer's is its sink's) */
  rawClosed = false;
  constructor(
    type: PyType,
    readonly which: 'stdin' | 'stdout' | 'stderr',
    /** stdout's and stderr's layers (null: stdin's) */
    readonly pending: PendingWrites | null,
  ) {
    super(type);
  }
  get isRaw(): boolean {
    return this.type === FileIOType;
  }
  get closed(): boolean {
    if (this.isRaw) return this.rawClosed;
    return this.pending?.sink?.closed === true || (this.which === 'stdin' && this.rawClosed);
  }
  override traverse(visit: Visit): void {
    if (this.inner) visit(this.inner, Edge.OTHER, 'raw');
    super.traverse(visit);
  }
  override dealloc(): void {
    const r = this.inner;
    this.inner = null;
    xdecref(r);
    super.dealloc();
  }
  override clear(): void {
    const r = this.inner;
    this.inner = null;
    xdecref(r);
    super.clear();
  }
}

function newStdBinary(type: PyType, which: 'stdin' | 'stdout' | 'stderr', pending: PendingWrites | null): PyStdBinary {
  const o = new PyStdBinary(type, which, pending);
  gcTrackStartupObject(o);
  return o;
}

/** textio's buffer of a std stream (made on first use: create_stdio's objects) */
function stdBinaryOf(o: PyStdStream | PyStdinStream): PyStdBinary {
  if (o.binary === null) {
    const which = o instanceof PyStdStream ? (o.stderr ? 'stderr' : 'stdout') : 'stdin';
    const pending = o instanceof PyStdStream ? o.pending : null;
    const raw = newStdBinary(FileIOType, which, pending);
    // (the stream was closed before its layers were asked for: they are closed too)
    if ((pending !== null && pending.sink?.closed) || (o instanceof PyStdinStream && o.closed)) raw.rawClosed = true;
    // (unbuffered: the buffer is the FileIO, and textio keeps a `raw` only over a buffered object)
    if (pending !== null && pending.bufSize === 0) o.binary = raw;
    else {
      o.binary = newStdBinary(which === 'stdin' ? BufferedReaderType : BufferedWriterType, which, pending);
      if (o instanceof PyStdinStream && o.closed) o.binary.rawClosed = true;
      o.binary.inner = raw;
      incref(raw);
      o.rawObj = raw;
    }
    // (create_stdio: `raw.name = '<stdout>'`, in the FileIO's __dict__)
    const nm = newStr(`<${which}>`);
    const count = gcState.count[0];
    raw.storeAttrValue(attrKey('name'), nm);
    decref(nm);
    // (the __dict__ is a start-up object too)
    gcState.count[0] = count;
    if (raw.dict !== null) {
      gcUntrackObject(raw.dict);
      gcTrackStartupObject(raw.dict);
    }
  }
  return o.binary;
}

/** a std stream's BufferedWriter.write / FileIO.write of `b` */
function stdBinaryWrite(o: PyStdBinary, b: Uint8Array): void {
  const p = o.pending!;
  goLazy(p);
  const data = b.slice();
  if (o.isRaw && p.bufSize !== 0) p.sink!.emit([data]);
  else bufferedWrite(p, data.length, [data]);
}

// ------------------------------------------------------------------ TextIOWrapper(buffer, ...)
// _io_TextIOWrapper___init___impl over a binary stream the program gives (io.BytesIO,
// sys.stdout.buffer, ...): the text is encoded into pending pieces (PendingWrites), handed to
// buffer.write() by _textiowrapper_writeflush; reading decodes what buffer.read() returns.

const DETACHED = 'underlying buffer has been detached';

/** PyObject_CallMethod(o, name, ...) */
function callMethod(o: PyObject, name: string, args: PyObject[]): PyObject {
  const m = abs.getAttr(o, name);
  try {
    return abs.call(m, args, null);
  } finally {
    decref(m);
  }
}

export class PyTextWrapper extends PyInstance {
  /** owned; null once detached */
  buffer: PyObject | null = null;
  encoding: PyObject | null = null;
  errors: PyObject | null = null;
  codec = 'utf_8';
  /** the newline argument (null: universal newlines reading, '\n' writing) */
  newline: string | null = null;
  readonly pending = new PendingWrites(false, false, 0);
  /** text decoded and not read yet */
  decoded = '';
  detached = false;
  /** iobase_finalize ran */
  finalizedIO = false;
  constructor(type: PyType) {
    super(type);
    this.pending.onFlush = (pieces, n) => wrapperWriteflush(this, pieces, n);
    this.pending.onBufferFlush = () => {
      if (this.buffer !== null) decref(callMethod(this.buffer, 'flush', []));
    };
  }
  override traverse(visit: Visit): void {
    // textiowrapper_traverse: buffer, encoding, encoder, decoder, readnl, decoded_chars,
    // snapshot, errors, raw, dict
    if (this.buffer) visit(this.buffer, Edge.OTHER, 'buffer');
    if (this.encoding) visit(this.encoding, Edge.OTHER, 'encoding');
    if (this.pending.obj) visit(this.pending.obj, Edge.OTHER, 'pending_bytes');
    if (this.errors) visit(this.errors, Edge.OTHER, 'errors');
    super.traverse(visit);
  }
  override dealloc(): void {
    finalizeTextWrapper(this);
    this.releaseFields();
    super.dealloc();
  }
  override clear(): void {
    this.releaseFields();
    super.clear();
  }
  private releaseFields(): void {
    const p = this.pending;
    const o = p.obj;
    p.obj = null;
    p.count = 0;
    xdecref(o);
    const { buffer, encoding, errors } = this;
    this.buffer = this.encoding = this.errors = null;
    xdecref(buffer);
    xdecref(encoding);
    xdecref(errors);
  }
}

/** iobase_finalize of a TextIOWrapper the program made: close() unless closed (its errors are
 * dropped); the collector runs it before it clears anything (PEP 442), as for __del__ */
export function finalizeTextWrapper(w: PyTextWrapper): void {
  if (w.buffer === null || w.finalizedIO) return;
  w.finalizedIO = true;
  try {
    if (!wrapperClosed(w)) wrapperClose(w);
  } catch (e) {
    if (e instanceof E.PyBaseException) decref(e);
    else throw e;
  }
}

/** _textiowrapper_writeflush: the pieces as one bytes object (a bytes piece is itself), then
 * buffer.write(b) */
function wrapperWriteflush(w: PyTextWrapper, pieces: PyObject, n: number): void {
  let b: PyObject;
  if (pieces instanceof PyBytes) b = newRef(pieces);
  else {
    const out = new Uint8Array(n);
    let at = 0;
    const put = (x: PyObject) => {
      if (x instanceof PyBytes) {
        out.set(x.v, at);
        at += x.v.length;
      } else {
        const t = (x as PyStr).v;
        for (let i = 0; i < t.length; i++) out[at++] = t.charCodeAt(i);
      }
    };
    if (pieces instanceof PyList) for (const x of pieces.items) put(x);
    else put(pieces);
    b = newBytes(out);
  }
  decref(pieces);
  try {
    if (w.buffer === null) raise(E.ValueError, DETACHED);
    decref(callMethod(w.buffer, 'write', [b]));
  } finally {
    decref(b);
  }
}

function attached(w: PyTextWrapper): PyObject {
  if (w.buffer === null) raise(E.ValueError, DETACHED);
  return w.buffer;
}

export function wrapperClosed(w: PyTextWrapper): boolean {
  const c = abs.getAttr(attached(w), 'closed');
  try {
    return abs.isTrue(c);
  } finally {
    decref(c);
  }
}

function wrapperCheckClosed(w: PyTextWrapper): void {
  if (wrapperClosed(w)) raise(E.ValueError, TEXT_CLOSED);
}

/** _io_TextIOWrapper_flush_impl */
export function wrapperFlush(w: PyTextWrapper): void {
  attached(w);
  wrapperCheckClosed(w);
  pendFlush(w.pending);
  decref(callMethod(w.buffer!, 'flush', []));
}

/** _io_TextIOWrapper_close_impl: flush(), then buffer.close() (even when the flush failed) */
function wrapperClose(w: PyTextWrapper): void {
  const buffer = attached(w);
  if (wrapperClosed(w)) return;
  try {
    wrapperFlush(w);
  } finally {
    decref(callMethod(buffer, 'close', []));
  }
}

/** textiowrapper_write */
function wrapperWrite(w: PyTextWrapper, s: PyObject): number {
  attached(w);
  wrapperCheckClosed(w);
  if (!(s instanceof PyStr)) typeError(`write() argument must be str, not ${s.type.name}`);
  let t = s.v;
  if (w.newline === '\r' || w.newline === '\r\n') t = t.replace(/\n/g, w.newline);
  const bytes = moduleEncode(w.codec, t, abs.str(w.errors!));
  const keepStr = t === s.v && isAsciiText(t) && t.length <= CHUNK_SIZE && (w.codec === 'utf_8' || w.codec === 'latin_1' || w.codec === 'ascii');
  pendWrite(w.pending, s, t, keepStr ? null : bytes);
  w.decoded = '';
  return s.length;
}

/** everything the buffer still has, decoded (newlines translated when universal) */
function wrapperFill(w: PyTextWrapper): void {
  const buffer = attached(w);
  wrapperCheckClosed(w);
  pendFlush(w.pending);
  const r = callMethod(buffer, 'read', []);
  try {
    const b = bytesLike(r);
    if (!b) typeError(`underlying read() should have returned a bytes-like object, not '${r.type.name}'`);
    let t = moduleDecode(w.codec, b, abs.str(w.errors!));
    if (w.newline === null) t = t.replace(/\r\n?/g, '\n');
    w.decoded += t;
  } finally {
    decref(r);
  }
}

function wrapperRead(w: PyTextWrapper, n: number): string {
  wrapperFill(w);
  const cps = Array.from(w.decoded);
  const take = n < 0 ? cps.length : Math.min(n, cps.length);
  w.decoded = cps.slice(take).join('');
  return cps.slice(0, take).join('');
}

function wrapperReadline(w: PyTextWrapper, limit: number): string {
  wrapperFill(w);
  const d = w.decoded;
  const nl = w.newline;
  let end = d.length;
  const m = nl === null || nl === '\n' ? d.indexOf('\n') : nl === '' ? d.search(/\r\n|\r|\n/) : d.indexOf(nl);
  if (m >= 0) end = m + (nl === '' ? (d.startsWith('\r\n', m) ? 2 : 1) : nl === null ? 1 : nl.length);
  let line = d.slice(0, end);
  if (limit >= 0) {
    const cps = Array.from(line);
    if (cps.length > limit) line = cps.slice(0, limit).join('');
  }
  w.decoded = d.slice(line.length);
  return line;
}

const TEXTIOWRAPPER_SPEC = { name: 'TextIOWrapper', params: ['buffer', 'encoding', 'errors', 'newline', 'line_buffering', 'write_through'], required: 1 };

/** _io_TextIOWrapper___init___impl */
function wrapperInit(w: PyTextWrapper, args: PyObject[], kw: string[] | null): void {
  const [buffer, enc, err, nl, lb, wt] = parseArgs(TEXTIOWRAPPER_SPEC, args, kw);
  const strArg = (v: PyObject | undefined, name: string): string | null => {
    if (v === undefined || v === None) return null;
    if (!(v instanceof PyStr)) typeError(`TextIOWrapper() argument '${name}' must be str or None, not ${v.type.name}`);
    return v.v;
  };
  const encoding = strArg(enc, 'encoding');
  const errors = strArg(err, 'errors');
  const newline = strArg(nl, 'newline');
  if (newline !== null && !['', '\n', '\r', '\r\n'].includes(newline)) raise(E.ValueError, `illegal newline value: ${newline}`);
  const lineBuffering = lb !== undefined && abs.isTrue(lb);
  const writeThrough = wt !== undefined && abs.isTrue(wt);
  // (encoding=None: locale.getpreferredencoding(False), 'UTF-8' in the recordings' C.UTF-8 locale)
  const codec = lookupCodec(encoding ?? 'UTF-8', 'codecs.open()');
  if (/^utf_(16|32|8_sig)/.test(codec)) unsupported(`TextIOWrapper with the '${encoding}' encoding`);
  const old = w.buffer;
  const oldEnc = w.encoding;
  const oldErr = w.errors;
  w.buffer = newRef(buffer!);
  w.encoding = encoding === null ? newStr('UTF-8') : newRef(enc!);
  w.errors = errors === null ? newStr('strict') : newRef(err!);
  xdecref(old);
  xdecref(oldEnc);
  xdecref(oldErr);
  w.codec = codec;
  w.newline = newline;
  w.detached = false;
  w.pending.lineBuffering = lineBuffering;
  w.pending.writeThrough = writeThrough;
}

export class PyFile extends PyInstance {
  /** the next layer down (text: its buffer; buffered: its raw FileIO), owned */
  inner: PyObject | null = null;
  /** text: encoding, errors (str objects), the decoder and encoder objects (owned) */
  encoding: PyObject | null = null;
  errors: PyObject | null = null;
  decoder: PyObject | null = null;
  encoder: PyObject | null = null;
  /** text: the raw FileIO too (textio's `raw`, kept for its fast path), owned */
  raw: PyObject | null = null;
  /** text: the newline argument (null: universal newlines) */
  newline: string | null = null;
  /** text: the codec (utf-8, ascii or latin-1) */
  codec = 'utf-8';
  /** text: write()'s pending pieces */
  pending: PendingWrites | null = null;
  constructor(
    type: PyType,
    readonly layer: Layer,
    readonly file: OpenFile,
    readonly mode: string,
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    // textiowrapper_traverse: buffer, encoding, encoder, decoder, readnl, decoded_chars,
    // snapshot, errors, raw, dict; buffered_traverse: raw, dict
    if (this.inner) visit(this.inner, Edge.OTHER, this.layer === 'text' ? 'buffer' : 'raw');
    if (this.encoding) visit(this.encoding, Edge.OTHER, 'encoding');
    if (this.encoder) visit(this.encoder, Edge.OTHER, 'encoder');
    if (this.decoder) visit(this.decoder, Edge.OTHER, 'decoder');
    if (this.pending !== null && this.pending.obj) visit(this.pending.obj, Edge.OTHER, 'pending_bytes');
    if (this.errors) visit(this.errors, Edge.OTHER, 'errors');
    if (this.raw) visit(this.raw, Edge.OTHER, 'raw');
    super.traverse(visit);
  }
  override dealloc(): void {
    // iobase_finalize: close() (flushing what is pending) before the object goes
    if (this.layer !== 'raw' || !this.file.closed) this.file.flush();
    if (this.layer === 'raw') this.file.close();
    this.releaseFields();
    super.dealloc();
  }
  override clear(): void {
    this.releaseFields();
    super.clear();
  }
  /** each field emptied, then released (textiowrapper_clear's order) */
  private releaseFields(): void {
    pendFlush(this.pending);
    const { inner, encoding, errors, decoder, encoder, raw } = this;
    this.inner = this.encoding = this.errors = this.decoder = this.encoder = this.raw = null;
    xdecref(inner);
    xdecref(encoding);
    xdecref(encoder);
    xdecref(decoder);
    xdecref(errors);
    xdecref(raw);
  }
}

function newLayer(type: PyType, layer: Layer, file: OpenFile, mode: string): PyFile {
  const o = new PyFile(type, layer, file, mode);
  gcNewTracked(o);
  return o;
}

/** 'stdin', 'stdout' or 'stderr' for the interpreter's own streams (TextIOWrapper instances that
 * are not files: runtime/sys.ts), else null */
function stdStream(o: PyObject | null): 'stdin' | 'stdout' | 'stderr' | null {
  if (o instanceof PyStdStream) return o.stderr ? 'stderr' : 'stdout';
  if (o instanceof PyStdinStream) return 'stdin';
  if (o === null || o instanceof PyFile || o instanceof PyTextWrapper || !(o instanceof PyInstance) || o.type !== TextIOWrapperType) return null;
  // (the value in the instance itself: `name` of the type is a descriptor for files)
  const name = o.getAttrValue(attrKey('name'));
  if (name instanceof PyStr && name.v === '<stdin>') return 'stdin';
  return name instanceof PyStr && name.v === '<stderr>' ? 'stderr' : 'stdout';
}

// ------------------------------------------------------------------ sys.stdin
/** what sys.stdin has taken from the run's input lines and not returned yet */
const stdinBuffers = new WeakMap<RuntimeIO, { pending: string; eof: boolean }>();
function stdinBuffer(): { pending: string; eof: boolean } {
  const io = currentInterp.interp!.io;
  let b = stdinBuffers.get(io);
  if (!b) stdinBuffers.set(io, (b = { pending: '', eof: false }));
  return b;
}
/** one more input line into the buffer (with its newline); false at the end of input */
function stdinFill(b: { pending: string; eof: boolean }): boolean {
  if (b.eof) return false;
  const io = currentInterp.interp!.io;
  let line: string | null;
  if (io.readRaw) line = io.readRaw();
  else {
    line = io.readLine();
    if (line !== null) line += '\n';
  }
  if (line === null) {
    b.eof = true;
    return false;
  }
  b.pending += line;
  return true;
}
/** sys.stdin closed: its reads raise (textio's CHECK_CLOSED) */
function stdinCheckOpen(o: PyObject | null): void {
  if (o instanceof PyStdinStream && o.closed) raise(E.ValueError, TEXT_CLOSED);
}
/** sys.stdin.read(n) (-1: to the end of input) */
function stdinRead(n: number): string {
  const b = stdinBuffer();
  // (code units first: only a buffer at least n units long can hold n code points)
  while ((n < 0 || b.pending.length < n || [...b.pending].length < n) && stdinFill(b));
  const cps = [...b.pending];
  const take = n < 0 ? cps.length : Math.min(n, cps.length);
  const out = cps.slice(0, take).join('');
  b.pending = cps.slice(take).join('');
  return out;
}
/** sys.stdin.readline(limit) */
function stdinReadline(limit: number): string {
  const b = stdinBuffer();
  while (!b.pending.includes('\n') && stdinFill(b));
  const nl = b.pending.indexOf('\n');
  let end = nl < 0 ? b.pending.length : nl + 1;
  if (limit >= 0) {
    const cps = [...b.pending.slice(0, end)];
    if (cps.length > limit) end = cps.slice(0, limit).join('').length;
  }
  const out = b.pending.slice(0, end);
  b.pending = b.pending.slice(end);
  return out;
}

/** sys.stdin.buffer's reads: n bytes (-1: to the end of input), or a line (at most `n` bytes
 * when n >= 0) */
function stdinBytes(n: number, line: boolean): Uint8Array {
  const b = stdinBuffer();
  if (line) while (!b.pending.includes('\n') && stdinFill(b));
  // (n code units are at least n bytes)
  else while ((n < 0 || b.pending.length < n) && stdinFill(b));
  const all = encodeStr(b.pending, 'utf-8', 'surrogateescape');
  let end = all.length;
  if (line) {
    const nl = all.indexOf(10);
    if (nl >= 0) end = nl + 1;
  }
  if (n >= 0) end = Math.min(end, n);
  b.pending = utf8Decode(all.subarray(end), 'surrogateescape');
  return all.slice(0, end);
}

/** sys.stdout.close() / sys.stderr.close() (textiowrapper_close: attached; once closed nothing;
 * else flush(), then buffer.close(), which leaves the descriptor open: create_stdio's FileIO has
 * closefd=False) */
function stdStreamClose(o: PyStdStream): void {
  if (o.detached) raise(E.ValueError, DETACHED);
  const sink = o.pending.sink;
  if (sink === null || sink.closed) return;
  flushStdStream(o);
  if (o.binary !== null) stdBinaryClose(o.binary);
  // (no binary layer made yet, or the FileIO itself when unbuffered: the layers are closed)
  sink.closed = true;
  if (o.rawObj !== null) o.rawObj.rawClosed = true;
  else if (o.binary !== null) o.binary.rawClosed = true;
}

/** BufferedWriter.close / FileIO.close of a std stream's layer (closefd=False: the descriptor
 * stays open; the layers say closed) */
function stdBinaryClose(o: PyStdBinary): void {
  if (o.isRaw) {
    o.rawClosed = true;
    return;
  }
  if (o.closed) return;
  if (o.pending !== null) {
    bufferFlush(o.pending);
    o.pending.sink!.closed = true;
  } else o.rawClosed = true;
  if (o.inner !== null) o.inner.rawClosed = true;
}

function fileOf(o: PyObject | null, t: PyType): PyFile {
  if (!(o instanceof PyFile)) typeError(`descriptor requires a '${t.name}' object`);
  return o;
}

function unsupportedOp(msg: string): never {
  raise(unsupportedOperation(), msg);
}

/** io.UnsupportedOperation, class UnsupportedOperation(OSError, ValueError). CPython makes it a
 * heap type in _io's module init, alive for the whole process; here it is a static type, as the
 * other exception classes (their counts are not the program's). */
const UnsupportedOperationType = makeType('UnsupportedOperation', E.OSError, E.OSError.flags, E.OSError.basicsize);
UnsupportedOperationType.module = 'io';
UnsupportedOperationType.weakrefable = false;
UnsupportedOperationType.bases = [E.OSError, E.ValueError];
UnsupportedOperationType.mro = [UnsupportedOperationType, E.OSError, E.ValueError, ...E.ValueError.mro.slice(1)];

export function unsupportedOperation(): PyType {
  return UnsupportedOperationType;
}

// ------------------------------------------------------------------ open()
// (clinic: _io_open's parser, made on the first call with keywords)
const OPEN_SPEC = { name: 'open', params: ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'], clinic: 'open', required: 1 };

function optStr(o: PyObject | undefined, what: string): string | null {
  if (o === undefined || o === None) return null;
  if (!(o instanceof PyStr)) typeError(`open() argument '${what}' must be str or None, not ${o.type.name}`);
  return o.v;
}

/** _io_open_impl */
export function openFile(args: PyObject[], kw: string[] | null): PyObject {
  const [file, modeArg, bufferingArg, encArg, errArg, nlArg, closefdArg, opener] = parseArgs(OPEN_SPEC, args, kw);
  // (a str, or an os.PathLike such as os.DirEntry: _io_open_impl's PyOS_FSPath)
  const path = file instanceof PyInt ? null : fspath(file!);
  if (path === null) {
    if (file instanceof PyInt) unsupported('open() of a file descriptor');
    typeError(`expected str, bytes or os.PathLike object, not ${file!.type.name}`);
  }
  let mode = 'r';
  if (modeArg !== undefined) {
    if (!(modeArg instanceof PyStr)) typeError(`open() argument 'mode' must be str, not ${modeArg.type.name}`);
    mode = modeArg.v;
  }
  const buffering = bufferingArg === undefined ? -1 : Number(abs.index(bufferingArg));
  // ("locale": the locale's encoding, as encoding=None; PEP 597, _io_TextIOWrapper___init___impl)
  const encArgStr = optStr(encArg, 'encoding');
  const encoding = encArgStr === 'locale' ? null : encArgStr;
  const errors = optStr(errArg, 'errors');
  const newline = optStr(nlArg, 'newline');
  if (closefdArg !== undefined && !abs.isTrue(closefdArg)) raise(E.ValueError, 'Cannot use closefd=False with file name');
  if (opener !== undefined && opener !== None) unsupported('open() with an opener');
  let creating = false;
  let reading = false;
  let writing = false;
  let appending = false;
  let updating = false;
  let text = false;
  let binary = false;
  const seen = new Set<string>();
  for (const c of mode) {
    if (!'xrwa+tb'.includes(c) || seen.has(c)) raise(E.ValueError, `invalid mode: '${mode}'`);
    seen.add(c);
    if (c === 'x') creating = true;
    else if (c === 'r') reading = true;
    else if (c === 'w') writing = true;
    else if (c === 'a') appending = true;
    else if (c === '+') updating = true;
    else if (c === 't') text = true;
    else binary = true;
  }
  if (text && binary) raise(E.ValueError, "can't have text and binary mode at once");
  if (+creating + +reading + +writing + +appending > 1) raise(E.ValueError, 'must have exactly one of create/read/write/append mode');
  if (!(creating || reading || writing || appending)) raise(E.ValueError, 'Must have exactly one of create/read/write/append mode and at most one plus');
  if (binary && encoding !== null) raise(E.ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors !== null) raise(E.ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline !== null) raise(E.ValueError, "binary mode doesn't take a newline argument");
  // (binary with buffering=1: CPython's RuntimeWarning is not modelled; no warnings machinery)
  if (!binary && buffering === 0) raise(E.ValueError, "can't have unbuffered text I/O");
  if (newline !== null && !['', '\n', '\r', '\r\n'].includes(newline)) raise(E.ValueError, `illegal newline value: ${newline}`);
  // (TextIOWrapper's __init__: _PyCodec_LookupTextEncoding; the error handler is looked up when
  // an error happens)
  let codec = 'utf_8';
  if (!binary && encoding !== null) {
    codec = lookupCodec(encoding, 'codecs.open()');
    // (the BOM-writing UTF-16/32 codecs and utf-8-sig keep state across writes, and the EBCDIC
    // charmaps move the line ends: not modelled)
    if (/^utf_(16|32|8_sig)/.test(codec) || !charmapAsciiCompatible(codec)) unsupported(`open() with the '${encoding}' encoding`);
  }
  const errorsName = errors ?? 'strict';

  // FileIO: the file itself
  const run = runFiles();
  let data: FileData | number;
  if (reading) {
    data = run.load(path);
    if (typeof data === 'number') throw newOSError(data, path);
  } else if (appending) {
    data = run.load(path);
    if (typeof data === 'number') {
      if (data !== 2) throw newOSError(data, path);
      data = run.create(path, false);
    } else run.markWritten(path);
  } else data = run.create(path, creating);
  if (typeof data === 'number') throw newOSError(data, path);
  const rawMode = creating ? (updating ? 'xb+' : 'xb') : appending ? (updating ? 'ab+' : 'ab') : writing ? (updating ? 'rb+' : 'wb') : updating ? 'rb+' : 'rb';
  const of = new OpenFile(run, data, reading || updating, !reading || updating, appending, run.fd());
  if (appending) of.pos = data.len;
  run.open.add(of);
  // _io_open_impl calls each layer's type with a tuple of arguments (PyObject_CallFunction:
  // the tuple free list, or a gc allocation), released when the call returns: FileIO's 4, the
  // buffer's 2, TextIOWrapper's 5; TextIOWrapper's __init__ calls the codec's incremental decoder
  // and encoder classes (a 1-tuple each: _PyObject_MakeTpCall) and, reading with universal
  // newlines, IncrementalNewlineDecoder (a 2-tuple)
  let call = callTuple(4);
  const raw = newLayer(FileIOType, 'raw', of, rawMode);
  // (FileIO's __init__ sets `name`: its __dict__, a gc allocation)
  if (file instanceof PyStr) raw.storeAttrValue(attrKey('name'), file);
  else {
    const name = newStr(path);
    raw.storeAttrValue(attrKey('name'), name);
    decref(name);
  }
  decref(call);
  if (buffering === 0) return raw;
  const btype = updating ? BufferedRandomType : reading ? BufferedReaderType : BufferedWriterType;
  call = callTuple(2);
  const buffer = newLayer(btype, 'buffered', of, rawMode);
  buffer.inner = raw;
  decref(call);
  if (binary) return buffer;
  call = callTuple(5);
  const wrapper = newLayer(TextIOWrapperType, 'text', of, mode);
  wrapper.inner = buffer;
  wrapper.encoding = newStr(encoding ?? 'UTF-8');
  wrapper.errors = newStr(errorsName);
  if (of.readable) {
    const a1 = callTuple(1);
    wrapper.decoder = newCodec(DecoderType);
    decref(a1);
    if (newline === null || newline === '') decref(callTuple(2));
  }
  if (of.writable) {
    const a1 = callTuple(1);
    wrapper.encoder = newCodec(EncoderType);
    decref(a1);
  }
  wrapper.raw = newRef(raw);
  wrapper.newline = newline;
  wrapper.codec = codec;
  decref(call);
  // (_io_open_impl: `result.mode = mode`, an attribute in the wrapper's __dict__: the dict is made
  // now, as CPython's, a gc allocation)
  const m = modeArg !== undefined ? newRef(modeArg) : newStr('r');
  wrapper.storeAttrValue(attrKey('mode'), m);
  decref(m);
  decref(wrapper.materializeDict());
  return wrapper;
}

/** an argument tuple of n items (what they are does not show) */
function callTuple(n: number): PyObject {
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) items.push(newRef(None));
  return newTuple(items);
}

function newCodec(t: PyType): PyObject {
  const o = new PyCodecState(t);
  gcNewTracked(o);
  return o;
}

/** A file object's repr when it runs no Python code (its `name` and `mode` exact strs), for the
 * hover; null otherwise. */
export function plainFileRepr(o: PyObject): string | null {
  if (!(o instanceof PyFile)) return null;
  const str = (x: PyObject | undefined) => (x instanceof PyStr && x.type === StrType ? abs.repr(x) : null);
  const inner = (f: PyFile): PyFile | null => (f.inner instanceof PyFile ? f.inner : null);
  const raw = o.layer === 'raw' ? o : o.layer === 'buffered' ? inner(o) : inner(o) && inner(inner(o)!);
  const name = raw ? str(raw.getAttrValue(attrKey('name'))) : null;
  if (name === null) return null;
  const t = o.type.name;
  if (o.layer === 'buffered') return `<${t} name=${name}>`;
  if (o.layer === 'raw') return o.file.closed ? '<_io.FileIO [closed]>' : `<_io.FileIO name=${name} mode='${o.mode}' closefd=True>`;
  const mode = str(o.getAttrValue(attrKey('mode')));
  if (mode === null || !(o.encoding instanceof PyStr)) return null;
  return `<_io.TextIOWrapper name=${name} mode=${mode} encoding=${abs.repr(o.encoding)}>`;
}

// ------------------------------------------------------------------ methods
function checkClosed(f: PyFile, msg: string): void {
  if (f.file.closed) raise(E.ValueError, msg);
}

const TEXT_CLOSED = 'I/O operation on closed file.';

/** _io__IOBase_readlines_impl: lines (str or bytes objects from `next`, null at the end) until one
 * goes past the size hint (<= 0: all of them); that line is the last one */
function readLines(hint: number, next: () => PyStr | PyBytes | null): PyObject {
  const out: PyObject[] = [];
  let total = 0;
  for (let line = next(); line !== null; line = next()) {
    out.push(line);
    const n = line instanceof PyStr ? line.length : line.v.length;
    if (hint > 0 && n > hint - total) break;
    total += n;
  }
  return newList(out);
}
const RAW_CLOSED = 'I/O operation on closed file';

/** the last character boundary at or before `end` in a text file's bytes, from `start` (one) */
function charBoundary(codec: string, b: Uint8Array, start: number, end: number): number {
  if (codec === 'utf_8') {
    for (let k = 0; k < 3 && (b[end] & 0xc0) === 0x80; k++) end--;
    return end;
  }
  const gb18030 = codec === 'gb18030';
  if (!gb18030 && codec !== 'gbk' && codec !== 'gb2312' && codec !== 'big5') return end;
  let i = start;
  for (;;) {
    const step = b[i] < 0x80 ? 1 : gb18030 && b[i + 1] >= 0x30 && b[i + 1] <= 0x39 ? 4 : 2;
    if (i + step > end) return i;
    i += step;
  }
}

/** text read of n characters (-1: all), newlines translated */
function textRead(f: PyFile, n: number): string {
  checkClosed(f, TEXT_CLOSED);
  if (!f.file.readable) unsupportedOp('not readable');
  pendFlush(f.pending);
  const start = f.file.pos;
  // read(n) decodes only a prefix that holds n characters and the one after them (a character is
  // at most 4 bytes, a \r\n pair 2), cut before a utf-8 lead byte: reading a big file in pieces
  // stays linear
  let take = -1;
  if (n >= 0) {
    const d = f.file.data;
    f.file.flush();
    const end = start + 4 * n + 8;
    if (end < d.len) take = charBoundary(f.codec, d.bytes, start, end) - start;
  }
  const full = moduleDecode(f.codec, f.file.read(take), abs.str(f.errors!));
  // what reading sees: universal newlines turn \r\n and \r into \n (newline=None)
  const s = f.newline === null ? full.replace(/\r\n?/g, '\n') : full;
  let out = s;
  if (n >= 0) {
    const cps = Array.from(s);
    if (cps.length > n) {
      out = cps.slice(0, n).join('');
      // the position after what was returned (its bytes; with \r\n translated, count them back)
      f.file.pos = start + rawLength(f, full, out);
    }
  }
  readAhead(f.file, start);
  return out;
}

/** a text read from `start` to f.pos read whole chunks from the buffer (textiowrapper_read_chunk) */
function readAhead(f: OpenFile, start: number): void {
  const chunks = Math.max(1, Math.ceil((f.pos - start) / CHUNK_SIZE));
  f.ahead = Math.max(f.ahead, Math.min(f.data.len, start + chunks * CHUNK_SIZE));
}

/** how many bytes of the decoded text `full` make up its translated prefix `text` */
function rawLength(f: PyFile, full: string, text: string): number {
  let i = 0;
  let j = 0;
  // walk the undecoded text: each output char is one char of `full`, or a \r\n pair
  while (j < text.length) {
    if (f.newline === null && full[i] === '\r' && full[i + 1] === '\n') i += 2;
    else i += 1;
    j += 1;
  }
  return moduleEncode(f.codec, full.slice(0, i), abs.str(f.errors!)).length;
}

/** textiowrapper readline: up to and including the line ending (as newline= decides) */
function textReadline(f: PyFile, limit: number): string {
  checkClosed(f, TEXT_CLOSED);
  if (!f.file.readable) unsupportedOp('not readable');
  pendFlush(f.pending);
  const d = f.file.data;
  f.file.flush();
  const start = f.file.pos;
  const rest = d.bytes.subarray(start, d.len);
  const codec = f.codec;
  const nl = f.newline;
  // the end of the line in bytes: the line terminators are ASCII in the supported codecs
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const b = rest[i];
    if (nl === null || nl === '') {
      if (b === 0x0a) {
        end = i + 1;
        break;
      }
      if (b === 0x0d) {
        end = rest[i + 1] === 0x0a ? i + 2 : i + 1;
        break;
      }
    } else if (nl === '\n' && b === 0x0a) {
      end = i + 1;
      break;
    } else if (nl === '\r' && b === 0x0d) {
      end = i + 1;
      break;
    } else if (nl === '\r\n' && b === 0x0d && rest[i + 1] === 0x0a) {
      end = i + 2;
      break;
    }
  }
  let line = moduleDecode(codec, rest.subarray(0, end), abs.str(f.errors!));
  if (limit >= 0) {
    const cps = Array.from(line);
    if (cps.length > limit) {
      line = cps.slice(0, limit).join('');
      end = moduleEncode(codec, line, 'strict').length;
    }
  }
  f.file.pos = start + end;
  readAhead(f.file, start);
  if (nl === null) line = line.replace(/\r\n?/g, '\n');
  return line;
}

function textWrite(f: PyFile, s: PyObject): number {
  checkClosed(f, TEXT_CLOSED);
  if (!(s instanceof PyStr)) typeError(`write() argument must be str, not ${s.type.name}`);
  if (!f.file.writable) unsupportedOp('not writable');
  if (f.file.ahead >= 0) {
    f.file.pos = f.file.ahead;
    f.file.ahead = -1;
  }
  let t = s.v;
  // writing translates \n to newline= (None: os.linesep, '\n' here)
  if (f.newline === '\r' || f.newline === '\r\n') t = t.replace(/\n/g, f.newline);
  const bytes = moduleEncode(f.codec, t, abs.str(f.errors!));
  f.file.write(bytes);
  if (f.pending === null) f.pending = new PendingWrites(false, false);
  // (textiowrapper_write keeps an ASCII str itself for the codecs with an encodefunc; the others'
  // encoders give bytes)
  const keepStr = t === s.v && isAsciiText(t) && (f.codec === 'utf_8' || f.codec === 'latin_1' || f.codec === 'ascii');
  pendWrite(f.pending, s, t, keepStr ? null : bytes);
  return s.length;
}

function bytesArg(o: PyObject): Uint8Array {
  const b = bytesLike(o);
  if (b) return b;
  typeError(`a bytes-like object is required, not '${o.type.name}'`);
}

/** a binary file's next line (up to and including b'\\n'; at most limit bytes when limit >= 0) */
function bytesReadline(f: PyFile, limit: number): Uint8Array {
  f.file.flush();
  const d = f.file.data;
  let end = f.file.pos;
  while (end < d.len && d.bytes[end] !== 0x0a) end++;
  if (end < d.len) end++;
  if (limit >= 0) end = Math.min(end, f.file.pos + limit);
  return f.file.read(Math.max(0, end - f.file.pos));
}

function sizeArg(o: PyObject | undefined): number {
  if (o === undefined || o === None) return -1;
  return Number(abs.index(o));
}

/** the buffered objects' buffer (_io_open_impl: st_blksize of the file, 4096 on Linux's file
 * systems; bufferedio.c buffered_sizeof adds it to the object's size) */
const BLKSIZE = 4096;

function install(): void {
  for (const B of [BufferedReaderType, BufferedWriterType, BufferedRandomType]) sizeofHooks.set(B, () => B.basicsize + BLKSIZE);
  const U = UnsupportedOperationType;
  U.slots.new = E.OSError.slots.new;
  U.slots.init = E.OSError.slots.init;
  U.slots.str = E.OSError.slots.str;
  U.slots.repr = E.OSError.slots.repr;

  // ---- TextIOWrapper
  const T = TextIOWrapperType;
  const text = (o: PyObject | null) => {
    const std = stdStream(o);
    if (std !== null) unsupportedOp(std === 'stdin' ? 'not writable' : 'not readable');
    return fileOf(o, T);
  };
  const isStdin = (o: PyObject | null) => stdStream(o) === 'stdin';
  T.slots.new = (t) => {
    const o = new PyTextWrapper(t);
    if (t.flags & TypeFlags.HEAPTYPE) incref(t);
    gcNewTracked(o);
    return o;
  };
  T.slots.init = (self, args, kw) => {
    if (!(self instanceof PyTextWrapper)) typeError("descriptor '__init__' requires a '_io.TextIOWrapper' object");
    wrapperInit(self, args, kw);
  };
  solidAllocators.set(T, (t) => new PyTextWrapper(t));
  defMethod(T, 'detach', (a, k, self) => {
    checkArgs('detach', a, k, 0, 0);
    // _io_TextIOWrapper_detach_impl: flush(), then the buffer is the caller's
    if (self instanceof PyTextWrapper) {
      wrapperFlush(self);
      const b = self.buffer!;
      self.buffer = null;
      self.detached = true;
      return b;
    }
    if (self instanceof PyStdStream) {
      if (self.detached) raise(E.ValueError, DETACHED);
      stdBinaryOf(self);
      flushStdStream(self);
      const b = self.binary!;
      self.binary = null;
      self.detached = true;
      return b;
    }
    if (self instanceof PyStdinStream) {
      const b = stdBinaryOf(self);
      self.binary = null;
      return b;
    }
    const f = text(self);
    void f;
    unsupported('detach() of a file');
  });
  defMethod(T, 'read', (a, k, self) => {
    checkArgs('read', a, k, 0, 1);
    if (self instanceof PyTextWrapper) return newStr(wrapperRead(self, sizeArg(a[0])));
    if (isStdin(self)) {
      stdinCheckOpen(self);
      return newStr(stdinRead(sizeArg(a[0])));
    }
    return newStr(textRead(text(self), sizeArg(a[0])));
  });
  defMethod(T, 'readline', (a, k, self) => {
    checkArgs('readline', a, k, 0, 1);
    if (self instanceof PyTextWrapper) return newStr(wrapperReadline(self, sizeArg(a[0])));
    if (isStdin(self)) {
      stdinCheckOpen(self);
      return newStr(stdinReadline(sizeArg(a[0])));
    }
    return newStr(textReadline(text(self), sizeArg(a[0])));
  });
  defMethod(T, 'readlines', (a, k, self) => {
    checkArgs('readlines', a, k, 0, 1);
    const stdin = isStdin(self);
    if (stdin) stdinCheckOpen(self);
    const w = self instanceof PyTextWrapper ? self : null;
    const f = stdin || w !== null ? null : text(self);
    return readLines(sizeArg(a[0]), () => {
      const line = w !== null ? wrapperReadline(w, -1) : f === null ? stdinReadline(-1) : textReadline(f, -1);
      return line === '' ? null : newStr(line);
    });
  });
  defMethod(T, 'write', (a, k, self) => {
    checkArgs('write', a, k, 1, 1);
    if (self instanceof PyTextWrapper) return newInt(wrapperWrite(self, a[0]));
    const std = stdStream(self);
    if (std === 'stdout' || std === 'stderr') {
      // sys.stdout / sys.stderr: the run's output (a method of the type, as CPython's, so that
      // `sys.stdout.write` is a new bound method each time: print() makes one per piece)
      const s = a[0];
      if (!(s instanceof PyStr)) typeError(`write() argument must be str, not ${s.type.name}`);
      if (self instanceof PyStdStream) stdStreamWrite(self, s);
      return newInt(s.length);
    }
    return newInt(textWrite(text(self), a[0]));
  });
  defMethod(T, 'writelines', (a, k, self) => {
    checkArgs('writelines', a, k, 1, 1);
    if (stdStream(self) !== null || self instanceof PyTextWrapper) {
      // sys.stdout / sys.stderr: each line through the stream's write()
      const write = abs.getAttr(self!, 'write');
      try {
        for (const line of abs.toArray(a[0])) {
          try {
            decref(abs.call(write, [line], null));
          } finally {
            decref(line);
          }
        }
      } finally {
        decref(write);
      }
      return newRef(None);
    }
    const f = text(self);
    checkClosed(f, TEXT_CLOSED);
    for (const line of abs.toArray(a[0])) {
      try {
        textWrite(f, line);
      } finally {
        decref(line);
      }
    }
    return newRef(None);
  });
  T.slots.iter = (o) => {
    if (o instanceof PyTextWrapper) wrapperCheckClosed(o);
    else if (!isStdin(o)) checkClosed(text(o), TEXT_CLOSED);
    else stdinCheckOpen(o);
    return newRef(o);
  };
  T.slots.next = (o) => {
    if (o instanceof PyStdinStream) stdinCheckOpen(o);
    const line = o instanceof PyTextWrapper ? wrapperReadline(o, -1) : isStdin(o) ? stdinReadline(-1) : textReadline(text(o), -1);
    return line === '' ? null : newStr(line);
  };
  T.slots.repr = (o) => {
    if (o instanceof PyTextWrapper || (o instanceof PyStdStream && o.detached)) {
      // textiowrapper_repr: name= unless looking it up raises ValueError (detached), mode= from
      // the __dict__, then the encoding
      let out = '<_io.TextIOWrapper';
      let name: PyObject | null = null;
      try {
        name = abs.getAttr(o, 'name');
      } catch (e) {
        if (!(e instanceof E.PyBaseException) || !(e.type.isSubtype(E.ValueError) || e.type.isSubtype(E.AttributeError))) throw e;
        decref(e);
      }
      if (name !== null) {
        try {
          out += ` name=${abs.repr(name)}`;
        } finally {
          decref(name);
        }
      }
      const mode = (o as PyInstance).getAttrValue(attrKey('mode'));
      if (mode !== undefined) out += ` mode=${abs.repr(mode)}`;
      const enc = o instanceof PyTextWrapper ? (o.encoding ?? None) : null;
      return `${out} encoding=${enc === null ? "'utf-8'" : abs.repr(enc)}>`;
    }
    if (!(o instanceof PyFile)) {
      // sys.stdout / sys.stderr (textio's repr of a stream opened by the interpreter)
      const name = abs.getAttr(o, 'name');
      try {
        return `<_io.TextIOWrapper name=${abs.repr(name)} mode='${isStdin(o) ? 'r' : 'w'}' encoding='utf-8'>`;
      } finally {
        decref(name);
      }
    }
    const f = o;
    const name = abs.getAttr(o, 'name');
    try {
      const mode = abs.getAttr(o, 'mode');
      try {
        return `<_io.TextIOWrapper name=${abs.repr(name)} mode=${abs.repr(mode)} encoding=${abs.repr(f.encoding ?? None)}>`;
      } finally {
        decref(mode);
      }
    } finally {
      decref(name);
    }
  };
  // _io_TextIOWrapper_reconfigure_impl: keyword-only arguments; what is pending is flushed first,
  // then the errors handler, line buffering and write-through change (a new encoding only
  // where it is the one the stream has: RefScope's output is the run's text)
  defMethod(T, 'reconfigure', (a, k, self) => {
    if (a.length - (k ? k.length : 0) > 0) typeError('reconfigure() takes no positional arguments');
    const [encoding, errors, newline, lineBuffering, writeThrough] = parseArgs(
      { name: 'reconfigure', params: ['*', 'encoding', 'errors', 'newline', 'line_buffering', 'write_through'], required: 0 },
      a,
      k,
    );
    const strOrNone = (v: PyObject | undefined, name: string): string | null => {
      if (v === undefined || v === None) return null;
      if (!(v instanceof PyStr)) typeError(`reconfigure() argument '${name}' must be str or None, not ${v.type.name}`);
      return v.v;
    };
    const enc = strOrNone(encoding, 'encoding');
    const err = strOrNone(errors, 'errors');
    if (newline !== undefined && newline !== None) {
      const nl = strOrNone(newline, 'newline');
      if (nl !== '' && nl !== '\n' && nl !== '\r' && nl !== '\r\n') raise(E.ValueError, `illegal newline value: ${nl}`);
    }
    const std = stdStream(self);
    const wr = self instanceof PyTextWrapper ? self : null;
    const current = std !== null ? 'utf-8' : wr !== null ? wr.codec : text(self).codec;
    if (enc !== null) {
      encodeStr('', enc, 'strict'); // (the codec lookup: LookupError "unknown encoding: x")
      const norm = (e: string) => e.toLowerCase().replace(/[-_ ]/g, '');
      if (norm(enc) !== norm(current) && !(norm(current) === 'utf8' && norm(enc) === 'u8')) unsupported(`reconfigure(encoding='${enc}') of a stream whose encoding is ${current}`);
    }
    const lb = lineBuffering === undefined || lineBuffering === None ? null : abs.isTrue(lineBuffering);
    const wt = writeThrough === undefined || writeThrough === None ? null : abs.isTrue(writeThrough);
    if (self instanceof PyStdStream) {
      flushStdStream(self);
      if (err !== null) self.errorsName = err;
      if (lb !== null) self.pending.lineBuffering = lb;
      if (wt !== null) self.pending.writeThrough = wt;
    } else if (wr !== null) {
      pendFlush(wr.pending);
      if (err !== null) {
        decref(wr.errors!);
        wr.errors = newStr(err);
      }
      if (lb !== null) wr.pending.lineBuffering = lb;
      if (wt !== null) wr.pending.writeThrough = wt;
    } else if (std === null) {
      const f = text(self);
      pendFlush(f.pending);
      if (err !== null) {
        decref(f.errors!);
        f.errors = newStr(err);
      }
      if (lb !== null || wt !== null) {
        if (f.pending === null) f.pending = new PendingWrites(false, false);
        if (lb !== null) f.pending.lineBuffering = lb;
        if (wt !== null) f.pending.writeThrough = wt;
      }
    }
    return newRef(None);
  });
  // (sys.stdout and sys.stderr: CPython's under a UTF-8 locale, written to a pipe)
  defGetter(T, 'buffer', (o) => {
    if (o instanceof PyTextWrapper) return newRef(o.buffer ?? None);
    if (o instanceof PyStdStream) return newRef(o.detached ? None : stdBinaryOf(o));
    if (o instanceof PyStdinStream) return newRef(stdBinaryOf(o));
    return newRef(text(o).inner ?? None);
  });
  defGetter(T, 'encoding', (o) => (o instanceof PyTextWrapper ? newRef(o.encoding ?? None) : stdStream(o) ? newStr('utf-8') : newRef(text(o).encoding ?? None)));
  defGetter(T, 'errors', (o) => {
    if (o instanceof PyTextWrapper) return newRef(o.errors ?? None);
    const std = stdStream(o);
    if (o instanceof PyStdStream && o.errorsName !== null) return newStr(o.errorsName);
    if (std !== null) return newStr(std === 'stderr' ? 'backslashreplace' : 'surrogateescape');
    return newRef(text(o).errors ?? None);
  });
  // (stderr is line-buffered since 3.9; stdout on a pipe is not; reconfigure() changes it)
  defGetter(T, 'line_buffering', (o) => {
    if (o instanceof PyTextWrapper) return newRef(o.pending.lineBuffering ? True : False);
    if (o instanceof PyStdStream) return newRef(o.pending.lineBuffering ? True : False);
    if (stdStream(o) !== null) return newRef(False);
    return newRef(text(o).pending?.lineBuffering ? True : False);
  });
  defGetter(T, 'write_through', (o) => {
    if (o instanceof PyTextWrapper) return newRef(o.pending.writeThrough ? True : False);
    if (o instanceof PyStdStream) return newRef(o.pending.writeThrough ? True : False);
    if (stdStream(o) !== null) return newRef(False);
    return newRef(text(o).pending?.writeThrough ? True : False);
  });
  defGetter(T, 'newlines', () => newRef(None));
  defGetter(T, 'name', (o) => {
    if (o instanceof PyTextWrapper) return abs.getAttr(attached(o), 'name');
    if (o instanceof PyStdStream && o.detached) raise(E.ValueError, DETACHED);
    if (stdStream(o) !== null) return newRef((o as PyInstance).getAttrValue(attrKey('name')) ?? None);
    return abs.getAttr(text(o).inner!, 'name');
  });
  defGetter(T, 'closed', (o) => {
    if (o instanceof PyTextWrapper) return abs.getAttr(attached(o), 'closed');
    if (o instanceof PyStdStream) {
      if (o.detached) raise(E.ValueError, DETACHED);
      return newRef(o.pending.sink?.closed ? True : False);
    }
    if (o instanceof PyStdinStream) return newRef(o.closed ? True : False);
    return newRef(stdStream(o) === null && text(o).file.closed ? True : False);
  });

  // ---- the buffered objects
  for (const B of [BufferedReaderType, BufferedWriterType, BufferedRandomType]) {
    const buf = (o: PyObject | null) => fileOf(o, B);
    const canRead = B !== BufferedWriterType;
    const canWrite = B !== BufferedReaderType;
    defMethod(B, 'read', (a, k, self) => {
      checkArgs('read', a, k, 0, 1);
      if (self instanceof PyStdBinary && self.which === 'stdin') {
        if (self.closed) raise(E.ValueError, 'read of closed file');
        return newBytes(stdinBytes(sizeArg(a[0]), false));
      }
      const f = buf(self);
      if (!canRead) unsupportedOp('read');
      checkClosed(f, 'read of closed file');
      return newBytes(f.file.read(sizeArg(a[0])));
    });
    defMethod(B, 'readline', (a, k, self) => {
      checkArgs('readline', a, k, 0, 1);
      if (self instanceof PyStdBinary && self.which === 'stdin') {
        if (self.closed) raise(E.ValueError, 'readline of closed file');
        return newBytes(stdinBytes(sizeArg(a[0]), true));
      }
      const f = buf(self);
      if (!canRead) unsupportedOp('readline');
      checkClosed(f, 'readline of closed file');
      return newBytes(bytesReadline(f, sizeArg(a[0])));
    });
    defMethod(B, 'write', (a, k, self) => {
      checkArgs('write', a, k, 1, 1);
      if (self instanceof PyStdBinary && self.pending !== null) {
        // _io__Buffered_write_impl on sys.stdout.buffer / sys.stderr.buffer
        if (self.closed) raise(E.ValueError, 'write to closed file');
        const b = bytesArg(a[0]);
        stdBinaryWrite(self, b);
        return newInt(b.length);
      }
      const f = buf(self);
      if (!canWrite) unsupportedOp('write');
      checkClosed(f, 'write to closed file');
      const b = bytesArg(a[0]);
      f.file.write(b);
      return newInt(b.length);
    });
    // _io__IOBase_readlines_impl: the lines up to the size hint
    defMethod(B, 'readlines', (a, k, self) => {
      checkArgs('readlines', a, k, 0, 1);
      if (self instanceof PyStdBinary && self.which === 'stdin') {
        return readLines(sizeArg(a[0]), () => {
          const line = stdinBytes(-1, true);
          return line.length === 0 ? null : newBytes(line);
        });
      }
      const f = buf(self);
      if (!canRead) unsupportedOp('readline');
      checkClosed(f, 'readline of closed file');
      return readLines(sizeArg(a[0]), () => {
        const line = bytesReadline(f, -1);
        return line.length === 0 ? null : newBytes(line);
      });
    });
    // _io__IOBase_writelines_impl: each item through write()
    defMethod(B, 'writelines', (a, k, self) => {
      checkArgs('writelines', a, k, 1, 1);
      if (self instanceof PyStdBinary) {
        if (self.closed) raise(E.ValueError, TEXT_CLOSED);
      } else checkClosed(buf(self), TEXT_CLOSED);
      const write = abs.getAttr(self!, 'write');
      try {
        const it = abs.getIter(a[0]);
        try {
          for (let line = abs.iterNext(it); line !== null; line = abs.iterNext(it)) {
            try {
              decref(abs.call(write, [line], null));
            } finally {
              decref(line);
            }
          }
        } finally {
          decref(it);
        }
      } finally {
        decref(write);
      }
      return newRef(None);
    });
    B.slots.iter = (o) => {
      if (o instanceof PyStdBinary) {
        if (o.closed) raise(E.ValueError, TEXT_CLOSED);
      } else checkClosed(buf(o), TEXT_CLOSED);
      return newRef(o);
    };
    B.slots.next = (o) => {
      if (o instanceof PyStdBinary && o.which === 'stdin') {
        const line = stdinBytes(-1, true);
        return line.length === 0 ? null : newBytes(line);
      }
      const f = buf(o);
      if (!canRead) unsupportedOp('readline');
      checkClosed(f, 'readline of closed file');
      const line = bytesReadline(f, -1);
      return line.length === 0 ? null : newBytes(line);
    };
    B.slots.repr = (o) => {
      const name = abs.getAttr(o, 'name');
      try {
        return `<${B.name} name=${abs.repr(name)}>`;
      } finally {
        decref(name);
      }
    };
    defGetter(B, 'raw', (o) => newRef((o instanceof PyStdBinary ? o.inner : buf(o).inner) ?? None));
    defGetter(B, 'name', (o) => abs.getAttr((o instanceof PyStdBinary ? o.inner : buf(o).inner)!, 'name'));
    defGetter(B, 'mode', (o) => (o instanceof PyStdBinary ? newStr(o.which === 'stdin' ? 'rb' : 'wb') : newStr(buf(o).mode)));
    defGetter(B, 'closed', (o) => newRef((o instanceof PyStdBinary ? o.closed : buf(o).file.closed) ? True : False));
  }

  // ---- FileIO
  const R = FileIOType;
  const rawf = (o: PyObject | null) => fileOf(o, R);
  defMethod(R, 'read', (a, k, self) => {
    checkArgs('read', a, k, 0, 1);
    if (self instanceof PyStdBinary) {
      if (self.closed) raise(E.ValueError, RAW_CLOSED);
      if (self.which !== 'stdin') unsupportedOp('File not open for reading');
      return newBytes(stdinBytes(sizeArg(a[0]), false));
    }
    const f = rawf(self);
    checkClosed(f, RAW_CLOSED);
    if (!f.file.readable) unsupportedOp('File not open for reading');
    return newBytes(f.file.read(sizeArg(a[0])));
  });
  defMethod(R, 'readall', (a, k, self) => {
    checkArgs('readall', a, k, 0, 0);
    if (self instanceof PyStdBinary) {
      if (self.closed) raise(E.ValueError, RAW_CLOSED);
      if (self.which !== 'stdin') unsupportedOp('File not open for reading');
      return newBytes(stdinBytes(-1, false));
    }
    const f = rawf(self);
    checkClosed(f, RAW_CLOSED);
    return newBytes(f.file.read(-1));
  });
  defMethod(R, 'write', (a, k, self) => {
    checkArgs('write', a, k, 1, 1);
    if (self instanceof PyStdBinary) {
      // _io_FileIO_write_impl: write(2) at once
      if (self.closed) raise(E.ValueError, RAW_CLOSED);
      if (self.pending === null) unsupportedOp('File not open for writing');
      const b = bytesArg(a[0]);
      stdBinaryWrite(self, b);
      return newInt(b.length);
    }
    const f = rawf(self);
    checkClosed(f, RAW_CLOSED);
    if (!f.file.writable) unsupportedOp('File not open for writing');
    const b = bytesArg(a[0]);
    f.file.write(b);
    f.file.flush();
    return newInt(b.length);
  });
  R.slots.repr = (o) => {
    if (o instanceof PyStdBinary) {
      if (o.closed) return '<_io.FileIO [closed]>';
      const name = abs.getAttr(o, 'name');
      try {
        return `<_io.FileIO name=${abs.repr(name)} mode='${o.which === 'stdin' ? 'rb' : 'wb'}' closefd=False>`;
      } finally {
        decref(name);
      }
    }
    const f = rawf(o);
    if (f.file.closed) return '<_io.FileIO [closed]>';
    const name = abs.getAttr(o, 'name');
    try {
      return `<_io.FileIO name=${abs.repr(name)} mode='${f.mode}' closefd=True>`;
    } finally {
      decref(name);
    }
  };
  defGetter(R, 'mode', (o) => newStr(o instanceof PyStdBinary ? (o.which === 'stdin' ? 'rb' : 'wb') : rawf(o).mode));
  defGetter(R, 'closefd', (o) => newRef(o instanceof PyStdBinary ? False : True));
  defGetter(R, 'closed', (o) => newRef((o instanceof PyStdBinary ? o.closed : rawf(o).file.closed) ? True : False));

  // ---- what every layer has (_IOBase's, with each layer's closed-file message)
  for (const L of [TextIOWrapperType, BufferedReaderType, BufferedWriterType, BufferedRandomType, FileIOType]) {
    const get = (o: PyObject | null) => fileOf(o, L);
    const isText = L === TextIOWrapperType;
    const isRaw = L === FileIOType;
    const closedMsg = isRaw ? RAW_CLOSED : TEXT_CLOSED;
    defMethod(L, 'close', (a, k, self) => {
      checkArgs('close', a, k, 0, 0);
      if (isText && self instanceof PyTextWrapper) {
        wrapperClose(self);
        return newRef(None);
      }
      if (isText && self instanceof PyStdStream) {
        stdStreamClose(self);
        return newRef(None);
      }
      if (isText && self instanceof PyStdinStream) {
        // (textiowrapper_close: buffer.close(); closefd=False leaves descriptor 0 open)
        self.closed = true;
        if (self.binary !== null) self.binary.rawClosed = true;
        if (self.rawObj !== null) self.rawObj.rawClosed = true;
        return newRef(None);
      }
      if (self instanceof PyStdBinary) {
        stdBinaryClose(self);
        return newRef(None);
      }
      const f = get(self);
      pendFlush(f.pending);
      f.file.close();
      return newRef(None);
    });
    defMethod(L, 'flush', (a, k, self) => {
      checkArgs('flush', a, k, 0, 0);
      // (the std streams: their pending writes; the run's output itself went out at once)
      if (isText && self instanceof PyTextWrapper) {
        wrapperFlush(self);
        return newRef(None);
      }
      if (isText && self instanceof PyStdStream && (self.detached || self.pending.sink?.closed)) raise(E.ValueError, self.detached ? DETACHED : TEXT_CLOSED);
      if (isText && stdStream(self) !== null) {
        flushStdStream(self);
        return newRef(None);
      }
      if (self instanceof PyStdBinary) {
        // buffered_flush / FileIO's (nothing held)
        if (self.closed) raise(E.ValueError, isRaw ? RAW_CLOSED : 'flush of closed file');
        if (!isRaw && self.pending !== null) bufferFlush(self.pending);
        return newRef(None);
      }
      const f = get(self);
      checkClosed(f, isRaw ? RAW_CLOSED : isText ? TEXT_CLOSED : 'flush of closed file');
      pendFlush(f.pending);
      f.file.flush();
      return newRef(None);
    });
    // the questions: a file's answer, and the std streams' (pipes: stdin readable, the others
    // writable)
    const questions: [string, (f: OpenFile) => boolean, (std: string) => boolean][] = [
      ['readable', (f) => f.readable, (std) => std === 'stdin'],
      ['writable', (f) => f.writable, (std) => std !== 'stdin'],
      ['seekable', () => true, () => false],
      ['isatty', () => false, () => false],
    ];
    for (const [name, answer, stdAnswer] of questions) {
      defMethod(L, name, (a, k, self) => {
        checkArgs(name, a, k, 0, 0);
        if (isText && self instanceof PyTextWrapper) return callMethod(attached(self), name, []);
        if (self instanceof PyStdBinary) {
          if (self.closed) raise(E.ValueError, isRaw ? RAW_CLOSED : TEXT_CLOSED);
          return newRef(stdAnswer(self.which) ? True : False);
        }
        const std = isText ? stdStream(self) : null;
        if (std !== null) return newRef(stdAnswer(std) ? True : False);
        const f = get(self);
        checkClosed(f, RAW_CLOSED);
        return newRef(answer(f.file) ? True : False);
      });
    }
    defMethod(L, 'fileno', (a, k, self) => {
      checkArgs('fileno', a, k, 0, 0);
      if (isText && self instanceof PyTextWrapper) return callMethod(attached(self), 'fileno', []);
      const std = self instanceof PyStdBinary ? self.which : isText ? stdStream(self) : null;
      if (std !== null) return newInt(std === 'stderr' ? 2 : std === 'stdin' ? 0 : 1);
      const f = get(self);
      checkClosed(f, RAW_CLOSED);
      return newInt(f.file.fd);
    });
    defMethod(L, 'tell', (a, k, self) => {
      checkArgs('tell', a, k, 0, 0);
      const f = get(self);
      checkClosed(f, closedMsg);
      pendFlush(f.pending);
      f.file.flush();
      return newInt(f.file.pos);
    });
    defMethod(L, 'seek', (a, k, self) => {
      checkArgs('seek', a, k, 1, 2);
      const f = get(self);
      checkClosed(f, closedMsg);
      const off = Number(abs.index(a[0]));
      const whence = a.length > 1 ? Number(abs.index(a[1])) : 0;
      pendFlush(f.pending);
      f.file.flush();
      f.file.ahead = -1;
      if (isText) {
        if (whence === 1 && off !== 0) unsupportedOp("can't do nonzero cur-relative seeks");
        if (whence === 2 && off !== 0) unsupportedOp("can't do nonzero end-relative seeks");
        if (whence === 0 && off < 0) raise(E.ValueError, `negative seek position ${off}`);
      }
      if (whence === 0) {
        if (off < 0) raise(E.ValueError, `negative seek value ${off}`);
        f.file.pos = off;
      } else if (whence === 1) f.file.pos = Math.max(0, f.file.pos + off);
      else if (whence === 2) f.file.pos = Math.max(0, f.file.data.len + off);
      else raise(E.ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
      return newInt(f.file.pos);
    });
    defMethod(L, 'truncate', (a, k, self) => {
      checkArgs('truncate', a, k, 0, 1);
      const f = get(self);
      checkClosed(f, closedMsg);
      if (!f.file.writable) unsupportedOp('truncate');
      pendFlush(f.pending);
      f.file.flush();
      const size = a.length && a[0] !== None ? Number(abs.index(a[0])) : f.file.pos;
      const d = f.file.data;
      if (size < d.len) d.len = size;
      else if (size > d.len) {
        const b = new Uint8Array(Math.max(size, d.bytes.length));
        b.set(d.bytes.subarray(0, d.len));
        d.bytes = b;
        d.len = size;
      }
      return newInt(size);
    });
    defMethod(L, '__enter__', (a, k, self) => {
      checkClosed(get(self), isRaw ? RAW_CLOSED : TEXT_CLOSED);
      return newRef(self!);
    });
    defMethod(L, '__exit__', (_a, _k, self) => {
      get(self).file.close();
      return newRef(None);
    });
  }
}

let installed = false;
export function installFileIO(): void {
  if (installed) return;
  installed = true;
  install();
}

