import { describe, expect, it } from 'vitest';
import { buildPreview } from './shutdowns.service';

const shop = (id: string, extra: Partial<Parameters<typeof buildPreview>[0][number]> = {}) => ({
  id,
  name: `Shop ${id}`,
  status: 'active',
  openedAt: '2026-09-01T00:00:00Z',
  activeListings: 10,
  counterfeitReports: 1,
  hubKinds: [],
  payouts: [{ currency: 'USD', amount: 100.5 }],
  ...extra,
});

describe('shutdown dry run', () => {
  it('totals the affected shops, listings and payouts per currency', () => {
    const preview = buildPreview(
      [
        shop('a'),
        shop('b', {
          payouts: [
            { currency: 'USD', amount: 50 },
            { currency: 'EUR', amount: 7 },
          ],
        }),
      ],
      new Map(),
      new Date('2026-11-27T00:00:00Z'),
    );
    expect(preview).toMatchObject({
      shops: 2,
      activeListings: 20,
      counterfeitReports: 2,
      payouts: [
        { currency: 'USD', amount: 150.5 },
        { currency: 'EUR', amount: 7 },
      ],
      secondLook: [],
    });
  });

  it('calls out hub users, weak members, established clean shops and shops already down', () => {
    const preview = buildPreview(
      [
        shop('hub', { hubKinds: ['dispatch'] }),
        shop('weak'),
        shop('old', { openedAt: '2019-01-01T00:00:00Z', counterfeitReports: 0 }),
        shop('down', { status: 'suspended' }),
        shop('plain'),
      ],
      new Map([
        ['weak', 0.3],
        ['plain', 0.9],
      ]),
      new Date('2026-11-27T00:00:00Z'),
    );
    const reasons = Object.fromEntries(preview.secondLook.map((s) => [s.shopId, s.reasons.join(' | ')]));
    expect(Object.keys(reasons).sort()).toEqual(['down', 'hub', 'old', 'weak']);
    expect(reasons.hub).toMatch(/hub identifiers \(dispatch\)/);
    expect(reasons.weak).toMatch(/confidence 0\.30/);
    expect(reasons.old).toMatch(/open for 7 years without a counterfeit report/);
    expect(reasons.down).toMatch(/already suspended/);
  });
});
