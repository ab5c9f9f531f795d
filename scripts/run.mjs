// `npm start`: the one command that runs Ringwatch on a fresh clone. Plain JavaScript on purpose: it
// runs before dependencies are installed. It installs what is missing, builds the explorer and the
// local Neo4j launcher (Nx caches both), then hands over to the API process, which starts Neo4j
// (unless NEO4J_URI is set), applies migrations, loads demo data on first start and prints the URL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stderr.write(`[ringwatch] ${line}\n`);
const fail = (line) => {
  process.stderr.write(`\n[ringwatch] ${line}\n\n`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js 20.19 or newer is needed, this is ${process.versions.node}.`);

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (result.error?.code === 'ENOENT') fail(`${what}: "${command}" was not found on the PATH.`);
  if (result.status !== 0) fail(`${what} failed (exit ${result.status}).`);
}

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  say('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund'], 'npm ci');
}

const projects = process.env.NEO4J_URI ? 'explorer' : 'explorer,neo4j-local';
if (!process.env.NEO4J_URI && spawnSync('java', ['-version']).error) {
  fail('Java 17 or newer is needed for the local Neo4j and was not found on the PATH. Install a JDK 17+ or set NEO4J_URI to a Neo4j of your own.');
}
say(`building ${projects.replace(',', ' and ')} (cached after the first run)`);
run('npx', ['nx', 'run-many', '-t', 'build', '-p', projects, '--output-style=static'], 'build');

const api = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps', 'api', 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the API process too (same process group); it stops Neo4j and exits, and so do we.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
