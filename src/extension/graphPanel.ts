// The reference-graph panel on the host side: the commands refscope.showBackrefs / showRefs, one
// webview panel (viewType refscope.graph, restored after a window reload by its serializer) that
// follows the cursor unless pinned, and the answers to the webview's requests (expand, options,
// timeline, reveal, export). The page itself is webview/ (built to dist/webview.js).

import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { GraphModel, GraphOptions } from '../core/inspect/graph-types';
import { buildPanelHtml } from '../../webview/html';
import {
  DEFAULT_PANEL_OPTIONS, exprAt, isPanelOptions, isWebviewToHost, parseGraphArgs,
  type HostToWebview, type PanelOptions, type PanelState, type SetGraphMessage, type WebviewToHost,
} from '../protocol/graph';

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

export const GRAPH_VIEW_TYPE = 'refscope.graph';

/** What the panel asks of the extension (implemented over the session workers). */
export interface GraphSource {
  graph(doc: vscode.TextDocument, line: number, expr: string, opts: GraphOptions):
    Promise<{ model: GraphModel; dot: string; minLine: number; maxLine: number; ran?: boolean } | null>;
  /** a document finished a run: the panel redraws its graph from the new run */
  onDidRun: vscode.Event<vscode.TextDocument>;
  /** optional: the run drew graphs with objgraph.show_* (the panel opens the last one, pinned) */
  onDidShowGraphs?: vscode.Event<{ doc: vscode.TextDocument; graphs: { line: number; model: GraphModel; dot: string }[] }>;
}

interface Target { uri: string; fileName: string; line: number; expr: string }

const FOLLOW_DELAY_MS = 350;

class GraphPanel implements vscode.Disposable {
  target: Target | null = null;
  options: PanelOptions = { ...DEFAULT_PANEL_OPTIONS };
  pinned = false;
  /** showing a graph the program drew (objgraph.show_*), not one the panel asked for */
  drawn = false;
  private expand: string[] = [];
  private ready = false;
  private seq = 0;
  private last: SetGraphMessage | null = null;
  private readonly subs: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext,
    private readonly source: GraphSource, restored?: PanelState) {
    const last = restored?.last;
    if (last && typeof last.uri === 'string' && typeof last.expr === 'string' && Number.isInteger(last.line) && isPanelOptions(last.options)) {
      this.target = { uri: last.uri, fileName: last.fileName ?? '', line: last.line, expr: last.expr };
      this.options = { ...last.options };
      this.pinned = !!last.pinned;
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
    panel.iconPath = vscode.Uri.joinPath(media, 'graph-icon.svg');
    panel.webview.html = buildPanelHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'graph.css')).toString(),
      // placeholders stay for the page to fill: each {n} is passed itself as the argument
      t: (s) => vscode.l10n.t(s, '{0}', '{1}', '{2}'),
      lang: vscode.env.language,
    });
    this.subs.push(
      panel.webview.onDidReceiveMessage((m: unknown) => { if (isWebviewToHost(m)) void this.onMessage(m); }),
      panel.onDidDispose(() => this.dispose()),
      // a hidden webview is torn down (no retainContextWhenHidden); it says `ready` again when shown
      panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; }),
    );
    this.updateTitle();
  }

  private post(m: HostToWebview) {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private updateTitle() {
    this.panel.title = this.target
      ? (this.options.direction === 'refs' ? t('References of {0}', this.target.expr) : t('Back-references of {0}', this.target.expr))
      : t('RefScope graph');
  }

  /** Show `expr` after `line` of `uri` (a command, the cursor, or a restored panel). */
  show(target: Target, direction?: PanelOptions['direction'], follow = false) {
    this.drawn = false;
    const same = this.target && this.target.uri === target.uri && this.target.expr === target.expr;
    this.target = target;
    if (!same) this.expand = [];
    if (direction && direction !== this.options.direction) { this.options = { ...this.options, direction }; this.expand = []; }
    this.updateTitle();
    void this.request(follow);
  }

  /** Ask the source for the graph and send it (the newest request wins). `quiet`: when there is
   *  nothing to draw, keep the current graph (following the cursor onto a name with no value). */
  async request(quiet = false): Promise<void> {
    const target = this.target;
    if (!target || !this.ready || this.drawn) return;
    const my = ++this.seq;
    this.post({ type: 'busy', busy: true });
    let msg: SetGraphMessage;
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const r = await this.source.graph(doc, target.line, target.expr, { ...this.options, expand: [...this.expand] });
      if (my !== this.seq) return;
      const base = {
        type: 'setGraph' as const, uri: target.uri, fileName: target.fileName || doc.fileName.split(/[\\/]/).pop() || '',
        line: target.line, expr: target.expr, options: { ...this.options }, pinned: this.pinned,
      };
      if (!r) {
        if (quiet && this.last?.model) { this.post({ type: 'busy', busy: false }); return; }
        const lines = this.last && this.last.uri === target.uri ? { minLine: this.last.minLine, maxLine: this.last.maxLine } : { minLine: 1, maxLine: doc.lineCount };
        msg = { ...base, model: null, ...lines, message: t('No object named {0} after line {1}.', target.expr, target.line) };
      } else {
        msg = { ...base, model: r.model, dot: r.dot, minLine: r.minLine, maxLine: r.maxLine, ran: r.ran };
      }
    } catch (e) {
      if (my !== this.seq) return;
      msg = {
        type: 'setGraph', model: null, uri: target.uri, fileName: target.fileName, line: target.line, expr: target.expr,
        minLine: this.last?.minLine ?? 1, maxLine: this.last?.maxLine ?? 1, options: { ...this.options }, pinned: this.pinned,
        message: t('RefScope: the graph failed: {0}', e instanceof Error ? e.message : String(e)),
      };
    }
    this.last = msg;
    this.post(msg);
  }

  /** A graph the program drew (objgraph.show_*): shown as it is, pinned. */
  showDrawn(doc: vscode.TextDocument, g: { line: number; model: GraphModel; dot: string }) {
    this.pinned = true;
    this.drawn = true;
    this.options = { ...this.options, direction: g.model.direction, maxDepth: g.model.maxDepth, tooMany: g.model.tooMany };
    const expr = g.model.expr ?? 'objgraph';
    this.target = { uri: doc.uri.toString(), fileName: doc.fileName.split(/[\\/]/).pop() ?? '', line: g.line, expr };
    this.updateTitle();
    this.seq++;
    this.last = {
      type: 'setGraph', model: g.model, dot: g.dot, uri: this.target.uri, fileName: this.target.fileName, line: g.line, expr,
      minLine: g.line, maxLine: g.line, options: { ...this.options }, pinned: true,
    };
    this.post(this.last);
  }

  private async onMessage(m: WebviewToHost) {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        if (this.drawn && this.last) this.post(this.last);
        else void this.request();
        return;
      case 'expand': {
        this.drawn = false;
        const i = this.expand.indexOf(m.nodeId);
        if (i >= 0) this.expand.splice(i, 1); else this.expand.push(m.nodeId);
        return this.request();
      }
      case 'pin':
        this.pinned = m.pinned;
        if (this.last) this.last = { ...this.last, pinned: m.pinned };
        return;
      case 'options':
        if (m.options.direction !== this.options.direction) this.expand = [];
        this.options = { ...m.options };
        this.drawn = false;
        this.updateTitle();
        return this.request();
      case 'timeline':
        if (!this.target) return;
        this.drawn = false;
        this.target = { ...this.target, line: m.line };
        return this.request();
      case 'revealLine': {
        if (!this.target) return;
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.target.uri));
        const line = Math.min(Math.max(m.line - 1, 0), doc.lineCount - 1);
        const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.target!.uri);
        const range = doc.lineAt(line).range;
        await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Selection(range.start, range.start) });
        return;
      }
      case 'export':
        return this.save(m.format, m.data);
    }
  }

  private async save(format: 'png' | 'svg' | 'dot', data: string) {
    let bytes: Uint8Array;
    if (format === 'png') {
      const prefix = 'data:image/png;base64,';
      if (!data.startsWith(prefix)) return;
      bytes = Buffer.from(data.slice(prefix.length), 'base64');
    } else {
      bytes = Buffer.from(data, 'utf8');
    }
    const base = this.target ? vscode.Uri.parse(this.target.uri) : undefined;
    const name = `${(this.target?.expr ?? 'graph').replace(/[^\w.-]+/g, '_')}-${this.options.direction}.${format}`;
    const defaultUri = base && base.scheme === 'file' ? vscode.Uri.joinPath(base, '..', name) : undefined;
    const filters: Record<string, string[]> = { png: { PNG: ['png'] }, svg: { SVG: ['svg'] }, dot: { 'Graphviz DOT': ['dot', 'gv'] } }[format];
    const uri = await vscode.window.showSaveDialog({ defaultUri, filters });
    if (!uri) return;
    try {
      await vscode.workspace.fs.writeFile(uri, bytes);
      void vscode.window.showInformationMessage(t('Saved {0}', uri.fsPath || uri.toString()));
    } catch (e) {
      void vscode.window.showErrorMessage(t('RefScope: could not save {0}: {1}', uri.fsPath || uri.toString(), e instanceof Error ? e.message : String(e)));
    }
  }

  dispose() {
    this.seq++;
    for (const s of this.subs.splice(0)) s.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }
}

export function registerGraphPanel(context: vscode.ExtensionContext, source: GraphSource): vscode.Disposable {
  let current: GraphPanel | null = null;
  const adopt = (p: GraphPanel) => {
    current = p;
    p.onDidClose(() => { if (current === p) current = null; });
    return p;
  };
  const open = (): GraphPanel => {
    if (current) { current.panel.reveal(undefined, true); return current; }
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, t('RefScope graph'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, retainContextWhenHidden: false });
    return adopt(new GraphPanel(panel, context, source));
  };

  const targetFromEditor = (editor: vscode.TextEditor | undefined): Target | null => {
    if (!editor) return null;
    const pos = editor.selection.active;
    const expr = exprAt(editor.document.lineAt(pos.line).text, pos.character);
    if (!expr) return null;
    return { uri: editor.document.uri.toString(), fileName: editor.document.fileName.split(/[\\/]/).pop() ?? '', line: pos.line + 1, expr };
  };

  const command = (direction: PanelOptions['direction']) => (...args: unknown[]) => {
    let target: Target | null;
    if (args.length) {
      const a = parseGraphArgs(args);
      if (!a) { void vscode.window.showErrorMessage(t('RefScope: expected the arguments (uri, line, expression).')); return; }
      const uri = a.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!uri) { void vscode.window.showErrorMessage(t('Put the cursor on a variable name in a Python file.')); return; }
      target = { uri, fileName: vscode.Uri.parse(uri).path.split('/').pop() ?? '', line: a.line, expr: a.expr };
    } else {
      target = targetFromEditor(vscode.window.activeTextEditor);
      if (!target) { void vscode.window.showInformationMessage(t('Put the cursor on a variable name in a Python file.')); return; }
    }
    open().show(target, direction);
  };

  // follow the cursor in the active Python editor (debounced), unless pinned
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (e: vscode.TextEditorSelectionChangeEvent) => {
    if (!current || current.pinned || !current.panel.visible) return;
    if (e.textEditor.document.languageId !== 'python') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const p = current;
      if (!p || p.pinned) return;
      const target = targetFromEditor(e.textEditor);
      if (!target) return;
      const tg = p.target;
      if (tg && tg.uri === target.uri && tg.line === target.line && tg.expr === target.expr) return;
      p.show(target, undefined, true);
    }, FOLLOW_DELAY_MS);
  };

  const subs: vscode.Disposable[] = [
    vscode.commands.registerCommand('refscope.showBackrefs', command('backrefs')),
    vscode.commands.registerCommand('refscope.showRefs', command('refs')),
    vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        if (current) current.dispose();
        adopt(new GraphPanel(panel, context, source, (state ?? undefined) as PanelState | undefined));
      },
    }),
    vscode.window.onDidChangeTextEditorSelection(follow),
    source.onDidRun((doc) => {
      if (current && !current.drawn && current.target?.uri === doc.uri.toString()) void current.request();
    }),
  ];
  // the graphs the last run drew with objgraph.show_*: the last one opens; the others are a pick away
  let drawn: { doc: vscode.TextDocument; graphs: { line: number; model: GraphModel; dot: string; kind?: string }[] } | null = null;
  if (source.onDidShowGraphs) {
    subs.push(source.onDidShowGraphs(({ doc, graphs }) => {
      drawn = { doc, graphs };
      const g = graphs[graphs.length - 1];
      if (g) open().showDrawn(doc, g);
    }));
  }
  subs.push(vscode.commands.registerCommand('refscope.showDrawnGraph', async () => {
    if (!drawn || !drawn.graphs.length) {
      void vscode.window.showInformationMessage(t('The last run drew no graph (objgraph.show_refs / show_backrefs).'));
      return;
    }
    const d = drawn;
    const items = d.graphs.map((g, i) => ({
      label: t('Line {0}: {1}', g.line, g.kind ?? 'objgraph'),
      description: t('{0} nodes', g.model.nodes.filter((n) => n.kind === 'object').length),
      index: i,
    }));
    const pick = await vscode.window.showQuickPick(items, { placeHolder: t('A graph the program drew') });
    if (pick) open().showDrawn(d.doc, d.graphs[pick.index]);
  }));
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    for (const s of subs) s.dispose();
    current?.dispose();
  });
}
