import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@ringwatch/config';
import { formatLoadReport, planLoad } from '@ringwatch/ingest';
import { Progress } from '@ringwatch/terminal';
import { ImportsService } from '../imports/imports.service';
import { openApiContext } from './context';

const USAGE =
  'usage: npm run ingest -- <file…> [--batch-size N] [--rejects rejects.ndjson] [--json]\n  files are named <kind>.csv|.ndjson[.gz], kinds: sellers shops listings payments addresses brand_reports\n  prints per file the lines read and the rows accepted and rejected (--json: the whole report as JSON)';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'batch-size': { type: 'string' },
      rejects: { type: 'string' },
      json: { type: 'boolean', default: false },
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
