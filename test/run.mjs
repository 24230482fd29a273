// `npm test`'s runner: every *.test.ts under test/ through node's test runner (with tsx for
// TypeScript). The interpreter runs in-process in the tests, so it gets the larger stack that
// CPython's recursion limit needs (the CLI and the extension use a worker with a large stack).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f === 'fixtures' || f === 'node_modules') continue;
      // the extension-host suite runs inside VS Code (npm run test:vscode), not under node
      if (p === join('test', 'vscode', 'suite')) continue;
      find(p, out);
    } else if (f.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = find('test').sort();
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
if (!files.length) {
  // node --test with no files would pick up every test-looking script under the directory
  console.error(`test/run.mjs: no test file matches ${filter.join(' ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--stack-size=3800', '--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
