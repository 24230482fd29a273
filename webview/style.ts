// The cytoscape stylesheet of the panel, from the colours of the current VS Code theme. Pure: the
// page reads the theme's CSS variables (theme.ts) and restyles when the body class changes.
// Node fills keep objgraph's colours (white to grey by depth, green modules, red "more" boxes).

export interface Theme {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  background: string;
  foreground: string;
  /** edges and node borders */
  line: string;
  /** edges inside a reference cycle, and the border of nodes in one */
  cycle: string;
  /** nodes the next gc.collect() frees */
  unreachable: string;
  /** the selected node */
  selection: string;
  badgeBackground: string;
  badgeForeground: string;
  fontFamily: string;
}

export type StyleRule = { selector: string; style: Record<string, unknown> };

/** `large`: the level-of-detail rules for graphs drawn by the layered layout (hundreds of nodes):
 *  straight edges unless two edges join the same nodes (cytoscape looks for the parallel edges of
 *  every bezier edge among all edges of its ends: quadratic at a node with hundreds of edges) and no
 *  text while it would be drawn smaller than 6 px on screen (a whole large graph fits the view at a
 *  zoom where no label is readable; zooming in shows them). */
export function graphStyle(theme: Theme, large = false): StyleRule[] {
  const hc = theme.kind.startsWith('high-contrast');
  const rules: StyleRule[] = [
    {
      selector: 'node',
      style: {
        shape: 'rectangle',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': 'data(fill)',
        'border-width': hc ? 2 : 1,
        'border-color': theme.line,
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '1000px',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-family': theme.fontFamily,
        'font-size': 12,
        'line-height': 1.25,
        color: '#000000',
      },
    },
    // objgraph's fontcolor (red for roots, white on dark fills) wins over the default
    { selector: 'node[font != ""]', style: { color: 'data(font)' } },
    { selector: 'node.root', style: { color: '#ff0000', 'font-weight': 'bold', 'border-width': hc ? 3 : 2 } },
    {
      selector: 'node.more',
      style: { 'font-size': 9, color: '#ffffff', 'border-color': '#ff0000', 'border-width': 1 },
    },
    {
      selector: 'node.del',
      style: {
        shape: 'ellipse', 'border-style': 'double', 'border-width': 4, 'border-color': '#ff0000',
        'font-size': 8, color: '#000000',
      },
    },
    { selector: 'node.cycle', style: { 'border-color': theme.cycle, 'border-width': hc ? 3 : 2 } },
    {
      selector: 'node.unreachable',
      style: { 'border-style': 'dashed', 'border-color': theme.unreachable, 'border-width': hc ? 3 : 2 },
    },
    { selector: 'node.truncated', style: { 'border-style': 'dotted', 'border-width': 3 } },
    { selector: 'node.shared', style: { opacity: 0.85 } },
    {
      selector: 'node.badged',
      style: {
        'background-image': 'data(badgeUrl)',
        'background-width': 'data(badgeW)',
        'background-height': 16,
        'background-position-x': '100%',
        'background-position-y': '0%',
        'background-fit': 'none',
        'background-clip': 'none',
        'background-image-containment': 'over',
        'background-image-smoothing': 'yes',
        'bounds-expansion': 4,
      },
    },
    {
      selector: 'node:selected',
      style: { 'overlay-color': theme.selection, 'overlay-opacity': 0.12, 'overlay-padding': 5, 'border-color': theme.selection, 'border-width': 3 },
    },
    {
      selector: 'edge',
      style: {
        width: hc ? 2 : 1.2,
        'curve-style': 'bezier',
        'line-color': theme.line,
        'target-arrow-color': theme.line,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'text-wrap': 'wrap',
        'font-family': theme.fontFamily,
        'font-size': 10,
        color: theme.foreground,
        'text-background-color': theme.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
    { selector: 'edge.dotted', style: { 'line-style': 'dotted', 'line-color': '#ff0000', 'target-arrow-color': '#ff0000' } },
    { selector: 'edge.cycle', style: { 'line-color': theme.cycle, 'target-arrow-color': theme.cycle, width: hc ? 3 : 2.2 } },
  ];
  if (large) {
    rules.push(
      { selector: 'node', style: { 'min-zoomed-font-size': 6 } },
      { selector: 'edge', style: { 'curve-style': 'straight', 'min-zoomed-font-size': 6 } },
      // a -> b and b -> a (or two edges a -> b) stay apart
      { selector: 'edge.multi', style: { 'curve-style': 'bezier' } },
    );
  }
  return rules;
}
