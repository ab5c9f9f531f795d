import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateMarketplace, PRESET_NAMES, WORLD_NAMES, type PresetName, type WorldName } from '@ringwatch/synth';

/** bench:synth — generator throughput and peak memory for a preset (default: large) in a world (default: classic). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'large' },
      world: { type: 'string', default: 'classic' },
      seed: { type: 'string', default: '7' },
      gzip: { type: 'boolean', default: false },
      keep: { type: 'string' },
    },
  });
  const preset = values.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`bench:synth: unknown preset ${values.preset}`);
  const world = values.world as WorldName;
  if (!WORLD_NAMES.includes(world)) throw new Error(`bench:synth: unknown world ${values.world} (use ${WORLD_NAMES.join(', ')})`);
  const out = values.keep ? path.resolve(values.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-bench-synth-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = process.hrtime.bigint();
  const manifest = await generateMarketplace({ preset, world, seed: Number(values.seed), outDir: out, gzip: values.gzip });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const bytes = fs.readdirSync(out).reduce((sum, f) => sum + fs.statSync(path.join(out, f)).size, 0);
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  console.log(`bench:synth preset=${preset} world=${world} seed=${values.seed} gzip=${values.gzip}`);
  console.log(`kind            rows`);
  for (const [kind, count] of Object.entries(manifest.counts)) console.log(`${kind.padEnd(14)}  ${count.toLocaleString('en')}`);
  console.log(`total           ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB on disk`);
  console.log(`rings           ${manifest.rings.count} rings, ${manifest.rings.shops} ring shops, sizes ${JSON.stringify(manifest.rings.sizes)}`);
  console.log(`time            ${seconds.toFixed(2)} s`);
  console.log(
    `throughput      ${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${Math.round(manifest.counts.shops / seconds).toLocaleString('en')} shops/s`,
  );
  console.log(`peak RSS        ${(peakRss / 2 ** 20).toFixed(0)} MiB (sampled every 100 ms; process total, Node runtime included)`);
  if (!values.keep) fs.rmSync(out, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
