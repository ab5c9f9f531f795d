import type {
  BrandList,
  BrandReportReceipt,
  BrandStanding,
  ReportOutcome,
  ReportOutcomePage,
  StandingView,
  SuspectedListing,
  SuspectedPage,
} from '@ringwatch/wire';
import { can, getJson, postJson, session } from '../api';
import { empty, facts, failure, fmtDate, h, loading } from '../dom';
import { go } from '../router';

const VERDICTS = ['counterfeit', 'genuine', 'inconclusive'] as const;
type Verdict = (typeof VERDICTS)[number];
const VERDICT_LABELS: Record<Verdict, string> = { counterfeit: 'Counterfeit', genuine: 'Genuine', inconclusive: 'Inconclusive' };

/** How far under the brand's typical price a listing sells (0.9: at a tenth of it); null when either price is unknown. */
export const priceGap = (l: Pick<SuspectedListing, 'price' | 'typicalPrice'>) =>
  l.price !== null && l.typicalPrice ? Math.max(0, 1 - l.price / l.typicalPrice) : null;

/** The portal's three orders: riskiest network first, deepest price cut first, or grouped by network. */
export const SORTS = {
  risk: (a: SuspectedListing, b: SuspectedListing) => b.clusterRisk - a.clusterRisk || a.listingId.localeCompare(b.listingId),
  gap: (a: SuspectedListing, b: SuspectedListing) => (priceGap(b) ?? -1) - (priceGap(a) ?? -1) || b.clusterRisk - a.clusterRisk,
  network: (a: SuspectedListing, b: SuspectedListing) => a.clusterId.localeCompare(b.clusterId) || a.shopId.localeCompare(b.shopId),
} as const;
type Sort = keyof typeof SORTS;

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
const money = (amount: number | null, currency: string | null) => (amount === null ? '–' : `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`);

function standingPanel(standing: StandingView, title: string): HTMLElement {
  return h(
    'div',
    { class: 'standing', 'data-trusted': String(standing.trusted) },
    h('h3', {}, title),
    facts([
      ['Accuracy', h('strong', { 'data-accuracy': standing.accuracy ?? '' }, pct(standing.accuracy))],
      ['Decided reports', `${standing.decided} (${standing.against} against)`],
      ['Taken down', String(standing.takenDown)],
      ['Appeal rate', pct(standing.appealRate)],
      ['Waiting for review', String(standing.pending)],
      ['Fast lane', h('span', { class: `badge ${standing.trusted ? 'status-ok' : 'status-proposed'}` }, standing.trusted ? 'trusted' : 'review')],
    ]),
    h('p', { class: 'muted' }, standing.reason),
  );
}

/**
 * The brand owners' portal: the suspected listings of one of my brands (shop, price against the brand's
 * typical price, the network selling it), verdicts one by one or in bulk, my reports and my standing in the
 * good-faith fast lane. Only what the API gives a brand owner: no evidence graph, no personal data.
 */
export async function brandView(root: HTMLElement, brandParam: string | undefined, params: URLSearchParams): Promise<void> {
  root.replaceChildren(loading('brand portal'));
  const me = session.me()!;
  let brands = me.brands;
  // Staff act for any brand: they pick one of those the system knows.
  if (can('brands.read-any') && can('brands.list')) brands = [...new Set([...brands, ...(await getJson<BrandList>('/brands')).brands])];
  const brand = brandParam ?? brands[0];
  if (brand === undefined) return void root.replaceChildren(empty('No brand is bound to this account.'));
  const sort: Sort = (params.get('sort') as Sort | null) ?? 'risk';
  let page: SuspectedPage;
  let standing: BrandStanding | null;
  let reports: ReportOutcomePage | null;
  try {
    [page, standing, reports] = await Promise.all([
      getJson<SuspectedPage>(`/brands/${encodeURIComponent(brand)}/suspected-listings?limit=200`),
      can('brands.standing') ? getJson<BrandStanding>(`/brands/${encodeURIComponent(brand)}/standing`) : Promise.resolve(null),
      can('brands.standing') ? getJson<ReportOutcomePage>(`/brands/${encodeURIComponent(brand)}/reports?limit=200`) : Promise.resolve(null),
    ]);
  } catch (error) {
    return void root.replaceChildren(failure(error));
  }
  const listings = [...page.items].sort(SORTS[sort] ?? SORTS.risk);
  const reporting = can('brands.report');
  const status = h('p', { class: 'muted', role: 'status' });
  const checks = new Map<string, HTMLInputElement>();

  const submit = async (ids: string[], verdict: Verdict, note: string) => {
    status.textContent = `Sending ${ids.length} verdict${ids.length === 1 ? '' : 's'}…`;
    const done: BrandReportReceipt[] = [];
    try {
      // One by one: each verdict is its own audited report, and a failure names the listing it stopped at.
      for (const listingId of ids)
        done.push(await postJson<BrandReportReceipt>(`/brands/${encodeURIComponent(brand)}/reports`, { listingId, verdict, ...(note ? { note } : {}) }));
    } catch (error) {
      status.textContent = `${done.length} sent; ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    await brandView(root, brand, params);
    const fast = done.filter((r) => r.takedown?.lane === 'fast').length;
    root.querySelector('[role=status]')!.textContent =
      `${done.length} listing${done.length === 1 ? '' : 's'} marked ${verdict}` +
      (verdict === 'counterfeit' ? ` (${fast} taken down at once, ${done.length - fast} to review)` : '') +
      '.';
  };

  const note = h('input', { name: 'note', placeholder: 'Note (test purchase, serial number…)', maxlength: 2000, size: 40 });
  const bulk = reporting
    ? h(
        'div',
        { class: 'filters bulk' },
        h('span', {}, 'Selected: '),
        note,
        VERDICTS.map((v) =>
          h(
            'button',
            {
              type: 'button',
              'data-bulk': v,
              onclick: () => {
                const ids = [...checks].filter(([, box]) => box.checked).map(([id]) => id);
                if (ids.length === 0) return void (status.textContent = 'Select listings first.');
                void submit(ids, v, note.value.trim());
              },
            },
            VERDICT_LABELS[v],
          ),
        ),
      )
    : null;

  const rows = listings.map((l) => {
    const box = h('input', { type: 'checkbox', 'aria-label': `Select ${l.listingId}` });
    checks.set(l.listingId, box);
    const gap = priceGap(l);
    const last = l.verdicts.at(-1);
    return h(
      'tr',
      { 'data-listing': l.listingId },
      reporting ? h('td', {}, box) : null,
      h('td', {}, h('strong', {}, l.title ?? l.listingId), h('div', { class: 'muted' }, l.listingId)),
      h('td', {}, l.shopName ?? l.shopId, h('div', { class: 'muted' }, l.shopId)),
      h(
        'td',
        { class: 'num' },
        money(l.price, l.currency),
        h(
          'div',
          { class: 'muted', title: `90th price percentile of ${l.comparableListings} listings of the brand in ${l.currency ?? 'this currency'}` },
          `typical ${money(l.typicalPrice, l.currency)} (${l.comparableListings})`,
        ),
      ),
      h('td', { class: 'num', 'data-gap': gap ?? '' }, gap === null ? '–' : `−${pct(gap)}`),
      h(
        'td',
        {},
        `${l.clusterId} `,
        h('span', { class: `risk ${l.clusterRisk >= 60 ? 'risk-high' : l.clusterRisk >= 30 ? 'risk-mid' : 'risk-low'}` }, l.clusterRisk.toFixed(0)),
      ),
      h('td', {}, l.status ?? '–'),
      h('td', { 'data-verdict': last?.verdict ?? '' }, last ? `${last.verdict} (${fmtDate(last.reportedAt)})` : '–'),
      reporting
        ? h(
            'td',
            { class: 'actions' },
            VERDICTS.map((v) =>
              h(
                'button',
                { type: 'button', class: 'secondary', 'data-verdict': v, onclick: () => void submit([l.listingId], v, note.value.trim()) },
                VERDICT_LABELS[v],
              ),
            ),
          )
        : null,
    );
  });
  const all = h('input', {
    type: 'checkbox',
    'aria-label': 'Select all',
    onchange: (e: Event) => checks.forEach((box) => (box.checked = (e.target as HTMLInputElement).checked)),
  });

  root.replaceChildren(
    h(
      'section',
      { class: 'page brand-portal' },
      h('h2', {}, `Brand portal: ${brand}`),
      brands.length > 1
        ? h(
            'label',
            {},
            'Brand ',
            h(
              'select',
              { name: 'brand', onchange: (e: Event) => go(`brand/${encodeURIComponent((e.target as HTMLSelectElement).value)}`, { sort }) },
              brands.map((b) => h('option', { value: b, selected: b === brand }, b)),
            ),
          )
        : null,
      h(
        'div',
        { class: 'standings' },
        standing ? standingPanel(standing.standing, `${standing.brand}: all reporters`) : null,
        ...(standing?.reporters.filter((r) => r.reporter === me.username).map((r) => standingPanel(r, 'My reports')) ?? []),
      ),
      h('h3', {}, `Suspected listings (${page.total}${page.total > page.items.length ? `, the first ${page.items.length}` : ''})`),
      h(
        'nav',
        { class: 'tabs' },
        (
          [
            ['risk', 'Risk'],
            ['gap', 'Price gap'],
            ['network', 'Shop network'],
          ] as const
        ).map(([value, label]) => h('a', { href: `#/brand/${encodeURIComponent(brand)}?sort=${value}`, class: value === sort ? 'active' : '' }, label)),
      ),
      bulk,
      status,
      listings.length === 0
        ? empty('No listing of this brand is sold by a flagged network.')
        : h(
            'table',
            { class: 'suspected', 'aria-label': 'Suspected listings' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                reporting ? h('th', {}, all) : null,
                ['Listing', 'Shop', 'Price', 'Under typical', 'Network (risk)', 'Status', 'Last verdict'].map((t) => h('th', {}, t)),
                reporting ? h('th', {}, 'Verdict') : null,
              ),
            ),
            h('tbody', {}, rows),
          ),
      reports ? reportsTable(reports, can('brands.read-any') ? 'Reports for this brand' : 'My reports') : null,
    ),
  );
}

/** What came of a report: the takedown's state in words, and whether it counts against the reporter's accuracy. */
export function outcomeOf(r: ReportOutcome): string {
  const t = r.takedown;
  if (r.verdict !== 'counterfeit') return r.verdict === 'genuine' ? 'cleared (no takedown)' : 'no takedown';
  if (!t) return 'no takedown';
  const words: Record<string, string> = {
    pending: `waiting for review${t.lane === 'review' ? '' : ' (sampled)'}`,
    taken_down: t.review === 'pending' ? 'taken down; sampled for review' : 'taken down',
    rejected: 'rejected in review',
    reversed: 'reversed on appeal',
  };
  return `${words[t.status] ?? t.status}${t.countsAgainst ? ' — counts against accuracy' : ''}`;
}

function reportsTable(page: ReportOutcomePage, title: string): HTMLElement {
  return h(
    'section',
    { class: 'my-reports-section' },
    h('h3', {}, `${title} (${page.total}${page.total > page.items.length ? `, the latest ${page.items.length}` : ''})`),
    page.items.length === 0
      ? empty('No report yet.')
      : h(
          'table',
          { class: 'my-reports', 'aria-label': title },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Reported', 'Listing', 'Shop', 'Verdict', 'Lane', 'Outcome', 'Listing now'].map((t) => h('th', {}, t)),
            ),
          ),
          h(
            'tbody',
            {},
            page.items.map((r) =>
              h(
                'tr',
                { 'data-report': r.id, 'data-outcome': r.takedown?.status ?? '', class: r.takedown?.countsAgainst ? 'against' : undefined },
                h('td', {}, fmtDate(r.reportedAt)),
                h('td', {}, r.title ?? r.listingId ?? '–', h('div', { class: 'muted' }, `${r.listingId ?? ''} · ${money(r.price, r.currency)}`)),
                h('td', {}, r.shopName ?? r.shopId ?? '–'),
                h('td', {}, r.verdict, r.note ? h('div', { class: 'muted' }, r.note) : null),
                h('td', {}, r.takedown ? (r.takedown.lane === 'fast' ? 'fast lane' : 'review') : '–'),
                h('td', {}, outcomeOf(r), r.takedown?.decidedAt ? h('div', { class: 'muted' }, fmtDate(r.takedown.decidedAt)) : null),
                h('td', {}, r.listingStatus ?? '–'),
              ),
            ),
          ),
        ),
  );
}
