import { GRANTS, permissionsOf, ROLES } from '@ringwatch/permissions';
import { describe, expect, it } from 'vitest';
import { landingFor, MENU, menuFor, parseRoute, ROUTE_PERMISSIONS } from './router';

const labels = (role: (typeof ROLES)[number]) => menuFor(permissionsOf([role])).map((entry) => entry.label);

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
    expect(parseRoute('#/nonsense')).toMatchObject({ name: 'clusters' });
  });
});

describe('menu by permission', () => {
  it('links every entry to the page it names', () => {
    for (const entry of MENU) expect(parseRoute(entry.href).name, entry.href).toBe(entry.route);
  });

  it('shows each role exactly the pages its grants open, so no menu item answers 403', () => {
    for (const role of ROLES) {
      const shown = menuFor(permissionsOf([role]));
      expect(shown, role).toEqual(MENU.filter((entry) => GRANTS[role].includes(ROUTE_PERMISSIONS[entry.route])));
    }
  });

  it('gives each role the menu the issue asks for', () => {
    expect(labels('brand_owner')).toEqual(['Brand portal']);
    expect(labels('liaison')).not.toContain('Shutdowns');
    expect(labels('liaison')).not.toContain('Alerts');
    expect(labels('admin')).toEqual(expect.arrayContaining(['Users', 'Audit', 'Brand portal']));
    expect(labels('admin')).not.toContain('Takedowns');
    expect(labels('analyst')).toEqual(expect.arrayContaining(['Takedowns', 'Brand portal']));
    expect(labels('analyst')).not.toContain('Users');
    expect(labels('supervisor')).not.toContain('Users');
  });

  it('lands a brand owner on its portal and staff on the default page', () => {
    expect(landingFor(permissionsOf(['brand_owner']))).toBe('#/brand');
    for (const role of ['analyst', 'supervisor', 'liaison', 'admin'] as const) expect(landingFor(permissionsOf([role])), role).toBe('#/clusters');
    expect(landingFor([])).toBeNull();
  });
});
