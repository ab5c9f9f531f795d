import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it, vi } from 'vitest';
import { IdentityView } from '../common/redaction';
import { buildDossier } from './dossier';
import { fakeInput } from './dossier.fixture';
import { formatMoney, minorUnits, roundMoney } from './money';
import { judgePremises, RING_PREMISES, SHARED_FACILITY } from './premises';
import { dossierPdf } from './render-pdf';

async function pages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: false })).text as string[];
}

describe('money', () => {
  it('rounds to the minor unit of each currency', () => {
    expect(minorUnits('USD')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
    expect(roundMoney(597.4449999999999, 'USD')).toBe(597.45);
    expect(roundMoney(-0.125, 'USD')).toBe(-0.13);
    expect(roundMoney(1.005, 'KWD')).toBe(1.005);
    expect(roundMoney(73.89500000000001, 'USD')).toBe(73.9);
    expect(formatMoney(73.89500000000001, 'USD')).toBe('73.90 USD');
    expect(formatMoney(1234.5, 'JPY')).toBe('1,235 JPY');
  });
});

describe('premises', () => {
  const rules = { hubThreshold: 50, pooled: new Map([['pool', { shopCount: 12, shape: null }]]) };
  it('never calls a hub or a provider’s account ring premises, however exclusive', () => {
    expect(judgePremises('wide', 60, 60, rules).verdict).toBe(SHARED_FACILITY);
    expect(judgePremises('pool', 12, 12, rules).verdict).toBe(SHARED_FACILITY);
    expect(judgePremises('pool', 12, 12, rules).reason).toMatch(/provider/);
    expect(judgePremises('mixed', 3, 20, rules).verdict).toBe(SHARED_FACILITY);
    expect(judgePremises('third', 1, 3, rules).exclusivity).toBe(0.333);
    expect(judgePremises('own', 10, 10, rules)).toMatchObject({ verdict: RING_PREMISES, exclusivity: 1 });
  });

  it('ranks the network’s own premises first, and keeps hubs and provider accounts out of them', () => {
    const d = buildDossier(fakeInput(12));
    const ring = d.premises.filter((p) => p.verdict === RING_PREMISES).map((p) => p.label);
    expect([...ring].sort()).toEqual(['No.1 Xinhua Rd, Rm 301', 'wallet …0001 (wallet, AliPay)']);
    expect(d.premises[0]!.verdict).toBe(RING_PREMISES);
    for (const shared of ['No.589 Pine Ave., Newark', 'wallet …7777 (wallet, PayPool)', 'iban NL …4592 (iban, Marketplace Payout Services)'])
      expect(d.premises.find((p) => p.label === shared)?.verdict).toBe(SHARED_FACILITY);
    expect(d.premises.find((p) => p.label.startsWith('No.1'))).toMatchObject({
      roles: ['dispatch'],
      networkShops: 10,
      shopCount: 10,
      first: '2026-04-01T00:00:00Z',
    });
    expect(d.timeline.map((t) => t.event)).toEqual(expect.arrayContaining(['shutdown approved', 'shop reinstated', 'referred', 'case opened']));
    expect(d.summary.estimatedGmv).toEqual(
      expect.arrayContaining([
        { currency: 'USD', amount: 597.45 },
        { currency: 'JPY', amount: 74 },
        { currency: 'EUR', amount: 1234.01 },
      ]),
    );
  });
});

describe('referral', () => {
  it('carries the officer’s contact whole for those who see people, withheld from a redacted dossier (referral and timeline)', () => {
    const full = buildDossier(fakeInput(3));
    expect(full.referral).toMatchObject({ agency: 'Guangzhou PSB', contact: 'Officer Li' });
    const redacted = buildDossier({ ...fakeInput(3), view: new IdentityView(false, Buffer.from('spec-key')) });
    expect(redacted.referral).toMatchObject({ agency: 'Guangzhou PSB', contact: 'withheld' });
    const line = redacted.timeline.find((t) => t.event === 'referred')!;
    expect(line.detail).toContain('contact withheld');
    expect(JSON.stringify(redacted)).not.toContain('Officer Li');
  });
});

describe('dossier PDF', () => {
  it('has the case reference and "Page i of n" on every page, a table of contents past 4 pages, and only rounded amounts', async () => {
    const d = buildDossier(fakeInput(150));
    const text = await pages(await dossierPdf(d));
    expect(text.length).toBeGreaterThan(4);
    text.forEach((page, i) => {
      expect(page).toContain('Case K-000042');
      expect(page).toContain('Detection run 6f1c1c1e-0000-4000-8000-000000000001');
      expect(page).toContain(`Page ${i + 1} of ${text.length}`);
    });
    expect(text[0]).toContain('Contents');
    expect(text[0]).toMatch(/Timeline \.+ page \d+/);
    const all = text.join('\n');
    // Non-Latin names print (the Noto fonts are embedded), and come back out of the text layer.
    expect(all).toContain('深圳精品店');
    expect(all).toContain('Łódź');
    const amounts = [...all.matchAll(/(-?\d[\d,]*(?:\.(\d+))?)\s+([A-Z]{3})\b/g)];
    expect(amounts.length).toBeGreaterThan(5);
    for (const [whole, , decimals, currency] of amounts) expect([whole, decimals?.length ?? 0]).toEqual([whole, minorUnits(currency!)]);
    expect(all).toContain('597.45 USD');
    expect(all).toContain('74 JPY');
    expect(all).not.toMatch(/\d\.\d{4,}/);
    expect(all).toMatch(/Shared facilities, not targets on their own \(3\)/);
  }, 60_000);

  it('has no table of contents when short', async () => {
    const text = await pages(await dossierPdf(buildDossier(fakeInput(3))));
    expect(text.length).toBeLessThanOrEqual(4);
    expect(text.join('\n')).not.toContain('Contents');
    text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${text.length}`));
  }, 60_000);

  it('renders a document the same whatever was rendered before it (fonts and shaped words are shared, subsets are not)', async () => {
    // pdfkit stamps the creation date (and the file id made from it): fixed, two renders compare byte for byte.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
    try {
      const small = buildDossier(fakeInput(3));
      const first = await dossierPdf(small);
      // A longer dossier in between, with other words and glyphs (and no CJK name), in the same fonts.
      const other = buildDossier(fakeInput(40));
      other.shops = other.shops.map((s) => ({ ...s, name: `Ünïqué Wörds Ωmega ${s.id}` }));
      other.graph.nodes = other.graph.nodes.map((n) => ({ ...n, label: `Ωmega ${n.id}` }));
      const between = await dossierPdf(other);
      expect(between.equals(first)).toBe(false);
      const again = await dossierPdf(small);
      expect(again.length).toBe(first.length);
      expect(again.equals(first)).toBe(true);
      expect((await pages(between)).join('\n')).toContain('Ünïqué Wörds Ωmega S7');
    } finally {
      vi.useRealTimers();
    }
  }, 60_000);
});
