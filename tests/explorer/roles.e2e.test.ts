import fs from 'node:fs';
import path from 'node:path';
import { hasPermission, type Role } from '@ringwatch/permissions';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { menuFor } from '../../apps/explorer/src/router';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { startTestServer, type TestServer } from '../setup/app';
import { ensureChromium } from '../setup/chromium';
import { buildExplorer, SCREENSHOTS } from '../setup/explorer';
import { testDriver, wipeMarketplace, wipeWork } from '../setup/graph';
import { seedMarketplace } from '../setup/marketplace';
import { rowsOf } from '../setup/client';

const neo4j = inject('neo4j');
const PASSWORD = 'roles-test-password-1';
/** Each role's main view, for people reviewing a change (git-ignored). */
const SHOTS = path.join(SCREENSHOTS, 'roles');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const USERS: Record<string, Role> = {
  'e2e.brand': 'brand_owner',
  'e2e.analyst': 'analyst',
  'e2e.supervisor': 'supervisor',
  'e2e.liaison': 'liaison',
  'e2e.admin': 'admin',
  'e2e.victim': 'analyst',
};
let server: TestServer;
let driver: Driver;
let browser: Browser;
let dist: string;
let data: string;
let brand: string;
let suspendedShop: string;
const pages = new Map<string, Page>();

async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`browser (${username}): ${error.message}`));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(server.baseUrl);
  await page.waitForSelector('form#signin:not([hidden])');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form#signin button[type=submit]');
  await page.waitForSelector('#nav:not([hidden]) a');
  pages.set(username, page);
  return page;
}

/** Waits until the view has drawn something other than its loading line. */
const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelector('#view')!.childElementCount > 0 && !document.querySelector('#view .state.loading'));

const query = rowsOf(() => driver, neo4j.database);

beforeAll(async () => {
  const chrome = ensureChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  console.log(`roles e2e: screenshots in ${SHOTS}`);
  driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeWork(driver, ['User']);
  dist = await buildExplorer();
  // Six people sign in from one address within a minute: the sign-in limit is not what this file tests.
  server = await startTestServer({ EXPLORER_DIST_DIR: dist, LOGIN_RATE_LIMIT_PER_MINUTE: '0' });
  ({ dir: data } = await seedMarketplace(server, 3));
  // The brand with the most listings sold by flagged networks: what its owner is asked to judge.
  [{ brand }] = (await query<{ brand: string }>(
    `MATCH (r:DetectionRun {status: 'completed'}) WITH r ORDER BY r.startedAt DESC LIMIT 1
     MATCH (l:Listing)<-[:LISTS]-(:Shop)-[:MEMBER_OF {runId: r.id}]->(:Cluster {flagged: true}) WHERE l.brand IS NOT NULL
     RETURN l.brand AS brand, count(l) AS n ORDER BY n DESC, brand LIMIT 1`,
  )) as [{ brand: string }];
  // A shop suspended (as a marketplace's own data may have it) for the supervisor to reinstate.
  [{ id: suspendedShop }] = (await query<{ id: string }>(
    `MATCH (s:Shop) WHERE s.status = 'active' WITH s ORDER BY s.id LIMIT 1 SET s.status = 'suspended' RETURN s.id AS id`,
  )) as [{ id: string }];
  const auth = server.app.get(AuthService);
  for (const [username, role] of Object.entries(USERS))
    await auth.createUser({ username, password: PASSWORD, roles: [role], brands: role === 'brand_owner' ? [brand] : [] });
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

describe('every role at home in the explorer', () => {
  it('shows each role only its menu, lands it on its first page, and no page of its menu answers 403', async () => {
    for (const [username, role] of Object.entries(USERS)) {
      if (username === 'e2e.victim') continue;
      const page = await signIn(username);
      const menu = await page.locator('#nav a').allTextContents();
      expect(menu, role).toEqual(menuFor((p) => hasPermission([role], p)).map((entry) => entry.label));
      if (role === 'brand_owner') {
        expect(menu).toEqual(['Brand portal']);
        expect(page.url()).toContain('#/brand');
      }
      if (role === 'liaison') expect(menu).not.toContain('Shutdowns');
      for (const href of await page.locator('#nav a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash))) {
        await page.goto(`${server.baseUrl}/${href}`);
        await settled(page);
        const errors = await page.locator('#view .state.error').allTextContents();
        expect(errors, `${role} on ${href}`).toEqual([]);
      }
    }
  });

  it('a brand owner confirms two listings in bulk; after review it sees its accuracy', async () => {
    const owner = pages.get('e2e.brand')!;
    await owner.goto(`${server.baseUrl}/#/brand`);
    await owner.waitForSelector('table.suspected tbody tr');
    expect(await owner.locator('#view h2').first().textContent()).toBe(`Brand portal: ${brand}`);
    // Listings of the owner's brand only, riskiest network first.
    const risks = (await owner.locator('table.suspected tbody tr td:nth-child(6) .risk').allTextContents()).map(Number);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    await shot(owner, 'brand-owner-portal');
    const ids = (await owner.locator('table.suspected tbody tr').evaluateAll((rows) => rows.slice(0, 2).map((r) => (r as HTMLElement).dataset.listing!))) as [
      string,
      string,
    ];
    for (const id of ids) await owner.check(`tr[data-listing="${id}"] input[type=checkbox]`);
    await owner.fill('.bulk input[name=note]', 'Test purchase: serial numbers do not match');
    await owner.click('[data-bulk=counterfeit]');
    await owner.waitForFunction(() => /2 listings marked counterfeit/.test(document.querySelector('.brand-portal [role=status]')?.textContent ?? ''));
    for (const id of ids) expect(await owner.locator(`tr[data-listing="${id}"] td[data-verdict]`).getAttribute('data-verdict')).toBe('counterfeit');
    expect(await owner.locator('table.my-reports tbody tr').count()).toBe(2);
    const stored = await query<{ n: number }>(
      "MATCH (b:BrandReport {reporter: 'e2e.brand', verdict: 'counterfeit'}) WHERE b.note = 'Test purchase: serial numbers do not match' RETURN count(b) AS n",
    );
    expect(Number(stored[0]!.n)).toBe(2);
    // Not in the fast lane yet: both wait for an analyst; one holds, one does not.
    const analyst = pages.get('e2e.analyst')!;
    await analyst.goto(`${server.baseUrl}/#/takedowns`);
    await analyst.waitForSelector('tr[data-takedown]');
    expect(await analyst.locator('tr[data-takedown]').count()).toBe(2);
    await shot(analyst, 'analyst-review-queue');
    await analyst.fill('tr[data-takedown]:nth-child(1) input[name=note]', 'Confirmed from the photos');
    await analyst.click('tr[data-takedown]:nth-child(1) [data-action=confirm]');
    await analyst.waitForFunction(() => document.querySelectorAll('tr[data-takedown]').length === 1);
    await analyst.fill('tr[data-takedown] input[name=note]', 'Seller showed the distributor invoice');
    await analyst.click('tr[data-takedown] [data-action=reject]');
    await analyst.waitForSelector('.takedowns .state.empty');
    // Staff see every reporter's standing: this one is still in review, at 50 %.
    const reporter = analyst.locator('tr[data-reporter="e2e.brand"]');
    await reporter.waitFor();
    expect(await reporter.innerText()).toMatch(/50 %[\s\S]*2 \(1 against\)[\s\S]*review/);
    await shot(analyst, 'analyst-reporters');
    await owner.reload();
    await owner.waitForSelector('.standing [data-accuracy]');
    expect(await owner.locator('.standing [data-accuracy]').first().textContent()).toBe('50 %');
    expect(await owner.locator('.standing').first().textContent()).toContain('2 (1 against)');
    // My reports, from the API: what came of each, and which one counts against the accuracy.
    expect(await owner.locator('table.my-reports tr[data-outcome=rejected].against').count()).toBe(1);
    expect(await owner.locator('table.my-reports tr[data-outcome=taken_down]').count()).toBe(1);
    expect(await owner.locator('table.my-reports').textContent()).toContain('rejected in review — counts against accuracy');
    await shot(owner, 'brand-owner-accuracy');
  });

  it('an admin creates a user with a generated password and deactivates one whose open tab then fails', async () => {
    const victim = await signIn('e2e.victim');
    const token = await victim.evaluate(() => sessionStorage.getItem('ringwatch.token'));
    expect((await fetch(`${server.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const admin = pages.get('e2e.admin')!;
    await admin.goto(`${server.baseUrl}/#/admin/users`);
    await admin.waitForSelector('tr[data-user="e2e.victim"][data-active=true]');
    await admin.fill('form.create-user input[name=username]', 'e2e.newcomer');
    await admin.check('form.create-user input[value=liaison]');
    await admin.click('form.create-user button[type=submit]');
    await admin.waitForSelector('[data-password="e2e.newcomer"]');
    expect((await admin.locator('[data-password="e2e.newcomer"]').textContent())!.length).toBeGreaterThanOrEqual(16);
    await admin.click('tr[data-user="e2e.victim"] [data-action=deactivate]');
    await admin.waitForSelector('tr[data-user="e2e.victim"][data-active=false]');
    await shot(admin, 'admin-users');
    expect((await fetch(`${server.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // The victim's open tab: its next request is refused and it is back at the sign-in form.
    await victim.evaluate(() => (location.hash = '#/alerts'));
    await victim.waitForSelector('form#signin:not([hidden])');
    await admin.goto(`${server.baseUrl}/#/admin/audit?actor=e2e.admin`);
    await admin.waitForSelector('table.audit tbody tr');
    expect(await admin.locator('table.audit tbody').textContent()).toContain('user:e2e.victim');
    await shot(admin, 'admin-audit');
    // The export holds the whole filtered trail from the API, not the rows on screen.
    const [file] = await Promise.all([admin.waitForEvent('download'), admin.click('[data-action=csv]')]);
    const csv = fs
      .readFileSync((await file.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(csv[0]).toBe('at,actor,action,target,before,after,requestId,id');
    expect(csv.length - 1).toBe(await admin.locator('table.audit tbody tr').count());
    expect(csv.slice(1).every((line) => line.split(',')[1] === 'e2e.admin')).toBe(true);
  });

  it('a supervisor reinstates a suspended shop with a reason; an analyst has no such button', async () => {
    const analyst = pages.get('e2e.analyst')!;
    await analyst.goto(`${server.baseUrl}/#/shops/${suspendedShop}`);
    await analyst.waitForSelector('.side dl');
    expect(await analyst.locator('form.reinstate').count()).toBe(0);
    const supervisor = pages.get('e2e.supervisor')!;
    await supervisor.goto(`${server.baseUrl}/#/shops/${suspendedShop}`);
    await supervisor.waitForSelector('form.reinstate');
    expect(await supervisor.locator('.side dl').textContent()).toContain('suspended');
    await supervisor.fill('form.reinstate textarea[name=reason]', 'Appeal upheld: invoices from the authorised distributor');
    await supervisor.click('form.reinstate [data-action=reinstate]');
    await supervisor.waitForSelector(`[data-reinstated="${suspendedShop}"]`);
    expect(await supervisor.locator('.side dl').textContent()).not.toContain('suspended');
    expect(await supervisor.locator('form.reinstate').count()).toBe(0);
    const [row] = await query<{ status: string; by: string }>('MATCH (s:Shop {id: $id}) RETURN s.status AS status, s.reinstatedBy AS by', {
      id: suspendedShop,
    });
    expect(row).toEqual({ status: 'active', by: 'e2e.supervisor' });
    await shot(supervisor, 'supervisor-reinstated');
    // The seller of the listing the analyst confirmed appeals; the supervisor upholds it from the list of takedowns in effect.
    await supervisor.goto(`${server.baseUrl}/#/appeals?reporter=e2e.brand`);
    const inEffect = supervisor.locator('table[aria-label="Takedowns in effect"] tr[data-takedown]');
    await inEffect.first().waitFor();
    expect(await inEffect.count()).toBe(1);
    const listingId = (await inEffect.locator('td:nth-child(4) .muted').textContent())!.split(' · ')[0]!;
    await inEffect.locator('input[name=note]').fill('Seller showed the distributor invoice');
    await inEffect.locator('[data-action=appeal]').click();
    await supervisor.waitForFunction(() => /Appeal upheld/.test(document.querySelector('.appeals [role=status]')?.textContent ?? ''));
    expect(await supervisor.locator('table[aria-label="Appeals upheld"] tr[data-takedown]').count()).toBe(1);
    expect((await query<{ s: string }>('MATCH (l:Listing {id: $id}) RETURN l.status AS s', { id: listingId }))[0]!.s).toBe('active');
    await shot(supervisor, 'supervisor-appeals');
    await supervisor.goto(`${server.baseUrl}/#/reports`);
    await supervisor.waitForSelector('[data-action=run-report]');
    expect(await supervisor.locator('tr[data-report]').count()).toBe(0);
    await supervisor.click('[data-action=run-report]');
    await supervisor.waitForSelector('tr[data-report]', { timeout: 120_000 });
    expect(await supervisor.locator('tr[data-report] td:nth-child(3)').first().textContent()).toBe('manual');
    await shot(supervisor, 'supervisor-reports');
    const liaison = pages.get('e2e.liaison')!;
    await liaison.goto(`${server.baseUrl}/#/reports`);
    await settled(liaison);
    expect(await liaison.locator('#view h2').first().textContent()).toBe('Nightly reports');
    expect(await liaison.locator('[data-action=run-report]').count()).toBe(0);
    await liaison.goto(`${server.baseUrl}/#/clusters`);
    await liaison.waitForSelector('table.clusters tbody tr');
    await shot(liaison, 'liaison-clusters');
  });

  it('a session survives a reload and a new tab, and a sign-out in one tab signs the other out', async () => {
    const first = pages.get('e2e.liaison')!;
    await first.reload();
    await first.waitForSelector('#nav:not([hidden]) a');
    const second = await first.context().newPage();
    await second.goto(`${server.baseUrl}/#/search`);
    await second.waitForSelector('#nav:not([hidden]) a');
    expect(await second.locator('#who').textContent()).toContain('e2e.liaison');
    expect(await second.locator('form#signin').isHidden()).toBe(true);
    await first.click('#who button');
    await first.waitForSelector('form#signin:not([hidden])');
    await second.waitForSelector('form#signin:not([hidden])');
    expect(await second.evaluate(() => sessionStorage.getItem('ringwatch.token'))).toBeNull();
  });
});
