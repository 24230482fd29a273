// The run's view of the file system: the host's files and directories (RuntimeIO.fs), with what
// the run did to them laid over (open()'s writes, os.remove, os.rename, os.mkdir, os.rmdir,
// os.chdir). Nothing reaches the host during the run; when it ends, the changes are handed to
// the host (RuntimeIO.removeFile, removeDir, makeDir, writeFile: the CLI applies them on disk),
// in an order that keeps them possible: files removed, then directories removed (deepest first),
// directories made (parents first), files written.
//
// Paths are keyed by their absolute, normalised form from the run's working directory (os.chdir
// moves it; it starts at the host's, HostFS.cwd); the host is asked with a path relative to its
// own working directory when the key lies under it, else the absolute one. No symbolic links:
// 'a/../b' is 'b'.

import type { RuntimeIO, HostStat } from './io_shared';
import { decref, type PyObject } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { PyStr } from '../runtime/objects/str';
import { PyBytes } from '../runtime/objects/bytes';
import { typeError, Unsupported } from '../runtime/errors';

export interface FileData {
  bytes: Uint8Array;
  len: number;
  /** when the run last changed the bytes (ms since the epoch); absent: the host's time */
  mtime?: number;
}

/** what a directory the run made is: its permission bits and when it was made */
interface MadeDir {
  mode: number;
  time: number;
}

const UMASK = 0o022;

/** the parent of an absolute normalised path (null for '/') */
function parentOf(key: string): string | null {
  if (key === '/') return null;
  const i = key.lastIndexOf('/');
  return i <= 0 ? '/' : key.slice(0, i);
}

function joinKey(dir: string, name: string): string {
  return dir === '/' ? '/' + name : `${dir}/${name}`;
}

/** posixpath.normpath of an absolute path */
function normAbs(p: string): string {
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (!c || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return '/' + out.join('/');
}

/** the files one run has opened (by their key), what it changed, and the file descriptors in use */
export class RunFiles {
  files = new Map<string, FileData>();
  /** the files open now (their pending writes are flushed when the run ends) */
  open = new Set<{ flush(): void }>();
  written = new Set<string>();
  /** the host's files and directories the run removed (os.remove, os.rmdir, os.rename's old
   * name): gone from its view */
  removed = new Set<string>();
  /** the directories the run made (in the order made) */
  dirs = new Map<string, MadeDir>();
  fds = new Set<number>();
  /** the host's working directory, and the run's */
  readonly base: string;
  cwd: string;
  /** inode numbers made up for what the host does not know */
  private inos = new Map<string, bigint>();
  constructor(readonly io: RuntimeIO) {
    this.base = this.cwd = normAbs(io.fs?.cwd ?? '/home/user');
  }

  /** the key of a path as the program wrote it */
  key(path: string): string {
    return normAbs(path.startsWith('/') ? path : `${this.cwd}/${path}`);
  }
  /** the path to ask the host for */
  host(key: string): string {
    if (key === this.base) return '.';
    if (key.startsWith(this.base === '/' ? '/' : this.base + '/')) return key.slice(this.base === '/' ? 1 : this.base.length + 1);
    return key;
  }

  /** what is at `key` as the run sees it, or an errno (2 nothing there, 20 a parent is a file) */
  kindOf(key: string): 'file' | 'dir' | number {
    if (this.files.has(key)) return 'file';
    if (this.dirs.has(key)) return 'dir';
    if (this.removed.has(key)) return 2;
    // under a file or a directory of the run's own, or one it removed
    for (let p = parentOf(key); p !== null; p = parentOf(p)) {
      if (this.files.has(p)) return 20;
      if (this.dirs.has(p) || this.removed.has(p)) return 2;
    }
    const fs = this.io.fs;
    if (fs) return fs.stat(this.host(key));
    // no host: an empty working directory (and its parents)
    return key === this.base || this.base.startsWith(key === '/' ? '/' : key + '/') ? 'dir' : 2;
  }

  /** what a path the program wrote names: its key and what is there ('' names nothing; a
   * trailing slash wants a directory) */
  resolve(path: string): { key: string; kind: 'file' | 'dir' | number } {
    if (path === '') return { key: '', kind: 2 };
    const key = this.key(path);
    let kind = this.kindOf(key);
    if (kind === 'file' && path.endsWith('/')) kind = 20;
    return { key, kind };
  }

  /** the file's data (read from the host the first time), or an errno */
  load(path: string): FileData | number {
    // open(""): the C library finds no such file (the host would resolve '' to the directory)
    if (path === '') return 2;
    const key = this.key(path);
    const known = this.files.get(key);
    if (known) return known;
    const { kind } = this.resolve(path);
    if (kind === 'dir') return 21;
    if (typeof kind === 'number') return kind;
    const r = this.io.fs!.readFile(this.host(key));
    if (typeof r === 'number') return r;
    const d = { bytes: r, len: r.length };
    this.files.set(key, d);
    return d;
  }

  /** an empty file created (or truncated) at path, or an errno */
  create(path: string, exclusive: boolean): FileData | number {
    const { key, kind } = this.resolve(path);
    if (kind === 'dir') return 21;
    if (kind === 'file' && exclusive) return 17;
    if (typeof kind === 'number') {
      if (kind !== 2) return kind;
      if (path.endsWith('/')) return 21;
      const d = this.kindOf(parentOf(key)!);
      if (d !== 'dir') return typeof d === 'number' ? d : 20;
    }
    const d = { bytes: new Uint8Array(64), len: 0, mtime: Date.now() };
    this.files.set(key, d);
    this.written.add(key);
    this.removed.delete(key);
    return d;
  }

  /** the file at path is written to (open(path, 'a')) */
  markWritten(path: string): void {
    const key = this.key(path);
    this.written.add(key);
    const d = this.files.get(key);
    if (d) d.mtime = Date.now();
  }

  fd(): number {
    let n = 3;
    while (this.fds.has(n)) n++;
    this.fds.add(n);
    return n;
  }

  /** the names in directory `key`, or an errno (20: not a directory) */
  names(key: string): string[] | number {
    if (key === '') return 2;
    const kind = this.kindOf(key);
    if (typeof kind === 'number') return kind;
    if (kind === 'file') return 20;
    let names: string[] = [];
    const fs = this.io.fs;
    if (!this.dirs.has(key) && fs && fs.readdir) {
      const listed = fs.readdir(this.host(key));
      if (typeof listed !== 'number') names = listed.filter((n) => !this.removed.has(joinKey(key, n)));
    }
    const seen = new Set(names);
    for (const p of [...this.written, ...this.dirs.keys()]) {
      if (parentOf(p) !== key) continue;
      const name = p.slice(key === '/' ? 1 : key.length + 1);
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
    return names;
  }

  /** os.remove / os.unlink: 0, or an errno (2: nothing there, 21: a directory) */
  remove(path: string): number {
    const { key, kind } = this.resolve(path);
    if (typeof kind === 'number') return kind;
    if (kind === 'dir') return 21;
    this.files.delete(key);
    this.written.delete(key);
    this.removed.add(key);
    return 0;
  }

  /** os.mkdir: 0, or an errno (17: something is there, 2: no parent, 20: the parent is a file) */
  mkdir(path: string, mode: number): number {
    const { key, kind } = this.resolve(path);
    if (typeof kind !== 'number') return 17;
    if (kind !== 2 || key === '') return kind;
    const p = this.kindOf(parentOf(key)!);
    if (p !== 'dir') return typeof p === 'number' ? p : 20;
    this.dirs.set(key, { mode: mode & ~UMASK & 0o7777, time: Date.now() });
    this.removed.delete(key);
    return 0;
  }

  /** os.rmdir: 0, or an errno (39: not empty, 20: not a directory, 22: a path ending in '.') */
  rmdir(path: string): number {
    const last = path.replace(/\/+$/, '').split('/').pop();
    const { key, kind } = this.resolve(path);
    if (typeof kind === 'number') return kind;
    if (kind === 'file') return 20;
    // (the kernel's answers for a last component '.' or '..', and for the root)
    if (last === '.') return 22;
    if (last === '..') return 39;
    if (key === '/') return 16;
    const names = this.names(key);
    if (typeof names === 'number') return names;
    if (names.length) return 39;
    this.dirs.delete(key);
    this.removed.add(key);
    return 0;
  }

  /** os.rename / os.replace (rename(2)): 0, or an errno */
  rename(src: string, dst: string): number {
    const s = this.resolve(src);
    if (typeof s.kind === 'number') return s.kind;
    const d = this.resolve(dst);
    if (typeof d.kind === 'number') {
      if (d.kind !== 2 || dst === '') return d.kind;
      const p = this.kindOf(parentOf(d.key)!);
      if (p !== 'dir') return typeof p === 'number' ? p : 20;
    }
    if (s.kind === 'file') {
      if (d.kind === 'dir') return 21;
      if (s.key === d.key) return 0;
      const data = this.load(src);
      if (typeof data === 'number') return data;
      this.files.delete(s.key);
      this.written.delete(s.key);
      this.removed.add(s.key);
      this.files.set(d.key, data);
      this.written.add(d.key);
      this.removed.delete(d.key);
      return 0;
    }
    if (s.key === d.key) return 0;
    if (d.key.startsWith(s.key + '/')) return 22;
    if (d.kind === 'file') return 20;
    if (d.kind === 'dir') {
      const names = this.names(d.key);
      if (typeof names === 'number') return names;
      if (names.length) return 39;
      this.dirs.delete(d.key);
      this.removed.add(d.key);
    }
    this.moveTree(s.key, d.key);
    return 0;
  }

  /** a directory and all under it move to `to` (each file's bytes read from the host now) */
  private moveTree(from: string, to: string): void {
    const entries: { key: string; dir: boolean }[] = [];
    const collect = (dir: string): void => {
      const names = this.names(dir);
      if (typeof names === 'number') return;
      for (const n of names) {
        const key = joinKey(dir, n);
        const dirHere = this.kindOf(key) === 'dir';
        entries.push({ key, dir: dirHere });
        if (dirHere) collect(key);
      }
    };
    collect(from);
    const now = Date.now();
    const made = (key: string): MadeDir => this.dirs.get(key) ?? { mode: this.hostMode(key, 0o755), time: now };
    this.dirs.set(to, made(from));
    this.removed.delete(to);
    for (const e of entries) {
      const nk = to + e.key.slice(from.length);
      this.removed.delete(nk);
      if (e.dir) this.dirs.set(nk, made(e.key));
      else {
        const data = this.files.get(e.key) ?? this.io.fs?.readFile(this.host(e.key));
        if (data === undefined || typeof data === 'number') continue;
        this.files.set(nk, data instanceof Uint8Array ? { bytes: data, len: data.length } : data);
        this.written.add(nk);
      }
    }
    for (const e of [...entries].reverse()) {
      this.files.delete(e.key);
      this.written.delete(e.key);
      this.dirs.delete(e.key);
      this.removed.add(e.key);
    }
    this.dirs.delete(from);
    this.removed.add(from);
  }

  private hostMode(key: string, bits: number): number {
    const info = this.io.fs?.info?.(this.host(key));
    return info === undefined || typeof info === 'number' ? bits : info.mode & 0o7777;
  }

  /** os.utime(path) with no times (the times set to now): 0, or an errno. A file's modification
   * time is the run's clock now (its bytes are written back at the end, as touch(1) does); a
   * directory's times are left. */
  touch(path: string): number {
    const { key, kind } = this.resolve(path);
    if (typeof kind === 'number') return kind;
    if (kind === 'dir') return 0;
    const d = this.load(path);
    if (typeof d === 'number') return d;
    d.mtime = Date.now();
    this.written.add(key);
    return 0;
  }

  /** file descriptors os.open made (os.close releases them) */
  rawFds = new Set<number>();

  /** os.chdir: 0, or an errno */
  chdir(path: string): number {
    const { key, kind } = this.resolve(path);
    if (typeof kind === 'number') return kind;
    if (kind === 'file') return 20;
    this.cwd = key;
    return 0;
  }

  /** os.stat's facts of a path, or an errno */
  stat(path: string): HostStat | number {
    const { key, kind } = this.resolve(path);
    if (typeof kind === 'number') return kind;
    const fs = this.io.fs;
    const hostInfo = !this.dirs.has(key) && fs && fs.info ? fs.info(this.host(key)) : undefined;
    if (hostInfo !== undefined && typeof hostInfo !== 'number' && (hostInfo.mode & 0o170000) === (kind === 'dir' ? 0o40000 : 0o100000)) {
      const d = this.files.get(key);
      if (!d) return hostInfo;
      // the bytes as the run has them, changed when it last wrote them
      const r = { ...hostInfo, size: d.len, blocks: Math.ceil(d.len / 4096) * 8 };
      if (this.written.has(key) && d.mtime !== undefined) r.mtimeNs = r.ctimeNs = msToNs(d.mtime);
      return r;
    }
    // made up from what the run knows, with the owner and device of the working directory
    const baseInfo = fs && fs.info ? fs.info('.') : undefined;
    const owner = baseInfo !== undefined && typeof baseInfo !== 'number' ? baseInfo : null;
    let ino = this.inos.get(key);
    if (ino === undefined) this.inos.set(key, (ino = BigInt(900000 + this.inos.size)));
    const common = { ino, dev: owner?.dev ?? 2049n, uid: owner?.uid ?? 1000, gid: owner?.gid ?? 1000, blksize: 4096, rdev: 0 };
    if (kind === 'dir') {
      const made = this.dirs.get(key);
      const ns = msToNs(made?.time ?? Date.now());
      const names = this.names(key);
      const subdirs = typeof names === 'number' ? 0 : names.filter((n) => this.kindOf(joinKey(key, n)) === 'dir').length;
      return { ...common, mode: 0o40000 | (made?.mode ?? 0o755), nlink: 2 + subdirs, size: 4096, atimeNs: ns, mtimeNs: ns, ctimeNs: ns, blocks: 8 };
    }
    const d = this.load(path);
    const len = typeof d === 'number' ? 0 : d.len;
    const ns = msToNs(typeof d === 'number' ? Date.now() : d.mtime ?? Date.now());
    return { ...common, mode: 0o100000 | (0o666 & ~UMASK), nlink: 1, size: len, atimeNs: ns, mtimeNs: ns, ctimeNs: ns, blocks: Math.ceil(len / 4096) * 8 };
  }

  /** what the run changed, handed to the host (called when the run ends) */
  flushToHost(): void {
    for (const f of this.open) f.flush();
    const io = this.io;
    const fs = io.fs;
    const depth = (k: string): number => k.split('/').length;
    const gone = [...this.removed];
    if (io.removeFile) for (const k of gone) if (fs && fs.stat(this.host(k)) === 'file') io.removeFile(this.host(k));
    if (io.removeDir) {
      for (const k of gone.sort((a, b) => depth(b) - depth(a))) if (fs && fs.stat(this.host(k)) === 'dir') io.removeDir(this.host(k));
    }
    if (io.makeDir) {
      const made = [...this.dirs].sort((a, b) => depth(a[0]) - depth(b[0]));
      for (const [k, d] of made) if (!fs || fs.stat(this.host(k)) !== 'dir') io.makeDir(this.host(k), d.mode);
    }
    const w = io.writeFile;
    if (w) {
      for (const k of this.written) {
        const d = this.files.get(k)!;
        w(this.host(k), d.bytes.slice(0, d.len));
      }
    }
  }
}

const runs = new WeakMap<RuntimeIO, RunFiles>();
/** the run's files, for the interpreter running now */
export function runFilesOf(io: RuntimeIO): RunFiles {
  let r = runs.get(io);
  if (!r) runs.set(io, (r = new RunFiles(io)));
  return r;
}
/** the run's files if it has touched any */
export function knownRunFiles(io: RuntimeIO): RunFiles | undefined {
  return runs.get(io);
}

/** os.fspath of a path argument (PyOS_FSPath): a str, or what its type's __fspath__ returns;
 * null when it is neither (bytes paths are not supported) */
export function fspath(o: PyObject, _strict = false): string | null {
  if (o instanceof PyStr) return o.v;
  if (o instanceof PyBytes) throw new Unsupported('bytes paths');
  const f = abs.typeLookup(o.type, '__fspath__');
  if (f === null) return null;
  const r = abs.callMethodObj(f, o, []);
  try {
    if (r instanceof PyStr) return r.v;
    if (r instanceof PyBytes) throw new Unsupported('bytes paths');
    typeError(`expected ${o.type.name}.__fspath__() to return str or bytes, not ${r.type.name}`);
  } finally {
    decref(r);
  }
}

/** a clock reading in milliseconds (the run's clock has fractions: a replay's, time.time()'s) as
 * nanoseconds */
function msToNs(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1000000n + BigInt(Math.round((ms - whole) * 1e6));
}
