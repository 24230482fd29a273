// DOT text for a graph model, with objgraph's structure and attributes (objgraph.py _show_graph),
// so that Graphviz's `dot` renders it as objgraph would. The panel's "Export DOT" uses it.

import type { GraphModel } from './graph-types';
import { dotQuote } from './graph';

export function toDot(model: GraphModel): string {
  const out: string[] = ['digraph ObjectGraph {\n', '  node[shape=box, style=filled, fillcolor=white];\n'];
  for (const r of model.roots) out.push(`  ${r}[fontcolor=red];\n`);
  for (const n of model.nodes) {
    if (n.kind === 'object') {
      out.push(`  ${n.id}[label="${dotQuote(n.label)}"];\n`);
      out.push(`  ${n.id}[fillcolor="${n.color}"];\n`);
      if (n.fontColor === 'white') out.push(`  ${n.id}[fontcolor=white];\n`);
    } else if (n.kind === 'holder') {
      out.push(`  ${n.id}[label="${dotQuote(n.label)}",shape=ellipse,style=dashed];\n`);
    } else if (n.kind === 'del') {
      out.push(`  ${n.id}[label="__del__",shape=doublecircle,height=0.25,color=red,fillcolor="0,.5,1",fontsize=6];\n`);
    } else {
      out.push(`  ${n.id}[label="${dotQuote(n.label)}",shape=box,height=0.25,color=red,fillcolor="${n.color}",fontsize=6];\n`);
      out.push(`  ${n.id}[fontcolor=white];\n`);
    }
  }
  for (const e of model.edges) {
    if (e.style === 'dotted') out.push(`  ${e.from}->${e.to}[color=red,style=dotted,len=0.25,weight=10];\n`);
    else if (e.label) out.push(`  ${e.from} -> ${e.to} [label="${dotQuote(e.label)}"${e.weight ? `,weight=${e.weight}` : ''}];\n`);
    else out.push(`  ${e.from} -> ${e.to};\n`);
  }
  out.push('}\n');
  return out.join('');
}
