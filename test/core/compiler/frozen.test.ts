// The build's frozen stdlib units (src/core/compiler/frozen.ts, serialize.ts, src/worker/frozen-file.ts):
// a unit read back from its text is the compiler's unit (instructions, tables, constants and their
// sharing), dist/stdlib.frozen holds exactly what the current compiler makes of every stdlib source
// (a stale file — the compiler changed, `node esbuild.mjs` not run — fails here), and programs that
// import Python-source modules run the same from frozen units as from compiled ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
// (the runtime first: its modules import each other in this order)
import { runSource } from '../../../src/core/run';
import { serializeUnit, deserializeUnit } from '../../../src/core/compiler/serialize';
import { frozenKey, frozenUnit, setFrozenStore, sourceLines } from '../../../src/core/compiler/frozen';
import { frozenFileText, frozenStoreOf, fileReader, FROZEN_FILE } from '../../../src/worker/frozen-file';
import { compileStdlibSource, stdlibSourcesRun, forgetStdlibUnits } from '../../../src/core/modules/modutil';
import { parse } from '../../../src/core/parser/index';
import { compileModule } from '../../../src/core/compiler/compiler';
import type { CodeUnit, ConstSlot } from '../../../src/core/compiler/code';
import { registeredModules } from '../../../src/core/runtime/define';
import { fixtureSource, fixtureFilename, fixtureOptions, readExpected, firstDifference } from '../../differential/corpus';

/** A canonical description of a unit tree: every field, with slots and units numbered in the order a
 * walk first meets them, so that two trees compare equal exactly when they have the same data and
 * the same sharing. */
function describe(root: CodeUnit): unknown[] {
  const slotIds = new Map<ConstSlot, number>();
  const unitIds = new Map<CodeUnit, number>();
  const out: unknown[] = [];
  const sourceArrays = new Set<string[]>();
  const unit = (u: CodeUnit): number => {
    let id = unitIds.get(u);
    if (id !== undefined) return id;
    id = unitIds.size;
    unitIds.set(u, id);
    sourceArrays.add(u.source);
    const consts = u.consts.map(slot);
    out.push([
      'unit', id, u.name, u.qualname, u.filename, u.firstlineno, u.argcount, u.posonlyargcount, u.kwonlyargcount, u.flags,
      Array.from(u.code), Array.from(u.lines), Array.from(u.endLines), Array.from(u.cols), Array.from(u.endCols),
      consts, u.names, u.localsplusNames, Array.from(u.localsplusKinds), u.nlocals, u.ncells, u.nfrees,
      Array.from(u.exceptionTable), u.stacksize, u.source.length, u.arenaShared ? Array.from(u.arenaShared) : null,
      Object.keys(u),
    ]);
    return id;
  };
  const slot = (s: ConstSlot): number => {
    let id = slotIds.get(s);
    if (id !== undefined) return id;
    id = slotIds.size;
    slotIds.set(s, id);
    const l = s.lit;
    let v: unknown;
    switch (l.type) {
      case 'code':
        v = unit(l.code);
        break;
      case 'tuple':
      case 'frozenset':
        v = l.items.map(slot);
        break;
      case 'int':
        v = l.value.toString();
        break;
      case 'float':
        v = Object.is(l.value, -0) ? '-0' : String(l.value);
        break;
      case 'complex':
        v = Object.is(l.imag, -0) ? '-0' : String(l.imag);
        break;
      case 'bytes':
        v = Array.from(l.value);
        break;
      case 'bool':
      case 'str':
        v = l.value;
        break;
      default:
        v = null;
    }
    out.push(['slot', id, l.type, v, s.arena, s.users]);
    return id;
  };
  unit(root);
  // every unit of a module shares one array of source lines
  out.push(['sources', sourceArrays.size]);
  return out;
}

function compiled(source: string, filename: string): CodeUnit {
  const pr = parse(source, filename);
  assert.ok(pr.module, `${filename} parses`);
  const cr = compileModule(pr.module, filename, source);
  assert.ok(cr.code, `${filename} compiles`);
  return cr.code;
}

test('a unit read back from its text is the compiled unit: constants of every kind, shared constants, nested code', () => {
  const source = [
    'X = (1, 2.5, -0.0, 1e400, -1e400, 3j, -0j, "é\\ud800\\U0001F600", b"\\x00\\xff", None, True, False, ..., 2**100, -7)',
    'Y = frozenset({1, 2}) if 0 else {"a", "b"}',
    'def f(a, b=(1, 2.5), *args, c, d=3, **kw):',
    '    def g():',
    '        return a, (1, 2.5), "é"',
    '    try:',
    '        return g() + X',
    '    except* ValueError:',
    '        pass',
    'class C:',
    '    z = [x for x in (1, 2.5) if x in {1, 2}]',
    'for i in range(3):',
    '    print(i, f"{i:>3}")',
    '',
  ].join('\r\n');
  const u = compiled(source, '<frozen test>');
  const text = serializeUnit(u);
  assert.ok(!/[^\x20-\x7e]/.test(text), 'the text is printable ASCII');
  const back = deserializeUnit(text, sourceLines(source));
  assert.deepEqual(describe(back), describe(u));
  assert.deepEqual(back.source, u.source);
});

test('frozenUnit: a unit only for the same file name and source text; a broken entry compiles again', () => {
  const source = 'def f():\n    return 41 + 1\n';
  const u = compiled(source, '<frozen a>');
  const text = frozenFileText([{ source, filename: '<frozen a>', unit: u }], 'build-1');
  const over = (t: string | null) => (pos: number, len: number) => (t === null ? null : t.slice(pos, pos + len));
  try {
    setFrozenStore(frozenStoreOf(over(text), 'build-1'));
    const got = frozenUnit('<frozen a>', source);
    assert.ok(got);
    assert.deepEqual(describe(got), describe(u));
    assert.equal(frozenUnit('<frozen b>', source), null, 'another file name');
    assert.equal(frozenUnit('<frozen a>', source.replace('41', '40')), null, 'another source');
    setFrozenStore(frozenStoreOf(over(text), null));
    assert.ok(frozenUnit('<frozen a>', source), 'any build when none is asked for');
    setFrozenStore(frozenStoreOf(over(text), 'build-2'));
    assert.equal(frozenUnit('<frozen a>', source), null, 'a file another build wrote');
    setFrozenStore(frozenStoreOf(over(text.replace(/"s":\[/, '"s":[[')), 'build-1'));
    assert.equal(frozenUnit('<frozen a>', source), null, 'an unreadable entry');
    setFrozenStore(frozenStoreOf(over(text.slice(0, -10)), 'build-1'));
    assert.equal(frozenUnit('<frozen a>', source), null, 'a cut file');
    setFrozenStore(frozenStoreOf(over('something else\n{}\n'), null));
    assert.equal(frozenUnit('<frozen a>', source), null, 'not a frozen file');
    setFrozenStore(frozenStoreOf(over(null), null));
    assert.equal(frozenUnit('<frozen a>', source), null, 'no file');
  } finally {
    setFrozenStore(null);
  }
});

const DIST = join(import.meta.dirname ?? __dirname, '..', '..', '..', 'dist');
const FILE = join(DIST, FROZEN_FILE);

test('dist/stdlib.frozen holds what the current compiler makes of every stdlib source (run `node esbuild.mjs` after changing the compiler or a source)', () => {
  assert.ok(existsSync(FILE), `${FILE} exists (node esbuild.mjs writes it)`);
  // every source this process runs when it imports every module (the freeze step's program, less
  // the lazily defined attributes)
  const mods = registeredModules().sort();
  const prog = `for _m in ${JSON.stringify(mods)}:\n    try:\n        __import__(_m)\n    except BaseException:\n        pass\n`;
  runSource(prog, '<freeze>', {});
  const sources = stdlibSourcesRun();
  assert.ok(sources.length >= 40, `${sources.length} stdlib sources ran`);
  const store = frozenStoreOf(fileReader(FILE), null);
  let checked = 0;
  for (const { source, filename } of sources) {
    const text = store.get(frozenKey(filename, source));
    assert.ok(text !== null, `a frozen unit for ${filename} (${source.length} characters)`);
    const fresh = compileStdlibSource(source, filename);
    assert.deepEqual(describe(deserializeUnit(text, sourceLines(source))), describe(fresh), `the frozen unit of ${filename} is the compiler's`);
    checked++;
  }
  assert.equal(checked, sources.length);
});

test('programs importing Python-source modules run the same from the frozen units (refcount audit on)', () => {
  assert.ok(existsSync(FILE), `${FILE} exists (node esbuild.mjs writes it)`);
  const fixtures = [
    'modules/json_module.py',
    'modules/logging_error_traceback.py',
    'modules/pickle_basics.py',
    'modules/difflib_basics.py',
    'modules/dataclass_generated_methods.py',
    'modules/collections_user_classes.py',
    'modules/functools_partialmethod.py',
    'modules/os_walk_scandir.py',
    'modules/csv_errors.py',
  ];
  // (this process has compiled the sources already: forget them, so that the imports go to the store)
  forgetStdlibUnits();
  let reads = 0;
  let hits = 0;
  const read = fileReader(FILE);
  const file = frozenStoreOf((pos, len) => {
    reads++;
    return read(pos, len);
  }, null);
  setFrozenStore({
    get(key) {
      const t = file.get(key);
      if (t !== null) hits++;
      return t;
    },
  });
  try {
    for (const f of fixtures) {
      const r = runSource(fixtureSource(f), fixtureFilename(f), { ...fixtureOptions(f), audit: true, stepLimit: 50_000_000 });
      assert.equal(firstDifference(r, readExpected(f)), null, f);
    }
  } finally {
    setFrozenStore(null);
  }
  assert.equal(reads, hits + 1, 'the index once, then each entry used');
  const ran = stdlibSourcesRun().length;
  assert.ok(ran >= 10, `${ran} stdlib sources ran`);
  assert.equal(hits, ran, 'every source the runs needed came from the frozen file');
});
