import type { Kind } from '@ringwatch/contract';
import type { CypherRegistry } from '@ringwatch/neo4j';
import neo4j, { type Driver } from 'neo4j-driver';

const STATEMENTS: Record<Kind, string> = {
  sellers: 'bench/load-csv-sellers',
  shops: 'bench/load-csv-shops',
  listings: 'bench/load-csv-listings',
  payments: 'bench/load-csv-payments',
  addresses: 'bench/load-csv-addresses',
  brand_reports: 'bench/load-csv-brand-reports',
};

/** The ingest benchmark's baseline: Neo4j's LOAD CSV with the loader's MERGE semantics. */
export class LoadCsvRepository {
  private readonly q: Record<Kind, string>;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    registry: CypherRegistry,
  ) {
    this.q = registry.bind(STATEMENTS);
  }

  /** CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run. */
  async load(kind: Kind, fileName: string, batch: number): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run(this.q[kind], { url: `file:///${fileName}`, batch: neo4j.int(batch) });
    } finally {
      await session.close();
    }
  }
}
