import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, importsOf, readProjects, readSources, SCRIPT_ENTRY, type Project } from './boundaries';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const show = (v: { file: string; specifier: string; rule: string }[]) => v.map((x) => `${x.file}: ${x.specifier}: ${x.rule}`).join('\n');

describe('module boundaries of this repository', () => {
  const projects = readProjects(ROOT);
  const violations = checkBoundaries(readSources(ROOT), projects);

  it('no app imports another app, no lib reaches outside itself, the explorer imports only shared libs, nothing reads outside the repository', () => {
    expect(show(violations.filter((v) => !v.rule.startsWith('scripts reach')))).toBe('');
  });

  it(`scripts reach the API only through ${SCRIPT_ENTRY}`, () => {
    expect(show(violations.filter((v) => v.rule.startsWith('scripts reach')))).toBe('');
  });

  it('every lib folder is an Nx project with a scope tag, and every @ringwatch alias names one', async () => {
    const fs = await import('node:fs');
    const folders = fs.readdirSync(path.join(ROOT, 'libs')).sort();
    const libs = projects.filter((p) => p.type === 'lib');
    expect(libs.map((p) => p.root)).toEqual(folders.map((f) => `libs/${f}`));
    for (const lib of libs)
      expect(
        lib.tags.filter((t) => t.startsWith('scope:')),
        lib.name,
      ).toHaveLength(1);
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    expect(Object.keys(tsconfig.compilerOptions.paths).sort()).toEqual(libs.map((l) => `@ringwatch/${l.name}`).sort());
  });
});

describe('the boundary check fails when a boundary is crossed on purpose', () => {
  const projects: Project[] = [
    { name: 'api', root: 'apps/api', type: 'app', tags: ['scope:server'] },
    { name: 'explorer', root: 'apps/explorer', type: 'app', tags: ['scope:browser'] },
    { name: 'kinds', root: 'libs/kinds', type: 'lib', tags: ['scope:shared'] },
    { name: 'neo4j', root: 'libs/neo4j', type: 'lib', tags: ['scope:server'] },
  ];
  const rules = (path: string, text: string) => checkBoundaries([{ path, text }], projects).map((v) => v.rule);

  it('an app importing another app', () => {
    expect(rules('apps/explorer/src/types.ts', "import type { X } from '../../api/src/clusters/clusters.dto';")).toEqual(['app explorer imports app api']);
  });

  it('an app importing a script', () => {
    expect(rules('apps/api/src/cli/ingest.ts', "import { Progress } from '../../../../scripts/cli/progress';")[0]).toMatch(/^app api imports scripts\//);
  });

  it('a lib importing an app, or another lib by path', () => {
    expect(rules('libs/neo4j/src/a.ts', "import { A } from '../../../apps/api/src/a';")[0]).toMatch(/^lib neo4j imports app api by path/);
    expect(rules('libs/neo4j/src/a.ts', "export * from '../../kinds/src/index';")[0]).toMatch(/^lib neo4j imports lib kinds by path/);
  });

  it('browser code importing server libs or Node', () => {
    expect(rules('apps/explorer/src/a.ts', "import { openDriver } from '@ringwatch/neo4j';")).toEqual([
      'explorer runs in the browser; lib neo4j is not scope:shared',
    ]);
    expect(rules('libs/kinds/src/a.ts', "import fs from 'node:fs';\nimport neo4j from 'neo4j-driver';")).toHaveLength(2);
    expect(rules('apps/explorer/src/a.spec.ts', "import fs from 'node:fs';")).toEqual([]);
  });

  it('an unknown alias, a file outside the repository, the shared folder', () => {
    expect(rules('apps/api/src/a.ts', "import { x } from '@ringwatch/nothing';")).toEqual([
      'no lib of that name (each lib has a project.json and a tsconfig path)',
    ]);
    expect(rules('tests/a.ts', "import { x } from '../../elsewhere/x';")).toEqual(['imports a file outside the repository']);
    expect(rules('tests/a.ts', ['const d = path.resolve(ROOT, ', "'..'", ", 'shared', 'datasets');"].join(''))).toEqual([
      'reads the shared folder beside the repository',
    ]);
  });

  it('a script importing the API past its context', () => {
    expect(rules('scripts/a.ts', "import { DetectionService } from '../apps/api/src/detection/detection.service';")[0]).toMatch(
      /^scripts reach api only through/,
    );
    expect(rules('scripts/a.ts', "import { openContext } from '../apps/api/src/cli/context';")).toEqual([]);
  });

  it('reads every form of import', () => {
    const text = [
      "import a from 'a';",
      "import { b } from 'b';",
      "export * from 'c';",
      "import 'd';",
      "const e = await import('e');",
      "const f = require('f');",
      'import type {\n  G,\n} from "g";',
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
