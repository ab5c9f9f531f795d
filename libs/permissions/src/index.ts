/**
 * Who may do what, in one place. A route, a service and the explorer ask for a permission (an action),
 * never for a list of roles; the table below is the only place that says which role holds which
 * permission. A role the table does not grant gets nothing, so adding a role is safe until it is
 * granted something on purpose. Browser-safe: the explorer reads it too.
 */

export const ROLES = ['analyst', 'supervisor', 'liaison', 'brand_owner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every action the API guards, with what it allows (the 403 message and docs quote it). */
export const PERMISSIONS = {
  'session.read': 'see who is signed in and what the account may do (GET /auth/me)',
  'users.manage': 'list and create users',
  'clusters.read': 'list clusters, read one and its graph',
  'shops.read': 'read a shop and its neighbourhood',
  'evidence.read': 'see what shops share',
  'search.read': 'search shops, addresses, phones, emails and accounts',
  'schema.read': 'read the data model',
  'dossier.read': 'export a cluster dossier (redacted without identities.read)',
  'identities.read': 'see names, emails, phones, street addresses and account numbers unredacted, in every response and export',
  'shutdowns.read': 'list and read shutdown proposals',
  'shutdown.propose': 'propose a bulk shutdown of a cluster',
  'shutdown.decide': 'approve or reject a shutdown proposal (never one of your own)',
  'shutdown.resume': 'restart a shutdown execution that stopped on an error',
  'shop.reinstate': 'reinstate a shop after an upheld appeal',
  'imports.read': 'follow a data upload',
  'imports.write': 'upload a data file',
  'imports.bulk': "stage files for a bulk first load into an empty database, and start it (the local database is offline while Neo4j's importer runs)",
  'alerts.read': 'list recidivism alerts',
  'alerts.acknowledge': 'acknowledge a recidivism alert',
  'brands.suspected': "see a brand's suspected listings (the account's own brands, or any with brands.read-any)",
  'brands.report': 'confirm a counterfeit or clear a listing of a brand the account acts for',
  'brands.read-any': 'staff: act on every brand in the brand portal, not only the brands bound to the account',
  'brands.list': 'list the brands known to the system (those listings and reports name)',
  'brands.standing': "see a brand's accuracy and fast-lane standing (a brand owner: its own brands, and only its own reporter standing)",
  'reporters.read': 'see the table of brand reporters: accuracy, appeal rate, fast-lane standing',
  'takedowns.review': 'read the takedown review queue and confirm or reject the reports in it',
  'takedowns.appeal': "record a seller's upheld appeal against a takedown (the listing is relisted)",
  'reports.read': 'read the nightly reports',
  'reports.run': 'run the nightly report now',
  'audit.read': 'read the audit trail',
  'cases.read': "list cases (the inbox), read one with its notes and timeline, and keep one's own saved views of the inbox",
  'cases.write': 'move, assign, prioritise and annotate cases (and be assigned one)',
  'cases.refer': 'record the referral of a case to law enforcement (agency, their reference, date, contact); the case becomes referred',
} as const satisfies Record<string, string>;
export type Permission = keyof typeof PERMISSIONS;

/** What every staff role that investigates networks reads. */
const INVESTIGATE = [
  'session.read',
  'clusters.read',
  'shops.read',
  'evidence.read',
  'search.read',
  'schema.read',
  'dossier.read',
  'reports.read',
  'cases.read',
  'reporters.read',
] as const satisfies readonly Permission[];

/** What the roles that run the platform (supervisors, admins) share: operations, data, audit. */
const OPERATE = [
  'shutdowns.read',
  'shutdown.resume',
  'shop.reinstate',
  'imports.read',
  'imports.write',
  'alerts.read',
  'alerts.acknowledge',
  'brands.suspected',
  'brands.read-any',
  'brands.list',
  'brands.standing',
  'takedowns.appeal',
  'reports.run',
  'audit.read',
] as const satisfies readonly Permission[];

/** The table: role → what it may do. The compiler asks for a row for every role in ROLES. */
export const GRANTS: { readonly [R in Role]: readonly Permission[] } = {
  analyst: [
    ...INVESTIGATE,
    'cases.write',
    'shutdowns.read',
    'shutdown.propose',
    'alerts.read',
    'alerts.acknowledge',
    'brands.suspected',
    'brands.read-any',
    'brands.list',
    'brands.standing',
    'takedowns.review',
  ],
  supervisor: [...INVESTIGATE, ...OPERATE, 'cases.write', 'cases.refer', 'identities.read', 'shutdown.propose', 'shutdown.decide', 'takedowns.review'],
  // brands.read-any without brands.suspected only matters to an account that is a brand owner as well:
  // a liaison is staff there, as before the table.
  // The liaison is who hands networks to the police: they record the referral.
  liaison: [...INVESTIGATE, 'cases.refer', 'identities.read', 'brands.read-any', 'brands.list', 'brands.standing'],
  brand_owner: ['session.read', 'brands.suspected', 'brands.report', 'brands.standing'],
  // A bulk first load replaces the whole store and takes the database offline: the platform's owner only.
  admin: [...INVESTIGATE, ...OPERATE, 'users.manage', 'imports.bulk'],
};

/** The grants of one role; nothing for a name the table does not know (an old token, a typo, a new role). */
function grantsOf(role: string): readonly Permission[] {
  return Object.hasOwn(GRANTS, role) ? GRANTS[role as Role] : [];
}

/** Whether any of the roles grants the permission. */
export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => grantsOf(role).includes(permission));
}

/** Everything the roles together may do, in the order of PERMISSIONS. */
export function permissionsOf(roles: readonly string[]): Permission[] {
  const granted = new Set(roles.flatMap(grantsOf));
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => granted.has(p));
}
