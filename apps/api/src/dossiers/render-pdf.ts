import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { IDENTIFIER_KINDS, IDENTIFIERS } from '@ringwatch/kinds';
import type { Dossier } from './dossier';
import { formatMoney, formatMoneys, totalsByCurrency } from './money';
import { RING_PREMISES } from './premises';
import { fit, nodeColour } from './render-html';

/**
 * Noto Sans (Latin, Cyrillic, Greek) for everything, Noto Sans SC for lines that hold Chinese,
 * Japanese kana or Korean: both embedded (subset) from npm packages, so names print as written and
 * the PDF reads the same on any machine.
 */
const require = createRequire(import.meta.url);
const fontDir = (pkg: string) => path.join(path.dirname(require.resolve(pkg)), '..', 'fonts');
const FONT_FILES = {
  body: () => path.join(fontDir('@embedpdf/fonts-latin'), 'NotoSans-Regular.ttf'),
  bold: () => path.join(fontDir('@embedpdf/fonts-latin'), 'NotoSans-Bold.ttf'),
  cjk: () => path.join(fontDir('@embedpdf/fonts-sc'), 'NotoSansHans-Regular.otf'),
};
type FontName = keyof typeof FONT_FILES;

/** The parts of pdfkit's (untyped) font objects this module touches. */
interface PdfKitFont {
  name: string;
  font: unknown;
  layoutCache?: Record<string, unknown>;
}
type PdfKitFontClass = new (doc: PDFKit.PDFDocument, font: unknown, id: string) => PdfKitFont;
interface PdfKitFonts {
  _font: PdfKitFont;
  _fontCount: number;
  _fontFamilies: Record<string, PdfKitFont>;
}

/**
 * pdfkit parses a font anew for every document (fontkit decodes its tables lazily, per font object)
 * and keeps the shaped words (layoutCache) per document: most of a dossier's rendering went into
 * shaping the same words again. A font is therefore parsed once per process, and every document's
 * copy shares it and one cache of shaped words. Each document still gets its own pdfkit font object
 * (its own subset, glyph widths and id), so what is embedded is exactly what it uses. pdfkit takes
 * no parsed font through its API: the first document to use a font hands over its parsed font and
 * pdfkit's font class, which later documents are given (see install).
 */
interface SharedFont {
  parsed: unknown;
  make: PdfKitFontClass;
  layoutCache: Record<string, unknown>;
}
const shared = new Map<FontName, SharedFont>();
/**
 * Bounds the shaped-word cache (one entry per distinct word and font, about a kilobyte each): a
 * 300-shop network's dossier holds some 3,000 distinct words, so several networks' stay shaped; past
 * the bound the cache starts again empty, whatever dossiers are asked for.
 */
const MAX_SHAPED_WORDS = 20_000;

function install(doc: PDFKit.PDFDocument, name: FontName): void {
  const fonts = doc as unknown as PdfKitFonts;
  if (fonts._fontFamilies[name]) return;
  const have = shared.get(name);
  if (!have) {
    // The first use in this process: pdfkit reads and parses the file; its font is kept for the next documents.
    doc.registerFont(name, fs.readFileSync(FONT_FILES[name]()));
    const previous = fonts._font;
    doc.font(name);
    const font = fonts._font;
    font.layoutCache = Object.create(null) as Record<string, unknown>;
    shared.set(name, { parsed: font.font, make: font.constructor as PdfKitFontClass, layoutCache: font.layoutCache });
    fonts._font = previous;
    return;
  }
  // What pdfkit's doc.font() does for a font it has not seen in this document, minus the parsing.
  const font = new have.make(doc, have.parsed, `F${++fonts._fontCount}`);
  font.layoutCache = have.layoutCache;
  fonts._fontFamilies[name] = font;
  fonts._fontFamilies[font.name] = font;
}

/** Parses the fonts ahead of the first dossier (start-up), and drops the shaped words once there are too many. */
export function prepareFonts(): void {
  for (const font of shared.values())
    if (Object.keys(font.layoutCache).length > MAX_SHAPED_WORDS) font.layoutCache = Object.create(null) as Record<string, unknown>;
  if (shared.size === Object.keys(FONT_FILES).length) return;
  const doc = new PDFDocument({ autoFirstPage: false });
  for (const name of Object.keys(FONT_FILES) as FontName[]) install(doc, name);
}
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;

const MARGIN = 48;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const day = (t: string | null | undefined) => t?.slice(0, 10) ?? '-';
const price = (amount: number | null, currency: string | null) => (amount === null ? '-' : currency ? formatMoney(amount, currency) : String(amount));

interface Rendered {
  pdf: Buffer;
  pages: number;
  sections: { title: string; page: number }[];
}

/** The text in the running header of every page: the case reference and the detection run. */
export function runningHeader(d: Dossier): string {
  return `Case ${d.case?.id ?? '(no case)'} · Network ${d.cluster.id} · Detection run ${d.provenance.runId} (${day(d.provenance.runStartedAt)})${d.provenance.redacted ? ' · REDACTED COPY' : ''}`;
}

/**
 * The dossier as an A4 PDF: a running header (case reference, network, detection run) and "Page i of
 * n" on every page, a table of contents when it runs past four pages (a second pass with a page kept
 * for it), the evidence graph drawn as labelled vectors with hubs set apart.
 */
export async function dossierPdf(d: Dossier): Promise<Buffer> {
  // Rendering is most of a dossier's time (fonts, shaping, the graph): render once in the usual case by
  // guessing from its rows whether it runs past four pages, and so needs page 1 kept for the contents.
  // A wrong guess costs a second render, never a wrong document.
  if (rowsIn(d) > LONG_ROWS) {
    const withToc = await render(d, true);
    // Kept for the contents, page 1 pushed the rest one page on: without it the dossier is at least one page shorter.
    if (withToc.pages - 1 > 4) return withToc.pdf;
    const without = await render(d, false);
    return without.pages <= 4 ? without.pdf : withToc.pdf;
  }
  const first = await render(d, false);
  if (first.pages <= 4) return first.pdf;
  return (await render(d, true)).pdf;
}

/** Rows past which a dossier is all but sure to run past four pages (about sixty rows fill one). */
const LONG_ROWS = 200;
/** The lines the PDF prints (listings and payments are only totalled: they are in the CSVs). */
const rowsIn = (d: Dossier) =>
  d.shops.length +
  d.timeline.length +
  d.premises.length +
  d.places.reduce((n, p) => n + 1 + p.addresses.length, 0) +
  d.sellers.length +
  d.accounts.length +
  d.phones.length +
  d.devices.length +
  d.listingsByBrand.length +
  d.confirmations.length;

function render(d: Dossier, withToc: boolean): Promise<Rendered> {
  prepareFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Dossier ${d.cluster.id}`, Author: 'Ringwatch', Subject: `Case ${d.case?.id ?? '-'}, detection run ${d.provenance.runId}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const sections: Rendered['sections'] = [];
  const done = new Promise<Rendered>((resolve, reject) => {
    doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), pages: pageCount, sections }));
    doc.on('error', reject);
  });
  let pageCount = 0;
  const width = doc.page.width - 2 * MARGIN;
  const font = (text: string, bold = false) => {
    const name = CJK.test(text) ? 'cjk' : bold ? 'bold' : 'body';
    install(doc, name);
    return doc.font(name);
  };
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8);
    font(text, true).fontSize(13).fillColor('#000').text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    sections.push({ title: text, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count });
  };
  const sub = (text: string) => {
    if (doc.y > doc.page.height - 90) doc.addPage();
    font(text, true).fontSize(9.5).fillColor('#000').text(text, MARGIN, doc.y, { width });
  };
  const line = (text: string, colour = '#1f2328', indent = 0) =>
    font(text)
      .fontSize(8.5)
      .fillColor(colour)
      .text(text, MARGIN + indent, doc.y, { width: width - indent });
  const rows = (items: string[]) => (items.length === 0 ? line('None.') : items.forEach((t) => line(t)));

  font(d.cluster.id, true).fontSize(18).fillColor('#000').text(`Dossier: shop network ${d.cluster.id}`);
  line(
    `${d.provenance.redacted ? 'REDACTED COPY. ' : ''}Case ${d.case?.id ?? '(none)'}${d.case ? `, status ${d.case.status}` : ''}. Detection run ${d.provenance.runId} (${d.provenance.runStartedAt}, engine ${d.provenance.engine ?? '-'}, seed ${d.provenance.seed ?? '-'}). Data as of ${d.provenance.dataTimestamp ?? '-'}. Generated ${d.provenance.generatedAt} for ${d.provenance.generatedBy}. The zip holding this PDF carries a manifest of every file's SHA-256, signed with the installation's Ed25519 key.`,
    '#59636e',
  );
  // The rest of page 1 is kept for the table of contents, written once the sections know their pages.
  const tocY = withToc ? doc.y + 12 : -1;
  if (withToc) doc.addPage();

  heading('Summary');
  line(
    `Risk ${d.cluster.risk.toFixed(0)}/100${d.cluster.flagged ? ' (flagged)' : ''}; ${d.cluster.size} shops; network status ${d.cluster.status}; shops opened ${day(d.summary.firstSeen)} to ${day(d.summary.lastSeen)}.`,
  );
  line(`Estimated GMV (payouts to the network's accounts), per currency as paid, not converted: ${formatMoneys(d.summary.estimatedGmv, 'none')}.`);
  rows(d.summary.why.map((w) => `- ${w}`));
  if (d.referral) {
    heading('Referral');
    line(
      `Referred to ${d.referral.agency}, their reference ${d.referral.reference}, on ${d.referral.date}; contact ${d.referral.contact}. Recorded by ${d.referral.recordedBy} at ${d.referral.recordedAt}.`,
    );
  }

  heading('Premises and accounts ranked for action');
  line(
    'Ring premises: used only or mainly by the network. Shared facilities (warehouses, pickup points, providers\u2019 and settlement accounts) follow detection\u2019s hub and provider rules and are not targets on their own.',
    '#59636e',
  );
  const ring = d.premises.filter((p) => p.verdict === RING_PREMISES);
  const shared = d.premises.filter((p) => p.verdict !== RING_PREMISES);
  const premiseLine = (p: Dossier['premises'][number], i: number) =>
    line(
      `${i + 1}. ${p.kind === 'address' ? 'Address' : 'Account'} ${p.label}${p.place ? ` (${p.place})` : ''}; role ${p.roles.join(', ')}; ${p.networkShops} of ${p.shopCount} shops are the network's (${pct(p.exclusivity)}); first use ${day(p.first)}, last use ${day(p.last)}. Verdict: ${p.verdict}. Reason: ${p.reason}.`,
    );
  sub(`Ring premises (${ring.length})`);
  if (ring.length === 0) line('None.');
  ring.forEach(premiseLine);
  sub(`Shared facilities, not targets on their own (${shared.length})`);
  if (shared.length === 0) line('None.');
  shared.forEach(premiseLine);

  graphPage(doc, d, { heading, line, font }, width);

  heading('Premises by country, region and city');
  const byCountry = new Map<string, Dossier['places']>();
  for (const p of d.places) byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), p]);
  for (const [country, places] of [...byCountry].sort((a, b) => a[0].localeCompare(b[0]))) {
    sub(country);
    for (const p of [...places].sort((a, b) => a.region.localeCompare(b.region) || a.city.localeCompare(b.city))) {
      line(`${p.region} / ${p.city}`, '#000', 8);
      for (const a of p.addresses)
        line(
          `${a.text}${a.postcode ? ` (${a.postcode})` : ''}: ${a.uses.map((u) => `${u.shop} ${u.kind}`).join(', ')}; ${a.shopCount} shops in all, ${pct(a.exclusivity)} the network's; ${a.verdict}`,
          '#1f2328',
          16,
        );
    }
  }
  if (d.places.length === 0) line('None.');

  heading('Payout accounts');
  rows(
    d.accounts.map(
      (a) => `${a.masked ?? '-'} (${a.kind ?? '-'}, ${a.provider ?? '-'}): shops ${a.shops.join(', ')}; volume ${formatMoneys(a.volume, '-')}; ${a.verdict}`,
    ),
  );
  line(`Totals per currency: ${formatMoneys(totalsByCurrency(d.accounts.flatMap((a) => a.volume)), 'none')}.`, '#000');

  heading('Sellers');
  rows(
    d.sellers.map(
      (s) =>
        `${s.id} ${s.name ?? ''} (${s.country ?? '-'}, registered ${day(s.registeredAt)}); ID ${s.kyc.join(', ') || '-'}; emails ${s.emails.join(', ') || '-'}; phones ${s.phones.join(', ') || '-'}; devices ${s.devices.join(', ') || '-'}; shops ${s.shops.join(', ')}`,
    ),
  );
  heading('Phones and devices');
  rows([...d.phones.map((p) => `phone ${p.number}: ${p.shops.join(', ')}`), ...d.devices.map((x) => `device ${x.device}: ${x.shops.join(', ')}`)]);
  heading('Shops');
  rows(
    d.shops.map(
      (s) =>
        `${s.id} ${s.name ?? ''}: ${s.status ?? '-'}, ${s.category ?? '-'}, opened ${day(s.openedAt)}${s.suspendedAt ? `, suspended ${day(s.suspendedAt)}` : ''}, ${s.listings} listings, seller ${s.sellerId ?? '-'}`,
    ),
  );
  heading('Listings per brand and currency');
  rows(
    d.listingsByBrand.map(
      (l) =>
        `${l.brand}: ${l.listings} listings (${l.active} live); price ${price(l.minPrice, l.currency)} / ${price(l.medianPrice, l.currency)} / ${price(l.maxPrice, l.currency)} (min / median / max) vs brand typical ${price(l.typicalPrice, l.currency)}${l.medianToTypical !== null ? ` (median ${pct(l.medianToTypical)} of typical)` : ''}`,
    ),
  );
  line(
    `Listed value per currency: ${formatMoneys(totalsByCurrency(d.listings.map((l) => ({ currency: l.currency, amount: l.price }))), 'none')}. Every listing is in listings.csv.`,
    '#000',
  );
  heading('Brand-owner confirmations');
  rows(d.confirmations.map((r) => `${day(r.reportedAt)} ${r.brand ?? ''}: ${r.verdict} on ${r.listingId} (${r.shopId}) by ${r.reporter ?? '-'}`));
  heading('Timeline');
  rows(d.timeline.map((t) => `${t.at.slice(0, 16).replace('T', ' ')}  ${t.event}: ${t.detail}`));

  const range = doc.bufferedPageRange();
  pageCount = range.count;
  if (tocY >= 0) {
    doc.switchToPage(range.start);
    font('Contents', true).fontSize(13).fillColor('#000').text('Contents', MARGIN, tocY, { width });
    doc.moveDown(0.4);
    for (const s of sections)
      font(s.title)
        .fontSize(9.5)
        .fillColor('#1f2328')
        .text(`${s.title} ${'.'.repeat(Math.max(2, 90 - s.title.length))} page ${s.page}`, { width });
  }
  const header = runningHeader(d);
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Written in the margins: without this pdfkit would start a new page for text below the bottom margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    font(header).fontSize(7.5).fillColor('#59636e').text(header, MARGIN, 22, { width, lineBreak: false });
    font('Page')
      .fontSize(7.5)
      .fillColor('#59636e')
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 30, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

type Line = (text: string, colour?: string, indent?: number) => unknown;

/**
 * The evidence graph on a page of its own: shops as discs labelled with their names, shared
 * identifiers as squares labelled with their kind and masked value. Hubs (identifiers over the hub
 * threshold, shared facilities) are not drawn in the network: they are listed in a panel beside it,
 * so a warehouse does not look like the centre of the ring.
 */
function graphPage(
  doc: PDFKit.PDFDocument,
  d: Dossier,
  { heading, line, font }: { heading: (t: string) => void; line: Line; font: (text: string, bold?: boolean) => PDFKit.PDFDocument },
  width: number,
) {
  doc.addPage();
  heading('Evidence graph');
  const hubs = d.graph.nodes.filter((n) => n.hub);
  const hubIds = new Set(hubs.map((n) => n.id));
  const drawn = { ...d.graph, nodes: d.graph.nodes.filter((n) => !n.hub), edges: d.graph.edges.filter((e) => !hubIds.has(e.source) && !hubIds.has(e.target)) };
  const panel = hubs.length > 0 ? 130 : 0;
  const box = { x: MARGIN, y: doc.y, w: width - panel, h: doc.page.height - doc.y - 150 };
  if (drawn.nodes.length > 0) {
    const at = fit(drawn, box.w, box.h, 24);
    const where = new Map(drawn.nodes.map((n) => [n.id, at(n)]));
    doc.save().lineWidth(0.25).strokeColor('#c3c8cf');
    for (const e of drawn.edges) {
      const [a, b] = [where.get(e.source), where.get(e.target)];
      if (a && b) doc.moveTo(box.x + a.x, box.y + a.y).lineTo(box.x + b.x, box.y + b.y);
    }
    doc.stroke().restore();
    // Labels shrink as the network grows, so a 300-shop ring stays one page (the PDF zooms; GraphML has all).
    const size = drawn.nodes.length > 400 ? 2.4 : drawn.nodes.length > 150 ? 3 : 4.5;
    for (const n of drawn.nodes) {
      const p = where.get(n.id)!;
      const colour = nodeColour(n);
      if (n.kind === 'shop') doc.circle(box.x + p.x, box.y + p.y, 2.2).fill(colour);
      else doc.rect(box.x + p.x - 1.8, box.y + p.y - 1.8, 3.6, 3.6).fill(colour);
      const label = n.kind === 'shop' ? n.label : `${IDENTIFIERS[n.kind as (typeof IDENTIFIER_KINDS)[number]]?.name ?? n.kind}: ${n.label}`;
      font(label)
        .fontSize(size)
        .fillColor('#1f2328')
        .text(label, box.x + p.x + 3, box.y + p.y - size / 2, { lineBreak: false });
    }
  }
  if (hubs.length > 0) {
    const px = MARGIN + box.w + 8;
    doc
      .save()
      .rect(px - 4, box.y, panel - 4, box.h)
      .fillAndStroke('#f6f8fa', '#d0d7de')
      .restore();
    font('Hubs', true)
      .fontSize(7)
      .fillColor('#000')
      .text('Hubs: shared facilities, drawn apart (not ring evidence)', px, box.y + 4, { width: panel - 12 });
    for (const h of hubs.slice(0, 40)) {
      const y = doc.y + 3;
      doc.rect(px, y + 1, 3.6, 3.6).fill(nodeColour(h));
      const label = `${IDENTIFIERS[h.kind as (typeof IDENTIFIER_KINDS)[number]]?.name ?? h.kind}: ${h.label}`;
      font(label)
        .fontSize(6)
        .fillColor('#1f2328')
        .text(label, px + 6, y, { width: panel - 18 });
    }
    if (hubs.length > 40)
      font('and')
        .fontSize(6)
        .text(`and ${hubs.length - 40} more (see evidence-graph.graphml)`, px, doc.y + 2, { width: panel - 12 });
  }
  doc.y = box.y + box.h + 6;
  doc.x = MARGIN;
  line(
    `Discs: shops, labelled with their names (blue; vermilion when suspended). Squares: shared identifiers, labelled with kind and masked value - ${IDENTIFIER_KINDS.map((k) => `${IDENTIFIERS[k].name} ${IDENTIFIERS[k].colourName}`).join(', ')}.${d.graph.truncated ? ' The graph is truncated to its largest part.' : ''} The full graph is in evidence-graph.graphml.`,
  );
}
