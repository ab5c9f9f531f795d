import { downloadAsPNG } from '@sigma/export-image';
import { NodeSquareProgram } from '@sigma/node-square';
import type Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { NodeCircleProgram, type NodeLabelDrawingFunction } from 'sigma/rendering';
import type { NetworkGraph } from '../types';
import { addToGraph, nodeColour, shopSize, type ColourMode, type NodeAttributes, type SizeMode } from './build';
import { DIMMED, PATH } from './palette';

export interface GraphViewOptions {
  onClickNode?: (id: string, attributes: NodeAttributes, event: { shift: boolean }) => void;
  onClickStage?: () => void;
  /** Shift-drag drew a box: the shops inside it (the caller decides what a multi-selection does). */
  onBoxSelect?: (ids: string[]) => void;
  /** Seconds ForceAtlas2 runs before stopping by itself (the analyst can stop it earlier). */
  layoutSeconds?: number;
  fileName?: string;
  /** The shop the view is about (a shop page): always labelled and ringed. */
  focus?: string;
}

/** Longest label drawn on the canvas; the full name is in the hover box and the side panel. */
const LABEL_CHARS = 24;
/** Pixels kept free right of the rightmost node for its label (labels are drawn right of their node). */
const LABEL_ROOM_PX = 150;
/**
 * Up to this many nodes, two labels per grid cell; above it one per two cells: on thousands of nodes at
 * the default zoom the names overlap anyway, and each haloed label costs the canvas more than a node
 * (zooming in brings them back, as the grid is in screen space).
 */
const DENSE_LABELS_MAX_NODES = 1500;
/** Below this camera ratio (zoomed in), identifiers get their labels too. */
const IDENTIFIER_LABEL_RATIO = 0.45;

const clip = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);

/**
 * Labels with a white halo: on a dense cluster a name crosses edges and other discs, and plain text
 * over them is unreadable.
 */
const drawLabel: NodeLabelDrawingFunction<NodeAttributes> = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  // The same font as sigma's hover box, which draws its own copy of a highlighted node's label on top.
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  context.lineWidth = 3;
  context.strokeStyle = 'rgba(255,255,255,0.9)';
  context.strokeText(data.label, x, y);
  context.fillStyle = '#1f2328';
  context.fillText(data.label, x, y);
};

type Display = Omit<Partial<NodeAttributes>, 'label'> & {
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
  label?: string | null;
};

/**
 * One sigma canvas with what every graph view needs: hubs hidden until asked for, hover highlighting
 * of neighbours, selection (one shop, a pair, or a box of shops), shared identifiers and evidence
 * paths highlighted, an opening-date filter, search, fit/reset, expand/collapse, a worker layout with a
 * stop control, and PNG export.
 */
export class GraphView {
  readonly renderer: Sigma<NodeAttributes>;
  private layout: FA2Layout | null = null;
  private layoutTimer: number | undefined;
  private hovered: string | null = null;
  private hoveredNeighbours = new Set<string>();
  private selected = new Set<string>();
  private matches = new Set<string>();
  /** Identifiers the compared shops share: drawn large and labelled. */
  private shared = new Set<string>();
  /** An evidence path: its nodes in order, and its links (`a|b`, both ways). */
  private pathNodes = new Set<string>();
  private pathEdges = new Set<string>();
  /** Shops left out by the opening-date filter, and identifiers left with fewer than two shops. */
  private filtered = new Set<string>();
  private showHubs = false;
  private colourMode: ColourMode = 'status';
  private sizeMode: SizeMode = 'uniform';
  private zoomedIn = false;
  /** Each expansion's added nodes, newest last, so the last one can be collapsed again. */
  private readonly expansions: { around: string; added: string[] }[] = [];
  private readonly listeners = new Set<(running: boolean) => void>();
  private readonly box: HTMLDivElement;
  private boxStart: { x: number; y: number } | null = null;
  private suppressStageClick = false;
  private readonly resizeObserver: ResizeObserver;
  private redrawFrame: number | undefined;

  constructor(
    readonly graph: Graph<NodeAttributes>,
    private readonly container: HTMLElement,
    private readonly options: GraphViewOptions = {},
  ) {
    this.renderer = new Sigma<NodeAttributes>(graph, container, {
      nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram },
      defaultNodeType: 'circle',
      // Shop names readable at the default zoom on a few hundred shops: a fine grid (two labels per
      // 44 px cell, more as one zooms in; one per cell drew 53 % of a 300-shop cluster's names in
      // bench:explorer), shops drawn above the size threshold, identifiers without labels until zoomed
      // in (they would take the cells), and room at the edges for the labels.
      labelDensity: graph.order > DENSE_LABELS_MAX_NODES ? 0.5 : 2,
      labelGridCellSize: 44,
      labelRenderedSizeThreshold: 5,
      labelSize: 12,
      labelFont: 'system-ui, sans-serif',
      defaultDrawNodeLabel: drawLabel,
      stagePadding: 24,
      zIndex: true,
      nodeReducer: (node, data) => this.reduceNode(node, data) as never,
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
    this.renderer.on('clickStage', () => {
      if (this.suppressStageClick) {
        this.suppressStageClick = false;
        return;
      }
      this.options.onClickStage?.();
    });
    this.renderer.getCamera().on('updated', (state) => {
      const zoomedIn = state.ratio < IDENTIFIER_LABEL_RATIO;
      if (zoomedIn !== this.zoomedIn) {
        this.zoomedIn = zoomedIn;
        this.redraw();
      }
    });
    this.box = document.createElement('div');
    this.box.className = 'select-box';
    this.box.hidden = true;
    container.append(this.box);
    this.bindBoxSelect();
    // The canvas changes size with the layout (a narrow window stacks the side panel under it), not
    // only with the window: follow the container itself.
    // The observer also reports the size it starts with: only a real change redraws.
    this.resizeObserver = new ResizeObserver(() => {
      const before = this.renderer.getDimensions();
      this.renderer.resize();
      const after = this.renderer.getDimensions();
      if (after.width !== before.width || after.height !== before.height) this.redraw();
    });
    this.resizeObserver.observe(container);
  }

  /**
   * Shift-drag on the background draws a selection box (the camera stays put meanwhile); releasing
   * selects the visible shops inside it. Shift-click on a node keeps its meaning (compare two shops).
   */
  private bindBoxSelect(): void {
    this.renderer.on('downStage', ({ event }) => {
      if (!(event.original as MouseEvent).shiftKey) return;
      this.boxStart = { x: event.x, y: event.y };
      Object.assign(this.box.style, { left: `${event.x}px`, top: `${event.y}px`, width: '0px', height: '0px' });
      this.box.hidden = false;
    });
    this.renderer.on('moveBody', ({ event }) => {
      if (!this.boxStart) return;
      event.preventSigmaDefault();
      (event.original as Event).preventDefault();
      const [x0, x1] = [Math.min(this.boxStart.x, event.x), Math.max(this.boxStart.x, event.x)];
      const [y0, y1] = [Math.min(this.boxStart.y, event.y), Math.max(this.boxStart.y, event.y)];
      Object.assign(this.box.style, { left: `${x0}px`, top: `${y0}px`, width: `${x1 - x0}px`, height: `${y1 - y0}px` });
    });
    this.renderer.getMouseCaptor().on('mouseup', (event) => {
      if (!this.boxStart) return;
      const start = this.boxStart;
      this.boxStart = null;
      this.box.hidden = true;
      if (Math.abs(event.x - start.x) < 4 && Math.abs(event.y - start.y) < 4) return;
      this.suppressStageClick = true;
      window.setTimeout(() => (this.suppressStageClick = false), 300);
      this.options.onBoxSelect?.(this.shopsIn(start, { x: event.x, y: event.y }));
    });
  }

  /** The visible shops whose centre lies in the rectangle between two viewport points. */
  shopsIn(a: { x: number; y: number }, b: { x: number; y: number }): string[] {
    const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    const inside: string[] = [];
    this.graph.forEachNode((node, attributes) => {
      if (attributes.node.type !== 'shop' || this.filtered.has(node)) return;
      const display = this.renderer.getNodeDisplayData(node);
      if (!display || display.hidden) return;
      const p = this.renderer.framedGraphToViewport(display);
      if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) inside.push(node);
    });
    return inside;
  }

  private reduceNode(node: string, data: NodeAttributes): Display {
    const result: Display = { ...data, label: clip(data.label) };
    const shop = data.node.type === 'shop';
    if (shop) result.size = shopSize(data.node, this.sizeMode);
    else if (!this.zoomedIn) result.label = null;
    if ((data.node.hub && !this.showHubs && !this.pathNodes.has(node) && !this.shared.has(node)) || this.filtered.has(node)) {
      result.hidden = true;
      return result;
    }
    const emphasis = this.pathNodes.size > 0 ? this.pathNodes : this.shared.size > 0 ? new Set([...this.shared, ...this.selected]) : null;
    if (this.hovered !== null && node !== this.hovered && !this.hoveredNeighbours.has(node)) {
      result.color = DIMMED;
      result.label = null;
      result.zIndex = 0;
    } else if (this.hovered !== null) {
      result.zIndex = 1;
      result.label = data.label;
    } else if (emphasis && !emphasis.has(node)) {
      // A path or a comparison is on: the rest stays as faint context.
      result.color = DIMMED;
      result.zIndex = 0;
    }
    if (this.shared.has(node) || this.pathNodes.has(node)) {
      // Kind and status colours stay (the legend); size, label and the dark links tell the path.
      result.color = data.color;
      result.size = Math.max(result.size ?? data.size, 8) * 1.3;
      result.forceLabel = true;
      result.label = data.label;
      result.zIndex = 2;
    }
    if (this.selected.has(node) || this.matches.has(node)) {
      result.highlighted = true;
      result.forceLabel = this.selected.size <= 20 || this.matches.has(node);
      result.zIndex = 3;
      result.size = (result.size ?? data.size) * 1.5;
    }
    if (node === this.options.focus) {
      // The shop the page is about: ringed (sigma's highlight box), larger, always named.
      result.label = `◉ ${data.label}`;
      result.highlighted = true;
      result.forceLabel = true;
      result.zIndex = 3;
      result.size = Math.max(result.size ?? data.size, 10) * 1.4;
    }
    return result;
  }

  private reduceEdge(edge: string, data: Record<string, unknown>): Record<string, unknown> {
    const [source, target] = this.graph.extremities(edge);
    if (this.filtered.has(source) || this.filtered.has(target)) return { ...data, hidden: true };
    if (this.pathEdges.has(`${source}|${target}`)) return { ...data, color: PATH, size: 3, zIndex: 2 };
    const hubEdge = this.graph.getNodeAttribute(source, 'node').hub || this.graph.getNodeAttribute(target, 'node').hub;
    if (hubEdge && !this.showHubs) return { ...data, hidden: true };
    if (this.hovered !== null && source !== this.hovered && target !== this.hovered) return { ...data, hidden: true };
    if (this.hovered !== null) return { ...data, color: '#59636e', size: 1.5 };
    if (this.shared.size > 0) {
      const lit = (this.shared.has(source) && this.selected.has(target)) || (this.shared.has(target) && this.selected.has(source));
      return lit ? { ...data, color: '#1f2328', size: 2 } : { ...data, color: '#eeeeee' };
    }
    if (this.pathNodes.size > 0) return { ...data, color: '#eeeeee' };
    return data;
  }

  /**
   * One refresh in the next frame however many changes ask for it: a click sets the selection, clears
   * the comparison and the path, and each redrew the whole graph (a second each on 5,000 nodes).
   */
  private redraw(): void {
    if (this.redrawFrame !== undefined) return;
    this.redrawFrame = requestAnimationFrame(() => {
      this.redrawFrame = undefined;
      this.renderer.refresh();
    });
  }

  private cancelRedraw(): void {
    if (this.redrawFrame !== undefined) cancelAnimationFrame(this.redrawFrame);
    this.redrawFrame = undefined;
  }

  private hover(node: string | null): void {
    this.hovered = node;
    this.hoveredNeighbours = new Set(node === null ? [] : this.graph.neighbors(node));
    this.redraw();
  }

  select(ids: string[]): void {
    this.selected = new Set(ids);
    this.redraw();
  }

  selection(): string[] {
    return [...this.selected];
  }

  /** Marks the identifiers two or more compared shops share (empty clears). */
  highlightShared(ids: string[]): void {
    this.shared = new Set(ids.filter((id) => this.graph.hasNode(id)));
    this.redraw();
  }

  sharedHighlighted(): string[] {
    return [...this.shared];
  }

  /**
   * Draws an evidence path: the nodes not yet on the canvas are added next to the first shop, and the
   * path stands out with the rest dimmed. An empty path clears it.
   */
  showPath(path: NetworkGraph & { path: string[] }): number {
    let added = 0;
    if (path.path.length > 0) {
      const anchor = path.path.find((id) => this.graph.hasNode(id));
      const around = anchor ? this.graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
      added = addToGraph(this.graph, path, this.colourMode, { x: around.x, y: around.y });
      if (added > 0) this.expansions.push({ around: anchor ?? path.path[0]!, added: path.nodes.map((n) => n.id).filter((id) => this.graph.hasNode(id)) });
    }
    this.pathNodes = new Set(path.path);
    this.pathEdges = new Set();
    for (let i = 0; i + 1 < path.path.length; i++) {
      this.pathEdges.add(`${path.path[i]}|${path.path[i + 1]}`);
      this.pathEdges.add(`${path.path[i + 1]}|${path.path[i]}`);
    }
    this.redraw();
    return added;
  }

  pathShown(): string[] {
    return [...this.pathNodes];
  }

  setShowHubs(show: boolean): void {
    this.showHubs = show;
    this.redraw();
  }

  setColourMode(mode: ColourMode): void {
    this.colourMode = mode;
    this.graph.forEachNode((node, attributes) => this.graph.setNodeAttribute(node, 'color', nodeColour(attributes.node, mode)));
  }

  /** Shop disc size: uniform, or by listings or payout volume (log scale) once those are on the nodes. */
  setSizeMode(mode: SizeMode): void {
    this.sizeMode = mode;
    this.redraw();
  }

  /**
   * Hides shops opened outside [from, to] (ISO dates, inclusive; null: open-ended) and the identifiers
   * that no longer link two visible shops. Shops without an opening date stay.
   */
  filterOpened(from: string | null, to: string | null): number {
    const out = new Set<string>();
    this.graph.forEachNode((node, attributes) => {
      const opened = attributes.node.openedAt?.slice(0, 10);
      if (attributes.node.type !== 'shop' || !opened) return;
      if ((from && opened < from) || (to && opened > to)) out.add(node);
    });
    if (out.size > 0) {
      this.graph.forEachNode((node, attributes) => {
        if (attributes.node.type !== 'identifier') return;
        const visible = this.graph.neighbors(node).filter((n) => !out.has(n)).length;
        if (visible < 2) out.add(node);
      });
    }
    this.filtered = out;
    this.redraw();
    return [...out].filter((id) => this.graph.getNodeAttribute(id, 'node').type === 'shop').length;
  }

  /** Highlights nodes whose label or id contains the text and centres the camera on the first; clearing fits the graph again. */
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
    else if (needle.length === 0) this.fit(true);
    this.redraw();
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

  /**
   * The whole graph in view, with room right of the rightmost nodes for their labels: the frame is
   * the nodes' bounding box widened on the right by what LABEL_ROOM_PX is at the canvas's width.
   */
  fit(animate = false): void {
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    this.graph.forEachNode((node, { x, y }) => {
      if (this.filtered.has(node)) return;
      [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    });
    if (minX === Infinity) return;
    const { width } = this.renderer.getDimensions();
    const room = Math.min(0.45, LABEL_ROOM_PX / Math.max(width - LABEL_ROOM_PX, 1));
    const span = Math.max(maxX - minX, 1);
    this.renderer.setCustomBBox({ x: [minX - span * 0.02, maxX + span * room], y: [minY, maxY] });
    const state = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    if (animate) void this.renderer.getCamera().animate(state, { duration: 300 });
    else this.renderer.getCamera().setState(state);
    // At once, not in the next frame: fitting is asked for (a key, a button, the first look), and what
    // else was waiting to be drawn is drawn with it.
    this.cancelRedraw();
    this.renderer.refresh();
  }

  /** Back to how the graph opened: no selection, search, path, comparison, filter or expansion, fitted. */
  reset(): void {
    while (this.expansions.length > 0) this.collapse();
    this.selected = new Set();
    this.matches = new Set();
    this.shared = new Set();
    this.pathNodes = new Set();
    this.pathEdges = new Set();
    this.filtered = new Set();
    this.fit(true);
  }

  /** Adds a neighbourhood around a node (expansion) and lets the layout settle it. */
  expand(around: string, data: NetworkGraph): number {
    const { x, y } = this.graph.getNodeAttributes(around);
    const before = new Set(this.graph.nodes());
    const added = addToGraph(this.graph, data, this.colourMode, { x, y });
    if (added > 0) {
      this.expansions.push({ around, added: this.graph.nodes().filter((n) => !before.has(n)) });
      this.startLayout();
    }
    return added;
  }

  /** How many expansions can be collapsed, newest first. */
  expansionCount(): number {
    return this.expansions.length;
  }

  /** Removes what the newest expansion added; returns how many nodes went. */
  collapse(): number {
    const last = this.expansions.pop();
    if (!last) return 0;
    let removed = 0;
    for (const node of last.added) {
      if (!this.graph.hasNode(node) || node === this.options.focus) continue;
      this.graph.dropNode(node);
      this.selected.delete(node);
      removed++;
    }
    this.redraw();
    return removed;
  }

  onLayoutChange(listener: (running: boolean) => void): void {
    this.listeners.add(listener);
  }

  isLayoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  startLayout(): void {
    if (this.graph.order < 2) return;
    // While the layout moves nodes the frame follows them (sigma's own bounding box); fit() sets it again after.
    this.renderer.setCustomBBox(null);
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
    const was = this.layout?.isRunning() ?? false;
    this.layout?.stop();
    if (was) this.fit();
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

  /** The shops whose label sigma drew in its last frame, and the shops it could have drawn (bench, tests). */
  labelCoverage(): { drawn: number; shops: number } {
    const drawn = this.renderer.getNodeDisplayedLabels();
    let shops = 0;
    let shown = 0;
    this.graph.forEachNode((node, attributes) => {
      if (attributes.node.type !== 'shop' || this.filtered.has(node)) return;
      shops++;
      if (drawn.has(node)) shown++;
    });
    return { drawn: shown, shops };
  }

  kill(): void {
    this.resizeObserver.disconnect();
    this.cancelRedraw();
    window.clearTimeout(this.layoutTimer);
    this.layout?.kill();
    this.renderer.kill();
  }
}
