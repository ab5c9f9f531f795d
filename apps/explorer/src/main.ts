import Sigma from 'sigma';
import { getJson } from './api';
import { buildSchemaGraph } from './schema-graph';
import type { SchemaGraph } from './types';

declare global {
  interface Window {
    /** Exposed for browser tests, which check what the canvas holds. */
    __ringwatch?: { graph: ReturnType<typeof buildSchemaGraph>; renderer: Sigma };
  }
}

async function start(): Promise<void> {
  const status = document.getElementById('status')!;
  const container = document.getElementById('graph')!;
  try {
    const data = await getJson<SchemaGraph>('/schema/graph');
    const graph = buildSchemaGraph(data);
    const renderer = new Sigma(graph, container, { renderEdgeLabels: true, labelSize: 14 });
    window.__ringwatch = { graph, renderer };
    status.textContent = `Data model: ${graph.order} labels, ${graph.size} relationship types`;
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
    status.classList.add('error');
  }
}

void start();
