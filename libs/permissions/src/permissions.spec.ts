import { describe, expect, it } from 'vitest';
import { GRANTS, hasPermission, PERMISSIONS, permissionsOf, ROLES, type Permission } from './index';

const ALL = Object.keys(PERMISSIONS) as Permission[];

describe('permission table', () => {
  it('has a row for every role and grants only named permissions', () => {
    expect(Object.keys(GRANTS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) for (const p of GRANTS[role]) expect(ALL, `${role}: ${p}`).toContain(p);
  });

  it('gives a role the table does not know nothing at all', () => {
    for (const stranger of ['auditor', 'constructor', '__proto__', 'toString', ''])
      for (const p of ALL) expect(hasPermission([stranger], p), `${stranger}: ${p}`).toBe(false);
    expect(permissionsOf(['auditor'])).toEqual([]);
    expect(permissionsOf([])).toEqual([]);
  });

  it('unites the grants of several roles, once each, in the order of PERMISSIONS', () => {
    const both = permissionsOf(['brand_owner', 'liaison', 'auditor']);
    expect(both).toEqual(ALL.filter((p) => GRANTS.brand_owner.includes(p) || GRANTS.liaison.includes(p)));
    expect(new Set(both).size).toBe(both.length);
    expect(hasPermission(['brand_owner', 'liaison'], 'identities.read')).toBe(true);
    expect(hasPermission(['brand_owner'], 'identities.read')).toBe(false);
  });
});
