// What the interpreter needs from its host: output streams and input lines.

export interface RuntimeIO {
  writeStdout(s: string): void;
  writeStderr(s: string): void;
  /** one line without its newline, or null at end of input */
  readLine(): string | null;
  /** one line with its newline (the last may have none), or null at end of input: sys.stdin reads
   * so; absent: readLine's lines, each given a newline */
  readRaw?(): string | null;
  /** write a file the program produced (objgraph's DOT files, what open() wrote); absent:
   * nothing is written */
  writeFile?(path: string, data: string | Uint8Array): void;
  /** remove a file of the host the program removed (os.remove, the old name of os.rename); absent:
   * nothing is removed */
  removeFile?(path: string): void;
  /** make a directory the program made (os.mkdir, os.makedirs, os.rename's new name); absent:
   * nothing is made. `mode` is the mode asked for (the host applies its umask) */
  makeDir?(path: string, mode: number): void;
  /** remove a directory of the host the program removed (os.rmdir, os.rename's old name; empty
   * by then); absent: nothing is removed */
  removeDir?(path: string): void;
  /** the files open() may read (absent: none) */
  fs?: HostFS;
  /** os._exit: the last `n` bytes (UTF-8) written to fd 1 or 2 never reached it, and nothing
   * written from now on does */
  abandon?(tails: { 1: number; 2: number }): void;
  /** the last `n` bytes (UTF-8) written to fd 1 or 2 were still in the program's buffers: they
   * leave the output (the program writes them again, in their place, when it flushes them) */
  retract?(fd: 1 | 2, n: number): void;
}

/** What the host lets a run read. Paths are as the program wrote them: a relative one is
 * relative to the program's working directory, which the host chooses. */
export interface HostFS {
  /** the file's bytes, or an errno: 2 no such file, 13 permission denied, 20 not a directory,
   * 21 a directory */
  readFile(path: string): Uint8Array | number;
  /** what `path` is, or an errno (2: nothing there) */
  stat(path: string): 'file' | 'dir' | number;
  /** the names in a directory (os.listdir), or an errno; absent: no listing */
  readdir?(path: string): string[] | number;
  /** what os.stat says of `path` (symbolic links followed), or an errno; absent: the run makes
   * up plausible facts (sizes stay real: they are the bytes it reads) */
  info?(path: string): HostStat | number;
  /** the absolute path of the directory relative paths start from (os.getcwd()); absent:
   * '/home/user' */
  cwd?: string;
}

/** The facts of os.stat_result (Modules/posixmodule.c _pystat_fromstructstat) */
export interface HostStat {
  mode: number;
  ino: bigint;
  dev: bigint;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  blksize: number;
  blocks: number;
  rdev: number;
}

/** input text as lines, each with its newline (the last perhaps without) */
export function inputLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** `more`: where lines come from instead of `stdin` (a host's own input, read when asked for: each
 * line with its newline, the last perhaps without) */
export function bufferIO(stdin = '', more: (() => string | null) | null = null): RuntimeIO & { out: string[]; err: string[]; runs: number[] } {
  const lines = inputLines(stdin);
  let pos = 0;
  const readRaw = (): string | null => (more !== null ? more() : pos < lines.length ? lines[pos++] : null);
  const io = {
    out: [] as string[],
    err: [] as string[],
    /** the order of the writes: how many went to stdout, then to stderr, then to stdout... */
    runs: [0],
    writeStdout(s: string) {
      io.out.push(s);
      const r = io.runs;
      if (r.length & 1) r[r.length - 1]++;
      else r.push(1);
    },
    writeStderr(s: string) {
      io.err.push(s);
      const r = io.runs;
      if (r.length & 1) r.push(1);
      else r[r.length - 1]++;
    },
    retract(fd: 1 | 2, n: number) {
      if (fd === 1) dropTail(io.out, io.runs, 0, n);
      else dropTail(io.err, io.runs, 1, n);
    },
    abandon(tails: { 1: number; 2: number }) {
      dropTail(io.out, io.runs, 0, tails[1]);
      dropTail(io.err, io.runs, 1, tails[2]);
      io.writeStdout = () => {};
      io.writeStderr = () => {};
    },
    readLine() {
      const r = readRaw();
      return r !== null && r.endsWith('\n') ? r.slice(0, -1) : r;
    },
    readRaw,
  };
  return io;
}

/** Remove the last `n` UTF-8 bytes of one stream's writes (`parity`: 0 stdout's runs, 1 stderr's). */
function dropTail(pieces: string[], runs: number[], parity: 0 | 1, n: number): void {
  while (n > 0 && pieces.length > 0) {
    const last = pieces[pieces.length - 1];
    // (from the end, code point by code point, by their UTF-8 lengths)
    let i = last.length;
    while (i > 0 && n > 0) {
      const c = last.codePointAt(i - 1)!;
      const lowSurrogate = c >= 0xdc00 && c <= 0xdfff && i >= 2;
      const cp = lowSurrogate ? last.codePointAt(i - 2)! : c;
      n -= cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i -= cp >= 0x10000 ? 2 : 1;
    }
    if (i > 0) {
      pieces[pieces.length - 1] = last.slice(0, i);
      return;
    }
    pieces.pop();
    // the piece's write leaves the order too
    for (let r = runs.length - 1; r >= 0; r--) {
      if ((r & 1) === parity && runs[r] > 0) {
        runs[r]--;
        break;
      }
    }
  }
}

/** The program's writes in the order it made them (what a terminal shows, where stdout is line
 * buffered), as [fd, text] runs; undefined when that is all of stdout and then all of stderr. */
export function writeOrder(io: { out: string[]; err: string[]; runs: number[] }): [1 | 2, string][] | undefined {
  const runs = io.runs;
  if (runs.length <= 2) return undefined;
  const order: [1 | 2, string][] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < runs.length; i++) {
    const n = runs[i];
    if (n === 0) continue;
    if (i & 1) order.push([2, io.err.slice(e, (e += n)).join('')]);
    else order.push([1, io.out.slice(o, (o += n)).join('')]);
  }
  return order;
}
