import Sigma from 'sigma';
import type { SchemaGraph } from '@ringwatch/wire';
import { getJson } from '../api';
import { failure, h, loading } from '../dom';
import { buildSchemaGraph } from '../schema-graph';

let renderer: Sigma | null = null;

/** The data model as a graph: what the marketplace graph holds and how it connects. */
export async function modelView(root: HTMLElement): Promise<void> {
  root.replaceChildren(loading('the data model'));
  try {
    const data = await getJson<SchemaGraph>('/schema/graph');
    const canvas = h('div', { class: 'canvas', 'aria-label': 'Data model' });
    root.replaceChildren(h('section', { class: 'workspace' }, h('div', { class: 'graph-area' }, canvas)));
    renderer?.kill();
    // Few nodes: every label is shown (sigma hides some by default to avoid overlaps).
    renderer = new Sigma(buildSchemaGraph(data), canvas, { renderEdgeLabels: true, labelSize: 14, labelDensity: 1, labelRenderedSizeThreshold: 0 });
  } catch (error) {
    root.replaceChildren(failure(error));
  }
}
