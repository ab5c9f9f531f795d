import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { stripComments, type CypherRegistry } from './cypher-registry';
import { recordToPlain } from './records';

/**
 * Versioned schema migrations: cypher/migrations/NNNN-name.cypher, applied in order, each recorded as a
 * (:Migration) node. Applying twice changes nothing; an applied file that was edited afterwards stops the
 * run, because the database would silently differ from what the file says.
 */

export class MigrationError extends Error {
  constructor(message: string) {
    super(`migrations: ${message}`);
    this.name = 'MigrationError';
  }
}

export interface Migration {
  readonly id: string;
  readonly name: string;
  readonly checksum: string;
  readonly statements: readonly string[];
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
}

export interface AppliedMigration {
  readonly id: string;
  readonly name: string;
  readonly checksum: string;
  readonly appliedAt: string;
}

const FILE_NAME = /^(\d{4})-([a-z0-9][a-z0-9-]*)\.cypher$/;

export function readMigrations(dir: string): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  const seen = new Set<string>();
  return files.map((file) => {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`${file} is not named NNNN-name.cypher`);
    const [, id, name] = match as unknown as [string, string, string];
    if (seen.has(id)) throw new MigrationError(`two migrations share the number ${id}`);
    seen.add(id);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const statements = splitStatements(text);
    if (statements.length === 0) throw new MigrationError(`${file} holds no statement`);
    return { id, name, checksum: createHash('sha256').update(text).digest('hex'), statements };
  });
}

export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export class MigrationRunner {
  private readonly q;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    registry: CypherRegistry,
  ) {
    this.q = registry.bind({ list: 'schema/list-migrations', record: 'schema/record-migration' });
  }

  async applied(): Promise<AppliedMigration[]> {
    const result = await this.driver.executeQuery(this.q.list, {}, { database: this.database, routing: 'READ' });
    return result.records.map((r) => recordToPlain<AppliedMigration>(r));
  }

  async apply(migrations: readonly Migration[]): Promise<MigrationReport> {
    const done = new Map((await this.applied()).map((m) => [m.id, m]));
    const applied: string[] = [];
    const alreadyApplied: string[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.id);
      const label = `${migration.id}-${migration.name}`;
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(`${label} was changed after it was applied; add a new migration instead of editing it`);
        }
        alreadyApplied.push(label);
        continue;
      }
      // Schema statements cannot share a transaction with data writes, so each runs on its own.
      for (const statement of migration.statements) {
        try {
          await this.driver.executeQuery(statement, {}, { database: this.database });
        } catch (error) {
          throw new MigrationError(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      await this.driver.executeQuery(this.q.record, { id: migration.id, name: migration.name, checksum: migration.checksum }, { database: this.database });
      applied.push(label);
    }
    return { applied, alreadyApplied };
  }
}
