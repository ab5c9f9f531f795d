import type { ReportPage } from '@ringwatch/wire';
import { can, download, getJson, postJson } from '../api';
import { empty, failure, h, loading } from '../dom';

/** The nightly shop-cluster reports: what changed each night, with the full report one click away. */
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
    const open = (id: string, file: string) => {
      const button = h('button', { type: 'button', class: 'secondary' }, file.split('.').pop()!.toUpperCase());
      button.addEventListener(
        'click',
        () => void download(`/reports/${id}/${file}`, file.endsWith('.html')).catch((e: unknown) => (button.textContent = String(e))),
      );
      return button;
    };
    body.replaceChildren(
      h(
        'table',
        { 'aria-label': 'Reports' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Started', 'Status', 'Trigger', 'Clusters', 'Flagged', 'New', 'Newly flagged', 'Shutdowns', 'Alerts', ''].map((t) => h('th', {}, t)),
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
              ...['clusters', 'flagged', 'new', 'newlyFlagged', 'shutdownsExecuted', 'recidivismAlerts'].map((k) =>
                h('td', { class: 'num' }, r.summary?.[k] ?? '–'),
              ),
              h('td', {}, r.status === 'completed' ? [open(r.id, 'report.html'), ' ', open(r.id, 'clusters.csv'), ' ', open(r.id, 'report.json')] : null),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    body.replaceChildren(failure(error));
  }
}
