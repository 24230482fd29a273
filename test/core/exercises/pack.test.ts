// The pack format (pure core functions) and the shipped pack's integrity and translations.
import { test } from 'node:test';
import assert from 'node:assert';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseMeta, listChecks, exerciseIdOf, translateMessage, packLang } from '../../../src/core/exercises/pack';
import { runExercise } from '../../../src/core/exercises/runner';
import { loadExercise, listExercises } from '../../../src/cli/check';

const PACK = join(process.cwd(), 'exercises');

test('parseMeta validates exercise.json with messages naming the problem', () => {
  assert.deepStrictEqual(parseMeta('{"id":"g/x","title":"X","requires":["f"]}', 'g/x'), { id: 'g/x', title: 'X', requires: ['f'] });
  assert.throws(() => parseMeta('{', 'g/x'), /g\/x\/exercise.json is not valid JSON/);
  assert.throws(() => parseMeta('{"id":"g/y","title":"X"}', 'g/x'), /"id" must be "g\/x"/);
  assert.throws(() => parseMeta('{"id":"g/x"}', 'g/x'), /"title" \(a string\) is required/);
  assert.throws(() => parseMeta('{"id":"g/x","title":"X","requires":[1]}', 'g/x'), /"requires" must be a list of names/);
  assert.throws(() => parseMeta('{"id":"g/x","title":"X","stepLimit":-1}', 'g/x'), /"stepLimit" must be a positive number/);
});

test('listChecks finds check_* functions in order with their docstring titles', () => {
  const src = 'import x\n\ndef _helper():\n    pass\n\ndef check_b(learner):\n    """Second thing"""\n    pass\n\ndef check_a(learner):\n    pass\n';
  assert.deepStrictEqual(listChecks(src), [
    { id: 'check_b', title: 'Second thing', line: 6 },
    { id: 'check_a', title: 'check_a', line: 10 },
  ]);
});

test('the marker line names the exercise', () => {
  assert.strictEqual(exerciseIdOf('# refscope-exercise: lesson24/unreachable\nx = 1\n'), 'lesson24/unreachable');
  assert.strictEqual(exerciseIdOf('\uFEFF#refscope-exercise:lesson24/fix-the-leak\r\n'), 'lesson24/fix-the-leak');
  assert.strictEqual(exerciseIdOf('x = 1\n# refscope-exercise: lesson24/unreachable\n'), null);
  assert.strictEqual(translateMessage({ messages: { 'zh-cn': { Hi: '你好' } } }, 'zh-cn', 'Hi'), '你好');
  assert.strictEqual(translateMessage({ messages: {} }, 'zh-cn', 'Hi'), 'Hi');
  assert.strictEqual(packLang('zh-CN'), 'zh-cn');
  assert.strictEqual(packLang('de'), 'en');
});

/** t('...' '...') templates of a check.py (adjacent literals joined) and its check titles */
function templates(src: string): string[] {
  const out = new Set<string>();
  for (const m of src.matchAll(/\bt\(((?:\s*'(?:[^'\\]|\\.)*')+)/g)) out.add([...m[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((p) => p[1].replace(/\\'/g, "'")).join(''));
  for (const c of listChecks(src)) out.add(c.title);
  return [...out];
}

test('every shipped exercise is complete: files, marker, English and 简体中文 for every title and message', () => {
  const ids = listExercises(PACK);
  assert.deepStrictEqual(ids, ['lesson24/break-the-cycle', 'lesson24/fix-the-leak', 'lesson24/refcount-predict', 'lesson24/unreachable']);
  for (const id of ids) {
    const dir = join(PACK, ...id.split('/'));
    for (const f of ['exercise.json', 'README.md', 'README.zh-cn.md', 'starter.py', 'check.py', 'solution.py', 'messages.zh-cn.json']) assert.ok(existsSync(join(dir, f)), `${id}/${f}`);
    const files = loadExercise(PACK, id);
    assert.ok(files.meta.titles?.['zh-cn'], `${id}: zh-cn title`);
    assert.strictEqual(exerciseIdOf(files.starter), id);
    assert.strictEqual(exerciseIdOf(readFileSync(join(dir, 'solution.py'), 'utf8')), id);
    const zh = files.messages['zh-cn'];
    const ts = templates(files.checkSource);
    assert.ok(ts.length > 3, id);
    for (const k of ts) assert.ok(zh[k], `${id}: no zh-cn translation of ${JSON.stringify(k)}`);
    for (const k of Object.keys(zh)) assert.ok(ts.includes(k), `${id}: messages.zh-cn.json has an unused key ${JSON.stringify(k)}`);
  }
});

test("the runner's own messages have their 简体中文 in l10n/parts/exercises.zh-cn.json", () => {
  const part = JSON.parse(readFileSync('l10n/parts/exercises.zh-cn.json', 'utf8')) as Record<string, string>;
  const dir = 'src/core/exercises';
  const srcs = [...readdirSync(dir).map((f) => join(dir, f)), 'src/extension/exercises.ts', 'src/cli/check.ts'].map((f) => readFileSync(f, 'utf8'));
  const keys = new Set<string>();
  for (const s of srcs) for (const m of s.matchAll(/\b(?:t|_rt)\('((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
  assert.ok(keys.size > 15);
  for (const k of keys) assert.ok(part[k], `no zh-cn translation of ${JSON.stringify(k)}`);
});

test('the starters do not pass (each exercise asks for a change)', () => {
  for (const id of ['lesson24/refcount-predict', 'lesson24/break-the-cycle']) {
    const files = loadExercise(PACK, id);
    const r = runExercise(files, files.starter, 'starter.py');
    assert.strictEqual(r.passed, false, id);
  }
});

test('verdicts in 简体中文: pack messages, check titles, RefScope messages and holder names', () => {
  const files = loadExercise(PACK, 'lesson24/refcount-predict');
  const bundle = {
    ...(JSON.parse(readFileSync('l10n/parts/exercises.zh-cn.json', 'utf8')) as Record<string, string>),
    ...(existsSync('l10n/parts/hover.zh-cn.json') ? (JSON.parse(readFileSync('l10n/parts/hover.zh-cn.json', 'utf8')) as Record<string, string>) : {}),
  };
  const src = readFileSync('test/exercises/fixtures/refcount-predict/python310.py', 'utf8');
  const r = runExercise(files, src, 'p.py', { lang: 'zh-cn', bundle });
  const c = r.checks.find((x) => x.id === 'check_program_3')!;
  assert.strictEqual(c.title, '程序 3：在函数内部');
  assert.match(c.message, /^程序 3 的第 1 次调用（第 3 行）：sys\.getrefcount 打印 3，而不是 4。这 3 个引用的持有者：/);
  const missing = runExercise(files, '# refscope-exercise: lesson24/refcount-predict\n', 'p.py', { lang: 'zh-cn', bundle });
  assert.strictEqual(missing.checks[0].message, '你的文件没有定义 ANSWERS。');
});
