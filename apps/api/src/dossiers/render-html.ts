import { identifierColour, SHOP_STATUS_COLOURS } from '@ringwatch/palette';
import type { Dossier } from './dossier';
import { formatMoney, formatMoneys } from './money';

/** A graph node's colour, shared with the explorer's legend, so a printed graph reads like the screen. */
export const nodeColour = (n: { kind: string; status: string | null }): string =>
  n.kind !== 'shop' ? identifierColour(n.kind) : n.status === 'suspended' ? SHOP_STATUS_COLOURS.suspended! : SHOP_STATUS_COLOURS.active!;

const esc = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Fits graph coordinates into a box, keeping the aspect ratio. */
export function fit(graph: Dossier['graph'], width: number, height: number, margin = 10): (p: { x: number; y: number }) => { x: number; y: number } {
  const xs = graph.nodes.map((n) => n.x);
  const ys = graph.nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1e-9), (height - 2 * margin) / Math.max(maxY - minY, 1e-9));
  return (p) => ({ x: margin + (p.x - minX) * scale, y: margin + (p.y - minY) * scale });
}

export function graphSvg(graph: Dossier['graph'], width = 760, height = 520): string {
  if (graph.nodes.length === 0) return '';
  const at = fit(graph, width, height);
  const where = new Map(graph.nodes.map((n) => [n.id, at(n)]));
  const edges = graph.edges.map((e) => {
    const [a, b] = [where.get(e.source)!, where.get(e.target)!];
    return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}"/>`;
  });
  const nodes = graph.nodes.map((n) => {
    const p = where.get(n.id)!;
    const colour = nodeColour(n);
    return n.kind === 'shop'
      ? `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="4" fill="${colour}"><title>${esc(n.label)}</title></circle>`
      : `<rect x="${(p.x - 3).toFixed(1)}" y="${(p.y - 3).toFixed(1)}" width="6" height="6" fill="${colour}"><title>${esc(`${n.kind}: ${n.label}`)}</title></rect>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Evidence graph"><g stroke="#c3c8cf" stroke-width="0.6">${edges.join('')}</g>${nodes.join('')}</svg>`;
}

const table = (head: string[], rows: unknown[][]) =>
  rows.length === 0
    ? '<p class="none">None.</p>'
    : `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

const money = (v: { currency: string; amount: number }[]) => formatMoneys(v);
const price = (amount: number | null, currency: string | null) => (amount === null ? '–' : currency ? formatMoney(amount, currency) : String(amount));
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function dossierHtml(d: Dossier): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dossier ${esc(d.cluster.id)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:1100px}table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border-bottom:1px solid #d0d7de;padding:.25rem .4rem;text-align:left;font-size:.9rem;vertical-align:top}.none{color:#59636e}.meta{color:#59636e}h2{margin-top:1.6rem}</style></head><body>
<h1>Dossier: shop network ${esc(d.cluster.id)}</h1>
<p class="meta">${d.provenance.redacted ? '<strong>Redacted copy.</strong> ' : ''}Detection run ${esc(d.provenance.runId)} (${esc(d.provenance.runStartedAt)}, engine ${esc(d.provenance.engine)}, seed ${esc(d.provenance.seed)}); data as of ${esc(d.provenance.dataTimestamp)}; generated ${esc(d.provenance.generatedAt)} for ${esc(d.provenance.generatedBy)}.</p>
<p class="meta">Case ${esc(d.case?.id ?? 'none')}${d.case ? ` (${esc(d.case.status)})` : ''}${d.referral ? `; referred to ${esc(d.referral.agency)}, reference ${esc(d.referral.reference)}, on ${esc(d.referral.date)}, contact ${esc(d.referral.contact)}` : ''}.</p>
<h2>Summary</h2>
<p>Risk ${d.cluster.risk.toFixed(0)}/100${d.cluster.flagged ? ' (flagged)' : ''}, ${d.cluster.size} shops, status ${esc(d.cluster.status)}; estimated GMV ${esc(money(d.summary.estimatedGmv))} (each currency as paid, not converted); shops opened ${esc(d.summary.firstSeen?.slice(0, 10))} to ${esc(d.summary.lastSeen?.slice(0, 10))}.</p>
<ul>${d.summary.why.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>
<h2>Evidence graph</h2>${graphSvg(d.graph)}${d.graph.truncated ? '<p class="meta">The graph is truncated to its largest part.</p>' : ''}
<h2>Premises and accounts ranked for action</h2>${table(
    ['Verdict', 'Address or account', 'Place', 'Role', 'Network shops / all', 'Exclusivity', 'First use', 'Last use', 'Reason'],
    d.premises.map((p) => [
      p.verdict,
      p.label,
      p.place ?? '',
      p.roles.join(', '),
      `${p.networkShops} / ${p.shopCount}`,
      pct(p.exclusivity),
      p.first?.slice(0, 10) ?? '',
      p.last?.slice(0, 10) ?? '',
      p.reason,
    ]),
  )}
<h2>Physical addresses</h2>${
    d.places
      .map(
        (p) =>
          `<h3>${esc(p.city)}, ${esc(p.region)}, ${esc(p.country)}</h3>${table(
            ['Address', 'Postcode', 'Used by (kind)', 'Shops overall', 'Verdict'],
            p.addresses.map((a) => [a.text, a.postcode ?? '', a.uses.map((u) => `${u.shop} (${u.kind})`).join(', '), a.shopCount, a.verdict]),
          )}`,
      )
      .join('') || '<p class="none">None.</p>'
  }
<h2>Payout accounts</h2>${table(
    ['Account', 'Kind', 'Bank / provider', 'Shops', 'Volume', 'Verdict'],
    d.accounts.map((a) => [a.masked, a.kind, a.provider, a.shops.join(', '), money(a.volume), a.verdict]),
  )}
<h2>Sellers</h2>${table(
    ['Seller', 'Name', 'Country', 'Registered', 'Identity document', 'Emails', 'Phones', 'Devices', 'Shops'],
    d.sellers.map((s) => [
      s.id,
      s.name,
      s.country,
      s.registeredAt?.slice(0, 10),
      s.kyc.join(', '),
      s.emails.join(', '),
      s.phones.join(', '),
      s.devices.join(', '),
      s.shops.join(', '),
    ]),
  )}
<h2>Phones and devices</h2>${table(
    ['Phone', 'Shops'],
    d.phones.map((p) => [p.number, p.shops.join(', ')]),
  )}${table(
    ['Device', 'Shops'],
    d.devices.map((p) => [p.device, p.shops.join(', ')]),
  )}
<h2>Shops</h2>${table(
    ['Shop', 'Name', 'Status', 'Category', 'Opened', 'Suspended', 'Listings', 'Seller'],
    d.shops.map((s) => [s.id, s.name, s.status, s.category, s.openedAt?.slice(0, 10), s.suspendedAt?.slice(0, 10) ?? '', s.listings, s.sellerId]),
  )}
<h2>Listings per brand</h2>${table(
    ['Brand', 'Listings', 'Live', 'Min', 'Median', 'Max', 'Brand typical', 'Median / typical'],
    d.listingsByBrand.map((l) => [
      l.brand,
      l.listings,
      l.active,
      price(l.minPrice, l.currency),
      price(l.medianPrice, l.currency),
      price(l.maxPrice, l.currency),
      price(l.typicalPrice, l.currency),
      l.medianToTypical ?? '–',
    ]),
  )}
<h2>Brand-owner confirmations</h2>${table(
    ['When', 'Brand', 'Verdict', 'Listing', 'Shop', 'Reporter'],
    d.confirmations.map((r) => [r.reportedAt?.slice(0, 10), r.brand, r.verdict, r.listingId, r.shopId, r.reporter]),
  )}
<h2>Timeline</h2>${table(
    ['When', 'Event', 'Detail'],
    d.timeline.map((t) => [t.at.slice(0, 16).replace('T', ' '), t.event, t.detail]),
  )}
</body></html>
`;
}
