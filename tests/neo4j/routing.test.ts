import path from 'node:path';
import { CypherRegistry, openDriver } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { ROOT, testConfig } from '../setup/app';

/**
 * A cluster or Aura is reached through a neo4j:// routing URI (NEO4J_URI): the driver asks the server for
 * its routing table and sends READ transactions to followers and WRITE ones to the leader. The local
 * server answers the same routing protocol as a one-member cluster, so the scheme and the access modes
 * the repositories use are tested here against it: a read that is marked READ is refused a write (as a
 * follower would refuse it), so every read the repositories mark READ can go to a follower.
 */

const neo4j = inject('neo4j');
let driver: Driver;
const routingUri = () => neo4j.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');

beforeAll(async () => {
  driver = await openDriver({ ...neo4j, uri: routingUri() });
});
afterAll(async () => {
  await driver?.close();
});

describe('a neo4j:// routing URI', () => {
  it('is accepted by the configuration', () => {
    const config = testConfig({ NEO4J_URI: routingUri() });
    expect(config.neo4j).toMatchObject({ mode: 'external', uri: routingUri() });
  });

  it('routes: the server gives a routing table with a writer and readers', async () => {
    const { records } = await driver.executeQuery('CALL dbms.routing.getRoutingTable({}, $db)', { db: neo4j.database }, { database: 'system' });
    const roles = (records[0]!.get('servers') as { role: string; addresses: string[] }[]).map((s) => s.role).sort();
    expect(roles).toEqual(['READ', 'ROUTE', 'WRITE']);
  });

  it('refuses a write in a READ transaction, as a follower would', async () => {
    await expect(driver.executeQuery('CREATE (:RoutingProbe) RETURN 1', {}, { database: neo4j.database, routing: 'READ' })).rejects.toThrow(
      /read access mode|not allowed/i,
    );
    const { records } = await driver.executeQuery('MATCH (n:RoutingProbe) RETURN count(n) AS n', {}, { database: neo4j.database, routing: 'READ' });
    expect(Number(records[0]!.get('n'))).toBe(0);
  });

  it("carries the repositories' reads (READ) and writes (WRITE)", async () => {
    const repo = new ImportsRepository(driver, neo4j.database, CypherRegistry.load(path.join(ROOT, 'cypher')));
    const id = `00000000-0000-4000-8000-${Date.now().toString().padStart(12, '0').slice(-12)}`;
    await repo.create(id, 'routing-test', ['shops.csv']);
    expect(await repo.get(id)).toMatchObject({ id, status: 'running', source: 'routing-test' });
    await repo.progress(id, { read: 3, accepted: 2, rejected: 1, created: 2, updated: 0, moved: 0 });
    expect(await repo.get(id)).toMatchObject({ status: 'running', read: 3, accepted: 2, rejected: 1 });
    await driver.executeQuery('MATCH (i:Import {id: $id}) DETACH DELETE i', { id }, { database: neo4j.database });
  });
});
