import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ensureChromium } from '../tests/setup/chromium';
import { benchToken, freshDatabase, loadAndDetect, ROOT, startBenchApi } from './bench/common';

/**
 * bench:explorer — one planted network of 2,500 shops whose sellers share devices (each device used by
 * 8 shops, each shop on 8 devices): a cluster graph of about 5,000 nodes and 20,000 edges. The API
 * serves the built explorer; headless Chromium opens the cluster and we read when the graph was drawn
 * and answering (window.__ringwatch.interactiveAt, ms since navigation start). Floor: 2,000 ms.
 *
 * A second planted network of 300 shops (--label-shops) is opened too: once its layout has settled at
 * the default zoom, the share of shops whose label sigma drew (renderer.getNodeDisplayedLabels) is
 * read from the renderer. Floor: 80 %.
 */

interface Network {
  prefix: string;
  shops: number;
}

function writeNetworks(dir: string, networks: Network[], perShop: number, perDevice: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const sellers = ['seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids'];
  const shopRows = ['shop_id,seller_id,name,opened_at,status,category'];
  for (const network of networks) writeNetwork(network, perShop, perDevice, sellers, shopRows);
  fs.writeFileSync(path.join(dir, 'sellers.csv'), `${sellers.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'shops.csv'), `${shopRows.join('\n')}\n`);
  return [path.join(dir, 'sellers.csv'), path.join(dir, 'shops.csv')];
}

/** Shop names of realistic length (labels are what the second measurement counts). */
const WORDS = ['Luxe', 'Outlet', 'Bags', 'Style', 'Shop', 'Mode', 'Trend', 'Store', 'Boutique', 'Fashion', 'Deals', 'Premium'];

function writeNetwork({ prefix, shops }: Network, perShop: number, perDevice: number, sellers: string[], shopRows: string[]): void {
  const devices = Math.round((shops * perShop) / perDevice);
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Each device gets exactly perDevice slots; slots are dealt to shops at random (a configuration model).
  const slots = Array.from({ length: devices * perDevice }, (_, i) => i % devices);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  for (let s = 0; s < shops; s++) {
    const own = [...new Set(slots.slice(s * perShop, (s + 1) * perShop))];
    sellers.push(`${prefix}-U${s},Network Seller ${s},CN,2026-05-01T00:00:00Z,${prefix}-KYC-${s},,,${own.map((d) => `${prefix}-DEV-${d}`).join('|')}`);
    const name = `${WORDS[s % WORDS.length]} ${WORDS[(s * 7 + 3) % WORDS.length]} ${s}`;
    shopRows.push(`${prefix}-S${s},${prefix}-U${s},${name},2026-05-02T00:00:00Z,active,bags`);
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Saves a CPU profile and prints the functions with the most self time (where a slow first look goes). */
function writeProfile(profile: CpuProfile, file: string): void {
  fs.writeFileSync(file, JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url.split('?')[0]!)}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  console.log(`profile written to ${file}; most self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shops: { type: 'string', default: '2500' },
      'label-shops': { type: 'string', default: '300' },
      runs: { type: 'string', default: '3' },
      /** Write the first run's Chromium CPU profile here (open it in DevTools) and print its heaviest functions. */
      profile: { type: 'string' },
    },
  });
  const shops = Number(values.shops);
  const labelShops = Number(values['label-shops']);
  const chrome = ensureChromium();
  const work = path.join(ROOT, '.data', 'bench', `explorer-${process.pid}`);
  const files = writeNetworks(
    path.join(work, 'data'),
    [
      { prefix: 'NX', shops },
      { prefix: 'NY', shops: labelShops },
    ],
    8,
    8,
  );
  const dist = path.join(work, 'dist');
  await build({
    configFile: path.join(ROOT, 'apps', 'explorer', 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: dist, emptyOutDir: true, sourcemap: false },
  });

  const db = await freshDatabase('explorer', { heap: '2g', pageCache: '1g' });
  let api: { url: string; stop(): void } | undefined;
  const browser = await chromium.launch({ executablePath: chrome.executablePath, args: chrome.args, headless: true });
  try {
    const summary = await loadAndDetect(db, files, path.join(work, 'rejects.ndjson'));
    const cluster = [...summary.clusters].sort((a, b) => b.members.length - a.members.length)[0]!;
    const labelled = summary.clusters.find((c) => c.members[0]?.startsWith('NY-'));
    api = await startBenchApi(db, { EXPLORER_DIST_DIR: dist, RATE_LIMIT_PER_MINUTE: '0' });
    const token = await benchToken(db, 'analyst');
    const graph = (await (await fetch(`${api.url}/clusters/${cluster.id}/graph?limit=6000`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      nodes: unknown[];
      edges: unknown[];
    };
    console.log(
      `bench:explorer cluster ${cluster.id}: ${cluster.members.length} shops, ${graph.nodes.length} nodes, ${graph.edges.length} edges (chromium ${browser.version()})`,
    );

    // The session the explorer keeps after signing in: the token and what GET /auth/me says it may do.
    const me = await (await fetch(`${api.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).text();
    const times: number[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(
        ([t, m]) => {
          sessionStorage.setItem('ringwatch.token', t!);
          sessionStorage.setItem('ringwatch.me', m!);
        },
        [token, me],
      );
      const page = await context.newPage();
      const cdp = values.profile && run === 0 ? await context.newCDPSession(page) : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await page.goto(`${api.url}/#/clusters/${cluster.id}`);
      await page.waitForFunction(() => window.__ringwatch?.interactiveAt !== undefined, undefined, { timeout: 60_000 });
      if (cdp) writeProfile((await cdp.send('Profiler.stop')).profile, values.profile!);
      const at = await page.evaluate(() => {
        // Where the time went: the API's two answers, the page built around them, the first frame.
        const api = performance
          .getEntriesByType('resource')
          .filter((e) => /\/clusters\/[^/?]+(\/graph)?(\?|$)/.test(e.name))
          .map((e) => `${e.name.includes('/graph') ? 'graph' : 'detail'} ${e.startTime.toFixed(0)}–${(e.startTime + e.duration).toFixed(0)}`);
        // No named functions in here: the bundler's name helper does not exist in the page.
        const [data, mounted] = ['ringwatch:data', 'ringwatch:mounted'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN);
        return {
          interactive: window.__ringwatch!.interactiveAt!,
          nodes: window.__ringwatch!.graph!.order,
          breakdown: `${api.join(', ')}; data ${data!.toFixed(0)}, mounted ${mounted!.toFixed(0)}`,
        };
      });
      // Interactive means answering: a hover must redraw within a frame or two while the layout runs.
      const hover = await page.evaluate(async () => {
        const view = window.__ringwatch!.view!;
        const node = view.graph.nodes()[0]!;
        const start = performance.now();
        view.renderer.emit('enterNode', { node } as never);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - start;
      });
      times.push(at.interactive);
      console.log(
        `run ${run + 1}: interactive ${at.interactive.toFixed(0)} ms after navigation start (${at.nodes} nodes drawn); hover redraw ${hover.toFixed(0)} ms\n       ms since navigation: ${at.breakdown}`,
      );
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`median interactive  ${median.toFixed(0)} ms (floor 2000 ms: ${median <= 2000 ? 'met' : 'NOT met'})`);

    // Labels: the 300-shop network at the default zoom once its layout has stopped (as an analyst sees it).
    if (!labelled) throw new Error(`bench:explorer: no cluster of the ${labelShops}-shop network was found`);
    const shares: number[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(
        ([t, m]) => {
          sessionStorage.setItem('ringwatch.token', t!);
          sessionStorage.setItem('ringwatch.me', m!);
        },
        [token, me],
      );
      const page = await context.newPage();
      await page.goto(`${api.url}/#/clusters/${labelled.id}`);
      await page.waitForFunction(() => window.__ringwatch?.interactiveAt !== undefined, undefined, { timeout: 60_000 });
      await page.waitForFunction(() => !window.__ringwatch!.view!.isLayoutRunning(), undefined, { timeout: 60_000 });
      const seen = await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const view = window.__ringwatch!.view!;
        return { ...view.labelCoverage(), ratio: view.renderer.getCamera().ratio, nodes: view.graph.order };
      });
      const share = seen.drawn / seen.shops;
      shares.push(share);
      console.log(
        `labels run ${run + 1}: cluster ${labelled.id} (${seen.nodes} nodes): ${seen.drawn} of ${seen.shops} shop labels drawn at camera ratio ${seen.ratio.toFixed(2)} (${(share * 100).toFixed(1)} %)`,
      );
      await context.close();
    }
    const worst = Math.min(...shares);
    // The machine is shared: the figures mean little without its load.
    console.log(
      `load averages ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(`lowest label share  ${(worst * 100).toFixed(1)} % (floor 80 %: ${worst >= 0.8 ? 'met' : 'NOT met'})`);
  } finally {
    await browser.close();
    api?.stop();
    await db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
