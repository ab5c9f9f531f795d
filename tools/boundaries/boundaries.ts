import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * Module boundaries, checked from the import statements themselves (no build needed):
 * - an app never imports another app, nor scripts, tests or tools;
 * - a lib never reaches outside its own folder by a relative path (other libs go through their
 *   `@ringwatch/<name>` alias; apps, scripts and tests are never imported by a lib);
 * - browser code (the explorer, tagged scope:browser) and the libs it may use (scope:shared) import only
 *   scope:shared libs, and nothing that needs Node (builtins, the database driver, Nest);
 * - nothing imports a file outside the repository, or names the `../shared` folder beside it;
 * - scripts (benchmarks) reach the API only through its application context (apps/api/src/cli/context.ts).
 * Projects and their tags come from each project's project.json, as Nx reads them.
 */

export interface Project {
  readonly name: string;
  /** Folder relative to the repository root, posix separators, no trailing slash. */
  readonly root: string;
  readonly type: 'app' | 'lib';
  readonly tags: readonly string[];
}

export interface SourceFile {
  /** Path relative to the repository root, posix separators. */
  readonly path: string;
  readonly text: string;
}

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

/** Packages that only run in Node: browser code must not import them. */
const SERVER_PACKAGES = [/^neo4j-driver/, /^@nestjs\//, /^pdfkit/, /^express/, /^tsx/, /^vitest\/node/, /^playwright/];

/** The only file of the API that scripts may import: it hands out the API's services in a Nest context. */
export const SCRIPT_ENTRY = 'apps/api/src/cli/context.ts';

const SOURCE = /\.(ts|mts|mjs|js)$/;

export function readProjects(root: string): Project[] {
  const projects: Project[] = [];
  for (const [dir, type] of [
    ['apps', 'app'],
    ['libs', 'lib'],
  ] as const) {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base).sort()) {
      const file = path.join(base, name, 'project.json');
      if (!fs.existsSync(file)) continue;
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; tags?: string[] };
      projects.push({ name: json.name, root: `${dir}/${name}`, type, tags: json.tags ?? [] });
    }
  }
  return projects;
}

/** Every source file of the repository's code folders (not dependencies, builds or data). */
export function readSources(root: string, folders = ['apps', 'libs', 'scripts', 'tests', 'tools']): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'target' || entry.name.startsWith('.')) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name)) files.push({ path: child, text: fs.readFileSync(path.join(root, child), 'utf8') });
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(folder);
  return files;
}

/** Module specifiers of static imports and re-exports, dynamic imports, and require calls. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

const NODE_BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);
const inside = (file: string, root: string) => file === root || file.startsWith(`${root}/`);

export function checkBoundaries(files: readonly SourceFile[], projects: readonly Project[]): Violation[] {
  const violations: Violation[] = [];
  const libs = new Map(projects.filter((p) => p.type === 'lib').map((p) => [p.name, p]));
  const projectOf = (file: string) => projects.find((p) => inside(file, p.root));
  for (const file of files) {
    const own = projectOf(file.path);
    // Tests and build configuration of browser code run in Node.
    const nodeSide = /\.(spec|test)\.ts$|(^|\/)vite\.config\.ts$/.test(file.path);
    const browser = own !== undefined && !nodeSide && (own.tags.includes('scope:browser') || own.tags.includes('scope:shared'));
    const flag = (specifier: string, rule: string) => violations.push({ file: file.path, specifier, rule });
    if (/['"]\.\.['"],\s*['"]shared['"]|\.\.\/shared\//.test(file.text)) flag('../shared', 'reads the shared folder beside the repository');
    for (const specifier of importsOf(file.text)) {
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
        if (target.startsWith('..')) {
          flag(specifier, 'imports a file outside the repository');
          continue;
        }
        const to = projectOf(target);
        if (own?.type === 'app' && to?.type === 'app' && to !== own) flag(specifier, `app ${own.name} imports app ${to.name}`);
        if (own?.type === 'app' && /^(scripts|tests|tools)\//.test(target))
          flag(specifier, `app ${own.name} imports ${target.split('/')[0]}/ (apps import libs, never scripts, tests or tools)`);
        if (own?.type === 'lib' && !inside(target, own.root)) {
          flag(
            specifier,
            `lib ${own.name} imports ${to ? `${to.type} ${to.name}` : target} by path (libs import libs by @ringwatch/<name>, never apps, scripts or tests)`,
          );
        }
        if (own === undefined && file.path.startsWith('scripts/') && to?.type === 'app' && target.replace(/\.ts$/, '') !== SCRIPT_ENTRY.replace(/\.ts$/, '')) {
          flag(specifier, `scripts reach ${to.name} only through ${SCRIPT_ENTRY}`);
        }
        continue;
      }
      const alias = /^@ringwatch\/([^/]+)/.exec(specifier);
      if (alias) {
        const lib = libs.get(alias[1]!);
        if (!lib) flag(specifier, 'no lib of that name (each lib has a project.json and a tsconfig path)');
        else if (browser && !lib.tags.includes('scope:shared')) flag(specifier, `${own!.name} runs in the browser; lib ${lib.name} is not scope:shared`);
        continue;
      }
      if (browser && (isBuiltin(specifier) || SERVER_PACKAGES.some((p) => p.test(specifier))))
        flag(specifier, `${own!.name} runs in the browser; ${specifier} needs Node`);
    }
  }
  return violations;
}
