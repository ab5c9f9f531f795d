import { createHash } from 'node:crypto';
import { openDriver } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';

/** Labels the marketplace model writes; tests that load data wipe exactly these. */
const MARKETPLACE = [
  'Seller',
  'Shop',
  'Listing',
  'Brand',
  'Payment',
  'PaymentAccount',
  'Address',
  'Phone',
  'Email',
  'Device',
  'KycDocument',
  'BrandReport',
  'Import',
];

export async function testDriver(): Promise<Driver> {
  return openDriver(inject('neo4j'));
}

/** Removes all marketplace data (tests run one file at a time against a throw-away database). */
export async function wipeMarketplace(driver: Driver): Promise<void> {
  const session = driver.session({ database: inject('neo4j').database });
  try {
    await session.run('MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {
      labels: MARKETPLACE,
    });
  } finally {
    await session.close();
  }
}

/** What a load leaves behind, in a comparable form: counts per label and relationship type, placeholders. */
export async function graphFingerprint(driver: Driver): Promise<Record<string, number>> {
  const database = inject('neo4j').database;
  const out: Record<string, number> = {};
  const labels = await driver.executeQuery(
    'MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND NOT n:Import RETURN labels(n)[0] AS label, count(*) AS n, count(n.placeholder) AS placeholders',
    { labels: MARKETPLACE },
    { database },
  );
  for (const r of labels.records) {
    out[`node:${r.get('label')}`] = Number(r.get('n'));
    out[`placeholder:${r.get('label')}`] = Number(r.get('placeholders'));
  }
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->() WHERE any(l IN labels(a) WHERE l IN $labels) AND NOT a:Import RETURN type(r) AS type, count(*) AS n',
    { labels: MARKETPLACE },
    { database },
  );
  for (const r of rels.records) out[`rel:${r.get('type')}`] = Number(r.get('n'));
  return out;
}

/** Properties that say which import wrote what and the trail of a moved link: not the graph's content. */
const BOOKKEEPING = new Set(['createdBy', 'movedFrom', 'movedBy', 'movedAt']);

const plain = (props: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(props)
      .filter((k) => !BOOKKEEPING.has(k))
      .sort()
      .map((k) => [k, String(props[k])]),
  );

/**
 * A checksum over the marketplace graph's content: every node by label, id (or key, or name) and
 * properties, every relationship by type, its ends and properties; the bookkeeping of which import wrote
 * it (createdBy, move trails) left out. Two loads of the same files give the same checksum.
 */
export async function graphChecksum(driver: Driver): Promise<{ checksum: string; nodes: number; relationships: number }> {
  const database = inject('neo4j').database;
  const nodes = await driver.executeQuery(
    'MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND NOT n:Import RETURN labels(n)[0] + ":" + coalesce(n.id, n.key, n.name) AS id, properties(n) AS props',
    { labels: MARKETPLACE },
    { database },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE any(l IN labels(a) WHERE l IN $labels) AND NOT a:Import
     RETURN labels(a)[0] + ":" + coalesce(a.id, a.key, a.name) + " " + type(r) + " " + labels(b)[0] + ":" + coalesce(b.id, b.key, b.name) AS id, properties(r) AS props`,
    { labels: MARKETPLACE },
    { database },
  );
  const lines = [...nodes.records, ...rels.records].map((r) => `${String(r.get('id'))} ${plain(r.get('props') as Record<string, unknown>)}`).sort();
  return { checksum: createHash('sha256').update(lines.join('\n')).digest('hex'), nodes: nodes.records.length, relationships: rels.records.length };
}

/** Labels the service's own work writes (runs, clusters, shutdowns, alerts, reports, leases). */
const WORK = ['DetectionRun', 'Cluster', 'Sequence', 'Shutdown', 'Alert', 'Report', 'Lock', 'Case', 'CaseNote', 'CaseEvent', 'Takedown', 'SavedView'];

/** Removes the service's work on top of the marketplace, so a file starts from its own detection run. */
export async function wipeWork(driver: Driver, extraLabels: string[] = []): Promise<void> {
  await driver.executeQuery(
    'MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) DETACH DELETE n',
    { labels: [...WORK, ...extraLabels] },
    { database: inject('neo4j').database },
  );
}
