import { downloadAsPNG } from '@sigma/export-image';
import { NodeSquareProgram } from '@sigma/node-square';
import type Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { NodeCircleProgram } from 'sigma/rendering';
import type { NetworkGraph } from '../types';
import { addToGraph, nodeColour, type ColourMode, type NodeAttributes } from './build';
import { DIMMED } from './palette';

export interface GraphViewOptions {
  onClickNode?: (id: string, attributes: NodeAttributes, event: { shift: boolean }) => void;
  onClickStage?: () => void;
  /** Seconds ForceAtlas2 runs before stopping by itself (the analyst can stop it earlier). */
  layoutSeconds?: number;
  fileName?: string;
}

/**
 * One sigma canvas with what every graph view needs: hubs hidden until asked for, hover highlighting
 * of neighbours, selection, search, a worker layout with a stop control, and PNG export.
 */
export class GraphView {
  readonly renderer: Sigma<NodeAttributes>;
  private layout: FA2Layout | null = null;
  private layoutTimer: number | undefined;
  private hovered: string | null = null;
  private hoveredNeighbours = new Set<string>();
  private selected = new Set<string>();
  private matches = new Set<string>();
  private showHubs = false;
  private colourMode: ColourMode = 'status';
  private readonly listeners = new Set<(running: boolean) => void>();

  constructor(
    readonly graph: Graph<NodeAttributes>,
    container: HTMLElement,
    private readonly options: GraphViewOptions = {},
  ) {
    this.renderer = new Sigma<NodeAttributes>(graph, container, {
      nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram },
      defaultNodeType: 'circle',
      // Legible labels on big clusters: a coarse grid and a size threshold keep them from piling up.
      labelDensity: 0.08,
      labelGridCellSize: 80,
      labelRenderedSizeThreshold: 8,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.renderer.on('enterNode', ({ node }) => this.hover(node));
    this.renderer.on('leaveNode', () => this.hover(null));
    this.renderer.on('clickNode', ({ node, event }) => {
      const shift = Boolean((event.original as MouseEvent).shiftKey);
      this.options.onClickNode?.(node, this.graph.getNodeAttributes(node), { shift });
    });
    // Sigma turns a second click within its double-click window into a double click (and a zoom), even
    // on another node: an analyst clicking two shops in quick succession means two clicks.
    this.renderer.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      const shift = Boolean((event.original as MouseEvent).shiftKey);
      this.options.onClickNode?.(node, this.graph.getNodeAttributes(node), { shift });
    });
    this.renderer.on('clickStage', () => this.options.onClickStage?.());
  }

  private reduceNode(node: string, data: NodeAttributes): Partial<NodeAttributes> & { hidden?: boolean; highlighted?: boolean; zIndex?: number } {
    const result: Partial<NodeAttributes> & { hidden?: boolean; highlighted?: boolean; zIndex?: number } = { ...data };
    if (data.node.hub && !this.showHubs) result.hidden = true;
    if (this.hovered !== null && node !== this.hovered && !this.hoveredNeighbours.has(node)) {
      result.color = DIMMED;
      result.label = '';
      result.zIndex = 0;
    } else if (this.hovered !== null) {
      result.zIndex = 1;
    }
    if (this.selected.has(node) || this.matches.has(node)) {
      result.highlighted = true;
      result.zIndex = 2;
      result.size = data.size * 1.6;
    }
    return result;
  }

  private reduceEdge(edge: string, data: Record<string, unknown>): Record<string, unknown> {
    const [source, target] = this.graph.extremities(edge);
    const hidden = !this.showHubs && (this.graph.getNodeAttribute(source, 'node').hub || this.graph.getNodeAttribute(target, 'node').hub);
    if (hidden) return { ...data, hidden: true };
    if (this.hovered !== null && source !== this.hovered && target !== this.hovered) return { ...data, hidden: true };
    if (this.hovered !== null) return { ...data, color: '#59636e', size: 1.5 };
    return data;
  }

  private hover(node: string | null): void {
    this.hovered = node;
    this.hoveredNeighbours = new Set(node === null ? [] : this.graph.neighbors(node));
    this.renderer.refresh({ skipIndexation: true });
  }

  select(ids: string[]): void {
    this.selected = new Set(ids);
    this.renderer.refresh({ skipIndexation: true });
  }

  setShowHubs(show: boolean): void {
    this.showHubs = show;
    this.renderer.refresh();
  }

  setColourMode(mode: ColourMode): void {
    this.colourMode = mode;
    this.graph.forEachNode((node, attributes) => this.graph.setNodeAttribute(node, 'color', nodeColour(attributes.node, mode)));
  }

  /** Highlights nodes whose label or id contains the text and centres the camera on the first. */
  search(text: string): number {
    const needle = text.trim().toLowerCase();
    this.matches = new Set();
    if (needle.length > 0) {
      this.graph.forEachNode((node, attributes) => {
        if (node.toLowerCase().includes(needle) || attributes.label.toLowerCase().includes(needle)) this.matches.add(node);
      });
    }
    const first = [...this.matches][0];
    if (first !== undefined) this.focus(first, true);
    this.renderer.refresh({ skipIndexation: true });
    return this.matches.size;
  }

  /** Centres the camera on a node, zoomed in enough to tell it from its neighbours. */
  focus(id: string, animate = false): void {
    const position = this.renderer.getNodeDisplayData(id);
    if (!position) return;
    const state = { x: position.x, y: position.y, ratio: 0.4 };
    if (animate) void this.renderer.getCamera().animate(state, { duration: 400 });
    else this.renderer.getCamera().setState(state);
  }

  /** Adds a neighbourhood around a node (expansion) and lets the layout settle it. */
  expand(around: string, data: NetworkGraph): number {
    const { x, y } = this.graph.getNodeAttributes(around);
    const added = addToGraph(this.graph, data, this.colourMode, { x, y });
    if (added > 0) this.startLayout();
    return added;
  }

  onLayoutChange(listener: (running: boolean) => void): void {
    this.listeners.add(listener);
  }

  isLayoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  startLayout(): void {
    if (this.graph.order < 2) return;
    this.layout ??= new FA2Layout(this.graph, {
      settings: { ...inferSettings(this.graph), barnesHutOptimize: this.graph.order > 1500, slowDown: 5, adjustSizes: false },
    });
    this.layout.start();
    window.clearTimeout(this.layoutTimer);
    this.layoutTimer = window.setTimeout(() => this.stopLayout(), (this.options.layoutSeconds ?? 6) * 1000);
    for (const listener of this.listeners) listener(true);
  }

  stopLayout(): void {
    window.clearTimeout(this.layoutTimer);
    this.layout?.stop();
    for (const listener of this.listeners) listener(false);
  }

  exportPng(): Promise<void> {
    // The export helper is typed for untyped graphs; ours only adds attributes.
    return downloadAsPNG(this.renderer as unknown as Sigma, { fileName: this.options.fileName ?? 'ringwatch-graph', backgroundColor: '#ffffff' });
  }

  /** Where a node is on screen, for tests and keyboard users (focus rings). */
  viewportPosition(id: string): { x: number; y: number } {
    const { x, y } = this.graph.getNodeAttributes(id);
    return this.renderer.graphToViewport({ x, y });
  }

  kill(): void {
    window.clearTimeout(this.layoutTimer);
    this.layout?.kill();
    this.renderer.kill();
  }
}
