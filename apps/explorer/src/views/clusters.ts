import type { ClusterPage } from '@ringwatch/wire';
import { getJson } from '../api';
import { empty, failure, fmtNumber, h, keyboardRows, loading } from '../dom';
import { go } from '../router';
import { clustersCsv, COLUMNS, SERVER_SORTS, sortedView, topBrandsText, type Column, type SortView } from './clusters-table';

const PAGE = 50;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The clusters of the latest run: filters and sort live in the URL; arrows or j/k move, Enter opens. */
export async function clustersView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const state = {
    flagged: params.get('flagged') ?? 'true',
    minRisk: params.get('minRisk') ?? '',
    status: params.get('status') ?? '',
    brand: params.get('brand') ?? '',
    sort: params.get('sort') ?? 'risk',
    skip: Number(params.get('skip') ?? 0),
    col: params.get('col') ?? '',
    dir: params.get('dir') ?? '',
  };
  const view: SortView = {
    column: (COLUMNS as readonly string[]).includes(state.col) && !SERVER_SORTS[state.col as Column] ? (state.col as Column) : null,
    descending: state.dir === 'desc',
  };
  const apply = (changes: Partial<typeof state>) => go('clusters', { ...state, skip: 0, col: '', dir: '', ...changes });
  const select = (name: keyof typeof state, options: [string, string][], label: string) =>
    h(
      'label',
      {},
      label,
      h(
        'select',
        { name, onchange: (e: Event) => apply({ [name]: (e.target as HTMLSelectElement).value }) },
        options.map(([value, text]) => h('option', { value, selected: state[name] === value }, text)),
      ),
    );
  const filters = h(
    'form',
    { class: 'filters', onsubmit: (e: Event) => e.preventDefault() },
    select(
      'flagged',
      [
        ['true', 'flagged'],
        ['', 'all'],
        ['false', 'not flagged'],
      ],
      'Show ',
    ),
    select(
      'status',
      [
        ['', 'any'],
        ['open', 'open'],
        ['proposed', 'proposed'],
        ['shut_down', 'shut down'],
      ],
      'Status ',
    ),
    select(
      'sort',
      [
        ['risk', 'risk'],
        ['size', 'size'],
        ['growth', 'growth'],
      ],
      'Sort by ',
    ),
    h(
      'label',
      {},
      'Min risk ',
      h('input', {
        name: 'minRisk',
        type: 'number',
        min: 0,
        max: 100,
        value: state.minRisk,
        onchange: (e: Event) => apply({ minRisk: (e.target as HTMLInputElement).value }),
      }),
    ),
    h(
      'label',
      {},
      'Brand ',
      h('input', {
        name: 'brand',
        value: state.brand,
        placeholder: 'any',
        onchange: (e: Event) => apply({ brand: (e.target as HTMLInputElement).value.trim() }),
      }),
    ),
  );
  const body = h('div', {}, loading('clusters'));
  root.replaceChildren(h('section', { class: 'page' }, h('h2', {}, 'Clusters'), filters, body));

  const query = new URLSearchParams({ sort: state.sort, skip: String(state.skip), limit: String(PAGE) });
  if (state.flagged) query.set('flagged', state.flagged);
  if (state.minRisk) query.set('minRisk', state.minRisk);
  if (state.status) query.set('status', state.status);
  if (state.brand) query.set('brand', state.brand);
  let page: ClusterPage;
  try {
    page = await getJson<ClusterPage>(`/clusters?${query}`);
  } catch (error) {
    body.replaceChildren(failure(error));
    return;
  }
  if (page.items.length === 0) {
    // "No run yet" only when the API names no run; a run whose clusters the filters all leave out is a filter's result.
    body.replaceChildren(
      empty(
        page.runId
          ? `No cluster matches the filter${page.total === 0 && state.skip === 0 ? '' : ' on this page'}.`
          : 'No detection run yet: load data and run detection first.',
      ),
    );
    return;
  }
  const items = sortedView(page.items, view);
  const rows = items.map((c) => {
    const growth = c.size - c.sizeBefore;
    return h(
      'tr',
      { tabindex: -1, 'data-cluster': c.id, onclick: () => go(`clusters/${c.id}`) },
      h('td', {}, h('a', { href: `#/clusters/${c.id}` }, c.id)),
      h('td', { class: 'num' }, h('span', { class: `risk risk-${c.risk >= 70 ? 'high' : c.risk >= 40 ? 'mid' : 'low'}` }, c.risk.toFixed(0))),
      h('td', { class: 'num' }, c.size),
      h('td', { class: 'num' }, c.lineage === 'new' ? '–' : growth > 0 ? `+${growth}` : String(growth)),
      h('td', { class: 'brands', title: c.brands.join(', ') }, topBrandsText(c) || '–'),
      h('td', {}, c.status.replace('_', ' ')),
      h('td', {}, h('span', { class: `badge lineage-${c.lineage}` }, c.lineage)),
    );
  });
  const header = (column: Column) => {
    const server = SERVER_SORTS[column];
    const active = server ? view.column === null && state.sort === server : view.column === column;
    const direction = active ? (server || view.descending ? 'descending' : 'ascending') : 'none';
    const sortBy = () => {
      // Risk, size and growth sort the whole result (the API's order); the other columns sort the page shown.
      if (server) return go('clusters', { ...state, skip: 0, sort: server });
      const descending = view.column === column ? !view.descending : false;
      go('clusters', { ...state, col: column, dir: descending ? 'desc' : 'asc' });
    };
    return h(
      'th',
      { scope: 'col', 'aria-sort': direction },
      h('button', { type: 'button', class: 'sort', onclick: sortBy, title: server ? `Sort all clusters by ${column.toLowerCase()}` : 'Sort this page' }, [
        column,
        direction === 'none' ? '' : direction === 'descending' ? ' ▼' : ' ▲',
      ]),
    );
  };
  const table = h('table', { class: 'clusters', 'aria-label': 'Clusters' }, h('thead', {}, h('tr', {}, COLUMNS.map(header))), h('tbody', {}, rows));
  const focus = keyboardRows(table, rows, (i) => go(`clusters/${items[i]!.id}`));
  const pager = h(
    'p',
    { class: 'pager' },
    `${fmtNumber(state.skip + 1)}–${fmtNumber(state.skip + page.items.length)} of ${fmtNumber(page.total)} `,
    state.skip > 0 ? h('button', { onclick: () => go('clusters', { ...state, skip: Math.max(0, state.skip - PAGE) }) }, '← Previous') : null,
    state.skip + PAGE < page.total ? h('button', { onclick: () => go('clusters', { ...state, skip: state.skip + PAGE }) }, 'Next →') : null,
    h(
      'button',
      { type: 'button', class: 'export', onclick: () => download(`clusters-${page.runId?.slice(0, 8) ?? 'none'}.csv`, clustersCsv(items)) },
      'Export CSV',
    ),
    h('span', { class: 'muted' }, ` · run ${page.runId?.slice(0, 8)} of ${page.runStartedAt?.slice(0, 16).replace('T', ' ')} · ↑↓ or j/k, Enter opens`),
  );
  body.replaceChildren(table, pager);
  focus(0);
}
