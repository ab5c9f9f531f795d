import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { startTestServer, type TestServer } from '../setup/app';
import { ensureChromium } from '../setup/chromium';
import { buildExplorer, SCREENSHOTS, signedInPage as signIn } from '../setup/explorer';
import { testDriver, wipeMarketplace, wipeWork } from '../setup/graph';
import { seedMarketplace } from '../setup/marketplace';

const neo4j = inject('neo4j');
const PASSWORD = 'explorer-test-password-1';
const SHOTS = SCREENSHOTS;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
let server: TestServer;
let driver: Driver;
let browser: Browser;
let dist: string;
let data: string;

const signedInPage = (username: string) =>
  signIn(browser, server.baseUrl, username, PASSWORD, username === 'e2e.analyst' ? (page) => shot(page, '01-sign-in') : undefined);

/**
 * Clicks a node where sigma draws it (layout stopped, camera centred and zoomed on it) until the
 * expected result shows: sigma picks nodes from its last drawn frame, which a busy machine draws late.
 */
async function clickNode(page: Page, id: string, expected: string, modifiers: 'Shift'[] = [], attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const position = await page
      .evaluate(async (node) => {
        window.__ringwatch!.view!.focus(node);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        // The camera now centres the node: its computed position, or (last try) the middle of the canvas.
        const { width, height } = window.__ringwatch!.renderer!.getDimensions();
        return { computed: window.__ringwatch!.view!.viewportPosition(node), centre: { x: width / 2, y: height / 2 } };
      }, id)
      .then((p) => (attempt < attempts || attempts === 1 ? p.computed : p.centre));
    const box = (await page.locator('.canvas').boundingBox())!;
    await page.mouse.move(box.x + position.x, box.y + position.y);
    await page.waitForTimeout(100);
    for (const key of modifiers) await page.keyboard.down(key);
    await page.mouse.click(box.x + position.x, box.y + position.y);
    for (const key of modifiers) await page.keyboard.up(key);
    try {
      await page.waitForSelector(expected, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= attempts) {
        await shot(page, `failed-click-${id}`);
        const seen = await page.evaluate(() => document.querySelector('.details')?.textContent?.slice(0, 200));
        throw new Error(`clicking ${id} at ${JSON.stringify(position)} in ${JSON.stringify(box)} did not show ${expected}; the panel shows: ${seen}`, {
          cause: error,
        });
      }
    }
  }
}

beforeAll(async () => {
  const chrome = ensureChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeWork(driver, ['User']);
  dist = await buildExplorer();
  server = await startTestServer({ EXPLORER_DIST_DIR: dist });
  ({ dir: data } = await seedMarketplace(server, 3));
  const auth = server.app.get(AuthService);
  await auth.createUser({ username: 'e2e.analyst', password: PASSWORD, roles: ['analyst'], brands: [] });
  await auth.createUser({ username: 'e2e.supervisor', password: PASSWORD, roles: ['supervisor'], brands: [] });
  browser = await chromium.launch({ executablePath: chrome.executablePath, args: chrome.args, headless: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (driver) {
    await wipeMarketplace(driver);
    await wipeWork(driver, ['User']);
    await driver.close();
  }
  for (const dir of [dist, data]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('explorer in a real browser', () => {
  let analyst: Page;
  let clusterId: string;
  let shutdownId: string;

  it('signs in, lists clusters by risk and opens the top one with the keyboard', async () => {
    analyst = await signedInPage('e2e.analyst');
    // An analyst's first page is the case inbox; the clusters are one click away.
    await analyst.waitForSelector('table.cases, .page .state.empty');
    expect(analyst.url()).toMatch(/#\/cases$/);
    await analyst.click('#nav a[href="#/clusters"]');
    await analyst.waitForSelector('table.clusters tbody tr');
    const first = await analyst.locator('table.clusters tbody tr').first().getAttribute('data-cluster');
    const risks = await analyst.locator('table.clusters tbody tr td:nth-child(2)').allTextContents();
    expect(risks.map(Number)).toEqual([...risks.map(Number)].sort((a, b) => b - a));
    await shot(analyst, '02-clusters');
    await analyst.keyboard.press('Enter');
    await analyst.waitForFunction(() => (window.__ringwatch?.graph?.order ?? 0) > 0);
    clusterId = first!;
    expect(analyst.url()).toContain(`#/clusters/${clusterId}`);
  });

  it('draws every node the API sends for the cluster', async () => {
    const token = await analyst.evaluate(() => sessionStorage.getItem('ringwatch.token'));
    const api = (await (await fetch(`${server.baseUrl}/clusters/${clusterId}/graph?limit=6000`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      nodes: unknown[];
      edges: unknown[];
    };
    const drawn = await analyst.evaluate(() => ({ nodes: window.__ringwatch!.graph!.order, edges: window.__ringwatch!.graph!.size }));
    expect(drawn).toEqual({ nodes: api.nodes.length, edges: api.edges.length });
    await expect(analyst.locator('.legend').textContent()).resolves.toContain('Shops');
    expect(await analyst.locator('[data-dossier=pdf]').count()).toBe(1);
    await analyst.waitForTimeout(1500);
    await shot(analyst, '03-cluster');
  });

  it('shows a shop’s details on click, and why two shops are linked on shift-click', async () => {
    // The layout stops by itself after a few seconds; stop it now if it still runs (the button would restart it).
    if (await analyst.evaluate(() => window.__ringwatch!.view!.isLayoutRunning())) await analyst.click('button[data-action=layout]');
    await analyst.waitForFunction(() => !window.__ringwatch!.view!.isLayoutRunning());
    await expect(analyst.locator('button[data-action=layout]').textContent()).resolves.toBe('Run layout');
    // Two shops that share a non-hub identifier in the drawn graph.
    const pair = await analyst.evaluate(() => {
      const g = window.__ringwatch!.graph!;
      for (const node of g.nodes()) {
        const attrs = g.getNodeAttributes(node);
        if (attrs.node.type !== 'identifier' || attrs.node.hub) continue;
        const shops = g.neighbors(node);
        if (shops.length >= 2) return shops.slice(0, 2);
      }
      return null;
    });
    expect(pair).not.toBeNull();
    // A shift-click that lands on the wrong node restarts the selection, so a retry starts from the first shop.
    for (let attempt = 1; ; attempt++) {
      await clickNode(analyst, pair![0]!, `.details h3[data-shop="${pair![0]}"]`);
      try {
        await clickNode(analyst, pair![1]!, '.details .evidence li', ['Shift'], 1);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await shot(analyst, '04-cluster-evidence');
    // Named by their shop names, as an analyst reads them.
    const names = await analyst.evaluate((ids) => ids.map((id) => window.__ringwatch!.graph!.getNodeAttribute(id, 'label') as string), pair!);
    expect(await analyst.locator('.details h3').textContent()).toContain(`Why ${names[0]} and ${names[1]} are linked`);
  });

  it('an analyst proposes a shutdown and sees its dry run', async () => {
    await analyst.fill('form.propose textarea[name=reason]', 'Ring sharing payout accounts and devices, browser test');
    await analyst.click('form.propose button[type=submit]');
    // The form gives way to the proposal's state, which links to the proposal.
    await analyst.waitForSelector('.proposed[data-shutdown]');
    expect(await analyst.locator('form.propose').count()).toBe(0);
    await analyst.click('.proposed [data-action=open-proposal]');
    await analyst.waitForSelector('[data-status=proposed]');
    shutdownId = /#\/shutdowns\/([0-9a-f-]{36})/.exec(analyst.url())![1]!;
    expect(await analyst.locator('ul.preview').textContent()).toMatch(/shops suspended/);
    expect(await analyst.locator('[data-action=approve]').count()).toBe(0);
    await shot(analyst, '05-shutdown-proposed');
  });

  it('a supervisor approves it in a second session and watches it execute', async () => {
    const supervisor = await signedInPage('e2e.supervisor');
    await supervisor.goto(`${server.baseUrl}/#/shutdowns`);
    await supervisor.waitForSelector(`tr[data-shutdown="${shutdownId}"]`);
    await shot(supervisor, '06-approval-queue');
    await supervisor.click(`tr[data-shutdown="${shutdownId}"]`);
    await supervisor.click('[data-action=approve]');
    await supervisor.waitForSelector('[data-status=executed]', { timeout: 30_000 });
    const [row] = (
      await driver.executeQuery(
        "MATCH (:Shutdown {id: $id})-[:TARGETS]->(s:Shop) RETURN count(s) AS all, count(CASE WHEN s.status = 'suspended' THEN 1 END) AS suspended",
        { id: shutdownId },
        { database: neo4j.database },
      )
    ).records;
    expect(Number(row!.get('suspended'))).toBe(Number(row!.get('all')));
    expect(await supervisor.locator('.progress').textContent()).toContain('100 %');
    await shot(supervisor, '07-shutdown-executed');
    await supervisor.context().close();
  });

  it('shows a shop with its neighbourhood, alerts, search and the data model', async () => {
    const [member] = (
      await driver.executeQuery(
        'MATCH (:Shutdown {id: $id})-[:TARGETS]->(s:Shop) RETURN s.id AS id, s.name AS name LIMIT 1',
        { id: shutdownId },
        { database: neo4j.database },
      )
    ).records;
    const shopId = member!.get('id') as string;
    await analyst.goto(`${server.baseUrl}/#/shops/${shopId}`);
    await analyst.waitForFunction(() => (window.__ringwatch?.graph?.order ?? 0) > 1);
    expect(await analyst.locator('.side dl').textContent()).toContain('suspended');
    await analyst.waitForTimeout(1500);
    await shot(analyst, '08-shop');
    await analyst.goto(`${server.baseUrl}/#/alerts`);
    await analyst.waitForSelector('.page .state.empty, .page table');
    await shot(analyst, '09-alerts');
    const word = String(member!.get('name')).split(' ')[0]!;
    await analyst.goto(`${server.baseUrl}/#/search?q=${encodeURIComponent(word)}`);
    await analyst.waitForSelector('.group li a');
    expect(await analyst.locator('.group').first().textContent()).toContain('Shops');
    await shot(analyst, '10-search');
    await analyst.goto(`${server.baseUrl}/#/model`);
    await analyst.waitForSelector('.canvas canvas');
    await shot(analyst, '11-data-model');
    expect((await server.app.get(ReportsService).nightly('manual')).status).toBe('completed');
    await analyst.goto(`${server.baseUrl}/#/reports`);
    await analyst.waitForSelector('tr[data-report]');
    await shot(analyst, '12-reports');
  });
});
