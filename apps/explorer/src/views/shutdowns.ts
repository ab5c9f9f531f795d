import type { Decision, Shutdown, ShutdownPage } from '@ringwatch/wire';
import { can, getJson, postJson, session } from '../api';
import { reinstatedNote, reinstateForm } from './reinstate';
import { empty, failure, fmtNumber, h, loading } from '../dom';
import { go } from '../router';

/** All proposals; whoever may decide lands on the ones waiting for a decision (the approval queue). */
export async function shutdownsView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const status = params.get('status') ?? (can('shutdown.decide') ? 'proposed' : '');
  const tabs = h(
    'nav',
    { class: 'tabs' },
    [
      ['proposed', 'Awaiting decision'],
      ['executing', 'Executing'],
      ['executed', 'Executed'],
      ['rejected', 'Rejected'],
      ['', 'All'],
    ].map(([value, label]) => h('a', { href: `#/shutdowns?status=${value}`, class: value === status ? 'active' : '' }, label!)),
  );
  const body = h('div', {}, loading('shutdowns'));
  root.replaceChildren(h('section', { class: 'page' }, h('h2', {}, 'Shutdowns'), tabs, body));
  try {
    const page = await getJson<ShutdownPage>(`/shutdowns?limit=100${status ? `&status=${status}` : ''}`);
    if (page.items.length === 0) return void body.replaceChildren(empty('Nothing here.'));
    body.replaceChildren(
      h(
        'table',
        { class: 'shutdowns' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Proposal', 'Cluster', 'Status', 'Shops', 'Proposed by', 'Decided by', 'Reason'].map((t) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          page.items.map((s) =>
            h(
              'tr',
              { onclick: () => go(`shutdowns/${s.id}`), 'data-shutdown': s.id },
              h('td', {}, h('a', { href: `#/shutdowns/${s.id}` }, s.id.slice(0, 8))),
              h('td', {}, s.clusterId),
              h('td', {}, h('span', { class: `badge status-${s.status}` }, s.status)),
              h('td', { class: 'num' }, `${s.shopsDone}/${s.shopsTotal}`),
              h('td', {}, s.proposedBy),
              h('td', {}, s.decidedBy ?? '–'),
              h('td', {}, s.reason),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    body.replaceChildren(failure(error));
  }
}

/** One proposal: the dry run, members called out for a second look, the decision, execution progress. */
export async function shutdownView(root: HTMLElement, id: string): Promise<void> {
  root.replaceChildren(loading('the proposal'));
  let s: Shutdown;
  try {
    s = await getJson<Shutdown>(`/shutdowns/${encodeURIComponent(id)}`);
  } catch (error) {
    root.replaceChildren(failure(error));
    return;
  }
  const error = h('p', { class: 'error', role: 'alert' });
  const note = h('input', { name: 'note', placeholder: 'Note (optional)' });
  const decide = (decision: 'approve' | 'reject') => async () => {
    error.textContent = '';
    try {
      await postJson(`/shutdowns/${s.id}/${decision}`, (note.value ? { note: note.value } : {}) satisfies Decision);
      void shutdownView(root, id);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  const me = session.me()?.username;
  const canDecide = s.status === 'proposed' && can('shutdown.decide') && s.proposedBy !== me;
  const progress = s.shopsTotal === 0 ? 0 : s.shopsDone / s.shopsTotal;
  root.replaceChildren(
    h(
      'section',
      { class: 'page' },
      h('h2', {}, `Shutdown of cluster `, h('a', { href: `#/clusters/${s.clusterId}` }, s.clusterId)),
      h(
        'p',
        {},
        h('span', { class: `badge status-${s.status}`, 'data-status': s.status }, s.status),
        ` · proposed by ${s.proposedBy} on ${s.proposedAt.slice(0, 16).replace('T', ' ')}`,
        s.decidedBy ? ` · ${s.status === 'rejected' ? 'rejected' : 'approved'} by ${s.decidedBy}${s.decisionNote ? ` (“${s.decisionNote}”)` : ''}` : '',
      ),
      h('blockquote', {}, s.reason),
      h('h3', {}, 'Dry run'),
      h(
        'ul',
        { class: 'preview' },
        h('li', {}, `${fmtNumber(s.preview.shops)} shops suspended`),
        h('li', {}, `${fmtNumber(s.preview.activeListings)} live listings delisted`),
        h('li', {}, `payouts: ${s.preview.payouts.map((p) => `${fmtNumber(p.amount)} ${p.currency}`).join(', ') || 'none'}`),
        h('li', {}, `${fmtNumber(s.preview.counterfeitReports)} counterfeit reports on their listings`),
        s.excluded.length ? h('li', {}, `excluded: ${s.excluded.join(', ')}`) : null,
      ),
      h('h3', {}, `For a second look (${s.preview.secondLook.length})`),
      s.preview.secondLook.length === 0
        ? empty('No member touches a hub or looks like an established honest shop.')
        : h(
            'ul',
            { class: 'second-look' },
            s.preview.secondLook.map((m) =>
              h('li', {}, h('a', { href: `#/shops/${encodeURIComponent(m.shopId)}` }, m.shopId), ` ${m.name ?? ''}: ${m.reasons.join('; ')}`),
            ),
          ),
      s.status === 'proposed' && !canDecide
        ? h(
            'p',
            { class: 'muted' },
            can('shutdown.decide') ? 'You proposed this: another supervisor decides (four eyes).' : 'Waiting for a supervisor’s decision.',
          )
        : null,
      canDecide
        ? h(
            'div',
            { class: 'decision' },
            note,
            h('button', { type: 'button', 'data-action': 'approve', onclick: decide('approve') }, 'Approve and execute'),
            h('button', { type: 'button', class: 'secondary', 'data-action': 'reject', onclick: decide('reject') }, 'Reject'),
          )
        : null,
      ['approved', 'executing', 'executed'].includes(s.status)
        ? h(
            'div',
            { class: 'progress' },
            h('progress', { max: s.shopsTotal, value: s.shopsDone }),
            ` ${s.shopsDone} of ${s.shopsTotal} shops suspended, ${fmtNumber(s.listingsDelisted)} listings delisted (${Math.round(progress * 100)} %)`,
          )
        : null,
      s.reinstated.length
        ? [
            h('h3', {}, `Reinstated on appeal (${s.reinstated.length})`),
            h(
              'ul',
              { class: 'reinstated' },
              s.reinstated.map((r) =>
                h(
                  'li',
                  {},
                  h('a', { href: `#/shops/${encodeURIComponent(r.shopId)}` }, r.shopId),
                  ` · by ${r.by}, ${r.at.slice(0, 16).replace('T', ' ')} UTC`,
                  r.reason ? ` · ${r.reason}` : '',
                ),
              ),
            ),
          ]
        : null,
      s.status === 'executed'
        ? reinstateForm(null, (result) => {
            void shutdownView(root, id).then(() => root.querySelector('.page h2')?.after(reinstatedNote(result)));
          })
        : null,
      error,
    ),
  );
  if (s.status === 'approved' || s.status === 'executing') {
    window.setTimeout(() => {
      if (location.hash.startsWith(`#/shutdowns/${id}`)) void shutdownView(root, id);
    }, 1000);
  }
}
