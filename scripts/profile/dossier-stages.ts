import { strToU8, zipSync } from 'fflate';
import { generateKeyPairSync } from 'node:crypto';
import { buildDossier, dossierFixture, dossierHtml, dossierPdf, evidenceGraphml, sha256, signingKey, type DossierInput } from '../../apps/api/src/cli/context';

/**
 * Times a dossier's stages apart, without Neo4j: assembly (buildDossier, with the graph layout), the
 * PDF (first and warm), JSON/HTML/GraphML, zip and signing, on a fixture shaped like bench:dossier's
 * ring (300 shops, 5 listings each, 60 devices, 30 dispatch addresses, 12 wallets).
 * Run: npx tsx scripts/profile/dossier-stages.ts [shops] [rounds]
 */
export function benchShaped(size: number): DossierInput {
  const input = dossierFixture(size);
  const ids = input.shops.map((s) => s.id);
  const devices = Math.ceil((size * 3) / 15);
  input.graph.nodes.push(
    ...Array.from({ length: devices }, (_, i) => ({
      id: `dev:${i}`,
      type: 'identifier' as const,
      kind: 'device',
      label: `dev-…${String(i).padStart(2, '0')}`,
      status: null,
      confidence: null,
      hub: false,
      shopCount: 15,
    })),
  );
  ids.forEach((id, i) => {
    for (const d of [i % devices, (i * 7) % devices, (i * 13 + 1) % devices])
      input.graph.edges.push({ source: id, target: `dev:${d}`, kind: 'device' } as never);
  });
  input.shops.forEach((s, i) =>
    Object.assign(s, { listings: 5, devices: [`dr-dev-${i % devices}`], emails: [`seller${i}@example.com`], phones: [`+86138${i}`] }),
  );
  input.addresses.push(
    ...Array.from({ length: 30 }, (_, a) => ({
      key: `adr-${a}`,
      text: `No.${a + 1} Xinhua Rd, Rm ${300 + (a % 10)}`,
      city: 'Guangzhou',
      region: 'Guangdong',
      country: 'CN',
      postcode: '510000',
      shopCount: 10,
      uses: ids.filter((_s, i) => i % 30 === a).map((shop) => ({ shop, kind: 'dispatch' as const })),
      first: '2026-04-01T00:00:00Z',
      last: '2026-05-01T00:00:00Z',
    })),
  );
  input.listingRows = ids.flatMap((shopId, i) =>
    Array.from({ length: 5 }, (_, j) => ({
      id: `DR-L${i}-${j}`,
      shopId,
      title: `Aurelio Tote ${j}`,
      brand: 'Aurelio',
      price: 150 + ((i * 5 + j) % 100),
      currency: 'USD',
      status: 'active',
      listedAt: '2026-05-01T00:00:00Z',
      reports: 0,
    })),
  );
  input.payments = ids.map((shopId, i) => ({
    account: `wallet …${String(i % 12).padStart(4, '0')}`,
    provider: 'AliPay',
    shopId,
    currency: 'USD',
    payouts: 1,
    amount: 500 + i,
    smallest: 500 + i,
    largest: 500 + i,
    first: '2026-06-01T00:00:00Z',
    last: '2026-06-01T00:00:00Z',
  }));
  return input;
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
async function time<T>(label: string, f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  console.log(`${label.padEnd(28)} ${ms(performance.now() - t0)}`);
  return out;
}

async function main() {
  const size = Number(process.argv[2] ?? 300);
  const rounds = Number(process.argv[3] ?? 3);
  const input = benchShaped(size);
  const key = signingKey(generateKeyPairSync('ed25519').privateKey);
  for (let r = 0; r < rounds; r++) {
    console.log(`-- round ${r + 1}`);
    const d = await time('assemble (buildDossier)', () => buildDossier({ ...input, generatedAt: new Date().toISOString() }));
    const pdf = await time('pdf', () => dossierPdf(d));
    const json = await time('json', () => strToU8(`${JSON.stringify(d, null, 2)}\n`));
    const html = await time('html', () => strToU8(dossierHtml(d)));
    const graphml = await time('graphml', () => strToU8(evidenceGraphml(d)));
    const files = { 'dossier.pdf': new Uint8Array(pdf), 'dossier.json': json, 'dossier.html': html, 'g.graphml': graphml };
    const manifest = await time('hashes + sign', () => {
      const m = strToU8(JSON.stringify(Object.entries(files).map(([name, data]) => ({ name, sha256: sha256(data) }))));
      key.sign(m);
      return m;
    });
    const zip = await time('zip (level 6)', () => zipSync({ ...files, 'manifest.json': manifest }, { level: 6 }));
    console.log(`   pdf ${(pdf.length / 1024).toFixed(0)} KiB, zip ${(zip.length / 1024).toFixed(0)} KiB, sha256(pdf without dates) n/a`);
  }
}

if (process.argv[1]?.endsWith('dossier-stages.ts')) void main();
