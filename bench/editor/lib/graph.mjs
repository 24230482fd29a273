// The 2,000-node reference graph the graph and layout figures use: a program whose final state has a
// tree of instances (each with a list of children) reachable from `root`, drawn by the graph model
// (src/core/inspect/graph.ts, buildGraph(interp, roots, opts) — the interface in the project's
// contracts) as references from `root` with a depth and too-many large enough to take them all.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, importBundle, now } from './common.mjs';

export const GRAPH_TS = join(ROOT, 'src', 'core', 'inspect', 'graph.ts');
export const TARGET_NODES = 2000;

export function treeProgram(n) {
  return [
    'class Node:',
    '    def __init__(self, i):',
    '        self.i = i',
    '        self.kids = []',
    '',
    `nodes = [Node(i) for i in range(${n})]`,
    `for i in range(1, ${n}):`,
    '    nodes[(i - 1) // 3].kids.append(nodes[i])',
    'root = nodes[0]',
    'del nodes',
    '',
  ].join('\n');
}

/** null with the reason when the graph model cannot be built yet; else { build(n) → { model, ms } }. */
export async function graphBuilder() {
  if (!existsSync(GRAPH_TS)) return { missing: 'src/core/inspect/graph.ts (buildGraph) does not exist yet' };
  const mod = await importBundle(
    'graph',
    "export * as graph from './src/core/inspect/graph';\nexport { InspectSession } from './src/core/inspect/session';\n",
  );
  if (typeof mod.graph.buildGraph !== 'function') return { missing: 'src/core/inspect/graph.ts does not export buildGraph' };
  const opts = { direction: 'refs', maxDepth: 1000, tooMany: 100_000, hideShared: true };
  /** Build the model for an n-instance tree at the program's final state; the build alone is timed. */
  const build = (n) => {
    const s = new mod.InspectSession(treeProgram(n), 'tree.py');
    const sum = s.run();
    if (sum.error) throw new Error(`tree.py failed: ${sum.error.message}`);
    const out = s.final((view) => {
      const root = view.resolve('root');
      if (!root) throw new Error('tree.py: root did not resolve');
      const t0 = now();
      const model = mod.graph.buildGraph(view.interp, [root], opts);
      return { model, ms: now() - t0 };
    });
    s.dispose();
    return out;
  };
  /** The n whose model has about TARGET_NODES nodes (the model's node count per instance depends on
   * how it draws instances, their lists and shared objects). */
  const sized = () => {
    let n = 700;
    let r = build(n);
    for (let k = 0; k < 3 && Math.abs(r.model.nodes.length - TARGET_NODES) > TARGET_NODES * 0.05; k++) {
      n = Math.max(10, Math.round((n * TARGET_NODES) / Math.max(1, r.model.nodes.length)));
      r = build(n);
    }
    return { n, ...r };
  };
  return { build, sized, opts };
}
