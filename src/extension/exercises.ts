// Course exercises in the editor: a Testing API controller listing the shipped pack (one test item
// per exercise, one child per check), a "Check exercise" CodeLens on exercise files (first line
// `# refscope-exercise: <id>`), the commands refscope.startExercise (quick pick, creates the
// starter file) and refscope.checkExercise (runs the checks of a file and returns the result), and
// diagnostics on the failing lines. The checks run in a worker thread (dist/exercise-worker.js).

import * as vscode from 'vscode';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExercise, listExercises, checkInWorker } from '../cli/check';
import { exerciseIdOf, exerciseTitle, listChecks, packLang } from '../core/exercises/pack';
import type { ExerciseFiles, ExerciseResult } from '../core/exercises/types';

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

/** The Testing API controller's id (for other code and tests). */
export const CONTROLLER_ID = 'refscope.exercises';
const CHECK_SEP = '::';

export function registerExercises(context: vscode.ExtensionContext): vscode.Disposable {
  const packDir = join(context.extensionPath, 'exercises');
  const workerFile = join(context.extensionPath, 'dist', 'exercise-worker.js');
  const lang = () => packLang(vscode.env.language);
  const disposables: vscode.Disposable[] = [];
  const ctrl = vscode.tests.createTestController(CONTROLLER_ID, t('RefScope exercises'));
  const diagnostics = vscode.languages.createDiagnosticCollection('refscope-exercises');
  disposables.push(ctrl, diagnostics);
  const cache = new Map<string, ExerciseFiles>();

  const load = (id: string): ExerciseFiles => {
    let f = cache.get(id);
    if (!f) cache.set(id, (f = loadExercise(packDir, id)));
    return f;
  };
  const bundle = (): Record<string, string> | null => {
    if (lang() === 'en') return null;
    const f = join(context.extensionPath, 'l10n', 'bundle.l10n.zh-cn.json');
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>) : null;
  };
  const starterUri = (id: string): vscode.Uri | null => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, 'refscope-exercises', `${id.replace('/', '-')}.py`) : null;
  };

  // the tree: exercises, each with its checks
  const ids = existsSync(packDir) ? listExercises(packDir) : [];
  for (const id of ids) {
    let files: ExerciseFiles;
    try {
      files = load(id);
    } catch {
      continue;
    }
    const item = ctrl.createTestItem(id, exerciseTitle(files.meta, lang()));
    item.description = id;
    for (const c of listChecks(files.checkSource)) {
      const title = (files.messages[lang()]?.[c.title] ?? c.title) as string;
      item.children.add(ctrl.createTestItem(`${id}${CHECK_SEP}${c.id}`, title));
    }
    ctrl.items.add(item);
  }

  /** The learner's document for an exercise: an open file with the marker, else the started file. */
  const findDocument = async (id: string): Promise<vscode.TextDocument | null> => {
    const active = vscode.window.activeTextEditor?.document;
    if (active && exerciseIdOf(active.getText()) === id) return active;
    for (const d of vscode.workspace.textDocuments) if (exerciseIdOf(d.getText()) === id) return d;
    const u = starterUri(id);
    if (u) {
      try {
        return await vscode.workspace.openTextDocument(u);
      } catch {
        /* not started yet */
      }
    }
    return null;
  };

  /** Run the checks of `id` on `doc` and report them in `run` (item: the exercise's test item). */
  const runOne = async (id: string, doc: vscode.TextDocument, run: vscode.TestRun | null, only: Set<string> | null): Promise<ExerciseResult | null> => {
    const files = load(id);
    const item = ctrl.items.get(id);
    if (run && item) item.children.forEach((c) => (!only || only.has(c.id) ? run.started(c) : undefined));
    const reply = await checkInWorker(workerFile, files, doc.getText(), doc.uri.fsPath || doc.uri.toString(), { lang: lang(), bundle: bundle() });
    if (!reply.ok) {
      const msg = t('The checks could not run: {0}', reply.message);
      if (run && item) item.children.forEach((c) => (!only || only.has(c.id) ? run.errored(c, new vscode.TestMessage(msg)) : undefined));
      void vscode.window.showErrorMessage(msg);
      return null;
    }
    const r = reply.result;
    // what the learner's code printed, in the test run's output (terminal line ends)
    if (run && (r.stdout || r.stderr)) run.appendOutput((r.order ? r.order.map(([, text]) => text).join('') : r.stdout + r.stderr).replace(/\r?\n/g, '\r\n'));
    const diags: vscode.Diagnostic[] = [];
    for (const c of r.checks) {
      const child = item?.children.get(`${id}${CHECK_SEP}${c.id}`);
      const loc = c.line ? new vscode.Location(doc.uri, new vscode.Position(c.line - 1, 0)) : undefined;
      if (c.status !== 'passed' && c.line) {
        const d = new vscode.Diagnostic(doc.lineAt(Math.min(c.line - 1, doc.lineCount - 1)).range, `${c.title}: ${c.message}`, vscode.DiagnosticSeverity.Error);
        d.source = 'RefScope exercise';
        diags.push(d);
      }
      if (!run || !child || (only && !only.has(child.id))) continue;
      if (c.status === 'passed') run.passed(child, c.durationMs);
      else if (c.status === 'skipped') run.skipped(child);
      else {
        const m = c.expected !== undefined || c.actual !== undefined ? vscode.TestMessage.diff(c.message, c.expected ?? '', c.actual ?? '') : new vscode.TestMessage(c.message);
        if (loc) m.location = loc;
        if (c.status === 'failed') run.failed(child, m, c.durationMs);
        else run.errored(child, m, c.durationMs);
      }
    }
    diagnostics.set(doc.uri, diags);
    return r;
  };

  const runHandler = async (request: vscode.TestRunRequest, token: vscode.CancellationToken) => {
    const run = ctrl.createTestRun(request);
    // group the requested items by exercise
    const wanted = new Map<string, Set<string> | null>();
    const add = (it: vscode.TestItem) => {
      const [ex] = it.id.split(CHECK_SEP);
      if (it.id === ex) wanted.set(ex, null);
      else if (wanted.get(ex) !== null) wanted.set(ex, (wanted.get(ex) ?? new Set()).add(it.id));
    };
    if (request.include) request.include.forEach(add);
    else ctrl.items.forEach(add);
    for (const [id, only] of wanted) {
      if (token.isCancellationRequested) break;
      const doc = await findDocument(id);
      const item = ctrl.items.get(id);
      if (!doc) {
        const m = new vscode.TestMessage(t('No file for this exercise: run "RefScope: Start an exercise…" or open a file whose first line is # refscope-exercise: {0}', id));
        item?.children.forEach((c) => (!only || only.has(c.id) ? run.errored(c, m) : undefined));
        continue;
      }
      await runOne(id, doc, run, only);
    }
    run.end();
  };
  disposables.push(ctrl.createRunProfile(t('Check exercise'), vscode.TestRunProfileKind.Run, runHandler, true));

  // refscope.checkExercise(uri?): checks a file (the active editor by default) and reports in the
  // Test Explorer; returns the ExerciseResult (for tests and other extensions), or null
  disposables.push(
    vscode.commands.registerCommand('refscope.checkExercise', async (arg?: vscode.Uri | string): Promise<ExerciseResult | null> => {
      const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg;
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) return null;
      const id = exerciseIdOf(doc.getText());
      if (!id || !ctrl.items.get(id)) {
        void vscode.window.showWarningMessage(t('This file is not an exercise: its first line should be # refscope-exercise: <id>'));
        return null;
      }
      const item = ctrl.items.get(id)!;
      const run = ctrl.createTestRun(new vscode.TestRunRequest([item]));
      try {
        return await runOne(id, doc, run, null);
      } finally {
        run.end();
      }
    }),
  );

  // refscope.startExercise(id?): quick pick, then the starter file in the workspace, opened
  disposables.push(
    vscode.commands.registerCommand('refscope.startExercise', async (given?: string): Promise<vscode.Uri | null> => {
      let id = given;
      if (!id) {
        const picks = ids.map((i) => ({ label: exerciseTitle(load(i).meta, lang()), description: i, id: i }));
        const pick = await vscode.window.showQuickPick(picks, { placeHolder: t('Choose an exercise') });
        if (!pick) return null;
        id = pick.id;
      }
      if (!ids.includes(id)) {
        void vscode.window.showErrorMessage(t('No exercise {0}', id));
        return null;
      }
      const target = starterUri(id);
      if (!target) {
        void vscode.window.showErrorMessage(t('Open a folder first: the exercise file is created in the workspace.'));
        return null;
      }
      let exists = true;
      try {
        await vscode.workspace.fs.stat(target);
      } catch {
        exists = false;
      }
      if (!exists) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(load(id).starter));
      const doc = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(doc);
      const readme = join(packDir, ...id.split('/'), lang() === 'en' ? 'README.md' : `README.${lang()}.md`);
      if (existsSync(readme)) void vscode.commands.executeCommand('markdown.showPreviewToSide', vscode.Uri.file(readme));
      return target;
    }),
  );

  // "Check exercise" above the marker line of exercise files
  const lenses = new vscode.EventEmitter<void>();
  disposables.push(
    lenses,
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.some((c) => c.range.start.line === 0)) lenses.fire();
    }),
    vscode.languages.registerCodeLensProvider(
      { language: 'python' },
      {
        onDidChangeCodeLenses: lenses.event,
        provideCodeLenses(doc) {
          const id = exerciseIdOf(doc.lineAt(0).text);
          if (!id || !ids.includes(id)) return [];
          const range = new vscode.Range(0, 0, 0, 0);
          return [new vscode.CodeLens(range, { title: t('Check exercise'), command: 'refscope.checkExercise', arguments: [doc.uri] })];
        },
      },
    ),
  );

  const all = vscode.Disposable.from(...disposables);
  context.subscriptions.push(all);
  return all;
}
