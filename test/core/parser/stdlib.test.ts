// Stdlib sweep: with python3 3.11.x on PATH, parse the standard library's top-level modules and a
// few packages and compare every dump with python3's own ast.dump (computed in one python3 run).
// Without python3.11 it still parses every committed case and the recorded error files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpAst, parse } from '../../../src/core/parser/index';

const here = dirname(fileURLToPath(import.meta.url));
const PACKAGES = ['json', 'email', 'asyncio', 'collections', 'importlib', 'concurrent/futures', 'logging', 'unittest', 'http', 'xml/etree'];

function python311(): string | null {
  try {
    const v = execFileSync('python3', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^Python 3\.11\./.test(v) ? v : null;
  } catch {
    return null;
  }
}

const version = python311();

if (version) {
  test(`stdlib sweep: every module of ${version}'s stdlib (top level + ${PACKAGES.length} packages) dumps identically`, () => {
    const stdlib = execFileSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
    const files: string[] = [];
    for (const dir of ['', ...PACKAGES]) {
      const d = join(stdlib, dir);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d).sort()) if (f.endsWith('.py')) files.push(join(d, f));
    }
    const script = `
import ast, sys, json
out = []
for p in sys.argv[1:]:
    try:
        with open(p, 'rb') as f:
            out.append(ast.dump(ast.parse(f.read(), p), include_attributes=True))
    except (SyntaxError, ValueError, UnicodeDecodeError) as e:
        out.append(None)
sys.stdout.write(json.dumps(out))
`;
    const expected: (string | null)[] = JSON.parse(execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8', maxBuffer: 1 << 30 }));
    const failures: string[] = [];
    let compared = 0;
    let ms = 0;
    files.forEach((f, k) => {
      const exp = expected[k];
      if (exp === null) return; // not valid UTF-8 Python 3.11 source
      let src: string;
      try {
        src = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(f));
      } catch {
        return;
      }
      compared++;
      const t0 = performance.now();
      const r = parse(src, f);
      ms += performance.now() - t0;
      const got = r.module ? dumpAst(r.module) : `error: ${r.error?.msg} (line ${r.error?.lineno})`;
      if (got !== exp) failures.push(f);
    });
    const rate = (((compared - failures.length) / compared) * 100).toFixed(2);
    console.log(`# stdlib sweep: ${compared - failures.length}/${compared} identical (${rate}%), parse time ${ms.toFixed(0)} ms`);
    assert.deepEqual(failures, []);
  });
} else {
  test('stdlib sweep SKIPPED (python3 3.11.x not found): parsing the committed cases and error files instead', () => {
    const cases = join(here, 'cases');
    for (const f of readdirSync(cases).filter((x) => x.endsWith('.py'))) {
      const r = parse(readFileSync(join(cases, f), 'utf8'), f);
      assert.equal(r.error, null, `${f}: ${r.error?.msg}`);
      assert.ok(r.module);
    }
    const errors = join(here, 'errors');
    for (const f of readdirSync(errors).filter((x) => x.endsWith('.py'))) {
      const r = parse(readFileSync(join(errors, f), 'utf8'), f);
      assert.equal(r.module, null, `${f} should not parse`);
      assert.ok(r.error);
    }
  });
}

test('a 2,000-line file parses without errors (speed is measured by npm run bench, not here)', () => {
  const cases = join(here, 'cases');
  const parts = readdirSync(cases)
    .filter((x) => x.endsWith('.py') && x !== 'nonewline.py')
    .map((f) => readFileSync(join(cases, f), 'utf8'));
  let src = '';
  while (src.split('\n').length < 2000) src += parts.join('\n') + '\n';
  const r = parse(src, 'big.py');
  assert.equal(r.error, null);
  assert.ok(r.module!.body.length > 100);
});
