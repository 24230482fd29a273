/// <reference types="mocha" />
// RefScope inside a real VS Code: activation, the hover against the core (the CLI) and CPython,
// diagnostics for a runtime error, the graph panel and an exercise check. Runs in the node extension
// host (test/vscode/run.mjs); the workspace is a temporary copy made by the runner.
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './index';

const ext = () => {
  const e = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(e, `${EXTENSION_ID} is loaded`);
  return e;
};
const ws = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
};

async function waitFor<T>(what: string, fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The parts of a hover that must agree: what getrefcount would print, the holders, the total. */
function facts(md: string): { prints: number | null; holders: string[]; total: number | null } {
  const prints = /would print \*\*(\d+)\*\*/.exec(md);
  const total = /^= (\d+) references?/m.exec(md);
  const holders = md.split('\n').filter((l) => /^- /.test(l)).map((l) => l.trim());
  return { prints: prints ? Number(prints[1]) : null, holders, total: total ? Number(total[1]) : null };
}

// asynchronous: a synchronous child process would block the extension host
const run = async (cmd: string, args: string[]) => (await promisify(execFile)(cmd, args, { encoding: 'utf8' })).stdout;

function cliHover(file: string, line1: number, col1: number): Promise<string> {
  return run(process.execPath, [join(ext().extensionPath, 'dist', 'cli.js'), 'hover', file, String(line1), String(col1)]);
}

describe('RefScope in VS Code', function () {
  let lesson: vscode.TextDocument;

  before(async function () {
    lesson = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(ws(), 'lesson24_refcount.py'));
  });

  it('activates on a Python file (onLanguage:python)', async function () {
    await vscode.window.showTextDocument(lesson);
    assert.equal(lesson.languageId, 'python');
    await waitFor('the extension to activate', () => ext().isActive);
    const api = ext().exports as { runs?: unknown };
    assert.ok(api && api.runs, 'activate() returned the runs API');
    const cmds = await vscode.commands.getCommands(true);
    for (const c of ['refscope.runFile', 'refscope.showOutput', 'refscope.checkExercise']) assert.ok(cmds.includes(c), `${c} is registered`);
  });

  it('hovers `a = []` with the count and holders the core (refscope hover) gives', async function () {
    const pos = new vscode.Position(3, 0); // line 4, `a`
    assert.equal(lesson.lineAt(3).text, 'a = []');
    const md = await hoverText(lesson.uri, pos);
    const got = facts(md);
    assert.equal(got.prints, 2, `sys.getrefcount(a) after line 4 would print 2; hover was:\n${md}`);
    assert.ok(got.holders.some((h) => /global `a`/.test(h)), `the global a holds it; hover was:\n${md}`);
    assert.deepEqual(got, facts(await cliHover(lesson.uri.fsPath, 4, 1)), 'the hover agrees with `refscope hover FILE 4 1`');
    assert.equal(got.total, got.holders.length, 'the holder lines add up to the total');
  });

  it('hovers the argument of every sys.getrefcount(a) with the number CPython prints, as the CLI does', async function () {
    const lines: number[] = [];
    for (let i = 0; i < lesson.lineCount; i++) if (lesson.lineAt(i).text.includes('print(sys.getrefcount(a))')) lines.push(i);
    const cpython = (await run('python3', [lesson.uri.fsPath])).trim().split('\n').map(Number);
    assert.equal(lines.length, cpython.length, 'one printed count per getrefcount line');
    assert.deepEqual(cpython, [2, 3, 2, 8], 'CPython 3.11 prints 2, 3, 2, 8 for the lesson');
    for (const [k, i] of lines.entries()) {
      const col = lesson.lineAt(i).text.indexOf('getrefcount(a)') + 'getrefcount('.length;
      const md = await hoverText(lesson.uri, new vscode.Position(i, col));
      const got = facts(md);
      assert.equal(got.prints, cpython[k], `line ${i + 1}: the hover's count equals CPython's output; hover was:\n${md}`);
      assert.deepEqual(got, facts(await cliHover(lesson.uri.fsPath, i + 1, col + 1)), `line ${i + 1}: the hover agrees with the CLI`);
      assert.equal(got.total, got.prints, `line ${i + 1}: the holders add up to the printed count`);
    }
  });

  it('marks a ZeroDivisionError on its line, and clears it once fixed', async function () {
    const uri = vscode.Uri.joinPath(ws(), 'boom.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('total = 10\ncount = 0\naverage = total / count\nprint(average)\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('refscope.runFile');
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'RefScope');
    const [d] = await waitFor('the ZeroDivisionError diagnostic', () => ours().length > 0 && ours());
    assert.equal(d.range.start.line, 2, 'on line 3, `average = total / count`');
    assert.match(d.message, /ZeroDivisionError/);
    assert.match(d.message, /division by zero/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    await editor.edit((e) => e.replace(doc.lineAt(1).range, 'count = 2'));
    assert.ok(await doc.save(), 'saved');
    await waitFor('the diagnostic to clear after the fix', () => ours().length === 0);
  });

  it('opens the reference graph in a webview tab (refscope.showRefs)', async function () {
    if (!(await vscode.commands.getCommands(true)).includes('refscope.showRefs')) {
      // reported as pending, not passed: this build of the extension does not register the graph panel
      this.test!.title += ' [PENDING: refscope.showRefs is not registered]';
      this.skip();
    }
    const editor = await vscode.window.showTextDocument(lesson);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    await vscode.commands.executeCommand('refscope.showRefs');
    const isGraph = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('refscope.graph');
    const tab = await waitFor('a refscope.graph webview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(isGraph), 15_000);
    assert.ok(tab.label.length > 0);
  });

  it('checks an exercise: the starter fails, the reference solution passes', async function () {
    const dir = join(ext().extensionPath, 'exercises', 'lesson24', 'refcount-predict');
    const results: Record<string, { passed: boolean; checks: { status: string }[] } | null> = {};
    for (const which of ['starter', 'solution']) {
      const uri = vscode.Uri.joinPath(ws(), `predict-${which}.py`);
      await vscode.workspace.fs.writeFile(uri, readFileSync(join(dir, `${which}.py`)));
      results[which] = await vscode.commands.executeCommand('refscope.checkExercise', uri);
    }
    const { starter, solution } = results;
    assert.ok(starter && solution, 'refscope.checkExercise returned a result for both files');
    assert.ok(solution.checks.length > 0, 'the exercise has checks');
    assert.equal(solution.passed, true, `the solution passes: ${JSON.stringify(solution.checks)}`);
    assert.ok(solution.checks.every((c) => c.status === 'passed'));
    assert.equal(starter.passed, false, 'the untouched starter does not pass');
    assert.ok(starter.checks.some((c) => c.status === 'failed' || c.status === 'error'));
  });
});
