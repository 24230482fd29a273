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
  /** the files open() may read (absent: none) */
  fs?: HostFS;
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
}

/** input text as lines, each with its newline (the last perhaps without) */
export function inputLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** `more`: where lines come from instead of `stdin` (a host's own input, read when asked for: each
 * line with its newline, the last perhaps without) */
export function bufferIO(stdin = '', more: (() => string | null) | null = null): RuntimeIO & { out: string[]; err: string[] } {
  const lines = inputLines(stdin);
  let pos = 0;
  const readRaw = (): string | null => (more !== null ? more() : pos < lines.length ? lines[pos++] : null);
  const io = {
    out: [] as string[],
    err: [] as string[],
    writeStdout(s: string) {
      io.out.push(s);
    },
    writeStderr(s: string) {
      io.err.push(s);
    },
    readLine() {
      const r = readRaw();
      return r !== null && r.endsWith('\n') ? r.slice(0, -1) : r;
    },
    readRaw,
  };
  return io;
}
