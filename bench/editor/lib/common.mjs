// Helpers shared by the editor-side benchmark scripts (bench/editor/*.mjs). Not a script itself:
// bench/run.mjs runs only the .mjs files directly in bench/editor/.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const quick = process.argv.includes('--quick');

const tmp = mkdtempSync(join(tmpdir(), 'refscope-bench-editor-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
export const tmpDir = tmp;

/**
 * Bundle TypeScript source (imports resolved from the repository root) with the settings of
 * esbuild.mjs and import it: the code measured is what the extension ships, without a build entry
 * of its own.
 */
export async function importBundle(name, contents) {
  const outfile = join(tmp, `${name}.mjs`);
  await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

/** One figure for bench/run.mjs's table. */
export function figure(metric, value, unit, detail, target) {
  console.log(JSON.stringify({ metric, value, unit, detail, ...(target ? { target } : {}) }));
}

/** A figure that could not be measured because something does not exist yet: never a number. */
export function missing(metric, what, detail) {
  console.log(JSON.stringify({ metric, missing: what, ...(detail ? { detail } : {}) }));
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  // nearest rank
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const ms = (x) => Math.round(x * 10) / 10;

/**
 * A course-like Python program of `blocks` ten-line blocks: a class with __init__ and a method, a
 * function building instances with a comprehension and a dict, and a module-level name bound to
 * its result. 200 blocks = 2,000 lines; 20 blocks = 200 lines.
 */
export function courseProgram(blocks) {
  const L = [];
  for (let i = 0; i < blocks; i++) {
    L.push(
      `class Item${i}:`,
      '    def __init__(self, n):',
      '        self.n = n',
      `        self.tags = [str(n), 'item${i}']`,
      '    def total(self, k):',
      '        return self.n * k + len(self.tags)',
      `def make${i}(count):`,
      `    items = [Item${i}(j) for j in range(count)]`,
      `    return {'name': 'block${i}', 'items': items, 'sum': sum(it.total(2) for it in items)}`,
      `r${i} = make${i}(${(i % 7) + 3})`,
    );
  }
  return L.join('\n') + '\n';
}

/** Hover positions (1-based line, 1-based UTF-16 column) in courseProgram's block b: the module
 * name r<b>, the local `items`, the attribute `self.tags`. */
export function hoverTargets(b) {
  const base = b * 10;
  return [
    { line: base + 10, col: 1, what: `r${b}` },
    { line: base + 8, col: 5, what: 'items' },
    { line: base + 4, col: 14, what: 'self.tags' },
  ];
}

/** Milliseconds from a monotonic clock the interpreter does not touch (an InspectSession makes
 * performance.now and Date.now deterministic while it runs, in its thread). */
export function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The bundles to measure: bench/run.mjs passes its snapshot of dist/ (REFSCOPE_BENCH_DIST) so that
 * a rebuild in the working tree during the run does not change what is measured. */
export const DIST = process.env.REFSCOPE_BENCH_DIST || join(ROOT, 'dist');
