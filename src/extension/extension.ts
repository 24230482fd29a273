// RefScope's extension entry: the only code here that imports 'vscode'. It runs the active Python
// file in a session worker (never on the host's thread), shows refcounts and holders on hover,
// marks the program's error as a diagnostic and reports the run in the status bar.

import * as vscode from 'vscode';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SessionClient } from './session-client';
import { registerExercises } from './exercises';
import { registerGraphPanel } from './graphPanel';
import { statusText, diagnosticFor, stdioSetting, RUN_SETTINGS } from './logic';
import type { RunSummary } from '../core/inspect/session';
import type { GraphOptions } from '../core/inspect/graph-types';
import type { GraphReply } from '../protocol/worker';

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

class Runs implements vscode.Disposable {
  private clients = new Map<string, SessionClient>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly output = vscode.window.createOutputChannel('RefScope');
  readonly diagnostics = vscode.languages.createDiagnosticCollection('refscope');
  readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  private readonly ran = new vscode.EventEmitter<vscode.TextDocument>();
  /** a document finished a run (the graph panel refreshes) */
  readonly onDidRun = this.ran.event;
  private readonly shown = new vscode.EventEmitter<{ doc: vscode.TextDocument; graphs: NonNullable<RunSummary['graphs']> }>();
  /** the run drew graphs with objgraph.show_* (the graph panel opens them) */
  readonly onDidShowGraphs = this.shown.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.command = 'refscope.showOutput';
  }

  private client(doc: vscode.TextDocument): SessionClient {
    const key = doc.uri.toString();
    let c = this.clients.get(key);
    if (!c) {
      c = new SessionClient(join(this.context.extensionPath, 'dist', 'session-worker.js'));
      this.clients.set(key, c);
    }
    return c;
  }

  private bundle(): Record<string, string> | null {
    const lang = vscode.env.language.toLowerCase();
    if (!lang.startsWith('zh')) return null;
    const f = join(this.context.extensionPath, 'l10n', 'bundle.l10n.zh-cn.json');
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>) : null;
  }

  /** Run the document unless its current version already ran. */
  async ensureRun(doc: vscode.TextDocument): Promise<boolean> {
    const c = this.client(doc);
    if (c.version === doc.version) return true;
    return this.run(doc);
  }

  async run(doc: vscode.TextDocument): Promise<boolean> {
    const cfg = vscode.workspace.getConfiguration('refscope');
    const c = this.client(doc);
    this.status.text = `$(sync~spin) ${t('RefScope: running…')}`;
    this.status.show();
    const r = await c.run(
      doc.getText(),
      doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.fileName,
      doc.version,
      { stdin: cfg.get<string>('stdin', ''), stepLimit: cfg.get<number>('stepLimit', 200_000_000), maxHeapBytes: cfg.get<number>('maxHeapMB', 2048) * 1024 * 1024, stdio: stdioSetting(cfg.get<string>('stdout')), ...filesFrom(doc) },
      this.bundle(),
      cfg.get<number>('timeLimitSeconds', 30) * 1000,
      // the hovers to come (provideHover below): computed in the background after the run
      { commandLinks: true, uri: doc.uri.toString() },
    );
    if (r.status === 'cancelled') return false;
    if (r.status === 'timeout') {
      this.status.text = `$(warning) ${t('RefScope: stopped after {0} s', r.ms / 1000)}`;
      this.output.appendLine(t('RefScope stopped {0}: it did not finish within {1} s (setting refscope.timeLimitSeconds).', doc.fileName, r.ms / 1000));
      this.diagnostics.set(doc.uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), t('RefScope stopped the program: it did not finish within {0} s', r.ms / 1000), vscode.DiagnosticSeverity.Warning)]);
      return false;
    }
    if (r.status === 'crashed') {
      this.status.text = `$(error) ${t('RefScope: internal error')}`;
      this.output.appendLine(t('RefScope: internal error: {0}', r.message));
      return false;
    }
    this.show(doc, r.summary);
    this.ran.fire(doc);
    if (r.summary.graphs?.length) this.shown.fire({ doc, graphs: r.summary.graphs });
    return true;
  }

  /** The reference graph of `expr` after `line` (1-based) last ran in `doc`'s latest run. */
  async graph(doc: vscode.TextDocument, line: number, expr: string, opts: GraphOptions): Promise<GraphReply | null> {
    if (!(await this.ensureRun(doc))) return null;
    return this.client(doc).graph(line, expr, opts);
  }

  private show(doc: vscode.TextDocument, s: RunSummary): void {
    this.output.appendLine(`— ${doc.fileName} —`);
    // in the order the program wrote them, as a terminal shows them (a warning between prints)
    if (s.order) for (const [, text] of s.order) this.output.append(text);
    else {
      if (s.stdout) this.output.append(s.stdout);
      if (s.stderr) this.output.append(s.stderr);
    }
    this.status.text = statusText(s, t);
    this.status.tooltip = t('Show RefScope output');
    const d = diagnosticFor(s.error, doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.fileName, t);
    if (!d) {
      this.diagnostics.set(doc.uri, []);
      return;
    }
    const diag = new vscode.Diagnostic(
      new vscode.Range(d.line, d.col, d.endLine, Math.min(d.endCol, doc.lineAt(Math.min(d.endLine, doc.lineCount - 1)).text.length || d.endCol)),
      d.message,
      d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    diag.source = 'RefScope';
    diag.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, new vscode.Position(r.line, 0)), r.message));
    this.diagnostics.set(doc.uri, [diag]);
  }

  schedule(doc: vscode.TextDocument): void {
    const ms = vscode.workspace.getConfiguration('refscope').get<number>('runOnEditDelayMs', 800);
    if (ms < 0) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.run(doc), ms));
  }

  async hover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | null> {
    if (!(await this.ensureRun(doc))) return null;
    const r = await this.client(doc).hover(pos.line + 1, pos.character + 1, true, doc.uri.toString());
    if (!r) return null;
    const md = new vscode.MarkdownString(r.markdown);
    md.isTrusted = { enabledCommands: ['refscope.showBackrefs', 'refscope.showRefs', 'refscope.explainCount'] };
    return new vscode.Hover(md, new vscode.Range(r.line - 1, r.startCol - 1, r.line - 1, r.endCol - 1));
  }

  async explain(uri: string | null, line: number, expr: string): Promise<void> {
    const doc = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
    if (!doc || !(await this.ensureRun(doc))) return;
    const md = await this.client(doc).explain(line, expr);
    const content = md ?? t('Nothing to explain at line {0}.', line);
    const shown = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.commands.executeCommand('markdown.showPreview', shown.uri).then(undefined, () => vscode.window.showTextDocument(shown));
  }

  /** The settings a run depends on changed: the documents that ran run again (their hovers and
   * diagnostics would otherwise show the old settings' run until the next edit). */
  rerunAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (this.clients.has(doc.uri.toString())) void this.run(doc);
  }

  close(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.clients.get(key)?.dispose();
    this.clients.delete(key);
    this.diagnostics.delete(doc.uri);
  }

  dispose(): void {
    for (const c of this.clients.values()) c.dispose();
    for (const tm of this.timers.values()) clearTimeout(tm);
    this.output.dispose();
    this.diagnostics.dispose();
    this.status.dispose();
    this.ran.dispose();
    this.shown.dispose();
  }
}

/** where the program's open() finds files: a relative path from the document's workspace folder
 * (the working directory VS Code runs a Python file in), else from the file's own directory; an
 * unsaved document reads none. What it writes stays in the run (the editor writes no files).
 * sys.path[0] is the file's directory, as `python3 FILE` sets it. */
function filesFrom(doc: vscode.TextDocument): { hostFiles?: string; path0?: string } {
  if (doc.uri.scheme !== 'file') return {};
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  return { hostFiles: folder ? folder.uri.fsPath : dirname(doc.uri.fsPath), path0: dirname(doc.uri.fsPath) };
}

export function activate(context: vscode.ExtensionContext): { runs: Runs } {
  const runs = new Runs(context);
  const isPython = (d: vscode.TextDocument) => d.languageId === 'python';
  context.subscriptions.push(
    runs,
    vscode.languages.registerHoverProvider({ language: 'python' }, { provideHover: (doc, pos) => runs.hover(doc, pos) }),
    vscode.commands.registerCommand('refscope.runFile', () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc && isPython(doc)) return runs.run(doc);
      void vscode.window.showInformationMessage(t('Open a Python file to run it with RefScope.'));
    }),
    vscode.commands.registerCommand('refscope.runWithInput', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !isPython(doc)) return;
      const input = await vscode.window.showInputBox({ prompt: t('Text for input() (one line per call; \\n for new lines)') });
      if (input === undefined) return;
      await vscode.workspace.getConfiguration('refscope').update('stdin', input.replace(/\\n/g, '\n'), vscode.ConfigurationTarget.Workspace);
      return runs.run(doc);
    }),
    vscode.commands.registerCommand('refscope.showOutput', () => runs.output.show(true)),
    vscode.commands.registerCommand('refscope.explainCount', (uri?: string | null, line?: number, expr?: string) => {
      if (typeof line === 'number' && typeof expr === 'string') return runs.explain(uri ?? null, line, expr);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => isPython(d) && void runs.run(d)),
    vscode.workspace.onDidChangeTextDocument((e) => isPython(e.document) && runs.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => runs.close(d)),
    vscode.workspace.onDidChangeConfiguration((e) => RUN_SETTINGS.some((k) => e.affectsConfiguration(k)) && runs.rerunAll()),
    // a Python file brought to the front runs (once per version): its diagnostics appear at once
    vscode.window.onDidChangeActiveTextEditor((e) => e && isPython(e.document) && void runs.ensureRun(e.document)),
  );
  context.subscriptions.push(registerExercises(context), registerGraphPanel(context, runs));
  const active = vscode.window.activeTextEditor?.document;
  if (active && isPython(active)) void runs.run(active);
  return { runs };
}

export function deactivate(): void {}
