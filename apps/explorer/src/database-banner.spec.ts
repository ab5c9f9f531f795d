import { describe, expect, it } from 'vitest';
import { bannerText } from './database-banner';

describe('bannerText', () => {
  it('says nothing while the health check is 200', () => {
    expect(bannerText({ status: 200, body: { status: 'ok' } })).toBeNull();
  });

  it("shows the API's cause with a 503, and a plain line when the API does not answer", () => {
    expect(
      bannerText({ status: 503, body: { error: { status: 503, code: 'database_unavailable', message: 'the database is unavailable: connect ECONNREFUSED' } } }),
    ).toBe('The database is unavailable: connect ECONNREFUSED. Pages need it to load; retrying…');
    expect(bannerText({ status: 502, body: null })).toMatch(/^The health check answered 502/);
    expect(bannerText('unreachable')).toMatch(/API does not answer/);
  });
});
