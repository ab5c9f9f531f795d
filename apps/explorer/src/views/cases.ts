import { CASE_STATUSES, caseStatusLabel, describeCaseEvent, SYSTEM_MOVES } from '@ringwatch/cases';
import {
  CASE_PRIORITIES,
  CaseFilterSchema,
  type CaseDetail,
  type CaseFilter,
  type CasePage,
  type SavedView,
  type SavedViewInput,
  type SavedViewList,
} from '@ringwatch/wire';
import { can, deleteJson, getJson, postJson, session } from '../api';
import { empty, facts, failure, fmtDate, h, keyboardRows, loading, messageOf } from '../dom';
import { go } from '../router';

const label = caseStatusLabel;

/** The inbox's tabs: what a person picks up in the morning. */
const TABS: readonly { key: string; label: string; filter: CaseFilter }[] = [
  { key: 'mine', label: 'Assigned to me', filter: { assignee: 'me', status: 'open' } },
  { key: 'unassigned', label: 'Unassigned new', filter: { assignee: 'none', status: 'new' } },
  { key: 'decision', label: 'Waiting for a decision', filter: { status: 'shutdown_proposed' } },
  { key: 'open', label: 'All open', filter: { status: 'open' } },
  { key: 'closed', label: 'Shut down', filter: { status: 'shut_down' } },
];

/** The filter's fields in one order, so two equal filters give one query string (and a tab or view is "the one shown"). */
const FILTER_KEYS = ['status', 'assignee', 'priority', 'minRisk', 'brand', 'changedSince'] as const;

/** A filter as the form or the API holds it (the form's risk is still text). */
type FilterFields = { readonly [K in (typeof FILTER_KEYS)[number]]?: string | number };

function filterQuery(filter: FilterFields): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key] !== undefined && filter[key] !== '') query.set(key, String(filter[key]));
  return query.toString();
}

/** The inbox's address for a filter; `all` stands for the empty filter (every case), as no field at all means the first tab. */
const inboxHref = (filter: FilterFields) => `#/cases?${filterQuery(filter) || 'all'}`;

/** The filter in the address: a tab's (the first tab when nothing is asked), or the fields themselves. */
function filterOf(params: URLSearchParams): CaseFilter {
  const tab = TABS.find((t) => t.key === params.get('tab'));
  if (tab) return tab.filter;
  const raw = Object.fromEntries(FILTER_KEYS.filter((k) => params.get(k)).map((k) => [k, params.get(k)!]));
  if (Object.keys(raw).length === 0) return params.has('all') ? {} : TABS[0]!.filter;
  const parsed = CaseFilterSchema.safeParse(raw);
  return parsed.success ? parsed.data : TABS[0]!.filter;
}

const select = (name: string, label: string, value: string | undefined, options: readonly (readonly [string, string])[]) =>
  h(
    'label',
    {},
    `${label} `,
    h(
      'select',
      { name },
      options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)),
    ),
  );

/** The filter's fields; a change shows the inbox for it (and the address keeps it, to bookmark or share). */
function filterForm(filter: CaseFilter): HTMLFormElement {
  const assignees: [string, string][] = [
    ['', 'anyone'],
    ['me', 'me'],
    ['none', 'nobody'],
  ];
  if (filter.assignee && !['me', 'none'].includes(filter.assignee)) assignees.push([filter.assignee, filter.assignee]);
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter cases' },
    select('status', 'Status', filter.status, [['', 'any'], ['open', 'open (still worked on)'], ...CASE_STATUSES.map((s) => [s, label(s)] as const)]),
    select('assignee', 'Assignee', filter.assignee, assignees),
    select('priority', 'Priority', filter.priority, [['', 'any'], ...CASE_PRIORITIES.map((p) => [p, p] as const)]),
    h('label', {}, 'Risk at least ', h('input', { type: 'number', name: 'minRisk', min: 0, max: 100, value: filter.minRisk ?? '' })),
    h('label', {}, 'Brand ', h('input', { type: 'text', name: 'brand', value: filter.brand ?? '', size: 12 })),
    filter.changedSince ? h('input', { type: 'hidden', name: 'changedSince', value: filter.changedSince }) : null,
  );
  const apply = () => {
    const data = new FormData(form);
    const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, String(data.get(k) ?? '').trim() || undefined]));
    location.hash = inboxHref(filter);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  return form;
}

/**
 * The person's saved views: each a link to its filter, with a delete button; and a way to save the filter
 * on screen under a name. Drawn again after each change, from what the API answers.
 */
async function savedViews(box: HTMLElement, filter: CaseFilter): Promise<void> {
  const shown = filterQuery(filter);
  const status = h('p', { class: 'view-status', role: 'status' });
  let list: SavedViewList;
  try {
    list = await getJson<SavedViewList>('/cases/views');
  } catch (error) {
    return void box.replaceChildren(h('p', { class: 'error', role: 'alert' }, messageOf(error)));
  }
  const name = h('input', { type: 'text', name: 'view-name', maxlength: 60, required: true, placeholder: 'name this filter', 'aria-label': 'view name' });
  const save = h('button', { type: 'submit', class: 'secondary', disabled: list.items.length >= list.max }, 'Save view');
  const form = h('form', { class: 'save-view', 'aria-label': 'Save this filter as a view' }, name, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const wanted = name.value.trim();
    if (!wanted) return;
    save.disabled = true;
    status.className = 'view-status';
    status.textContent = 'Saving…';
    try {
      const view = await postJson<SavedView>('/cases/views', { name: wanted, filter } satisfies SavedViewInput);
      await savedViews(box, filter);
      box.querySelector('.view-status')!.textContent = `Saved “${view.name}”.`;
    } catch (error) {
      save.disabled = false;
      status.className = 'view-status error';
      status.textContent = messageOf(error);
    }
  });
  const chips = list.items.map((v) => {
    const remove = h('button', { type: 'button', class: 'link', 'aria-label': `Delete view ${v.name}`, title: 'Delete this view' }, '×');
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      try {
        await deleteJson(`/cases/views/${encodeURIComponent(v.id)}`);
        await savedViews(box, filter);
        box.querySelector('.view-status')!.textContent = `Deleted “${v.name}”.`;
      } catch (error) {
        remove.disabled = false;
        status.className = 'view-status error';
        status.textContent = messageOf(error);
      }
    });
    return h('li', { class: filterQuery(v.filter) === shown ? 'active' : '', 'data-view': v.id }, h('a', { href: inboxHref(v.filter) }, v.name), ' ', remove);
  });
  box.replaceChildren(
    h(
      'div',
      { class: 'views-row' },
      h('span', { class: 'muted' }, 'My views:'),
      chips.length ? h('ul', { class: 'views' }, chips) : h('span', { class: 'muted' }, 'none yet'),
      // The filter on screen can be saved unless a view of it exists already.
      list.items.some((v) => filterQuery(v.filter) === shown) ? null : form,
      list.items.length >= list.max ? h('span', { class: 'muted' }, `(${list.max} views at most; delete one to save another)`) : null,
    ),
    status,
  );
}

/** The inbox: cases by tab, saved view or filter, most urgent first; arrows or j/k move, Enter opens. */
export async function casesView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const filter = filterOf(params);
  const shown = filterQuery(filter);
  const tab = TABS.find((t) => filterQuery(t.filter) === shown);
  const body = h('div', {}, loading('cases'));
  const views = h('div', { class: 'saved-views' });
  root.replaceChildren(
    h(
      'section',
      { class: 'page' },
      h('h2', {}, 'Cases'),
      h(
        'nav',
        { class: 'tabs' },
        TABS.map((t) => h('a', { href: `#/cases?tab=${t.key}`, class: t === tab ? 'active' : '' }, t.label)),
      ),
      views,
      filterForm(filter),
      body,
    ),
  );
  void savedViews(views, filter);
  try {
    const page = await getJson<CasePage>(`/cases?${shown}&limit=200`);
    if (page.items.length === 0)
      return void body.replaceChildren(empty(tab ? `Nothing here: no case is ${tab.label.toLowerCase()}.` : 'Nothing here: no case matches this filter.'));
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
  // One change at a time: the page's buttons wait while one is sent, and the page is drawn again after it.
  const act = (path: string, payload: unknown) => async () => {
    error.textContent = '';
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.case button, .case select')];
    for (const b of buttons) b.disabled = true;
    try {
      await postJson(`/cases/${c.id}/${path}`, payload);
      await caseView(root, id);
    } catch (e) {
      for (const b of buttons) b.disabled = false;
      error.textContent = messageOf(e);
    }
  };
  const reason = h('input', { type: 'text', placeholder: 'reason (needed to dismiss)', 'aria-label': 'reason' });
  // Agency and reference are asked only where the case can still be referred.
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
    CASE_PRIORITIES.map((p) => h('option', { value: p, selected: p === c.priority }, p)),
  );
  const note = h('textarea', { rows: 3, placeholder: 'Add a note (shop ids you mention are linked)', 'aria-label': 'note' });
  // The liaison records the referral to law enforcement: all four fields, the case becomes referred.
  const referral = {
    agency: h('input', { type: 'text', required: true, placeholder: 'agency', 'aria-label': 'referral agency' }),
    reference: h('input', { type: 'text', required: true, placeholder: 'their reference', 'aria-label': 'referral reference' }),
    date: h('input', { type: 'date', required: true, 'aria-label': 'referral date', value: new Date().toISOString().slice(0, 10) }),
    contact: h('input', { type: 'text', required: true, placeholder: 'contact (name, phone or email)', 'aria-label': 'referral contact' }),
  };
  const referralForm =
    can('cases.refer') && c.moves.includes('referred')
      ? h(
          'form',
          {
            class: 'referral',
            'aria-label': 'Record a referral',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void act('referral', {
                agency: referral.agency.value.trim(),
                reference: referral.reference.value.trim(),
                date: referral.date.value,
                contact: referral.contact.value.trim(),
              })();
            },
          },
          h('h3', {}, 'Record a referral to law enforcement'),
          h(
            'div',
            { class: 'move-details' },
            h('label', { class: 'field' }, 'Agency', referral.agency),
            h('label', { class: 'field' }, 'Their reference', referral.reference),
            h('label', { class: 'field' }, 'Referred on', referral.date),
            h('label', { class: 'field' }, 'Contact at the agency', referral.contact),
          ),
          h('button', { type: 'submit', 'data-action': 'refer' }, 'Record referral'),
          writable ? null : error,
        )
      : null;
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
        ...(c.agency
          ? ([
              ['Referred to', `${c.agency}, reference ${c.reference ?? '–'}${c.referralDate ? `, on ${c.referralDate}` : ''}`],
              ...(c.referralContact ? ([['Their contact', c.referralContact]] as const) : []),
              ...(c.referredBy ? ([['Referral recorded', `by ${c.referredBy}${c.referredAt ? `, ${fmtDate(c.referredAt)}` : ''}`]] as const) : []),
            ] as const)
          : []),
        ...(c.mergedInto ? ([['Merged into', h('a', { href: `#/cases/${c.mergedInto}` }, c.mergedInto)]] as const) : []),
        ...(c.splitFrom ? ([['Split from', h('a', { href: `#/cases/${c.splitFrom}` }, c.splitFrom)]] as const) : []),
      ]),
      writable
        ? h(
            'div',
            { class: 'actions' },
            h(
              'div',
              { class: 'assign-row' },
              c.assignee !== me ? h('button', { type: 'button', onclick: act('assignee', { assignee: me, expected: c.assignee }) }, 'Assign to me') : null,
              c.assignee
                ? h('button', { type: 'button', class: 'secondary', onclick: act('assignee', { assignee: null, expected: c.assignee }) }, 'Unassign')
                : null,
            ),
            moves.length
              ? h(
                  'div',
                  { class: 'moves' },
                  h('div', { class: 'move-details' }, reason, ...(c.moves.includes('referred') ? [agency, reference] : [])),
                  h('div', { class: 'move-buttons' }, moves),
                )
              : h('p', { class: 'muted' }, c.status === 'shutdown_proposed' ? 'Its next step is the four-eyes decision.' : 'No move by hand from here.'),
            can('shutdown.propose') && (SYSTEM_MOVES.proposed.from as readonly string[]).includes(c.status)
              ? h('p', {}, h('a', { href: `#/clusters/${c.clusterId}`, 'data-action': 'propose' }, 'Propose a shutdown of this network →'))
              : null,
            error,
          )
        : null,
      referralForm,
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
        c.events.map((e) => {
          const { kind, detail } = describeCaseEvent(e);
          return h(
            'li',
            { 'data-event': e.type },
            h('span', { class: 'muted' }, e.at.slice(0, 16).replace('T', ' ')),
            ' · ',
            h('strong', {}, kind),
            ` · ${e.actor}`,
            detail ? ` — ${detail}` : '',
          );
        }),
      ),
    ),
  );
}
