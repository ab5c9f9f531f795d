import {
  REPORT_TODO_SECTIONS,
  reportTodoCount as count,
  waitedFor as waited,
  type Report,
  type ReportContent,
  type ReportPage,
  type ReportTodo,
  type ReportTodoSection,
} from '@ringwatch/wire';
import { can, download, getJson, postJson } from '../api';
import { empty, failure, h, loading } from '../dom';

const link = (href: string, text: string) => h('a', { href }, text);
const caseLink = (id: string | null) => (id ? link(`#/cases/${encodeURIComponent(id)}`, id) : '–');
const clusterLink = (id: string) => link(`#/clusters/${encodeURIComponent(id)}`, id);
const shopLink = (id: string) => link(`#/shops/${encodeURIComponent(id)}`, id);
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Each to-do group as list items, the item's ids linked to their pages. */
const TODO_ITEMS: { [S in ReportTodoSection]: (items: ReportTodo[S]) => HTMLElement[] } = {
  newCases: (items) =>
    items.map((c) =>
      h(
        'li',
        {},
        caseLink(c.caseId),
        ' · ',
        clusterLink(c.clusterId),
        ` · risk ${c.risk.toFixed(0)} · ${c.size} shops`,
        c.brands.length ? ` · ${c.brands.slice(0, 3).join(', ')}` : '',
      ),
    ),
  riskRises: (items) =>
    items.map((c) =>
      h(
        'li',
        {},
        caseLink(c.caseId),
        ' · ',
        clusterLink(c.clusterId),
        ` · risk ${c.riskBefore.toFixed(0)} → ${c.risk.toFixed(0)} · ${c.statusLabel}${c.assignee ? ` · ${c.assignee}` : ''}`,
        h(
          'ul',
          {},
          c.factors.map((f) => h('li', {}, h('strong', {}, `${f.label} ${f.pointsBefore.toFixed(0)} → ${f.points.toFixed(0)}`), ': ', f.explanation)),
          c.because.map((b) => h('li', { class: 'muted' }, b)),
        ),
      ),
    ),
  reopened: (items) => items.map((c) => h('li', {}, caseLink(c.caseId), ' · ', clusterLink(c.clusterId), ` · ${c.statusLabel}: ${c.reason}`)),
  proposals: (items) =>
    items.map((p) =>
      h(
        'li',
        {},
        link(`#/shutdowns/${encodeURIComponent(p.shutdownId)}`, p.clusterId),
        p.caseId ? [' · ', caseLink(p.caseId)] : null,
        ` · ${p.shops} shops · proposed by ${p.proposedBy}, waiting ${waited(p.waitingHours)} · ${p.reason}`,
      ),
    ),
  alerts: (items) =>
    items.map((a) => h('li', {}, shopLink(a.shopId), ` · ${a.kind}`, a.caseId ? [' · ', caseLink(a.caseId)] : null, ` · shares ${a.via.join('; ')}`)),
  brandVerdicts: (items) =>
    items.map((b) =>
      h(
        'li',
        {},
        h('strong', {}, b.brand),
        `: ${b.verdicts.map((v) => `${v.count} ${v.label}`).join(', ')}`,
        b.clusters.length ? [' · ', ...b.clusters.slice(0, 10).flatMap((id, i) => [i ? ', ' : '', clusterLink(id)])] : null,
      ),
    ),
  reinstatements: (items) => items.map((s) => h('li', {}, shopLink(s.shopId), ` ${s.shopName ?? ''} · by ${s.by} · ${s.reason ?? ''}`)),
};

/** The latest report's to-do groups: what needs a person this morning, the empty groups left out. */
function todoPanel(content: ReportContent): HTMLElement {
  const groups = (Object.keys(REPORT_TODO_SECTIONS) as ReportTodoSection[]).filter((s) => count(content.todo, s) > 0);
  return h(
    'section',
    { class: 'todo', 'aria-label': 'To do' },
    h('h3', {}, `To do, from the report of ${when(content.generatedAt)} UTC`),
    groups.length === 0
      ? empty(content.since ? `Nothing new since ${when(content.since)} UTC.` : 'Nothing needs a person.')
      : groups.map((s) =>
          h(
            'div',
            { class: 'todo-group', 'data-todo': s },
            h('h4', {}, `${REPORT_TODO_SECTIONS[s]} (${count(content.todo, s)})`),
            h('ul', {}, (TODO_ITEMS[s] as (items: unknown) => HTMLElement[])(content.todo[s])),
          ),
        ),
    h(
      'p',
      { class: 'muted' },
      content.since
        ? `Covers what happened since the previous report, of ${when(content.since)} UTC.`
        : 'The first report: it covers everything recorded until it ran.',
    ),
  );
}

/** The nightly reports: the latest one's to-do list first, then every report with its files. */
export async function reportsView(root: HTMLElement): Promise<void> {
  const body = h('div', {}, loading('reports'));
  const status = h('span', { class: 'muted', role: 'status' });
  // Runs detection and the report now (202): the page follows it until the new report is recorded and finished.
  const follow = async (before: number) => {
    for (let i = 0; i < 100 && location.hash.startsWith('#/reports'); i++) {
      await new Promise((resolve) => window.setTimeout(resolve, 3000));
      const latest = await getJson<ReportPage>('/reports?limit=1');
      if (latest.total > before && latest.items[0]?.status !== 'running') return void reportsView(root);
    }
  };
  const run = can('reports.run')
    ? h(
        'button',
        {
          type: 'button',
          'data-action': 'run-report',
          onclick: () => {
            status.textContent = 'Starting…';
            getJson<ReportPage>('/reports?limit=1')
              .then(async ({ total }) => {
                await postJson('/reports');
                status.textContent = 'Report started: detection runs first; the list updates when it is done.';
                await follow(total);
              })
              .catch((e: unknown) => (status.textContent = e instanceof Error ? e.message : String(e)));
          },
        },
        'Run the report now',
      )
    : null;
  root.replaceChildren(h('section', { class: 'page' }, h('h2', {}, 'Nightly reports'), run ? h('p', {}, run, ' ', status) : null, body));
  try {
    const page = await getJson<ReportPage>('/reports?limit=60');
    if (page.items.length === 0) return void body.replaceChildren(empty('No report yet: the first one runs at the scheduled time (REPORT_CRON).'));
    const latest = page.items.find((r) => r.status === 'completed');
    const content = latest ? (await getJson<Report>(`/reports/${latest.id}`)).content : null;
    const open = (id: string, file: string) => {
      const button = h('button', { type: 'button', class: 'secondary' }, file === 'summary.txt' ? 'TEXT' : file.split('.').pop()!.toUpperCase());
      button.addEventListener(
        'click',
        () => void download(`/reports/${id}/${file}`, file.endsWith('.html')).catch((e: unknown) => (button.textContent = String(e))),
      );
      return button;
    };
    const columns: [string, string][] = [
      ['newCases', 'New unassigned'],
      ['riskRises', 'Risk rose'],
      ['reopened', 'Re-opened'],
      ['proposals', 'Waiting'],
      ['alerts', 'Alerts'],
      ['newClusters', 'New networks'],
      ['flagged', 'Flagged'],
    ];
    body.replaceChildren(
      // Reports written before the to-do list have no `todo`: they get the table only.
      ...(content?.todo ? [todoPanel(content)] : []),
      h(
        'table',
        { 'aria-label': 'Reports' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Started', 'Status', 'Trigger', ...columns.map(([, label]) => label), ''].map((t) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          page.items.map((r) =>
            h(
              'tr',
              { 'data-report': r.id },
              h('td', {}, r.startedAt.slice(0, 16).replace('T', ' ')),
              h('td', {}, h('span', { class: `badge status-${r.status}` }, r.status), r.error ? h('span', { class: 'error' }, ` ${r.error}`) : null),
              h('td', {}, `${r.trigger}${r.attempt > 1 ? ` (retry)` : ''}`),
              ...columns.map(([k]) => h('td', { class: 'num' }, r.summary?.[k] ?? '–')),
              h(
                'td',
                {},
                r.status === 'completed'
                  ? ['report.html', 'summary.txt', 'clusters.csv', 'report.json'].flatMap((f, i) => [i ? ' ' : '', open(r.id, f)])
                  : null,
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    body.replaceChildren(failure(error));
  }
}
