import type { WeightedGraph } from '@ringwatch/detection';
import type { CypherRegistry } from '@ringwatch/neo4j';
import neo4j, { type Driver } from 'neo4j-driver';

/** Neo4j Graph Data Science's Louvain on a graph we hand it: the detection benchmark's baseline. */
export class GdsRepository {
  private readonly q;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    registry: CypherRegistry,
  ) {
    this.q = registry.bind({ project: 'bench/gds-project', louvain: 'bench/gds-louvain', drop: 'bench/gds-drop' });
  }

  /** Returns a community per node (nodes missing from GDS's answer, with no edge, get −1). */
  async louvain(graph: WeightedGraph, concurrency: number): Promise<{ membership: Int32Array; projectMillis: number; louvainMillis: number }> {
    const name = `ringwatch-bench-${Date.now()}`;
    const edges = Array.from(graph.src, (s, i) => [neo4j.int(s), neo4j.int(graph.dst[i]!), graph.weight[i]!]);
    const t0 = performance.now();
    await this.driver.executeQuery(this.q.project, { name, edges }, { database: this.database });
    const t1 = performance.now();
    const membership = new Int32Array(graph.nodeCount).fill(-1);
    const { records } = await this.driver.executeQuery(this.q.louvain, { name, concurrency: neo4j.int(concurrency) }, { database: this.database });
    // With integer ids in the projection, GDS streams those same ids back.
    for (const r of records) membership[neo4j.integer.toNumber(r.get('nodeId'))] = neo4j.integer.toNumber(r.get('communityId'));
    const t2 = performance.now();
    await this.driver.executeQuery(this.q.drop, { name }, { database: this.database });
    return { membership, projectMillis: t1 - t0, louvainMillis: t2 - t1 };
  }
}
