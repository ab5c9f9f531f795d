import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@ringwatch/config';
import { formatLoadReport, planLoad } from '@ringwatch/ingest';
import { Progress } from '@ringwatch/terminal';
import { ImportsService } from '../imports/imports.service';
import { bulkFirstLoad } from './bulk';
import { openApiContext } from './context';

const USAGE =
  'usage: npm run ingest -- <file…> [--batch-size N] [--rejects rejects.ndjson] [--json] [--bulk [--out DIR] [--keep-files]]\n' +
  '  files are named <kind>.csv|.ndjson[.gz], kinds: sellers shops listings payments addresses brand_reports\n' +
  '  prints per file the lines read and the rows accepted and rejected (--json: the whole report as JSON)\n' +
  "  --bulk: a first load into an empty database with Neo4j's offline importer (the local server must be stopped);\n" +
  "          with NEO4J_URI, writes the importer's files (to --out) and prints the command for the database's operator";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'batch-size': { type: 'string' },
      rejects: { type: 'string' },
      json: { type: 'boolean', default: false },
      bulk: { type: 'boolean', default: false },
      out: { type: 'string' },
      'keep-files': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  // npm runs scripts from the repository root; file arguments are relative to where the user typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const files = positionals.map((f) => path.resolve(cwd, f));
  const rejects = values.rejects === undefined ? undefined : path.resolve(cwd, values.rejects);
  planLoad(files);
  const config = loadConfig(process.env);
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (values.bulk) {
    const progress = new Progress('ingest (bulk)', 'rows');
    const result = await bulkFirstLoad(batchSize === undefined ? config : { ...config, ingest: { ...config.ingest, batchSize } }, {
      files,
      rejectsPath: rejects,
      outDir: values.out === undefined ? undefined : path.resolve(cwd, values.out),
      keepFiles: values['keep-files'],
      onProgress: (p) => progress.update(p.totalRead),
    });
    progress.done();
    console.log(values.json ? JSON.stringify(result, null, 2) : formatLoadReport(result.report));
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    if (result.outcome === 'written') {
      console.log(`\nthe importer's files are in ${result.files.dir} (they hold names and contact details: keep them private)`);
      console.log('with the database stopped and empty (or not yet created), its operator runs on the database server:');
      console.log(`\n  ${result.command}\n`);
      console.log('then starts it (or CREATE DATABASE); the API applies the migrations when it next starts. This import is not recorded.');
    } else {
      const t = result.timings;
      console.log(`bulk: files ${s(t.prepareMs)}, Neo4j importer ${s(t.importMs)}, start with migrations and record ${s(t.startMs)}`);
    }
    if (result.report.status !== 'completed') process.exitCode = 1;
    return;
  }
  const context = await openApiContext(batchSize === undefined ? config : { ...config, ingest: { ...config.ingest, batchSize } });
  const progress = new Progress('ingest', 'rows');
  try {
    const report = await context.app.get(ImportsService).load(files, 'cli', (p) => progress.update(p.totalRead), rejects);
    progress.done();
    console.log(values.json ? JSON.stringify(report, null, 2) : formatLoadReport(report));
    if (report.status !== 'completed') process.exitCode = 1;
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
