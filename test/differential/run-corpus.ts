// Child process of update-pending.mjs: runs the given fixtures (all when none are given) through
// RefScope and prints one JSON line per fixture: {"fixture": ..., "pass": bool, "detail": ...}.
// A line {"start": fixture} precedes each run so the parent can tell which fixture hung.
import { firstDifference, listFixtures, readExpected, runWithRefScope } from './corpus';

const names = process.argv.slice(2);
const fixtures = names.length ? names : listFixtures();
for (const fixture of fixtures) {
  process.stdout.write(JSON.stringify({ start: fixture }) + '\n');
  let pass = false;
  let detail: string | null = null;
  try {
    detail = firstDifference(runWithRefScope(fixture), readExpected(fixture));
    pass = detail === null;
  } catch (err) {
    detail = `runSource threw: ${err instanceof Error ? err.stack ?? err.message : String(err)}`.slice(0, 500);
  }
  process.stdout.write(JSON.stringify({ fixture, pass, detail }) + '\n');
}
