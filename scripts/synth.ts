import path from 'node:path';
import { parseArgs } from 'node:util';
import { PRESET_NAMES, PRESETS, WORLD_NAMES, generateMarketplace, type PresetName, type WorldName } from '@ringwatch/synth';
import { parseNumberPairs, Progress } from '@ringwatch/terminal';

const USAGE = `usage: npm run synth -- --preset tiny|small|medium|large [--world classic|hard] --seed N --out DIR [--format csv|ndjson] [--gzip] [--knob name=value …]
knobs: ${Object.keys(PRESETS.small).join(', ')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'small' },
      world: { type: 'string', default: 'classic' },
      seed: { type: 'string', default: '7' },
      out: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      gzip: { type: 'boolean', default: false },
      knob: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const preset = values.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`synth: unknown preset "${values.preset}"\n${USAGE}`);
  const world = values.world as WorldName;
  if (!WORLD_NAMES.includes(world)) throw new Error(`synth: unknown world "${values.world}" (use ${WORLD_NAMES.join(', ')})\n${USAGE}`);
  if (!/^\d+$/.test(values.seed)) throw new Error(`synth: --seed must be a whole number\n${USAGE}`);
  if (values.format !== 'csv' && values.format !== 'ndjson') throw new Error(`synth: --format must be csv or ndjson`);
  if (!values.out) throw new Error(`synth: --out is required\n${USAGE}`);
  const knobs = parseNumberPairs(values.knob, 'synth: --knob');
  const unknown = Object.keys(knobs).filter((k) => !(k in PRESETS.small));
  if (unknown.length > 0) throw new Error(`synth: unknown knob(s) ${unknown.join(', ')}\n${USAGE}`);

  const progress = new Progress(`synth ${preset}${world === 'classic' ? '' : ` ${world}`}`, 'shops');
  const started = Date.now();
  const manifest = await generateMarketplace({
    preset,
    world,
    seed: Number(values.seed),
    outDir: path.resolve(values.out),
    format: values.format,
    gzip: values.gzip,
    knobs,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.done();
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  const seconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify({ out: path.resolve(values.out), seconds, rows, rowsPerSecond: Math.round(rows / seconds), ...manifest }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
