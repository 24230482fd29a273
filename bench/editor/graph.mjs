// Editor-side figure: building the graph model (src/core/inspect/graph.ts buildGraph) of ~2,000
// nodes from a program's final state, in process (the worker does the same). Reports "not measured"
// until graph.ts exists.
//   node bench/editor/graph.mjs [--quick]
import { quick, figure, missing, percentile, ms } from './lib/common.mjs';
import { graphBuilder } from './lib/graph.mjs';

const METRIC = 'graph model build';
const g = await graphBuilder();
if (g.missing) {
  missing(METRIC, g.missing, '2,000 nodes');
  process.exit(0);
}
const { n, model } = g.sized();
const times = [];
for (let k = 0; k < (quick ? 2 : 7); k++) times.push(g.build(n).ms);
figure(
  METRIC,
  ms(percentile(times, 50)),
  'ms',
  `${model.nodes.length} nodes, ${model.edges.length} edges (references from a tree of ${n} instances); median of ${times.length}, buildGraph alone`,
);
process.exit(0);
