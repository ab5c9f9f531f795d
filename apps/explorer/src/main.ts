import Sigma from 'sigma';
import { getJson, SignInRequired, signIn } from './api';
import { buildSchemaGraph } from './schema-graph';
import type { SchemaGraph } from './types';

declare global {
  interface Window {
    /** Exposed for browser tests, which check what the canvas holds. */
    __ringwatch?: { graph: ReturnType<typeof buildSchemaGraph>; renderer: Sigma };
  }
}

const status = document.getElementById('status')!;
const container = document.getElementById('graph')!;
const form = document.getElementById('signin') as HTMLFormElement;
const formError = document.getElementById('signin-error')!;

function showSignIn(): void {
  status.textContent = 'Signed out';
  container.hidden = true;
  form.hidden = false;
  (form.elements.namedItem('username') as HTMLInputElement).focus();
}

async function showGraph(): Promise<void> {
  try {
    const data = await getJson<SchemaGraph>('/schema/graph');
    form.hidden = true;
    container.hidden = false;
    const graph = buildSchemaGraph(data);
    window.__ringwatch?.renderer.kill();
    // Few nodes: every label is shown (sigma hides some by default to avoid overlaps).
    const renderer = new Sigma(graph, container, { renderEdgeLabels: true, labelSize: 14, labelDensity: 1, labelRenderedSizeThreshold: 0 });
    window.__ringwatch = { graph, renderer };
    status.textContent = `Data model: ${graph.order} labels, ${graph.size} relationship types`;
  } catch (error) {
    if (error instanceof SignInRequired) return showSignIn();
    status.textContent = error instanceof Error ? error.message : String(error);
    status.classList.add('error');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  formError.textContent = '';
  signIn(String(data.get('username')), String(data.get('password'))).then(showGraph, (error: unknown) => {
    formError.textContent = error instanceof Error ? error.message : String(error);
  });
});

void showGraph();
