#!/usr/bin/env node
// Shrinks pending.json: re-runs the differential corpus through RefScope's interpreter and removes
// the entries of fixtures that now pass; fixtures still failing keep their written reason.
//
//   node test/differential/update-pending.mjs                 update pending.json
//   node test/differential/update-pending.mjs --dry-run       only report
//   node test/differential/update-pending.mjs --add-failing "reason"
//        also add fixtures that fail but are not pending (regressions), with that reason
//   node test/differential/update-pending.mjs --init "reason" list every fixture as pending
//   node test/differential/update-pending.mjs lang/x.py ...   only consider these fixtures
//
// Fixtures run in a child process (`node --import tsx run-corpus.ts`); a fixture that produces no
// result within PER_FIXTURE_MS is counted as failing and the child is restarted after it.

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFixtures } from './record.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const PENDING_PATH = join(HERE, 'pending.json');
const PER_FIXTURE_MS = Number(process.env.REFSCOPE_FIXTURE_TIMEOUT_MS ?? 30_000);

function writePending(pending) {
  const sorted = Object.fromEntries(Object.keys(pending).sort().map((k) => [k, pending[k]]));
  writeFileSync(PENDING_PATH, JSON.stringify(sorted, null, 2) + '\n');
}

/** Runs fixtures in a child; resolves to Map fixture -> { pass, detail }. */
function runBatch(fixtures) {
  return new Promise((resolve) => {
    const results = new Map();
    const child = spawn(process.execPath, ['--stack-size=3800', '--import', 'tsx', join(HERE, 'run-corpus.ts'), ...fixtures], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let current = null;
    let timer = null;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (current) results.set(current, { pass: false, detail: `no result within ${PER_FIXTURE_MS} ms` });
        child.kill('SIGKILL');
      }, PER_FIXTURE_MS);
    };
    arm();
    createInterface({ input: child.stdout }).on('line', (line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return; // stray output of the interpreter under test
      }
      if (msg.start) {
        current = msg.start;
        arm();
      } else if (msg.fixture) {
        results.set(msg.fixture, { pass: msg.pass, detail: msg.detail });
        current = null;
        arm();
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (current && !results.has(current)) {
        results.set(current, { pass: false, detail: `runner died (${signal ?? `exit ${code}`})` });
      }
      resolve(results);
    });
  });
}

async function runAll(fixtures) {
  const results = new Map();
  let todo = fixtures;
  while (todo.length) {
    const batch = await runBatch(todo);
    for (const [k, v] of batch) results.set(k, v);
    const next = todo.filter((f) => !results.has(f));
    if (next.length === todo.length) {
      // the child could not even start the first fixture
      for (const f of next) results.set(f, { pass: false, detail: 'runner failed to start' });
      break;
    }
    todo = next;
  }
  return results;
}

async function main(argv) {
  const all = listFixtures();
  const initAt = argv.indexOf('--init');
  if (initAt >= 0) {
    const reason = argv[initAt + 1];
    if (!reason) throw new Error('--init needs a reason');
    writePending(Object.fromEntries(all.map((f) => [f, reason])));
    console.log(`pending.json: all ${all.length} fixtures pending ("${reason}")`);
    return 0;
  }
  let dryRun = false;
  let addReason = null;
  const chosen = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dry-run') dryRun = true;
    else if (argv[i] === '--add-failing') {
      addReason = argv[++i];
      if (!addReason) throw new Error('--add-failing needs a reason');
    } else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else chosen.push(argv[i]);
  }
  for (const n of chosen) if (!all.includes(n)) throw new Error(`no such fixture: ${n}`);
  const fixtures = chosen.length ? chosen : all;

  const pending = JSON.parse(readFileSync(PENDING_PATH, 'utf8'));
  for (const f of Object.keys(pending)) {
    if (!all.includes(f)) {
      console.log(`removed (no such fixture): ${f}`);
      delete pending[f];
    }
  }
  const results = await runAll(fixtures);
  let fixed = 0;
  const regressions = [];
  for (const f of fixtures) {
    const r = results.get(f);
    if (r.pass && f in pending) {
      console.log(`now passes: ${f}`);
      delete pending[f];
      fixed++;
    } else if (!r.pass && !(f in pending)) {
      regressions.push(f);
      console.log(`FAILS but is not pending: ${f}: ${r.detail}`);
      if (addReason) pending[f] = addReason;
    }
  }
  const passing = fixtures.filter((f) => results.get(f).pass).length;
  console.log(`${passing} of ${fixtures.length} fixtures pass; ${fixed} removed from pending.json; ` +
    `${Object.keys(pending).length} still pending; ${regressions.length} failing but not pending`);
  if (!dryRun) writePending(pending);
  return regressions.length && !addReason ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  console.error(`update-pending.mjs: ${err.message}`);
  process.exitCode = 2;
});
