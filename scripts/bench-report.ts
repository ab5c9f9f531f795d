import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS } from '@ringwatch/contract';
import { PRESET_NAMES, type PresetName } from '@ringwatch/synth';
import { benchDataset, benchToken, freshDatabase, loadAndDetect, ROOT, startBenchApi } from './bench/common';

/**
 * bench:report — the nightly report end to end on a preset (medium by default): the data is loaded and
 * detected once (last night), then POST /reports and the wait until the report is written: detection,
 * comparison with the previous run, files and summary. Floor: 2 minutes on medium.
 */

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { preset: { type: 'string', default: 'medium' }, seed: { type: 'string', default: '7' } } });
  const preset = values.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`bench:report: unknown preset ${values.preset}`);
  const { dir, manifest } = await benchDataset(preset, Number(values.seed));
  const reports = path.join(ROOT, '.data', 'bench', `reports-${process.pid}`);
  const db = await freshDatabase('report', { heap: '4g', pageCache: '2g' });
  let api: { url: string; stop(): void } | undefined;
  try {
    await loadAndDetect(
      db,
      KINDS.map((k) => path.join(dir, manifest.files[k])),
    );
    api = await startBenchApi(db, { REPORTS_DIR: reports, REPORT_SCHEDULE: 'off' });
    const token = await benchToken(db, 'supervisor');
    const headers = { authorization: `Bearer ${token}` };
    const t0 = performance.now();
    const started = await fetch(`${api.url}/reports`, { method: 'POST', headers });
    if (started.status !== 202) throw new Error(`bench:report: POST /reports answered ${started.status}`);
    let report: { id: string; status: string; summary: Record<string, number> | null } | undefined;
    while (!report || report.status === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      report = ((await (await fetch(`${api.url}/reports?limit=1`, { headers })).json()) as { items: (typeof report)[] }).items[0];
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`bench:report preset=${preset} seed=${values.seed} shops=${manifest.counts.shops.toLocaleString('en')}`);
    console.log(
      `report ${report.id}: ${report.status} in ${seconds.toFixed(1)} s end to end (floor 120 s: ${report.status === 'completed' && seconds <= 120 ? 'met' : 'NOT met'})`,
    );
    console.log(`summary ${JSON.stringify(report.summary)}`);
    console.log(
      `files   ${fs
        .readdirSync(reports)
        .flatMap((d) => fs.readdirSync(path.join(reports, d)).map((f) => `${f} ${(fs.statSync(path.join(reports, d, f)).size / 1024).toFixed(0)} KiB`))
        .join(', ')}`,
    );
  } finally {
    api?.stop();
    await db.close();
    fs.rmSync(reports, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
