import { caseStatusLabel } from '@ringwatch/cases';
import type { ClusterDetail, ClusterGraph, ProposeShutdownBody, Shutdown } from '@ringwatch/wire';
import { can, download, getJson, postJson } from '../api';
import { failure, fmtDate, h, loading, messageOf } from '../dom';
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
  // Where the first look's time goes (bench:explorer prints these beside the interactive time).
  performance.mark('ringwatch:data');
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
      ? h('p', { class: 'case' }, h('a', { href: `#/cases/${cluster.caseId}` }, `Case ${cluster.caseId}`), ` · ${caseStatusLabel(cluster.caseStatus ?? '')}`)
      : null,
    // What the analyst clicked (a shop, why two are linked, a selection) comes first, above the fold.
    details,
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
    can('shutdown.propose') && cluster.status === 'open' ? proposeForm(cluster) : null,
  );
  root.replaceChildren(h('section', { class: 'workspace' }, h('div', { class: 'graph-area' }, toolbar, canvas), side));
  // Members carry their opening dates: the graph's time filter reads them from the nodes.
  const opened = new Map(cluster.members.map((m) => [m.id, m.openedAt]));
  const data = { ...graph, nodes: graph.nodes.map((n) => (n.type === 'shop' ? { ...n, openedAt: opened.get(n.id) ?? null } : n)) };
  mountGraph(canvas, toolbar, details, data, `cluster-${cluster.id}`, {
    onExclude: side.querySelector('form.propose') ? (ids) => excludeMembers(side, ids) : undefined,
  });
  performance.mark('ringwatch:mounted');
}

/** Ticks shops under "Exclude members" of the proposal form and opens that list, so the choice is visible before proposing. */
function excludeMembers(side: HTMLElement, ids: string[]): void {
  const form = side.querySelector<HTMLFormElement>('form.propose');
  if (!form) return;
  const wanted = new Set(ids);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=exclude]')) if (wanted.has(box.value)) box.checked = true;
  const list = form.querySelector('details');
  if (list) list.open = true;
  form.scrollIntoView({ block: 'nearest' });
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
        (e: unknown) => (error.textContent = messageOf(e)),
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

/**
 * The proposal form. Proposing freezes the members and computes the dry run, which takes a moment on a
 * large network: the button waits (and says so) meanwhile, and the form gives way to the proposal's
 * state once it is made, so a proposal is never made without the page saying so.
 */
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
  const submit = h('button', { type: 'submit' }, 'Propose shutdown');
  const sending = h('span', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'propose', 'aria-label': 'Propose shutdown' },
    h('h3', {}, 'Propose a bulk shutdown'),
    reason,
    h('details', {}, h('summary', {}, `Exclude members (${cluster.members.length})`), h('div', { class: 'members' }, members)),
    h('p', { class: 'submit-row' }, submit, sending),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    error.textContent = '';
    const exclude = [...form.querySelectorAll<HTMLInputElement>('input[name=exclude]:checked')].map((i) => i.value);
    submit.disabled = true;
    reason.readOnly = true;
    sending.textContent = 'Proposing… (freezing the members and computing the dry run)';
    try {
      const proposal = await postJson<Shutdown>('/shutdowns', { clusterId: cluster.id, reason: reason.value, exclude } satisfies ProposeShutdownBody);
      form.replaceWith(proposed(proposal));
    } catch (e) {
      submit.disabled = false;
      reason.readOnly = false;
      sending.textContent = '';
      error.textContent = messageOf(e);
    }
  });
  return form;
}

/** What replaces the form once the proposal is made: its state, what it would take down, and the way to it. */
function proposed(proposal: Shutdown): HTMLElement {
  return h(
    'div',
    { class: 'proposed', role: 'status', 'data-shutdown': proposal.id },
    h('h3', {}, 'Shutdown proposed'),
    h(
      'p',
      {},
      `${proposal.preview.shops} shops and ${proposal.preview.activeListings} live listings would go. `,
      'It now waits for a supervisor other than you to approve or reject it; the members are frozen meanwhile.',
    ),
    h('p', {}, h('a', { href: `#/shutdowns/${proposal.id}`, 'data-action': 'open-proposal' }, 'Open the proposal and its dry run →')),
  );
}
