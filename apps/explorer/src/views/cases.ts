import { CASE_STATUS_LABELS } from '@ringwatch/cases';
import type { CaseDetail, CasePage, CaseStatusSchema } from '@ringwatch/wire';
import type { z } from 'zod';
import { can, getJson, postJson, session } from '../api';
import { empty, facts, failure, fmtDate, h, keyboardRows, loading } from '../dom';
import { go } from '../router';

type CaseStatus = z.infer<typeof CaseStatusSchema>;
const label = (s: string) => CASE_STATUS_LABELS[s as CaseStatus] ?? s;

/** The inbox's tabs: what a person picks up in the morning. */
const TABS: readonly (readonly [string, string, string])[] = [
  ['mine', 'Assigned to me', 'assignee=me&status=open'],
  ['unassigned', 'Unassigned new', 'assignee=none&status=new'],
  ['decision', 'Waiting for a decision', 'status=shutdown_proposed'],
  ['open', 'All open', 'status=open'],
  ['closed', 'Shut down', 'status=shut_down'],
];

/** The inbox: cases by tab, most urgent first; arrows or j/k move, Enter opens. */
export async function casesView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const tab = TABS.find(([key]) => key === (params.get('tab') ?? 'mine')) ?? TABS[0]!;
  const body = h('div', {}, loading('cases'));
  root.replaceChildren(
    h(
      'section',
      { class: 'page' },
      h('h2', {}, 'Cases'),
      h(
        'nav',
        { class: 'tabs' },
        TABS.map(([key, text]) => h('a', { href: `#/cases?tab=${key}`, class: key === tab[0] ? 'active' : '' }, text)),
      ),
      body,
    ),
  );
  try {
    const page = await getJson<CasePage>(`/cases?${tab[2]}&limit=200`);
    if (page.items.length === 0) return void body.replaceChildren(empty(`Nothing here: no case is ${tab[1].toLowerCase()}.`));
    const rows = page.items.map((c) =>
      h(
        'tr',
        { tabindex: -1, 'data-case': c.id, onclick: () => go(`cases/${c.id}`) },
        h('td', {}, h('a', { href: `#/cases/${c.id}` }, c.id)),
        h('td', {}, h('span', { class: `badge priority-${c.priority}` }, c.priority)),
        h('td', { class: 'num' }, h('span', { class: `risk risk-${c.risk >= 70 ? 'high' : c.risk >= 40 ? 'mid' : 'low'}` }, c.risk.toFixed(0))),
        h('td', { class: 'num' }, c.size),
        h('td', {}, label(c.status)),
        h('td', {}, c.assignee ?? '–'),
        h('td', {}, h('a', { href: `#/clusters/${c.clusterId}` }, c.clusterId)),
        h('td', {}, c.updatedAt.slice(0, 16).replace('T', ' ')),
      ),
    );
    const table = h(
      'table',
      { class: 'cases', 'aria-label': 'Cases' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Case', 'Priority', 'Risk', 'Shops', 'Status', 'Assignee', 'Network', 'Last change'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h('tbody', {}, rows),
    );
    const focus = keyboardRows(table, rows, (i) => go(`cases/${page.items[i]!.id}`));
    body.replaceChildren(table, h('p', { class: 'pager' }, `${page.items.length} of ${page.total} · ↑↓ or j/k, Enter opens`));
    focus(0);
  } catch (error) {
    body.replaceChildren(failure(error));
  }
}

/** A note's text with the shops it mentions as links to them. */
function linkShops(text: string, mentions: readonly string[]): (string | HTMLElement)[] {
  if (mentions.length === 0) return [text];
  const pattern = new RegExp(`\\b(${mentions.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? h('a', { href: `#/shops/${encodeURIComponent(part)}` }, part) : part));
}

/** One case: what it is, who has it, where it can go, its notes and its timeline. */
export async function caseView(root: HTMLElement, id: string): Promise<void> {
  root.replaceChildren(loading(`case ${id}`));
  let c: CaseDetail;
  try {
    c = await getJson<CaseDetail>(`/cases/${encodeURIComponent(id)}`);
  } catch (error) {
    return void root.replaceChildren(failure(error));
  }
  const me = session.me()?.username ?? '';
  const writable = can('cases.write');
  const error = h('p', { class: 'error', role: 'alert' });
  const act = (path: string, payload: unknown) => async () => {
    error.textContent = '';
    try {
      await postJson(`/cases/${c.id}/${path}`, payload);
      await caseView(root, id);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  const reason = h('input', { type: 'text', placeholder: 'reason (needed to dismiss)', 'aria-label': 'reason' });
  const agency = h('input', { type: 'text', placeholder: 'agency (to refer)', 'aria-label': 'agency' });
  const reference = h('input', { type: 'text', placeholder: 'their reference', 'aria-label': 'reference' });
  const moves = c.moves.map((to) =>
    h(
      'button',
      {
        type: 'button',
        'data-move': to,
        onclick: () =>
          act('status', {
            to,
            ...(reason.value.trim() ? { reason: reason.value.trim() } : {}),
            ...(agency.value.trim() ? { agency: agency.value.trim() } : {}),
            ...(reference.value.trim() ? { reference: reference.value.trim() } : {}),
          })(),
      },
      `→ ${label(to)}`,
    ),
  );
  const priority = h(
    'select',
    { 'aria-label': 'priority', onchange: (e: Event) => act('priority', { priority: (e.target as HTMLSelectElement).value })() },
    ['low', 'medium', 'high', 'urgent'].map((p) => h('option', { value: p, selected: p === c.priority }, p)),
  );
  const note = h('textarea', { rows: 3, placeholder: 'Add a note (shop ids you mention are linked)', 'aria-label': 'note' });
  root.replaceChildren(
    h(
      'section',
      { class: 'page case' },
      h('h2', {}, `Case ${c.id} `, h('span', { class: `badge status-${c.status}` }, label(c.status))),
      c.statusReason ? h('p', { class: 'verdict' }, c.statusReason) : null,
      facts([
        ['Network', h('a', { href: `#/clusters/${c.clusterId}` }, `${c.clusterId} (${c.size} shops, risk ${c.risk.toFixed(0)})`)],
        ['Assignee', c.assignee ?? 'nobody'],
        ['Priority', writable ? priority : c.priority],
        ['Opened', fmtDate(c.createdAt)],
        ...(c.agency ? ([['Referred to', `${c.agency} (${c.reference ?? '–'})`]] as const) : []),
        ...(c.mergedInto ? ([['Merged into', h('a', { href: `#/cases/${c.mergedInto}` }, c.mergedInto)]] as const) : []),
        ...(c.splitFrom ? ([['Split from', h('a', { href: `#/cases/${c.splitFrom}` }, c.splitFrom)]] as const) : []),
      ]),
      writable
        ? h(
            'div',
            { class: 'actions' },
            c.assignee !== me ? h('button', { type: 'button', onclick: act('assignee', { assignee: me, expected: c.assignee }) }, 'Assign to me') : null,
            c.assignee
              ? h('button', { type: 'button', class: 'secondary', onclick: act('assignee', { assignee: null, expected: c.assignee }) }, 'Unassign')
              : null,
            moves.length
              ? h('div', { class: 'moves' }, reason, agency, reference, moves)
              : h('p', { class: 'muted' }, 'Its next step is the four-eyes decision.'),
            error,
          )
        : null,
      c.shutdowns.length
        ? [
            h('h3', {}, 'Shutdowns'),
            h(
              'ul',
              {},
              c.shutdowns.map((x) =>
                h('li', {}, h('a', { href: `#/shutdowns/${x.id}` }, x.id.slice(0, 8)), ` ${x.status}, ${x.shopsDone} of ${x.shopsTotal} shops`),
              ),
            ),
          ]
        : null,
      c.dossiers.length
        ? [
            h('h3', {}, `Dossiers exported (${c.dossiers.length})`),
            h(
              'ul',
              {},
              c.dossiers.map((d) =>
                h(
                  'li',
                  {},
                  `${d.format.toUpperCase()}${d.redacted ? ' (redacted)' : ''} by ${d.actor}, ${d.at.slice(0, 16).replace('T', ' ')}`,
                  d.sha256 ? h('span', { class: 'muted', title: `SHA-256 ${d.sha256}` }, ` · SHA-256 ${d.sha256.slice(0, 12)}…`) : null,
                ),
              ),
            ),
          ]
        : null,
      c.alerts.length
        ? [
            h('h3', {}, `Alerts (${c.alerts.length})`),
            h(
              'ul',
              {},
              c.alerts.map((a) => h('li', {}, `${a.kind}: `, h('a', { href: `#/shops/${a.shopId}` }, a.shopId), ` — ${a.via.join('; ')} (${a.status})`)),
            ),
          ]
        : null,
      h('h3', {}, `Notes (${c.notes.length})`),
      c.notes.length
        ? h(
            'ul',
            { class: 'notes' },
            c.notes.map((n) => h('li', {}, h('strong', {}, n.author), ` · ${n.at.slice(0, 16).replace('T', ' ')}`, h('p', {}, linkShops(n.text, n.mentions)))),
          )
        : empty('No note yet.'),
      writable
        ? h(
            'div',
            { class: 'note-form' },
            note,
            h('button', { type: 'button', onclick: () => (note.value.trim() ? act('notes', { text: note.value.trim() })() : undefined) }, 'Add note'),
          )
        : null,
      h('h3', {}, 'Timeline'),
      h(
        'ul',
        { class: 'timeline' },
        c.events.map((e) => h('li', {}, `${e.at.slice(0, 16).replace('T', ' ')} · ${e.type} · ${e.actor}`, e.detail ? ` — ${e.detail}` : '')),
      ),
    ),
  );
}
