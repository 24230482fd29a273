// Records the expected outputs of the parser tests from a real python3.11:
//   cases/*.py  -> cases/*.ast     (ast.dump(ast.parse(src), include_attributes=True))
//   errors/*.py -> errors/*.stderr (stderr of `PYTHONHASHSEED=0 python3 FILE.py`, run from errors/,
//                                   with the absolute path python prints replaced by FILE.py)
// Usage: node test/core/parser/record.mjs   (needs python3 = 3.11.x on PATH)
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const version = execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
if (!/^Python 3\.11\./.test(version)) {
  console.error(`record.mjs needs python3 3.11.x, found ${version}`);
  process.exit(1);
}

const casesDir = join(here, 'cases');
const dumpScript = `
import ast, sys
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        src = f.read()
    tree = ast.parse(src, path)
    with open(path[:-3] + '.ast', 'w', encoding='utf-8') as out:
        out.write(ast.dump(tree, include_attributes=True) + '\\n')
`;
const cases = readdirSync(casesDir).filter((f) => f.endsWith('.py')).map((f) => join(casesDir, f));
if (cases.length) execFileSync('python3', ['-c', dumpScript, ...cases], { stdio: 'inherit' });
console.log(`recorded ${cases.length} AST dumps`);

const errorsDir = join(here, 'errors');
const errs = readdirSync(errorsDir).filter((f) => f.endsWith('.py'));
for (const f of errs) {
  const r = spawnSync('python3', [f], { cwd: errorsDir, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  if (r.status !== 1) console.warn(`warning: ${f} exited with ${r.status}`);
  // python3.11 reports the script's absolute path; the tests pass the bare file name to parse()
  writeFileSync(join(errorsDir, f.slice(0, -3) + '.stderr'), r.stderr.split(`"${join(errorsDir, f)}"`).join(`"${f}"`));
}
console.log(`recorded ${errs.length} error outputs`);
