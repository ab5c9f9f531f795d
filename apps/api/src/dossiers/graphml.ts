import type { Dossier } from './dossier';

const esc = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The evidence graph as GraphML (readable by Gephi, yEd, Cytoscape, NetworkX): shops and shared
 * identifiers as nodes with kind, label (masked as the caller may see it), hub flag, status and the
 * printed layout's position; an edge per shop using an identifier.
 */
export function evidenceGraphml(d: Dossier): string {
  const keys = [
    ['kind', 'node', 'string'],
    ['label', 'node', 'string'],
    ['hub', 'node', 'boolean'],
    ['status', 'node', 'string'],
    ['x', 'node', 'double'],
    ['y', 'node', 'double'],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(([id, on, type]) => `  <key id="${id}" for="${on}" attr.name="${id}" attr.type="${type}"/>`),
    `  <graph id="${esc(d.cluster.id)}" edgedefault="undirected">`,
  ];
  for (const n of d.graph.nodes)
    lines.push(
      `    <node id="${esc(n.id)}"><data key="kind">${esc(n.kind)}</data><data key="label">${esc(n.label)}</data><data key="hub">${n.hub}</data>${n.status ? `<data key="status">${esc(n.status)}</data>` : ''}<data key="x">${n.x.toFixed(3)}</data><data key="y">${n.y.toFixed(3)}</data></node>`,
    );
  d.graph.edges.forEach((e, i) => lines.push(`    <edge id="e${i}" source="${esc(e.source)}" target="${esc(e.target)}"/>`));
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
