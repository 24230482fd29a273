// What the interpreter needs from its host: output streams and input lines.

export interface RuntimeIO {
  writeStdout(s: string): void;
  writeStderr(s: string): void;
  /** one line without its newline, or null at end of input */
  readLine(): string | null;
  /** write a file the program produced (objgraph's DOT files); absent: nothing is written */
  writeFile?(path: string, text: string): void;
}

export function bufferIO(stdin = ''): RuntimeIO & { out: string[]; err: string[] } {
  const lines = stdin.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let pos = 0;
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
      return pos < lines.length ? lines[pos++] : null;
    },
  };
  return io;
}
