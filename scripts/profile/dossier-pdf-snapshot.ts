import fs from 'node:fs';
import { buildDossier, dossierPdf } from '../../apps/api/src/cli/context';
import { benchShaped } from './dossier-stages';

/**
 * Writes the PDF of the bench-shaped fixture with the clock fixed (pdfkit stamps CreationDate and the
 * file id from it), so two versions of the renderer can be compared byte for byte.
 * Run: npx tsx scripts/profile/dossier-pdf-snapshot.ts OUT.pdf [shops] [times]
 */
const RealDate = Date;
const fixed = RealDate.parse('2026-12-02T10:00:00Z');
globalThis.Date = class extends RealDate {
  constructor(...args: unknown[]) {
    super(...((args.length ? args : [fixed]) as [number]));
  }
} as DateConstructor;

async function main() {
  const [out, size = '300', times = '2'] = process.argv.slice(2);
  const d = buildDossier({ ...benchShaped(Number(size)), generatedAt: '2026-12-02T10:00:00Z' });
  let pdf: Buffer = Buffer.alloc(0);
  // More than once: a cache that changed a later document would show in the last one.
  for (let i = 0; i < Number(times); i++) pdf = await dossierPdf(d);
  fs.writeFileSync(out!, pdf);
  console.log(`${out}: ${pdf.length} bytes`);
}
void main();
