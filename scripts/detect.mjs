// `npm run detect`: the edge-list tool (`--edges`) runs from a bundle of apps/api/src/cli/detect-edges.ts,
// built once with esbuild into dist/ (git-ignored) and again only when one of its sources changed, so a
// run pays for Node's start-up and the algorithm, not for TypeScript compilation (with tsx a run on a
// 34-node graph took 2-10 s). Every other use (a detection run against the database) goes to
// apps/api/src/cli/detect.ts through tsx, as before. `node scripts/detect.mjs --build` only builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'detect-edges.mjs');
const inputsFile = `${bundle}.inputs.json`;
const args = process.argv.slice(2);

/** The bundle is stale when missing or older than any file it was built from (listed by esbuild's metafile). */
function stale() {
  if (!fs.existsSync(bundle) || !fs.existsSync(inputsFile)) return true;
  const built = fs.statSync(bundle).mtimeMs;
  for (const input of JSON.parse(fs.readFileSync(inputsFile, 'utf8'))) {
    const file = path.join(root, input);
    if (!fs.existsSync(file) || fs.statSync(file).mtimeMs > built) return true;
  }
  return false;
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ['apps/api/src/cli/detect-edges.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    metafile: true,
    logLevel: 'warning',
    // CommonJS packages in the bundle call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  fs.writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
}

if (args[0] === '--build') {
  await build();
} else if (args.some((a) => a === '--edges' || a.startsWith('--edges='))) {
  if (stale()) await build();
  const { runEdgeList } = await import(pathToFileURL(bundle).href);
  try {
    runEdgeList(args, process.env, process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
} else {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'apps', 'api', 'src', 'cli', 'detect.ts'), ...args], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
