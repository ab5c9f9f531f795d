import PDFDocument from 'pdfkit';
import { IDENTIFIER_KINDS, IDENTIFIERS } from '@ringwatch/kinds';
import type { Dossier } from './dossier';
import { fit, money as moneyOrDash, nodeColour } from './render-html';

// Helvetica's built-in encoding is kept to plain ASCII punctuation here.
const money = (v: { currency: string; amount: number }[]) => moneyOrDash(v, '-');

/**
 * The dossier as an A4 PDF (pdfkit, built-in Helvetica: no font files to ship). Tables are plain
 * text rows; the evidence graph is drawn as vectors, so it stays sharp when printed.
 */
export function dossierPdf(d: Dossier): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `Dossier ${d.cluster.id}`, Author: 'Ringwatch', Subject: `Detection run ${d.provenance.runId}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 96;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#000').text(text).moveDown(0.3).font('Helvetica').fontSize(9);
  };
  const line = (text: string) => doc.font('Helvetica').fontSize(9).fillColor('#1f2328').text(text, { width });
  const rows = (items: string[]) => (items.length === 0 ? line('None.') : items.forEach(line));

  doc.font('Helvetica-Bold').fontSize(18).text(`Dossier: shop network ${d.cluster.id}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#59636e')
    .text(
      `${d.provenance.redacted ? 'REDACTED COPY. ' : ''}Detection run ${d.provenance.runId} (${d.provenance.runStartedAt}, engine ${d.provenance.engine}, seed ${d.provenance.seed}). Data as of ${d.provenance.dataTimestamp}. Generated ${d.provenance.generatedAt} for ${d.provenance.generatedBy}.`,
      { width },
    );
  heading('Summary');
  line(
    `Risk ${d.cluster.risk.toFixed(0)}/100${d.cluster.flagged ? ' (flagged)' : ''}; ${d.cluster.size} shops; status ${d.cluster.status}; estimated GMV ${money(d.summary.estimatedGmv)}; shops opened ${d.summary.firstSeen?.slice(0, 10) ?? '-'} to ${d.summary.lastSeen?.slice(0, 10) ?? '-'}.`,
  );
  rows(d.summary.why.map((w) => `- ${w}`));

  heading('Evidence graph');
  const box = { x: 48, y: doc.y, w: width, h: 330 };
  if (box.y + box.h > doc.page.height - 48) {
    doc.addPage();
    box.y = doc.y;
  }
  if (d.graph.nodes.length > 0) {
    const at = fit(d.graph, box.w, box.h);
    const where = new Map(d.graph.nodes.map((n) => [n.id, at(n)]));
    doc.save().lineWidth(0.3).strokeColor('#c3c8cf');
    for (const e of d.graph.edges) {
      const [a, b] = [where.get(e.source)!, where.get(e.target)!];
      doc.moveTo(box.x + a.x, box.y + a.y).lineTo(box.x + b.x, box.y + b.y);
    }
    doc.stroke().restore();
    for (const n of d.graph.nodes) {
      const p = where.get(n.id)!;
      const colour = nodeColour(n);
      if (n.kind === 'shop') doc.circle(box.x + p.x, box.y + p.y, 2.2).fill(colour);
      else doc.rect(box.x + p.x - 1.8, box.y + p.y - 1.8, 3.6, 3.6).fill(colour);
    }
  }
  doc.y = box.y + box.h + 6;
  doc.x = 48;
  line(
    `Discs: shops (blue; vermilion when suspended). Squares: shared identifiers - ${IDENTIFIER_KINDS.map((k) => `${IDENTIFIERS[k].name} ${IDENTIFIERS[k].colourName}`).join(', ')}.`,
  );

  heading('Physical addresses (by city and region)');
  for (const p of d.places) {
    doc.font('Helvetica-Bold').fontSize(9).text(`${p.city}, ${p.region}, ${p.country}`);
    rows(
      p.addresses.map(
        (a) => `  ${a.text}${a.postcode ? ` (${a.postcode})` : ''}: ${a.uses.map((u) => `${u.shop} ${u.kind}`).join(', ')}; ${a.shopCount} shops overall`,
      ),
    );
  }
  if (d.places.length === 0) line('None.');
  heading('Payout accounts');
  rows(d.accounts.map((a) => `${a.masked ?? '-'} (${a.kind ?? '-'}, ${a.provider ?? '-'}): shops ${a.shops.join(', ')}; volume ${money(a.volume)}`));
  heading('Sellers');
  rows(
    d.sellers.map(
      (s) =>
        `${s.id} ${s.name ?? ''} (${s.country ?? '-'}, registered ${s.registeredAt?.slice(0, 10) ?? '-'}); ID ${s.kyc.join(', ') || '-'}; emails ${s.emails.join(', ') || '-'}; phones ${s.phones.join(', ') || '-'}; devices ${s.devices.join(', ') || '-'}; shops ${s.shops.join(', ')}`,
    ),
  );
  heading('Phones and devices');
  rows([...d.phones.map((p) => `phone ${p.number}: ${p.shops.join(', ')}`), ...d.devices.map((x) => `device ${x.device}: ${x.shops.join(', ')}`)]);
  heading('Shops');
  rows(
    d.shops.map(
      (s) =>
        `${s.id} ${s.name ?? ''}: ${s.status ?? '-'}, ${s.category ?? '-'}, opened ${s.openedAt?.slice(0, 10) ?? '-'}${s.suspendedAt ? `, suspended ${s.suspendedAt.slice(0, 10)}` : ''}, ${s.listings} listings, seller ${s.sellerId ?? '-'}`,
    ),
  );
  heading('Listings per brand');
  rows(
    d.listingsByBrand.map(
      (l) =>
        `${l.brand}: ${l.listings} listings (${l.active} live); price ${l.minPrice ?? '-'} / ${l.medianPrice ?? '-'} / ${l.maxPrice ?? '-'} (min/median/max) vs typical ${l.typicalPrice?.toFixed(2) ?? '-'}${l.medianToTypical !== null ? ` = ${l.medianToTypical}x` : ''}`,
    ),
  );
  heading('Brand-owner confirmations');
  rows(
    d.confirmations.map((r) => `${r.reportedAt?.slice(0, 10) ?? '-'} ${r.brand ?? ''}: ${r.verdict} on ${r.listingId} (${r.shopId}) by ${r.reporter ?? '-'}`),
  );
  heading('Timeline');
  rows(d.timeline.map((t) => `${t.at.slice(0, 16).replace('T', ' ')}  ${t.event}: ${t.detail}`));
  doc.end();
  return done;
}
