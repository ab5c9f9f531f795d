import fs from 'node:fs';
import path from 'node:path';
import { ForbiddenException, RequestMethod, type ExecutionContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ROLES, type Role } from '@ringwatch/permissions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrandCatalogue } from '../brands/brand-catalogue';
import { BrandsService } from '../brands/brands.service';
import type { Actor } from '../common/actor';
import { Redaction } from '../common/redaction';
import { DossiersService } from '../dossiers/dossiers.service';
import { RolesGuard } from './roles.guard';
import { RequirePermission } from './roles';
import type { TokenSigner } from './tokens';

const A = 'analyst';
const S = 'supervisor';
const L = 'liaison';
const B = 'brand_owner';
const D = 'admin';
const INVESTIGATORS: Role[] = [A, S, L, D];

/**
 * Who may call each route, written out from the @Roles decorators and the two in-service checks the
 * permission table replaced (UNREDACTED in the dossier service, `r !== 'brand_owner'` in the brand
 * service). The table must reproduce it exactly: a new route, or a change of access, is made here on
 * purpose as well as in the table.
 */
const EXPECTED: Record<string, Role[] | 'public'> = {
  'GET /health': 'public',
  'GET /health/ready': 'public',
  'POST /auth/login': 'public',
  'GET /auth/me': [A, S, L, B, D],
  'POST /auth/logout': [A, S, L, B, D],
  'GET /users': [D],
  'POST /users': [D],
  'PATCH /users/:username': [D],
  'POST /users/:username/password': [D],
  'DELETE /users/:username': [D],
  'GET /clusters': INVESTIGATORS,
  'GET /clusters/:id': INVESTIGATORS,
  'GET /clusters/:id/graph': INVESTIGATORS,
  'GET /clusters/:id/dossier': INVESTIGATORS,
  'GET /dossiers/signing-key': INVESTIGATORS,
  'GET /shops/:id': INVESTIGATORS,
  'GET /shops/:id/neighbourhood': INVESTIGATORS,
  'GET /shops/:id/path': INVESTIGATORS,
  'GET /shops/:id/listings': INVESTIGATORS,
  'GET /shops/:id/activity': INVESTIGATORS,
  'GET /shops/metrics': INVESTIGATORS,
  'POST /shops/:id/reinstate': [S, D],
  'GET /evidence': INVESTIGATORS,
  'GET /search': INVESTIGATORS,
  'GET /schema/graph': INVESTIGATORS,
  'POST /imports': [S, D],
  'GET /imports/:id': [S, D],
  // A bulk first load replaces the store and takes the database offline: admins only (staging with
  // POST /imports?bulk=true is checked in the handler: tests/api/bulk-imports.test.ts).
  'GET /imports/bulk': [D],
  'DELETE /imports/bulk': [D],
  'POST /imports/bulk': [D],
  'POST /shutdowns': [A, S],
  'GET /shutdowns': [A, S, D],
  'GET /shutdowns/:id': [A, S, D],
  'POST /shutdowns/:id/approve': [S],
  'POST /shutdowns/:id/reject': [S],
  'POST /shutdowns/:id/resume': [S, D],
  'GET /alerts': [A, S, D],
  'POST /alerts/:id/acknowledge': [A, S, D],
  'GET /brands/:brand/suspected-listings': [B, A, S, D],
  'POST /brands/:brand/reports': [B],
  'GET /brands': [A, S, L, D],
  'GET /brands/:brand/standing': [B, A, S, L, D],
  'GET /brands/:brand/reports': [B, A, S, L, D],
  'GET /reporters': INVESTIGATORS,
  'GET /takedowns/queue': [A, S],
  'GET /takedowns': INVESTIGATORS,
  'POST /takedowns/:id/confirm': [A, S],
  'POST /takedowns/:id/reject': [A, S],
  'POST /takedowns/:id/appeal': [S, D],
  'GET /reports': INVESTIGATORS,
  'GET /reports/:id': INVESTIGATORS,
  'GET /reports/:id/:file': INVESTIGATORS,
  'POST /reports': [S, D],
  'GET /audit': [S, D],
  'GET /audit/export.csv': [S, D],
  'GET /cases': INVESTIGATORS,
  'GET /cases/:id': INVESTIGATORS,
  // Saved views need only cases.read: each person's own filters, another's is a 404 (tests/api/saved-views.test.ts).
  'GET /cases/views': INVESTIGATORS,
  'POST /cases/views': INVESTIGATORS,
  'DELETE /cases/views/:id': INVESTIGATORS,
  'POST /cases/:id/status': [A, S],
  'POST /cases/:id/referral': [S, L],
  'POST /cases/:id/assignee': [A, S],
  'POST /cases/:id/priority': [A, S],
  'POST /cases/:id/notes': [A, S],
};
const UNREDACTED: Role[] = [L, S];
const EVERY_BRAND: Role[] = [A, S, L, D];

interface Route {
  key: string;
  controller: abstract new (...args: never[]) => unknown;
  handler: (...args: never[]) => unknown;
}

/** Every route of every controller under apps/api/src, read from Nest's own metadata. */
async function routes(): Promise<Route[]> {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.controller.ts'));
  const found: Route[] = [];
  for (const file of files) {
    const module = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const controller of Object.values(module)) {
      if (typeof controller !== 'function' || Reflect.getMetadata(PATH_METADATA, controller) === undefined) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller));
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || name === 'constructor' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const url = ['', base, String(Reflect.getMetadata(PATH_METADATA, handler))]
          .join('/')
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1');
        found.push({ key: `${method} ${url}`, controller: controller as Route['controller'], handler: handler as Route['handler'] });
      }
    }
  }
  return found;
}

/** The real guard with a token signer that believes the caller holds `roles`. */
function guardFor(roles: readonly string[]): RolesGuard {
  const signer = { verify: () => ({ sub: 'someone', roles, brands: [], ver: 0, exp: 9e9 }) } as unknown as TokenSigner;
  return new RolesGuard(new Reflector(), signer, { tokenState: async () => ({ active: true, tokenVersion: 0 }) });
}

function context(route: Pick<Route, 'controller' | 'handler'>): ExecutionContext {
  const request = { header: (name: string) => (name === 'authorization' ? 'Bearer v1.x.y' : undefined) };
  return {
    getHandler: () => route.handler,
    getClass: () => route.controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

async function allowed(roles: readonly string[], route: Pick<Route, 'controller' | 'handler'>): Promise<boolean> {
  try {
    return await guardFor(roles).canActivate(context(route));
  } catch (error) {
    if (error instanceof ForbiddenException) return false;
    throw error;
  }
}

const actor = (roles: readonly string[], brands: string[] = []): Actor => ({ name: 'someone', roles: roles as Role[], brands, requestId: null });

/** Whether the dossier the service builds for these roles shows identities. */
async function unredacted(roles: readonly string[]): Promise<boolean> {
  const cluster = { id: 'C1', runId: 'r1', runStartedAt: '-', risk: 0, flagged: false, status: 'open', size: 0, lineage: 'new', factors: [], members: [] };
  const clusters = { detail: async () => cluster, graph: async () => ({ nodes: [], edges: [], truncated: false }) };
  const repository = {
    history: async () => ({ runs: [], shutdowns: [], run: null, dataTimestamp: null }),
    facts: async () => ({
      shops: [],
      addresses: [],
      accounts: [],
      contacts: [],
      listings: [],
      reports: [],
      listingRows: [],
      payments: [],
      case: { case: null, reinstatements: [], appeals: [] },
    }),
  };
  const redaction = new Redaction({ pii: { hmacKey: 'access-spec-pii-key', keyFile: '-' } } as never);
  const service = new DossiersService(
    repository as never,
    clusters as never,
    {} as never,
    redaction,
    { record: async () => undefined } as never,
    {
      detection: { hubThreshold: 50 },
      dossier: { signingKeyFile: '-' },
    } as never,
  );
  return !(await service.build('C1', undefined, actor(roles))).provenance.redacted;
}

/** Whether the brand portal lets these roles, bound to no brand, see Aurelio's listings. */
async function everyBrand(roles: readonly string[]): Promise<boolean> {
  const catalogue = new BrandCatalogue({ known: async () => ['Aurelio'] } as never, { get: (_key: string, load: () => unknown) => load() } as never);
  const service = new BrandsService({ suspected: async () => ({ total: 0, items: [] }) } as never, catalogue, {} as never, {} as never, {} as never);
  try {
    await service.suspected('Aurelio', actor(roles), 0, 10);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenException) return false;
    throw error;
  }
}

describe('access through the permission table', () => {
  let all: Route[];
  beforeAll(async () => {
    all = await routes();
  });

  it('finds every route, and each is in the matrix once', () => {
    expect(all.map((r) => r.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('lets exactly the expected roles through every route', async () => {
    for (const route of all) {
      const expected = EXPECTED[route.key]!;
      const actual: Role[] = [];
      for (const role of ROLES) if (await allowed([role], route)) actual.push(role);
      if (expected === 'public') expect(actual, route.key).toEqual([...ROLES]);
      else expect([...actual].sort(), route.key).toEqual([...expected].sort());
    }
  });

  it('shows identities in dossiers, and every brand in the portal, to the expected roles', async () => {
    const shown: Role[] = [];
    const brands: Role[] = [];
    for (const role of ROLES) {
      if (await unredacted([role])) shown.push(role);
      if (await everyBrand([role])) brands.push(role);
    }
    expect(shown.sort()).toEqual([...UNREDACTED].sort());
    expect(brands.sort()).toEqual([...EVERY_BRAND].sort());
  });

  it('refuses a new role the table does not grant everywhere: routes, unredacted dossiers, other brands', async () => {
    const newcomer = ['auditor'];
    for (const route of all) if (EXPECTED[route.key] !== 'public') expect(await allowed(newcomer, route), route.key).toBe(false);
    expect(await unredacted(newcomer)).toBe(false);
    expect(await everyBrand(newcomer)).toBe(false);
  });

  it('refuses a route that declares nothing, and names the missing permission in a 403', async () => {
    class Undeclared {
      route(): void {}
    }
    await expect(guardFor(ROLES).canActivate(context({ controller: Undeclared, handler: Undeclared.prototype.route }))).rejects.toThrow(
      'this route declares no permission',
    );
    class Declared {
      @RequirePermission('shutdown.decide')
      route(): void {}
    }
    await expect(guardFor([A]).canActivate(context({ controller: Declared, handler: Declared.prototype.route }))).rejects.toThrow(
      /needs the permission shutdown\.decide \(approve or reject a shutdown proposal.*\), which the roles analyst do not grant/,
    );
  });
});
