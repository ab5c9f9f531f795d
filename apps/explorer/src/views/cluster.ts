import type { ClusterDetail, ClusterGraph, ProposeShutdownBody, Shutdown } from '@ringwatch/wire';
import { can, download, getJson, postJson } from '../api';
import { failure, fmtDate, h, loading } from '../dom';
import { go } from '../router';
import { mountGraph } from './graph-panel';

/** One cluster: the evidence graph, why it scored as it did, and the way to propose its shutdown. */
export async function clusterView(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  root.replaceChildren(loading(`cluster ${id}`));
  const run = params.get('run');
  const suffix = run ? `?run=${encodeURIComponent(run)}` : '';
  let cluster: ClusterDetail;
  let graph: ClusterGraph;
  try {
    [cluster, graph] = await Promise.all([
      getJson<ClusterDetail>(`/clusters/${encodeURIComponent(id)}${suffix}`),
      getJson<ClusterGraph>(`/clusters/${encodeURIComponent(id)}/graph?limit=${params.get('limit') ?? 6000}${run ? `&run=${encodeURIComponent(run)}` : ''}`),
    ]);
  } catch (error) {
    root.replaceChildren(failure(error));
    return;
  }
  const toolbar = h('div', { class: 'toolbar', role: 'toolbar' });
  const canvas = h('div', { class: 'canvas', 'aria-label': `Graph of cluster ${cluster.id}` });
  const details = h('div', { class: 'details' });
  const side = h(
    'aside',
    { class: 'side' },
    h('h2', {}, `Cluster ${cluster.id}`),
    h(
      'p',
      {},
      h('span', { class: `risk risk-${cluster.risk >= 70 ? 'high' : cluster.risk >= 40 ? 'mid' : 'low'}` }, `risk ${cluster.risk.toFixed(0)}`),
      ` · ${cluster.size} shops · ${cluster.status.replace('_', ' ')} · `,
      h('span', { class: `badge lineage-${cluster.lineage}` }, cluster.lineage),
      cluster.lineageFrom.length ? ` from ${cluster.lineageFrom.join(', ')}` : '',
    ),
    cluster.verdict ? h('p', { class: 'verdict' }, cluster.verdict) : null,
    // The case outlives this run: its status is what people decided, whatever the run found.
    cluster.caseId
      ? h('p', { class: 'case' }, h('a', { href: `#/cases/${cluster.caseId}` }, `Case ${cluster.caseId}`), ` · ${(cluster.caseStatus ?? '').replace('_', ' ')}`)
      : null,
    h('h3', {}, 'Risk factors'),
    h(
      'table',
      { class: 'factors' },
      h(
        'tbody',
        {},
        cluster.factors.map((f) =>
          h(
            'tr',
            {},
            h('td', { class: 'num' }, `+${f.points.toFixed(0)}`),
            h('td', {}, h('strong', {}, f.name), h('br'), h('span', { class: 'muted' }, f.explanation)),
          ),
        ),
      ),
    ),
    dossierLinks(cluster.id, run),
    details,
    can('shutdown.propose') && cluster.status === 'open' ? proposeForm(cluster) : null,
  );
  root.replaceChildren(h('section', { class: 'workspace' }, h('div', { class: 'graph-area' }, toolbar, canvas), side));
  mountGraph(canvas, toolbar, details, graph, `cluster-${cluster.id}`);
}

/** Raid dossier downloads; identities only with identities.read, a redacted copy otherwise. */
function dossierLinks(id: string, run: string | null): HTMLElement | null {
  if (!can('dossier.read')) return null;
  const error = h('span', { class: 'error' });
  const link = (format: string, label: string) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-dossier': format }, label);
    button.addEventListener('click', () => {
      error.textContent = '';
      download(`/clusters/${encodeURIComponent(id)}/dossier?format=${format}${run ? `&run=${encodeURIComponent(run)}` : ''}`, format === 'html').catch(
        (e: unknown) => (error.textContent = String(e)),
      );
    });
    return button;
  };
  return h(
    'p',
    { class: 'dossier' },
    'Dossier: ',
    link('pdf', 'PDF'),
    ' ',
    link('zip', 'ZIP'),
    ' ',
    link('html', 'HTML'),
    can('identities.read') ? null : h('span', { class: 'muted' }, ' (redacted for your role)'),
    error,
  );
}

function proposeForm(cluster: ClusterDetail): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const reason = h('textarea', { name: 'reason', rows: 3, required: true, minlength: 10, placeholder: 'Why this network should go (at least 10 characters)' });
  const members = cluster.members.map((m) =>
    h(
      'label',
      { class: 'member' },
      h('input', { type: 'checkbox', name: 'exclude', value: m.id }),
      ` ${m.id} ${m.name ?? ''} `,
      h('span', { class: 'muted' }, `conf. ${m.confidence.toFixed(2)} · opened ${fmtDate(m.openedAt)}`),
    ),
  );
  const form = h(
    'form',
    { class: 'propose', 'aria-label': 'Propose shutdown' },
    h('h3', {}, 'Propose a bulk shutdown'),
    reason,
    h('details', {}, h('summary', {}, `Exclude members (${cluster.members.length})`), h('div', { class: 'members' }, members)),
    h('button', { type: 'submit' }, 'Propose shutdown'),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const exclude = [...form.querySelectorAll<HTMLInputElement>('input[name=exclude]:checked')].map((i) => i.value);
    try {
      const proposal = await postJson<Shutdown>('/shutdowns', { clusterId: cluster.id, reason: reason.value, exclude } satisfies ProposeShutdownBody);
      go(`shutdowns/${proposal.id}`);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  });
  return form;
}
