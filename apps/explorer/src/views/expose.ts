import type { GraphView } from '../graph/view';

declare global {
  interface Window {
    /** Exposed for browser tests and the explorer benchmark, which check what the canvas holds. */
    __ringwatch?: { view?: GraphView; graph?: GraphView['graph']; renderer?: GraphView['renderer']; interactiveAt?: number };
  }
}

/** Publishes the current graph, and the moment it became interactive (first frame drawn, handlers bound). */
export function expose(view: GraphView): void {
  window.__ringwatch?.view?.kill();
  window.__ringwatch = { view, graph: view.graph, renderer: view.renderer };
  // Sigma draws its first frame while it is built; the next animation frame is when it is on screen.
  requestAnimationFrame(() => {
    if (window.__ringwatch?.view === view) window.__ringwatch.interactiveAt = performance.now();
  });
}
