import { GRANTS, hasPermission, ROLES } from '@ringwatch/permissions';
import { describe, expect, it } from 'vitest';
import { landing, MENU, menuFor, parseRoute, ROUTE_PERMISSIONS } from './router';

const labels = (role: (typeof ROLES)[number]) => menuFor((p) => hasPermission([role], p)).map((entry) => entry.label);

describe('explorer routes', () => {
  it('reads views, ids and parameters from the hash', () => {
    expect(parseRoute('')).toMatchObject({ name: 'clusters' });
    expect(parseRoute('#/clusters?flagged=true&sort=size')).toMatchObject({ name: 'clusters' });
    expect(parseRoute('#/clusters?flagged=true&sort=size').params.get('sort')).toBe('size');
    expect(parseRoute('#/clusters/C000042')).toMatchObject({ name: 'cluster', id: 'C000042' });
    expect(parseRoute('#/shops/S%3A1?depth=2')).toMatchObject({ name: 'shop', id: 'S:1' });
    expect(parseRoute('#/shutdowns/abc')).toMatchObject({ name: 'shutdown', id: 'abc' });
    expect(parseRoute('#/alerts?status=open')).toMatchObject({ name: 'alerts' });
    expect(parseRoute('#/brand/Aurelio?sort=gap')).toMatchObject({ name: 'brand', id: 'Aurelio' });
    expect(parseRoute('#/admin/users')).toMatchObject({ name: 'users' });
    expect(parseRoute('#/admin/audit?actor=admin')).toMatchObject({ name: 'audit' });
    expect(parseRoute('#/takedowns')).toMatchObject({ name: 'takedowns' });
    expect(parseRoute('#/appeals?brand=Aurelio')).toMatchObject({ name: 'appeals' });
    expect(parseRoute('#/nonsense')).toMatchObject({ name: 'clusters' });
  });

  it('lands those who work cases on the inbox, only from an empty route', () => {
    const caseWorker = (p: string) => p === 'cases.write' || p === 'cases.read';
    const reader = (p: string) => p === 'cases.read' || p === 'clusters.read';
    expect(landing('', caseWorker)).toBe('#/cases');
    expect(landing('#/', caseWorker)).toBe('#/cases');
    expect(landing('#/clusters/C000042', caseWorker)).toBeNull();
    expect(landing('', reader)).toBeNull();
  });
});

describe('menu by permission', () => {
  it('links every entry to the page it names', () => {
    for (const entry of MENU) expect(parseRoute(entry.href).name, entry.href).toBe(entry.route);
  });

  it('shows each role exactly the pages its grants open, so no menu item answers 403', () => {
    for (const role of ROLES) {
      const shown = menuFor((p) => hasPermission([role], p));
      expect(shown, role).toEqual(MENU.filter((entry) => GRANTS[role].includes(ROUTE_PERMISSIONS[entry.route])));
    }
  });

  it('gives each role the menu the issue asks for', () => {
    expect(labels('brand_owner')).toEqual(['Brand portal']);
    expect(labels('liaison')).not.toContain('Shutdowns');
    expect(labels('liaison')).not.toContain('Alerts');
    expect(labels('admin')).toEqual(expect.arrayContaining(['Users', 'Audit', 'Brand portal']));
    expect(labels('admin')).not.toContain('Takedowns');
    expect(labels('admin')).toContain('Appeals');
    expect(labels('supervisor')).toEqual(expect.arrayContaining(['Takedowns', 'Appeals']));
    expect(labels('analyst')).not.toContain('Appeals');
    expect(labels('analyst')).toEqual(expect.arrayContaining(['Takedowns', 'Brand portal']));
    expect(labels('analyst')).not.toContain('Users');
    expect(labels('supervisor')).not.toContain('Users');
  });

  it('lands a brand owner on its portal, case workers on the inbox, the others on the default page', () => {
    const of = (role: (typeof ROLES)[number]) => (p: Parameters<typeof hasPermission>[1]) => hasPermission([role], p);
    expect(landing('', of('brand_owner'))).toBe('#/brand');
    expect(landing('#/', of('brand_owner'))).toBe('#/brand');
    expect(landing('#/brand/Aurelio', of('brand_owner'))).toBeNull();
    expect(landing('', of('analyst'))).toBe('#/cases');
    expect(landing('', of('supervisor'))).toBe('#/cases');
    expect(landing('', of('liaison'))).toBeNull();
    expect(landing('', of('admin'))).toBeNull();
    expect(landing('', () => false)).toBeNull();
  });
});
