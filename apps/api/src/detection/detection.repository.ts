import { Injectable } from '@nestjs/common';
import type {
  BrandedListingRow,
  ClusterWrite,
  DetectionStore,
  EvidenceKind,
  MembershipWrite,
  MemberFactsRow,
  RawGroup,
  RunOutcome,
  RunStart,
  ShopProfileRow,
} from '@ringwatch/detection';
import { groupSourceOf, kindOfAddressUse, LINKING_KINDS, type GroupSource } from '@ringwatch/kinds';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j from 'neo4j-driver';
import { Neo4jRepository } from '../database/neo4j.repository';

/**
 * One read per source of shared identifiers (the registry's groupSourceOf): one per kind, and one for
 * the three address kinds together. Typed by the registry, so a kind with a new source is named here.
 * The order is the order the projection has always received groups in (its sums are order-sensitive
 * in the last bit); keep it when adding a source, and add the new one last.
 */
const GROUP_STATEMENTS: Record<GroupSource, string> = {
  account: 'detection/groups-account',
  phone: 'detection/groups-phone',
  email: 'detection/groups-email',
  device: 'detection/groups-device',
  kyc: 'detection/groups-kyc',
  address: 'detection/groups-address',
};

/** A read's kind per row: the source's one kind, or the kind a row's address use names. */
const kindOfRow = (source: GroupSource, record: { get(key: string): unknown }): EvidenceKind =>
  source === 'address' ? kindOfAddressUse(record.get('kind') as string) : source;

/** The sources of linking kinds (a kind that links no shops is not read). */
const GROUP_SOURCES = (Object.keys(GROUP_STATEMENTS) as GroupSource[]).filter((source) => LINKING_KINDS.some((k) => groupSourceOf(k) === source));

/** Clusters whose shared identifiers are worked out per transaction (a few hundred keep each one small). */
const CLUSTER_READS_BATCH = 250;

/** A shared identifier as stored with its cluster (the shape of evidence/shared-identifiers, shops sorted). */
interface StoredIdentifier {
  kind: string;
  key: string;
  label: string | null;
  place: { city: string | null; region: string | null; country: string | null } | null;
  shopCount: number;
  shops: string[];
}

/** Bulk reads for the evidence projection and scoring, and the write-back of a run's clusters. */
@Injectable()
export class DetectionRepository extends Neo4jRepository implements DetectionStore {
  private readonly groups = this.registry.bind(GROUP_STATEMENTS);
  private readonly q = this.registry.bind({
    brandPrices: 'detection/brand-prices',
    memberFacts: 'detection/member-facts',
    brandedListings: 'detection/branded-listings',
    addressUnits: 'detection/groups-address-unit',
    previous: 'detection/previous-clusters',
    numbers: 'detection/next-cluster-numbers',
    createRun: 'detection/create-run',
    writeClusters: 'detection/write-clusters',
    writeMemberships: 'detection/write-memberships',
    clusterIdentifiers: 'detection/cluster-identifiers',
    writeClusterIdentifiers: 'detection/write-cluster-identifiers',
    finishRun: 'detection/finish-run',
    prune: 'detection/prune-runs',
    shopProfiles: 'detection/shop-profiles',
  });

  /** Shared identifiers of every kind, streamed so the whole answer is never held as driver records. */
  async readGroups(hubThreshold: number, onGroup: (group: RawGroup) => void): Promise<void> {
    for (const source of GROUP_SOURCES) await this.streamGroups(this.groups[source], source, false, hubThreshold, onGroup);
    // Shared units of shared addresses, which add weight to their building's links.
    if (GROUP_SOURCES.includes('address')) await this.streamGroups(this.q.addressUnits, 'address', true, hubThreshold, onGroup);
  }

  private async streamGroups(
    statement: string,
    source: GroupSource,
    refines: boolean,
    hubThreshold: number,
    onGroup: (group: RawGroup) => void,
  ): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead(async (tx) => {
        for await (const record of tx.run(statement, { hubThreshold: neo4j.int(hubThreshold) })) {
          onGroup({
            kind: kindOfRow(source, record),
            key: record.get('key') as string,
            shopCount: neo4j.integer.toNumber(record.get('shopCount')),
            shops: record.get('shops') as string[],
            ...(refines ? { refines } : {}),
          });
        }
      });
    } finally {
      await session.close();
    }
  }

  async shopProfiles(ids: string[]): Promise<Map<string, ShopProfileRow>> {
    const out = new Map<string, ShopProfileRow>();
    for (let i = 0; i < ids.length; i += 20000) {
      const { records } = await this.readQuery(this.q.shopProfiles, { ids: ids.slice(i, i + 20000) });
      for (const r of records) {
        const { shop, ...profile } = recordToPlain<ShopProfileRow & { shop: string }>(r);
        out.set(shop, profile);
      }
    }
    return out;
  }

  async brandTypicalPrices(): Promise<Record<string, number>> {
    const { records } = await this.readQuery(this.q.brandPrices, {});
    return Object.fromEntries(records.map((r) => [r.get('brand') as string, r.get('typical') as number]));
  }

  async brandedListings(onListing: (listing: BrandedListingRow) => void): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead(async (tx) => {
        for await (const r of tx.run(this.q.brandedListings, {})) {
          onListing({
            shop: r.get('shop') as string,
            brand: r.get('brand') as string,
            category: r.get('category') as string | null,
            title: (r.get('title') as string | null) ?? '',
            price: r.get('price') as number,
            currency: r.get('currency') as string | null,
          });
        }
      });
    } finally {
      await session.close();
    }
  }

  async memberFacts(ids: string[]): Promise<MemberFactsRow[]> {
    const out: MemberFactsRow[] = [];
    for (let i = 0; i < ids.length; i += 5000) {
      const { records } = await this.readQuery(this.q.memberFacts, { ids: ids.slice(i, i + 5000) });
      for (const r of records) out.push(recordToPlain<MemberFactsRow>(r));
    }
    return out;
  }

  async previousClusters(): Promise<{ id: string; members: string[] }[]> {
    const { records } = await this.readQuery(this.q.previous, {});
    return records.map((r) => recordToPlain<{ id: string; members: string[] }>(r));
  }

  async reserveClusterNumbers(count: number): Promise<number> {
    const { records } = await this.writeQuery(this.q.numbers, { count: neo4j.int(count) });
    return recordToPlain<{ first: number }>(records[0]!).first;
  }

  async createRun(run: RunStart): Promise<void> {
    await this.writeQuery(this.q.createRun, { ...run, seed: neo4j.int(run.seed) });
  }

  async writeClusters(runId: string, clusters: ClusterWrite[], members: MembershipWrite[]): Promise<void> {
    for (let i = 0; i < clusters.length; i += 5000) {
      await this.writeQuery(this.q.writeClusters, { runId, clusters: clusters.slice(i, i + 5000) });
    }
    for (let i = 0; i < members.length; i += 10000) {
      await this.writeQuery(this.q.writeMemberships, { runId, members: members.slice(i, i + 10000) });
    }
    // What a cluster's graph shows is known now: written with the run, so its first read is one lookup.
    const keys = clusters.map((c) => `${runId}:${c.id}`);
    for (let i = 0; i < keys.length; i += CLUSTER_READS_BATCH) await this.writeClusterIdentifiers(keys.slice(i, i + CLUSTER_READS_BATCH));
  }

  /** One batch of clusters: their shared identifiers read and written back as JSON in one transaction. */
  private async writeClusterIdentifiers(keys: string[]): Promise<void> {
    await this.writeTransaction(async (tx) => {
      const { records } = await tx.run(this.q.clusterIdentifiers, { keys });
      const written = new Set<string>();
      const rows = records.map((r) => {
        const key = r.get('key') as string;
        written.add(key);
        const identifiers = (recordToPlain<{ identifiers: StoredIdentifier[] }>(r).identifiers ?? []).map((x) => ({ ...x, shops: [...x.shops].sort() }));
        return { key, identifiers: JSON.stringify(identifiers) };
      });
      // A cluster whose members share nothing two-by-two (linked by unit refinements only) still gets its answer: none.
      for (const key of keys) if (!written.has(key)) rows.push({ key, identifiers: '[]' });
      await tx.run(this.q.writeClusterIdentifiers, { rows });
    });
  }

  /** Records how a run ended; the run is audited (with who started it) in the same transaction. */
  async finishRun(id: string, outcome: RunOutcome): Promise<void> {
    await this.audited(
      async (tx) => (await tx.run(this.q.finishRun, { id, ...outcome })).records[0]?.get('trigger') as string | null | undefined,
      (trigger) =>
        trigger === undefined
          ? null
          : {
              actor: 'system',
              action: outcome.status === 'completed' ? 'detection.run' : 'detection.fail',
              target: `run:${id}`,
              before: null,
              after: { trigger, counts: JSON.parse(outcome.counts) as unknown, error: outcome.error },
            },
    );
  }

  async prune(keep: number): Promise<number> {
    const { records } = await this.writeQuery(this.q.prune, { keep: neo4j.int(keep) });
    return recordToPlain<{ pruned: number }>(records[0]!).pruned;
  }
}
