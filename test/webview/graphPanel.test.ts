// The host side of the graph panel (src/extension/graphPanel.ts) against a small fake of the
// `vscode` API: commands, the ready handshake, requests for expand / options / timeline / pin,
// follow-the-cursor, stale answers, the serializer, reveal and export.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Module from 'node:module';
import type { GraphModel, GraphOptions } from '../../src/core/inspect/graph-types';
import type { SetGraphMessage } from '../../src/protocol/graph';

// ---- a fake of the parts of the vscode API the panel uses ----------------------------------------
class EventEmitter<T> {
  private ls: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => { this.ls.push(l); return { dispose: () => { this.ls = this.ls.filter((x) => x !== l); } }; };
  fire(e: T) { for (const l of [...this.ls]) l(e); }
  dispose() { this.ls = []; }
}
class Disposable { constructor(private f: () => void) {} dispose() { this.f(); } }
class Selection { constructor(readonly anchor: unknown, readonly active: unknown) {} }
const mkUri = (s: string) => ({ scheme: s.split(':')[0], path: s.replace(/^[a-z]+:\/\//, ''), fsPath: s.replace(/^[a-z]+:\/\//, ''), toString: () => s });
const Uri = {
  parse: mkUri,
  joinPath: (u: { toString(): string }, ...p: string[]) => mkUri([u.toString().replace(/\/$/, ''), ...p].join('/')),
};
const fmt = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)]));

interface FakePanel {
  webview: { html: string; options: unknown; cspSource: string; posted: unknown[]; asWebviewUri(u: { path: string }): { toString(): string };
    postMessage(m: unknown): Promise<boolean>; onDidReceiveMessage: EventEmitter<unknown>['event']; receive: EventEmitter<unknown> };
  title: string; iconPath?: unknown; visible: boolean; revealed: number;
  reveal(): void; onDidDispose: EventEmitter<void>['event']; onDidChangeViewState: EventEmitter<unknown>['event']; dispose(): void; disposed: EventEmitter<void>;
}
function makePanel(): FakePanel {
  const receive = new EventEmitter<unknown>(), disposed = new EventEmitter<void>(), view = new EventEmitter<unknown>();
  const posted: unknown[] = [];
  return {
    webview: { html: '', options: {}, cspSource: 'https://fake.vscode-cdn.net', posted,
      asWebviewUri: (u) => ({ toString: () => 'https://fake.vscode-cdn.net/' + u.path }),
      postMessage: async (m) => { posted.push(JSON.parse(JSON.stringify(m))); return true; }, onDidReceiveMessage: receive.event, receive },
    title: '', visible: true, revealed: 0,
    reveal() { this.revealed++; }, onDidDispose: disposed.event, onDidChangeViewState: view.event, dispose() { disposed.fire(); }, disposed,
  };
}

interface FakeDoc { uri: ReturnType<typeof mkUri>; fileName: string; languageId: string; lineCount: number; lineAt(i: number): { text: string; range: { start: unknown } } }
function makeDoc(uri: string, text: string): FakeDoc {
  const lines = text.split('\n');
  return { uri: mkUri(uri), fileName: uri.replace('file://', ''), languageId: 'python', lineCount: lines.length,
    lineAt: (i) => ({ text: lines[i], range: { start: { line: i, character: 0 } } }) };
}

const state = {
  commands: new Map<string, (...a: unknown[]) => unknown>(),
  serializers: new Map<string, { deserializeWebviewPanel(p: unknown, s: unknown): Promise<void> }>(),
  panels: [] as FakePanel[],
  docs: new Map<string, FakeDoc>(),
  shown: [] as { doc: FakeDoc; opts: { selection: Selection } }[],
  infos: [] as string[],
  written: [] as { uri: string; bytes: Uint8Array }[],
  saveUri: null as null | ReturnType<typeof mkUri>,
  activeTextEditor: undefined as undefined | { document: FakeDoc; selection: { active: { line: number; character: number } } },
  selection: new EventEmitter<unknown>(),
};
const fakeVscode = {
  EventEmitter, Disposable, Selection, Uri, ViewColumn: { One: 1, Beside: -2 },
  l10n: { t: fmt }, env: { language: 'en' },
  commands: { registerCommand: (id: string, f: (...a: unknown[]) => unknown) => { state.commands.set(id, f); return new Disposable(() => state.commands.delete(id)); } },
  window: {
    createWebviewPanel: () => { const p = makePanel(); state.panels.push(p); return p; },
    registerWebviewPanelSerializer: (t: string, s: { deserializeWebviewPanel(p: unknown, s: unknown): Promise<void> }) => { state.serializers.set(t, s); return new Disposable(() => state.serializers.delete(t)); },
    onDidChangeTextEditorSelection: (l: (e: unknown) => void) => state.selection.event(l),
    get activeTextEditor() { return state.activeTextEditor; },
    get visibleTextEditors() { return []; },
    showTextDocument: async (doc: FakeDoc, opts: { selection: Selection }) => { state.shown.push({ doc, opts }); },
    showInformationMessage: async (m: string) => { state.infos.push(m); },
    showErrorMessage: async (m: string) => { state.infos.push('error: ' + m); },
    showSaveDialog: async () => state.saveUri,
  },
  workspace: {
    openTextDocument: async (u: { toString(): string }) => { const d = state.docs.get(u.toString()); if (!d) throw new Error('no such document ' + u); return d; },
    fs: { writeFile: async (u: { toString(): string }, bytes: Uint8Array) => { state.written.push({ uri: u.toString(), bytes }); } },
  },
};
const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
const origLoad = M._load;
M._load = function (req: string, ...rest: unknown[]) { return req === 'vscode' ? fakeVscode : origLoad.call(this, req, ...rest); };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerGraphPanel } = require('../../src/extension/graphPanel') as typeof import('../../src/extension/graphPanel');

// ---- the graph source: records calls, answers from the lesson fixture -------------------------------
const lessonMsg = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/lesson-refs.message.json'), 'utf8')) as SetGraphMessage;
const model = lessonMsg.model as GraphModel;
const URI = 'file:///w/lesson.py';
const SRC = 'a = [1, 2, 3]\nb = [4, 5, 6]\na.append(b)\nb.append(a)\nprint(a, zz)';

interface Call { doc: FakeDoc; line: number; expr: string; opts: GraphOptions; resolve(v: unknown): void }
let calls: Call[] = [];
let auto = true;
const ran = new EventEmitter<FakeDoc>();
const source = {
  graph: (doc: unknown, line: number, expr: string, opts: GraphOptions) => new Promise<any>((resolve) => {
    const c = { doc: doc as FakeDoc, line, expr, opts, resolve };
    calls.push(c);
    if (auto) resolve(expr === 'zz' ? null : { model: { ...model, line, expr }, dot: 'digraph ObjectGraph {}', minLine: 1, maxLine: 5, ran: true });
  }),
  onDidRun: ran.event as unknown as import('vscode').Event<import('vscode').TextDocument>,
};
const ctx = { extensionUri: mkUri('file:///ext'), subscriptions: [] } as unknown as import('vscode').ExtensionContext;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

let reg: { dispose(): void } | null = null;
beforeEach(() => {
  reg?.dispose();
  calls = []; auto = true;
  state.panels.length = 0; state.shown.length = 0; state.infos.length = 0; state.written.length = 0;
  state.docs.set(URI, makeDoc(URI, SRC));
  state.activeTextEditor = undefined;
  reg = registerGraphPanel(ctx, source as never);
});

const panel = () => state.panels[state.panels.length - 1];
const send = async (m: unknown) => { panel().webview.receive.fire(m); await tick(); };
const setGraphs = (p = panel()) => p.webview.posted.filter((m) => (m as { type: string }).type === 'setGraph') as SetGraphMessage[];

test('showRefs opens the panel; nothing is posted before ready; ready gets the graph', async () => {
  await state.commands.get('refscope.showRefs')!(URI, 4, 'a');
  await tick();
  const p = panel();
  assert.ok(p, 'a panel');
  assert.ok(p.webview.html.includes('default-src &#39;none&#39;'), 'the CSP');
  assert.match(p.webview.html, /<script nonce="[^"]+" src="https:\/\/fake\.vscode-cdn\.net\/+ext\/dist\/webview\.js">/);
  assert.match(p.webview.html, /href="https:\/\/fake\.vscode-cdn\.net\/+ext\/media\/graph\.css"/);
  assert.equal(p.title, 'References of a');
  assert.deepEqual(p.webview.posted, [], 'nothing before ready');
  assert.equal(calls.length, 0);
  await send({ type: 'ready' });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].line, 4);
  assert.equal(calls[0].expr, 'a');
  assert.deepEqual(calls[0].opts, { direction: 'refs', maxDepth: 3, tooMany: 10, hideShared: false, showFrames: false, expand: [] });
  const [g] = setGraphs();
  assert.equal(g.model?.nodes.length, 8);
  assert.equal(g.dot, 'digraph ObjectGraph {}');
  assert.deepEqual([g.uri, g.fileName, g.line, g.expr, g.minLine, g.maxLine, g.pinned, g.ran], [URI, 'lesson.py', 4, 'a', 1, 5, false, true]);
});

test('the hover link form [uri, line, expr] and the no-argument form (word under the cursor)', async () => {
  await state.commands.get('refscope.showBackrefs')!([URI, 3, 'b']);
  await send({ type: 'ready' });
  assert.deepEqual([calls[0].line, calls[0].expr, calls[0].opts.direction], [3, 'b', 'backrefs']);
  state.activeTextEditor = { document: state.docs.get(URI)!, selection: { active: { line: 2, character: 10 } } };
  await state.commands.get('refscope.showRefs')!();
  await tick();
  assert.equal(state.panels.length, 1, 'the same panel is reused');
  assert.deepEqual([calls[1].line, calls[1].expr, calls[1].opts.direction], [3, 'b', 'refs']);
  await state.commands.get('refscope.showRefs')!(URI, 'x', 'a');
  assert.match(state.infos.join('\n'), /expected the arguments/);
});

test('expand toggles a node; options and timeline ask again; pin stops following the cursor', async () => {
  await state.commands.get('refscope.showRefs')!(URI, 4, 'a');
  await send({ type: 'ready' });
  await send({ type: 'expand', nodeId: 'o1' });
  assert.deepEqual(calls[1].opts.expand, ['o1']);
  await send({ type: 'expand', nodeId: 'o1' });
  assert.deepEqual(calls[2].opts.expand, [], 'a second double-click collapses');
  await send({ type: 'expand', nodeId: 'o2' });
  await send({ type: 'options', options: { direction: 'backrefs', maxDepth: 5, tooMany: 20, hideShared: true, showFrames: true } });
  assert.deepEqual(calls[4].opts, { direction: 'backrefs', maxDepth: 5, tooMany: 20, hideShared: true, showFrames: true, expand: [] });
  assert.equal(panel().title, 'Back-references of a');
  await send({ type: 'timeline', line: 2 });
  assert.equal(calls[5].line, 2);
  assert.equal(setGraphs().at(-1)!.options.maxDepth, 5);
  await send({ type: 'options', options: { direction: 'refs', maxDepth: 0 } });
  await send({ type: 'bogus' });
  assert.equal(calls.length, 6, 'malformed messages are ignored');

  // follow the cursor (debounced) ...
  const editor = { document: state.docs.get(URI)!, selection: { active: { line: 1, character: 0 } } };
  state.selection.fire({ textEditor: editor });
  state.selection.fire({ textEditor: editor });
  await tick(500);
  assert.equal(calls.length, 7, 'one request for two selection changes');
  assert.deepEqual([calls[6].line, calls[6].expr], [2, 'b']);
  // ... not when pinned
  await send({ type: 'pin', pinned: true });
  state.selection.fire({ textEditor: { ...editor, selection: { active: { line: 0, character: 0 } } } });
  await tick(500);
  assert.equal(calls.length, 7);
  // a run of the document refreshes the graph
  ran.fire(state.docs.get(URI)!);
  await tick();
  assert.equal(calls.length, 8);
  assert.equal(setGraphs().at(-1)!.pinned, true);
});

test('no value: an explicit request says so; following the cursor keeps the graph', async () => {
  await state.commands.get('refscope.showRefs')!(URI, 4, 'a');
  await send({ type: 'ready' });
  const editor = { document: state.docs.get(URI)!, selection: { active: { line: 4, character: 10 } } };
  state.selection.fire({ textEditor: editor });
  await tick(500);
  assert.equal(calls.at(-1)!.expr, 'zz');
  assert.equal(setGraphs().length, 1, 'the old graph stays');
  await state.commands.get('refscope.showRefs')!(URI, 5, 'zz');
  await tick();
  const g = setGraphs().at(-1)!;
  assert.equal(g.model, null);
  assert.equal(g.message, 'No object named zz after line 5.');
});

test('a stale answer is dropped: the newest request wins', async () => {
  await state.commands.get('refscope.showRefs')!(URI, 4, 'a');
  auto = false;
  await send({ type: 'ready' });
  await send({ type: 'timeline', line: 2 });
  calls[1].resolve({ model: { ...model, line: 2 }, dot: '', minLine: 1, maxLine: 5 });
  await tick();
  calls[0].resolve({ model: { ...model, line: 4 }, dot: '', minLine: 1, maxLine: 5 });
  await tick();
  assert.deepEqual(setGraphs().map((g) => g.line), [2]);
});

test('the serializer restores a panel from the webview state and asks for its graph again', async () => {
  const p = makePanel();
  await state.serializers.get('refscope.graph')!.deserializeWebviewPanel(p, { last: { ...lessonMsg, uri: URI, line: 3, expr: 'b', pinned: true, options: { ...lessonMsg.options, maxDepth: 4 } } });
  assert.match(p.webview.html, /Content-Security-Policy/);
  assert.equal(p.title, 'References of b');
  p.webview.receive.fire({ type: 'ready' });
  await tick();
  assert.deepEqual([calls[0].line, calls[0].expr, calls[0].opts.maxDepth], [3, 'b', 4]);
  assert.equal(setGraphs(p)[0].pinned, true);
  // a broken state is ignored (an empty panel, no request)
  const q = makePanel();
  await state.serializers.get('refscope.graph')!.deserializeWebviewPanel(q, { last: { uri: 5 } });
  q.webview.receive.fire({ type: 'ready' });
  await tick();
  assert.equal(calls.length, 1);
});

test('reveal allocation shows the line; exports are written where the user says', async () => {
  await state.commands.get('refscope.showRefs')!(URI, 4, 'a');
  await send({ type: 'ready' });
  await send({ type: 'revealLine', line: 3 });
  await tick();
  assert.equal(state.shown.length, 1);
  assert.deepEqual((state.shown[0].opts.selection as unknown as { active: unknown }).active, { line: 2, character: 0 });
  state.saveUri = mkUri('file:///w/a.png');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  await send({ type: 'export', format: 'png', data: 'data:image/png;base64,' + png.toString('base64') });
  await tick();
  assert.deepEqual([...state.written[0].bytes], [...png]);
  await send({ type: 'export', format: 'png', data: 'javascript:alert(1)' });
  await tick();
  assert.equal(state.written.length, 1, 'not a PNG data URL: nothing written');
  state.saveUri = mkUri('file:///w/a.dot');
  await send({ type: 'export', format: 'dot', data: 'digraph ObjectGraph {}' });
  await tick();
  assert.equal(Buffer.from(state.written[1].bytes).toString('utf8'), 'digraph ObjectGraph {}');
  state.saveUri = null;
  await send({ type: 'export', format: 'svg', data: '<svg/>' });
  await tick();
  assert.equal(state.written.length, 2, 'cancelled save dialog');
});
