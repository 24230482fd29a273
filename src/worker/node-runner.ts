// The interpreter bundle (dist/worker.js) for node: the CLI loads it on its main thread and calls
// runSource itself (src/cli/main.ts); runInWorker (node-client.ts) runs it in a worker thread with
// a large stack through a small inline entry. No worker_threads import here: loading that module
// brings node's streams, ~14 ms of every `refscope run`.

import { readFileSync, readSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runSource as runCore, type RunOptions, type RunResult } from '../core/run';
import { jitConfig } from '../core/runtime/vm/jit';
import { nodeFS } from './node-fs';
import { inputLines } from '../core/modules/io_shared';
import { registeredModules } from '../core/runtime/define';
import { lazyModuleAttrs } from '../core/runtime/abstract';
import { stdlibSourcesRun } from '../core/modules/modutil';
import { setFrozenStore } from '../core/compiler/frozen';
import { installFrozenFile, frozenFileText } from './frozen-file';

installFrozenFile();

/** runSource of core/run.ts, with open() reading the host's files when options.hostFiles names
 * the directory relative paths start from, and input() reading options.stdinFd */
export function runSource(source: string, filename: string, options: RunOptions = {}): RunResult {
  let o = options;
  if (o.hostFiles !== undefined) o = { ...o, fs: nodeFS(o.hostFiles) };
  if (o.stdinFd !== undefined) o = { ...o, stdinLines: fdLines(o.stdinFd) };
  if (smallInlining === null) return runCore(source, filename, o);
  // the loop compiler's functions get V8's default inlining budget; the cache the CLI writes after
  // the run is made under the flags the process started with
  jitConfig.onFirstCompile = () => setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${V8_INLINING_DEFAULT}`);
  try {
    return runCore(source, filename, o);
  } finally {
    jitConfig.onFirstCompile = null;
    setFlagsFromString(smallInlining);
  }
}

const V8_INLINING_DEFAULT = 920;
let smallInlining: string | null = null;
/** The CLI started the process with a smaller V8 inlining budget (`flag`, see src/cli/main.ts):
 * the loop compiler's functions get the default again, and `flag` is set back after each run. */
export function useSmallInlining(flag: string): void {
  smallInlining = flag;
}

/** The lines of a file descriptor (each with its newline, the last perhaps without), read when the
 * first is asked for (a program that never reads
 * input never waits on it): all at once from a pipe or file, one line at a time from a terminal
 * (each input() takes the line typed). */
function fdLines(fd: number): () => string | null {
  let lines: string[] | null = null;
  let pos = 0;
  let terminal: boolean | null = null;
  const one = Buffer.alloc(1);
  return () => {
    // (node:tty loads node's streams: only a program that reads input pays for it)
    if (terminal === null) terminal = (require('node:tty') as typeof import('node:tty')).isatty(fd);
    if (terminal) {
      const bytes: number[] = [];
      for (;;) {
        let n = 0;
        try {
          n = readSync(fd, one, 0, 1, null);
        } catch {
          n = 0;
        }
        if (n === 0) return bytes.length ? Buffer.from(bytes).toString('utf8') : null;
        bytes.push(one[0]);
        if (one[0] === 0x0a) return Buffer.from(bytes).toString('utf8');
      }
    }
    if (lines === null) {
      let text = '';
      try {
        text = readFileSync(fd, 'utf8');
      } catch {
        /* closed or unreadable: no input */
      }
      lines = inputLines(text);
    }
    return pos < lines.length ? lines[pos++] : null;
  };
}

export interface RunRequest {
  source: string;
  filename: string;
  options: RunOptions;
}

/**
 * The build's freeze step (esbuild.mjs): imports every module RefScope registers, and touches the
 * attributes a module defines from Python source on first use (abs.lazyModuleAttrs), so that every
 * stdlib source is compiled once; returns the text of dist/stdlib.frozen (frozen-file.ts) with
 * their units. The frozen file already there is not used: each source is compiled afresh.
 */
export function freezeStdlib(): { text: string; sources: number } {
  setFrozenStore(null);
  try {
    const names = registeredModules().sort();
    const importAll = (mods: string[], attrs: string[]) =>
      [
        'import sys',
        `for _m in ${JSON.stringify(mods)}:`,
        '    try:',
        '        __import__(_m)',
        '    except BaseException:',
        '        pass',
        `for _k in ${JSON.stringify(attrs)}:`,
        "    _m, _, _a = _k.rpartition('.')",
        '    try:',
        '        getattr(sys.modules[_m], _a)',
        '    except BaseException:',
        '        pass',
      ].join('\n') + '\n';
    runCore(importAll(names, []), '<freeze>', {});
    const lazy = [...lazyModuleAttrs.keys()];
    runCore(importAll(names, lazy), '<freeze>', {});
    const sources = stdlibSourcesRun();
    return { text: frozenFileText(sources), sources: sources.length };
  } finally {
    installFrozenFile();
  }
}
