import fs from 'node:fs';
import path from 'node:path';

/**
 * Every Cypher statement Ringwatch runs lives in a named file under cypher/: `cypher/health/components.cypher`
 * is the statement "health/components". Repositories ask for their statements by name when they are
 * constructed, so a missing file stops the application at start-up instead of at the first request.
 * Migrations (cypher/migrations/) are schema, read by the migration runner, and are not named statements.
 */

export class CypherRegistryError extends Error {
  constructor(message: string) {
    super(`cypher-registry: ${message}`);
    this.name = 'CypherRegistryError';
  }
}

const MIGRATIONS_FOLDER = 'migrations';

export class CypherRegistry {
  private constructor(
    readonly rootDir: string,
    private readonly statementsByName: ReadonlyMap<string, string>,
  ) {}

  static load(rootDir: string): CypherRegistry {
    if (!fs.existsSync(rootDir)) throw new CypherRegistryError(`folder ${rootDir} does not exist`);
    const statements = new Map<string, string>();
    for (const file of listCypherFiles(rootDir)) {
      const name = file.slice(0, -'.cypher'.length).split(path.sep).join('/');
      if (name.split('/')[0] === MIGRATIONS_FOLDER) continue;
      const text = stripComments(fs.readFileSync(path.join(rootDir, file), 'utf8'));
      if (text === '') throw new CypherRegistryError(`${file} holds no statement`);
      if (/;\s*\S/.test(text)) throw new CypherRegistryError(`${file} holds more than one statement; one file, one statement`);
      statements.set(name, text.replace(/;\s*$/, ''));
    }
    return new CypherRegistry(rootDir, statements);
  }

  get names(): string[] {
    return [...this.statementsByName.keys()].sort();
  }

  get(name: string): string {
    const text = this.statementsByName.get(name);
    if (text === undefined) throw new CypherRegistryError(`no statement named "${name}" (expected ${name}.cypher in ${this.rootDir})`);
    return text;
  }

  /**
   * Resolves a repository's whole set of statements at once and names every missing one, so a
   * repository built at start-up fails start-up.
   */
  bind<const T extends Record<string, string>>(names: T): { readonly [K in keyof T]: string } {
    const missing = Object.values(names).filter((n) => !this.statementsByName.has(n));
    if (missing.length > 0) {
      throw new CypherRegistryError(`missing statement file(s): ${missing.map((n) => `${n}.cypher`).join(', ')} in ${this.rootDir}`);
    }
    const bound: Record<string, string> = {};
    for (const [key, name] of Object.entries(names)) bound[key] = this.get(name);
    return bound as { readonly [K in keyof T]: string };
  }
}

export function listCypherFiles(rootDir: string): string[] {
  return (fs.readdirSync(rootDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.cypher')).sort();
}

/** Drops `//` line comments (kept in files to say why a query is shaped as it is). */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}
