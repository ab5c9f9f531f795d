import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

/** The marketplace as loads write it; the Import ledger is left out (two loads keep two records). */
const MARKETPLACE = ['Seller', 'Shop', 'Listing', 'Brand', 'Payment', 'PaymentAccount', 'Address', 'Phone', 'Email', 'Device', 'KycDocument', 'BrandReport'];

/**
 * What a load leaves behind, comparable across databases: per label the node count and a hash of the
 * sorted keys (id, key or name: each label's unique property), per relationship type the count and a
 * hash of the sorted (start key, end key) pairs.
 */
export async function marketplaceSnapshot(driver: Driver, database: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
     RETURN labels(n)[0] AS label, collect(coalesce(n.id, n.key, n.name)) AS keys`,
    { labels: MARKETPLACE },
    { database },
  );
  for (const r of nodes.records) {
    const keys = (r.get('keys') as string[]).map(String).sort();
    out[`node:${r.get('label') as string}`] = `${keys.length} ${digest(keys)}`;
  }
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)
     RETURN type(r) AS type, collect(coalesce(a.id, a.key, a.name) + '>' + coalesce(b.id, b.key, b.name)) AS pairs`,
    { labels: MARKETPLACE },
    { database },
  );
  for (const r of rels.records) {
    const pairs = (r.get('pairs') as string[]).sort();
    out[`rel:${r.get('type') as string}`] = `${pairs.length} ${digest(pairs)}`;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function digest(values: string[]): string {
  const hash = createHash('sha256');
  for (const v of values) hash.update(`${v}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Removes the marketplace, the ledger and the work on top (runs, clusters, shutdowns, alerts, audit). */
export async function wipe(driver: Driver, database: string): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = driver.session({ database });
  try {
    await session.run(
      `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
      { labels: [...MARKETPLACE, 'Import', 'DetectionRun', 'Cluster', 'Sequence', 'Shutdown', 'Alert', 'Report', 'Lock', 'AuditEvent'] },
    );
  } finally {
    await session.close();
  }
}
