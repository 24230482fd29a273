// Checks that the committed recordings still match the live CPython 3.11 (same logic as
// `node test/differential/record.mjs --check`). Without python3 3.11.x the check cannot run; a test
// saying so (and why) is registered as skipped instead of silently disappearing.
import { test } from 'node:test';
import assert from 'node:assert';
import { checkPython, checkRecordings, listFixtures, unrunnableFixtures } from './record.mjs';

const py = checkPython();

if (py.ok) {
  const unrunnable = unrunnableFixtures();
  for (const u of unrunnable) test(`drift check NOT RUN for ${u.fixture} (${u.reason})`, { skip: u.reason }, () => {});
  const skip = new Set(unrunnable.map((u) => u.fixture));
  test(`recordings match live CPython ${py.version} (record.mjs --check)`, { timeout: 15 * 60_000 }, async () => {
    const drift = await checkRecordings(listFixtures().filter((f) => !skip.has(f)));
    const report = drift.map((d) => `  ${d.fixture}: ${d.problem}`).join('\n');
    assert.strictEqual(drift.length, 0, `recordings drifted from CPython ${py.version}:\n${report}`);
  });
} else {
  const why = `python3 3.11 not available: ${py.reason}`;
  test(`drift check NOT RUN (${why})`, { skip: why }, () => {});
}
