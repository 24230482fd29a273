// Entry point shared by the CLI, the worker and the tests: run one Python source file.

export interface RunOptions {
  /** Check after every instruction that each object's refcount equals the references held. */
  audit?: boolean;
  /** Text served to input() and sys.stdin. */
  stdin?: string;
  /** sys.argv[1:] */
  argv?: string[];
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function runSource(source: string, filename: string, options: RunOptions = {}): RunResult {
  void source;
  void filename;
  void options;
  return { stdout: '', stderr: 'refscope: the interpreter is not built yet\n', exitCode: 1 };
}
