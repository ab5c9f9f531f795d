import { parseArgs } from 'node:util';
import { evaluate, evaluateStructures, formatReport, formatStructureReport, readClusters, readTruthTable, ringsOf } from '@ringwatch/evaluation';

const USAGE = 'usage: npm run eval -- --truth truth.csv --clusters clusters.csv [--min-ring-size 3] [--json-only]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      truth: { type: 'string' },
      clusters: { type: 'string' },
      'min-ring-size': { type: 'string', default: '3' },
      'json-only': { type: 'boolean', default: false },
    },
  });
  if (!values.truth || !values.clusters) throw new Error(`eval: --truth and --clusters are required\n${USAGE}`);
  const minRingSize = Number(values['min-ring-size']);
  if (!Number.isInteger(minRingSize) || minRingSize < 2) throw new Error('eval: --min-ring-size must be a whole number >= 2');
  const truth = await readTruthTable(values.truth);
  const { clusters, flagged } = await readClusters(values.clusters);
  const report = evaluate({ truth: ringsOf(truth.shops), clusters, flagged, minRingSize });
  // A truth file naming structures (the hard world's) also gets the per-structure tables.
  const structures = truth.hasStructures ? evaluateStructures({ truth: truth.shops, clusters, flagged }) : undefined;
  if (!values['json-only']) {
    console.log(`${formatReport(report)}\n`);
    if (structures) console.log(`${formatStructureReport(structures)}\n`);
  }
  console.log(JSON.stringify(structures ? { ...report, structures } : report, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
