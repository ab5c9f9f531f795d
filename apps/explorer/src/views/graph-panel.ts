import type { Evidence, Neighbourhood, ShopDetail, ShopMetrics, ShopPath } from '@ringwatch/wire';
import { getJson } from '../api';
import { facts, h, messageOf } from '../dom';
import { buildNetworkGraph, type ColourMode, type SizeMode } from '../graph/build';
import { identifierColour, identifierName, SHOP_STATUS_COLOURS } from '../graph/palette';
import { GraphView } from '../graph/view';
import type { NetworkGraph } from '../types';
import { expose } from './expose';
import { shopFacts } from './shop-facts';

const AUTO_LAYOUT_MAX_NODES = 1500;
/** The evidence route takes at most this many shops at once. */
const COMPARE_MAX = 50;
const HINT = 'Click a shop or identifier for details; shift-click a second shop to see why they are linked; shift-drag a box to select several.';

export interface GraphPanelOptions {
  /** The shop the view is about (a shop page): marked in the graph. */
  focus?: string;
  /** Offered for a multi-selection: leave these shops out of the shutdown proposal. */
  onExclude?: (ids: string[]) => void;
}

/**
 * The graph with its toolbar, legend and a details panel: shared by the cluster and shop views.
 * Click a shop for its details; shift-click a second one to see why the two are linked and the
 * shortest evidence path between them; shift-drag to select several shops.
 */
export function mountGraph(
  canvas: HTMLElement,
  toolbar: HTMLElement,
  details: HTMLElement,
  data: NetworkGraph,
  name: string,
  options: GraphPanelOptions = {},
): GraphView {
  const graph = buildNetworkGraph(data);
  let selection: string[] = [];
  // Each selection draws into its own slot: a slow answer for an earlier selection (a shop's details
  // arriving after the pair clicked next) lands in a slot no longer shown instead of over the newer one.
  const freshSlot = () => {
    const slot = h('div', { class: 'selection' });
    details.replaceChildren(slot);
    return slot;
  };
  const idle = () => details.replaceChildren(h('p', { class: 'muted' }, HINT));
  // The opening-date filter and the legend are placed before the canvas is drawn: added after, they
  // resized it, and a resize redraws the whole graph once more.
  const timeFilter = openingFilter(() => view, data);
  const area = canvas.parentElement;
  if (timeFilter) toolbar.after(timeFilter.element);
  // The legend sits under the canvas, never over nodes; it folds away.
  if (area) area.append(legend(data));
  else canvas.append(legend(data));
  const view: GraphView = new GraphView(graph, canvas, {
    fileName: name,
    focus: options.focus,
    onClickNode: (id, attributes, { shift }) => {
      if (attributes.node.type === 'shop' && shift && selection.length >= 1 && !selection.includes(id)) {
        selection = selection.length === 1 ? [selection[0]!, id] : [...selection, id];
      } else selection = [id];
      view.highlightShared([]);
      view.showPath({ truncated: false, nodes: [], edges: [], path: [] });
      view.select(selection);
      void showSelection(view, freshSlot(), selection, options);
    },
    onClickStage: () => {
      selection = [];
      view.select([]);
      view.highlightShared([]);
      idle();
    },
    onBoxSelect: (ids) => {
      selection = ids;
      view.highlightShared([]);
      view.select(selection);
      void showSelection(view, freshSlot(), selection, options);
    },
  });
  idle();

  const button = (label: string, action: string, title: string, onClick: () => void) => {
    const b = h('button', { type: 'button', 'data-action': action, title }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const fit = button('Fit', 'fit', 'Fit the graph to the view (F)', () => view.fit(true));
  const reset = button('Reset', 'reset', 'Clear selection, search, filter and expansions, and fit (R)', () => {
    selection = [];
    find.value = '';
    found.textContent = '';
    timeFilter?.clear();
    view.reset();
    collapse.disabled = true;
    idle();
  });
  const collapse = button('Collapse', 'collapse', 'Remove what the last expansion added', () => {
    const removed = view.collapse();
    collapse.disabled = view.expansionCount() === 0;
    collapse.title = `Removed ${removed} node(s)`;
  });
  collapse.disabled = true;
  view.renderer.getGraph().on('nodeAdded', () => (collapse.disabled = view.expansionCount() === 0));
  const layoutButton = button('Stop layout', 'layout', 'Run or stop the force layout', () => (view.isLayoutRunning() ? view.stopLayout() : view.startLayout()));
  view.onLayoutChange((running) => (layoutButton.textContent = running ? 'Stop layout' : 'Run layout'));

  const find = h('input', { type: 'search', name: 'find', placeholder: 'Find in graph (name, id)', 'aria-label': 'Find in graph' });
  const found = h('span', { class: 'muted found' });
  find.addEventListener('input', () => {
    const n = view.search(find.value);
    found.textContent = find.value ? `${n} found` : '';
  });

  const hubs = h('input', { type: 'checkbox', name: 'hubs' });
  hubs.addEventListener('change', () => view.setShowHubs(hubs.checked));
  const colour = h('select', { name: 'colour' }, h('option', { value: 'status' }, 'status'), h('option', { value: 'confidence' }, 'membership confidence'));
  colour.addEventListener('change', () => view.setColourMode(colour.value as ColourMode));
  const size = h(
    'select',
    { name: 'size' },
    h('option', { value: 'uniform' }, 'same size'),
    h('option', { value: 'listings' }, 'listings'),
    h('option', { value: 'gmv' }, 'payout volume (GMV)'),
  );
  const sizeNote = h('span', { class: 'muted' });
  size.addEventListener('change', async () => {
    const mode = size.value as SizeMode;
    if (mode !== 'uniform') {
      sizeNote.textContent = 'loading…';
      try {
        await loadMetrics(view);
        sizeNote.textContent = '';
      } catch (error) {
        sizeNote.textContent = messageOf(error);
      }
    }
    view.setSizeMode(mode);
  });
  const hubCount = data.nodes.filter((n) => n.hub).length;
  const style = h(
    'details',
    { class: 'style-menu' },
    h('summary', {}, 'Style'),
    h(
      'div',
      { class: 'menu' },
      h('label', {}, hubs, ` show hubs (${hubCount})`),
      h('label', {}, 'Colour by ', colour),
      h('label', {}, 'Size shops by ', size, sizeNote),
    ),
  );
  const exportButton = button('PNG', 'export', 'Export the graph as a PNG image', () => void view.exportPng());
  toolbar.replaceChildren(fit, reset, layoutButton, collapse, find, found, style, exportButton);
  if (data.truncated) toolbar.append(h('span', { class: 'warn', title: 'Truncated: the largest part is shown' }, 'Truncated'));

  // F fits, R resets, Escape clears the selection: keys only when no field has the keyboard.
  const keys = (event: KeyboardEvent) => {
    if (!canvas.isConnected) return document.removeEventListener('keydown', keys);
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'f' || event.key === 'F') fit.click();
    else if (event.key === 'r' || event.key === 'R') reset.click();
    else if (event.key === 'Escape') view.renderer.emit('clickStage', {} as never);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', keys);

  // Small graphs settle in a few seconds; on big ones the worker would compete with the analyst's first
  // interactions for the CPU, so the starting layout stays until they ask for more.
  if (graph.order <= AUTO_LAYOUT_MAX_NODES) view.startLayout();
  else {
    layoutButton.textContent = 'Run layout';
    view.fit();
  }
  expose(view);
  return view;
}

/** Fetches listings and GMV for the shops on the canvas (in batches the route accepts) and puts them on the nodes. */
async function loadMetrics(view: GraphView): Promise<void> {
  const ids = view.graph.filterNodes((_, a) => a.node.type === 'shop' && a.node.listings === undefined);
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200);
    const { shops } = await getJson<ShopMetrics>(`/shops/metrics?ids=${batch.map(encodeURIComponent).join(',')}`);
    for (const m of shops) {
      if (!view.graph.hasNode(m.id)) continue;
      const node = view.graph.getNodeAttribute(m.id, 'node');
      view.graph.setNodeAttribute(m.id, 'node', { ...node, listings: m.listings, gmv: m.gmv });
    }
  }
}

/**
 * Two sliders over the shops' opening dates (a cluster's members carry them): shops opened outside
 * the range are hidden with the identifiers left linking fewer than two of them. Null when the graph
 * has no dates (a neighbourhood).
 */
function openingFilter(view: () => GraphView, data: NetworkGraph): { element: HTMLElement; clear: () => void } | null {
  const days = [
    ...new Set(
      data.nodes
        .map((n) => n.openedAt?.slice(0, 10))
        .filter((d): d is string => !!d)
        .sort(),
    ),
  ];
  if (days.length < 2) return null;
  const from = h('input', { type: 'range', name: 'opened-from', min: 0, max: days.length - 1, value: 0, 'aria-label': 'Opened on or after' });
  const to = h('input', { type: 'range', name: 'opened-to', min: 0, max: days.length - 1, value: days.length - 1, 'aria-label': 'Opened on or before' });
  const label = h('span', { class: 'range-label' });
  const apply = () => {
    let [a, b] = [Number(from.value), Number(to.value)];
    if (a > b) [a, b] = [b, a];
    const all = a === 0 && b === days.length - 1;
    const hidden = view().filterOpened(all ? null : days[a]!, all ? null : days[b]!);
    label.textContent = `${days[a]} – ${days[b]}${hidden ? ` · ${hidden} shop(s) hidden` : ''}`;
  };
  from.addEventListener('input', apply);
  to.addEventListener('input', apply);
  label.textContent = `${days[0]} – ${days[days.length - 1]}`;
  const element = h('div', { class: 'filterbar', role: 'group', 'aria-label': 'Opening dates' }, h('span', {}, 'Opened'), from, to, label);
  return {
    element,
    clear: () => {
      from.value = '0';
      to.value = String(days.length - 1);
      label.textContent = `${days[0]} – ${days[days.length - 1]}`;
    },
  };
}

/** The square an identifier kind is drawn as, for the legend and evidence lists. */
const kindSwatch = (kind: string) => h('span', { class: 'sq', style: `background:${identifierColour(kind)}` });

function legend(data: NetworkGraph): HTMLElement {
  const kinds = [...new Set(data.nodes.filter((n) => n.type === 'identifier').map((n) => n.kind))].sort();
  return h(
    'details',
    { class: 'legend', open: true },
    h('summary', {}, 'Legend'),
    h(
      'div',
      { class: 'legend-items', 'aria-label': 'Legend' },
      h('strong', {}, 'Shops (discs)'),
      Object.entries(SHOP_STATUS_COLOURS).map(([status, colour]) => h('span', {}, h('span', { class: 'dot', style: `background:${colour}` }), status)),
      h('strong', {}, 'Identifiers (squares)'),
      kinds.map((kind) => h('span', {}, kindSwatch(kind), identifierName(kind))),
      h('span', { class: 'muted' }, 'F fit · R reset · Esc clear · shift-drag select'),
    ),
  );
}

/** A shop's name as the canvas knows it (the side panel names shops, not ids). */
const shopName = (view: GraphView, id: string) => (view.graph.hasNode(id) ? view.graph.getNodeAttribute(id, 'label') : id);
const shopLink = (view: GraphView, id: string) =>
  h('a', { href: `#/shops/${encodeURIComponent(id)}`, title: id }, shopName(view, id) === id ? id : `${shopName(view, id)}`);

async function showSelection(view: GraphView, details: HTMLElement, selection: string[], options: GraphPanelOptions): Promise<void> {
  if (selection.length === 0) return void details.replaceChildren(h('p', { class: 'muted' }, 'No shop in the box.'));
  if (selection.length === 2) return showPair(view, details, selection as [string, string]);
  if (selection.length > 2) return showMany(view, details, selection, options);
  const [id] = selection;
  const node = view.graph.getNodeAttributes(id!).node;
  if (node.type === 'identifier') {
    const shops = view.graph.neighbors(id!);
    details.replaceChildren(
      h('h3', {}, identifierName(node.kind)),
      h('p', {}, node.label ?? ''),
      h(
        'p',
        {},
        `Used by ${node.shopCount ?? shops.length} shop(s) in the marketplace${node.hub ? ': a hub, shown for context, never counted as evidence' : ''}.`,
      ),
      h(
        'ul',
        { class: 'links' },
        shops.map((s) => h('li', {}, shopLink(view, s))),
      ),
    );
    return;
  }
  details.replaceChildren(h('p', { class: 'state loading' }, 'Loading shop…'));
  try {
    const shop = await getJson<ShopDetail>(`/shops/${encodeURIComponent(id!)}`);
    const expand = h('button', { type: 'button', 'data-action': 'expand' }, 'Expand neighbourhood');
    expand.addEventListener('click', async () => {
      expand.disabled = true;
      try {
        const hood = await getJson<Neighbourhood>(`/shops/${encodeURIComponent(id!)}/neighbourhood?depth=1&limit=200`);
        expand.textContent = `Added ${view.expand(id!, hood)} node(s)`;
      } catch (error) {
        expand.textContent = messageOf(error);
      }
    });
    details.replaceChildren(
      h('h3', { 'data-shop': shop.id }, shop.name ?? shop.id),
      facts([
        ['Shop', h('a', { href: `#/shops/${encodeURIComponent(shop.id)}` }, shop.id)],
        ...shopFacts(shop),
        ['Membership confidence', shop.confidence?.toFixed(2) ?? '–'],
      ]),
      expand,
      h('p', { class: 'muted' }, 'Shift-click another shop to see why they are linked.'),
    );
  } catch (error) {
    details.replaceChildren(h('p', { class: 'state error' }, messageOf(error)));
  }
}

/** Two shops: what they share (highlighted on the canvas), and the shortest evidence path between them. */
async function showPair(view: GraphView, details: HTMLElement, [a, b]: [string, string]): Promise<void> {
  details.replaceChildren(h('p', { class: 'state loading' }, 'Loading evidence…'));
  const pathBox = h('div', { class: 'path' });
  const pathButton = h('button', { type: 'button', 'data-action': 'path' }, 'Shortest evidence path');
  pathButton.addEventListener('click', () => void showPath(view, pathBox, a, b));
  try {
    const evidence = await getJson<Evidence>(`/evidence?shops=${[a, b].map(encodeURIComponent).join(',')}`);
    const pair = evidence.pairs[0];
    view.highlightShared(evidence.identifiers.map((i) => `${i.kind}:${i.key}`));
    details.replaceChildren(
      h('h3', { class: 'why' }, 'Why ', shopLink(view, a), ' and ', shopLink(view, b), ' are linked'),
      evidence.identifiers.length === 0
        ? h('p', { class: 'state empty' }, 'They share no identifier directly; the path below shows through whom they are linked.')
        : h(
            'div',
            { class: 'evidence' },
            h('p', {}, `Link weight ${pair?.weight.toFixed(2) ?? '0'} from ${evidence.identifiers.length} shared identifier(s), highlighted in the graph:`),
            h(
              'ul',
              {},
              evidence.identifiers.map((i) =>
                h(
                  'li',
                  {},
                  kindSwatch(i.kind),
                  `${identifierName(i.kind)}: ${i.label} — used by ${i.shopCount} shop(s), weight ${i.weight}${i.hub ? ' (hub, not evidence)' : ''}${i.strong ? ' · strong' : ''}`,
                ),
              ),
            ),
          ),
      pathButton,
      pathBox,
    );
    if (evidence.identifiers.length === 0) await showPath(view, pathBox, a, b);
  } catch (error) {
    details.replaceChildren(h('p', { class: 'state error' }, messageOf(error)), pathButton, pathBox);
  }
}

/** Fetches the shortest evidence path, draws it, and lists it step by step: which identifier, through whom. */
export async function showPath(view: GraphView, box: HTMLElement, from: string, to: string): Promise<ShopPath | null> {
  box.replaceChildren(h('p', { class: 'state loading' }, 'Finding the shortest evidence path…'));
  try {
    const path = await getJson<ShopPath>(`/shops/${encodeURIComponent(from)}/path?to=${encodeURIComponent(to)}`);
    if (path.path.length === 0) {
      box.replaceChildren(
        h('p', { class: 'state empty', 'data-path': 'none' }, `No evidence path within ${path.maxSteps} shop-to-shop steps (hubs are not walked through).`),
      );
      return path;
    }
    view.showPath(path);
    const byId = new Map(path.nodes.map((n) => [n.id, n]));
    const steps = path.path.map((id, i) => {
      const node = byId.get(id)!;
      return node.type === 'shop'
        ? h(
            'li',
            { class: 'path-shop', 'data-node': id },
            h('a', { href: `#/shops/${encodeURIComponent(id)}`, title: id }, node.label ?? id),
            i === 0 ? '' : '',
          )
        : h('li', { class: 'path-identifier', 'data-node': id }, kindSwatch(node.kind), `via ${identifierName(node.kind)}: ${node.label ?? '(hidden)'}`);
    });
    const clear = h('button', { type: 'button', class: 'secondary', 'data-action': 'clear-path' }, 'Clear path');
    clear.addEventListener('click', () => {
      view.showPath({ truncated: false, nodes: [], edges: [], path: [] });
      box.replaceChildren();
    });
    box.replaceChildren(
      h('h4', {}, `Shortest evidence path: ${path.steps} step(s), ${path.path.length - path.steps - 1} shop(s) between`),
      h('ul', { class: 'path-steps', 'data-path': path.path.join(' ') }, steps),
      clear,
    );
    return path;
  } catch (error) {
    box.replaceChildren(h('p', { class: 'state error' }, messageOf(error)));
    return null;
  }
}

/** Several shops (a box selection): compare what they share, or leave them out of the proposal. */
function showMany(view: GraphView, details: HTMLElement, selection: string[], options: GraphPanelOptions): void {
  const out = h('div', { class: 'compare' });
  const compare = h('button', { type: 'button', 'data-action': 'compare' }, `Compare${selection.length > COMPARE_MAX ? ` the first ${COMPARE_MAX}` : ''}`);
  compare.addEventListener('click', async () => {
    out.replaceChildren(h('p', { class: 'state loading' }, 'Loading evidence…'));
    try {
      const evidence = await getJson<Evidence>(`/evidence?shops=${selection.slice(0, COMPARE_MAX).map(encodeURIComponent).join(',')}`);
      view.highlightShared(evidence.identifiers.map((i) => `${i.kind}:${i.key}`));
      out.replaceChildren(
        h('p', {}, `${evidence.identifiers.length} identifier(s) shared by two or more of them, highlighted in the graph:`),
        h(
          'ul',
          {},
          evidence.identifiers.map((i) =>
            h('li', {}, kindSwatch(i.kind), `${identifierName(i.kind)}: ${i.label} — ${i.shops.length} of these shops${i.hub ? ' (hub)' : ''}`),
          ),
        ),
      );
    } catch (error) {
      out.replaceChildren(h('p', { class: 'state error' }, messageOf(error)));
    }
  });
  const exclude = options.onExclude ? h('button', { type: 'button', class: 'secondary', 'data-action': 'exclude' }, 'Exclude from the proposal') : null;
  exclude?.addEventListener('click', () => {
    options.onExclude!(selection);
    exclude.textContent = `${selection.length} shop(s) ticked under “Exclude members”`;
    exclude.disabled = true;
  });
  details.replaceChildren(
    h('h3', { 'data-selected': selection.length }, `${selection.length} shops selected`),
    h('p', { class: 'actions-row' }, compare, exclude),
    out,
    h(
      'ul',
      { class: 'links selected-shops' },
      selection.slice(0, 100).map((id) => h('li', {}, shopLink(view, id))),
    ),
    selection.length > 100 ? h('p', { class: 'muted' }, `and ${selection.length - 100} more`) : '',
  );
}
