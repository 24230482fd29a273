// Developer tool: run the differential corpus through dist/cli.js and report.
//   node tools/corpus.mjs [--audit] [filter]          summary + failing fixtures
//   node tools/corpus.mjs --diff area/name.py         show expected vs actual for one fixture
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const audit = args.includes('--audit');
const diff = args.includes('--diff');
const filter = args.filter((a) => !a.startsWith('--'))[0] ?? '';
const root = 'test/differential/fixtures';
let pass = 0;
let fail = 0;
const fails = [];
for (const area of readdirSync(root)) {
  for (const f of readdirSync(join(root, area))) {
    if (!f.endsWith('.py')) continue;
    const id = `${area}/${f}`;
    if (filter && !id.includes(filter)) continue;
    const exp = JSON.parse(readFileSync(join(root, area, f.replace(/\.py$/, '.expected.json')), 'utf8'));
    const r = spawnSync('node', [join(process.cwd(), 'dist/cli.js'), 'run', f, ...(audit ? ['--audit'] : [])], {
      cwd: join(root, area),
      encoding: 'utf8',
      // (the audit walks the whole heap at every new line: a deep recursion takes a while)
      timeout: audit ? 180000 : 30000,
    });
    const ok = r.stdout === exp.stdout && r.stderr === exp.stderr && r.status === exp.exit;
    if (ok) pass++;
    else {
      fail++;
      fails.push(id);
      if (diff) {
        console.log(`=== ${id}: exit ${r.status} (expected ${exp.exit})`);
        console.log('--- expected stdout\n' + exp.stdout + '--- actual stdout\n' + r.stdout);
        console.log('--- expected stderr\n' + exp.stderr + '--- actual stderr\n' + r.stderr);
      }
    }
  }
}
console.log(fails.join('\n'));
console.log(`${pass} passed, ${fail} failed`);
