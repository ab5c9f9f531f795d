import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { ShutdownsService } from '../../apps/api/src/shutdowns/shutdowns.service';
import { startTestServer, type TestServer } from '../setup/app';
import { ensureChromium } from '../setup/chromium';
import { buildExplorer, SCREENSHOTS, signedInPage } from '../setup/explorer';
import { testDriver, wipeMarketplace, wipeWork } from '../setup/graph';
import { seedMarketplace } from '../setup/marketplace';
import { rowsOf } from '../setup/client';

/**
 * The day of a case, in a real browser: the analyst starts from the inbox, saves a view, takes a case,
 * annotates it and proposes its network's shutdown; the supervisor finds it waiting and approves it; the
 * nightly run comes and goes and the case is still shut down; the morning report names it; the liaison
 * records the referral to the police on the case.
 */
const neo4j = inject('neo4j');
const PASSWORD = 'cases-walk-password-1';
const ANALYST = 'walk.analyst';
const SUPERVISOR = 'walk.supervisor';
const LIAISON = 'walk.liaison';
const SHOTS = path.join(SCREENSHOTS, 'cases-walk');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
let server: TestServer;
let driver: Driver;
let browser: Browser;
let dist: string;
let data: string;

const query = rowsOf(() => driver, neo4j.database);

/** The text of the case page's timeline, for what a person reads there. */
const timeline = (page: Page) => page.locator('ul.timeline').innerText();

beforeAll(async () => {
  const chrome = ensureChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  console.log(`cases walk: screenshots in ${SHOTS}`);
  driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeWork(driver, ['User']);
  dist = await buildExplorer();
  server = await startTestServer({ EXPLORER_DIST_DIR: dist });
  ({ dir: data } = await seedMarketplace(server, 3));
  const auth = server.app.get(AuthService);
  await auth.createUser({ username: ANALYST, password: PASSWORD, roles: ['analyst'], brands: [] });
  await auth.createUser({ username: SUPERVISOR, password: PASSWORD, roles: ['supervisor'], brands: [] });
  await auth.createUser({ username: LIAISON, password: PASSWORD, roles: ['liaison'], brands: [] });
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

describe('a case from the inbox to the morning report', () => {
  let analyst: Page;
  let caseId: string;
  let clusterId: string;
  let shutdownId: string;

  it('the analyst lands on the inbox, picks views and saves one', async () => {
    analyst = await signedInPage(browser, server.baseUrl, ANALYST, PASSWORD);
    await analyst.waitForSelector('table.cases, .page .state.empty');
    expect(analyst.url()).toMatch(/#\/cases$/);
    expect(await analyst.locator('nav.tabs a.active').innerText()).toBe('Assigned to me');
    // Nothing is assigned yet: the first tab says so in words.
    expect(await analyst.locator('.page .state.empty').innerText()).toContain('no case is assigned to me');

    await analyst.click('nav.tabs a:has-text("Unassigned new")');
    await analyst.waitForSelector('table.cases tbody tr');
    const first = analyst.locator('table.cases tbody tr').first();
    caseId = (await first.getAttribute('data-case'))!;
    expect(await first.innerText()).toContain('New');

    // A filter of one's own: unassigned, new and high priority, saved under a name.
    await analyst.selectOption('form.filters select[name=priority]', 'high');
    await analyst.waitForURL(/priority=high/);
    await analyst.waitForSelector('form.save-view');
    await analyst.fill('form.save-view input[name=view-name]', 'New, high, nobody on it');
    await analyst.click('form.save-view button[type=submit]');
    await analyst.waitForSelector('ul.views li.active:has-text("New, high, nobody on it")');
    expect(await analyst.locator('.view-status').innerText()).toContain('Saved “New, high, nobody on it”');
    // The view on screen is saved: no second save offered for it.
    expect(await analyst.locator('form.save-view').count()).toBe(0);

    // Another view saved from a tab, then deleted; the first one picked again from its chip.
    await analyst.click('nav.tabs a:has-text("All open")');
    await analyst.waitForSelector('form.save-view');
    await analyst.fill('form.save-view input[name=view-name]', 'Everything open');
    await analyst.click('form.save-view button[type=submit]');
    await analyst.waitForSelector('ul.views li:has-text("Everything open")');
    // A name taken already is refused with the server's own words, no API path.
    await analyst.click('nav.tabs a:has-text("Shut down")');
    await analyst.waitForSelector('form.save-view');
    await analyst.fill('form.save-view input[name=view-name]', 'everything OPEN');
    await analyst.click('form.save-view button[type=submit]');
    await analyst.waitForSelector('.view-status.error');
    const refusal = await analyst.locator('.view-status.error').innerText();
    expect(refusal).toBe('you already have a view named "everything OPEN"');
    await analyst.click('button[aria-label="Delete view Everything open"]');
    await analyst.waitForSelector('ul.views li:has-text("Everything open")', { state: 'detached' });
    await analyst.click('ul.views li a:has-text("New, high, nobody on it")');
    await analyst.waitForSelector('ul.views li.active');
    expect(analyst.url()).toContain('priority=high');
    expect(await analyst.locator('form.filters select[name=priority]').inputValue()).toBe('high');
    const views = await query<{ name: string }>('MATCH (v:SavedView {owner: $owner}) RETURN v.name AS name', { owner: ANALYST });
    expect(views.map((v) => v.name)).toEqual(['New, high, nobody on it']);

    // Every field on "any" is every case, not the first tab.
    await analyst.click('nav.tabs a:has-text("All open")');
    await analyst.waitForSelector('nav.tabs a.active:has-text("All open")');
    await analyst.selectOption('form.filters select[name=status]', '');
    await analyst.waitForURL(/#\/cases\?all$/);
    await analyst.waitForSelector('table.cases tbody tr');
    expect(await analyst.locator('nav.tabs a.active').count()).toBe(0);

    await analyst.click('nav.tabs a:has-text("Unassigned new")');
    await analyst.waitForSelector(`table.cases tbody tr[data-case="${caseId}"]`);
    await shot(analyst, '01-inbox');
  });

  it('takes a case: assigns it to self, moves it, and notes a shop of its network', async () => {
    await analyst.click(`table.cases a[href="#/cases/${caseId}"]`);
    await analyst.waitForSelector('.case h2');
    await analyst.click('button:has-text("Assign to me")');
    await analyst.waitForSelector(`.case dl dd:has-text("${ANALYST}")`);
    await analyst.click('[data-move=investigating]');
    await analyst.waitForSelector('.case h2 .badge:has-text("Investigating")');
    // The move buttons do not touch each other.
    const boxes = await analyst.locator('.move-buttons button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON()));
    expect(boxes.length).toBeGreaterThan(1);
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1]!, boxes[i]!];
      const apart = b.top >= a.bottom || b.left - a.right >= 4 || a.left - b.right >= 4;
      expect(apart, `buttons ${i - 1} and ${i} touch: ${JSON.stringify([a, b])}`).toBe(true);
    }

    const [row] = await query<{ clusterId: string; shop: string }>('MATCH (k:Case {id: $id}) RETURN k.clusterId AS clusterId, k.members[0] AS shop', {
      id: caseId,
    });
    clusterId = row!.clusterId;
    const shop = row!.shop;
    await analyst.fill('textarea[aria-label=note]', `Same payout account across the network; ${shop} opened first and trades the most.`);
    await analyst.click('.note-form button:has-text("Add note")');
    await analyst.waitForSelector(`ul.notes li a[href="#/shops/${encodeURIComponent(shop)}"]`);
    expect(await analyst.locator('ul.notes li').first().innerText()).toContain(ANALYST);

    // The timeline speaks in words: kinds and status labels, not codes.
    const text = await timeline(analyst);
    expect(text).toContain('Status changed');
    expect(text).toContain('New → Investigating');
    expect(text).toContain('Assignee changed');
    expect(text).toContain('Case opened');
    expect(text).not.toMatch(/\b(shutdown_proposed|shut_down)\b|· status ·|· assignee ·/);
    await shot(analyst, '02-case-with-notes');
  });

  it('proposes the shutdown of its network, and the page says it happened', async () => {
    await analyst.click('[data-action=propose]');
    await analyst.waitForSelector('form.propose');
    expect(analyst.url()).toContain(`#/clusters/${clusterId}`);
    await analyst.fill('form.propose textarea[name=reason]', 'Shared payout account and devices across every shop; see the case notes.');
    await analyst.click('form.propose button[type=submit]');
    await analyst.waitForSelector('.proposed[data-shutdown]');
    shutdownId = (await analyst.locator('.proposed').getAttribute('data-shutdown'))!;
    expect(await analyst.locator('.proposed').innerText()).toMatch(/Shutdown proposed[\s\S]*shops and \d+ live listings would go/);
    expect(await analyst.locator('form.propose').count()).toBe(0);
    await shot(analyst, '03-proposed');
  });

  it('the supervisor finds it waiting for a decision and approves it; it executes', async () => {
    const supervisor = await signedInPage(browser, server.baseUrl, SUPERVISOR, PASSWORD);
    await supervisor.waitForSelector('table.cases, .page .state.empty');
    expect(supervisor.url()).toMatch(/#\/cases$/);
    await supervisor.click('nav.tabs a:has-text("Waiting for a decision")');
    await supervisor.waitForSelector(`table.cases tbody tr[data-case="${caseId}"]`);
    expect(await supervisor.locator(`tr[data-case="${caseId}"]`).innerText()).toContain('Shutdown proposed');
    await supervisor.goto(`${server.baseUrl}/#/shutdowns/${shutdownId}`);
    await supervisor.click('[data-action=approve]');
    await supervisor.waitForSelector('[data-status=executed]', { timeout: 30_000 });
    await server.app.get(ShutdownsService).settled(shutdownId);
    await supervisor.context().close();
  });

  it('the nightly run resets nothing: the case is still shut down, and the morning report names it', async () => {
    expect((await server.app.get(ReportsService).nightly('manual')).status).toBe('completed');
    await analyst.goto(`${server.baseUrl}/#/cases/${caseId}`);
    await analyst.reload();
    await analyst.waitForSelector('.case h2 .badge');
    expect(await analyst.locator('.case h2 .badge').innerText()).toBe('Shut down');
    expect(await timeline(analyst)).toContain('Shutdown proposed → Shut down');
    expect(await analyst.locator('.case').innerText()).toContain(`${shutdownId.slice(0, 8)} executed`);
    expect(await analyst.locator('[data-action=propose]').count()).toBe(0);
    await shot(analyst, '04-case-shut-down');

    await analyst.goto(`${server.baseUrl}/#/reports`);
    await analyst.waitForSelector('tr[data-report]');
    // The morning's to-do list leads the page: the networks nobody has taken yet, each linked to its case;
    // the case worked to its end is not among them.
    await analyst.waitForSelector('.todo [data-todo=newCases]');
    expect(await analyst.locator('.todo').innerText()).toContain('New flagged networks, unassigned');
    expect(await analyst.locator('[data-todo=newCases] a[href^="#/cases/K"]').count()).toBeGreaterThan(0);
    expect(await analyst.locator(`[data-todo=newCases] a[href="#/cases/${caseId}"]`).count()).toBe(0);
    await shot(analyst, '05-morning-report-todo');
    const popup = analyst.context().waitForEvent('page');
    await analyst.locator('tr[data-report]').first().locator('button:has-text("HTML")').click();
    const report = await popup;
    await report.waitForLoadState();
    await report.setViewportSize({ width: 1200, height: 900 });
    // Named as what happened to it (the top-clusters table alone would name every network): a line with
    // the network or its case and the shutdown or its approver.
    const lines = (await report.locator('body').innerText()).split('\n');
    const named = lines.filter((l) => (l.includes(clusterId) || l.includes(caseId)) && (l.includes(SUPERVISOR) || /shut/i.test(l)));
    expect(named, `no line of the report names ${clusterId} or ${caseId} as shut down`).not.toEqual([]);
    await shot(report, '06-morning-report-html');
    await report.close();
  });

  it('the liaison records the referral to the police; the case is referred and shows it, the contact only to those who see people', async () => {
    const liaison = await signedInPage(browser, server.baseUrl, LIAISON, PASSWORD);
    await liaison.goto(`${server.baseUrl}/#/cases/${caseId}`);
    await liaison.waitForSelector('form.referral');
    // All four fields are needed: the browser holds the form back while the contact is empty.
    await liaison.fill('form.referral input[aria-label="referral agency"]', 'Guangzhou PSB, Economic Crimes');
    await liaison.fill('form.referral input[aria-label="referral reference"]', 'GZ-2026-0417');
    await liaison.fill('form.referral input[aria-label="referral date"]', '2026-11-30');
    await liaison.click('[data-action=refer]');
    expect(await liaison.locator('form.referral input[aria-label="referral contact"]').evaluate((i) => (i as HTMLInputElement).validity.valueMissing)).toBe(
      true,
    );
    expect(await liaison.locator('.case h2 .badge').innerText()).toBe('Shut down');
    await liaison.fill('form.referral input[aria-label="referral contact"]', 'Officer Li Wei, +86 20 8311 0000');
    await shot(liaison, '07-referral-form');
    await liaison.click('[data-action=refer]');
    await liaison.waitForSelector('.case h2 .badge:has-text("Referred")');
    const facts = await liaison.locator('.case dl').innerText();
    expect(facts).toContain('Guangzhou PSB, Economic Crimes, reference GZ-2026-0417, on 2026-11-30');
    expect(facts).toContain('Officer Li Wei, +86 20 8311 0000');
    expect(facts).toContain(`by ${LIAISON}`);
    expect(await timeline(liaison)).toContain('Shut down → Referred');
    // Referred once: the form is gone.
    expect(await liaison.locator('form.referral').count()).toBe(0);
    await shot(liaison, '08-case-referred');
    await liaison.context().close();

    await analyst.goto(`${server.baseUrl}/#/cases/${caseId}`);
    await analyst.waitForSelector('.case h2 .badge:has-text("Referred")');
    const seen = await analyst.locator('.case dl').innerText();
    expect(seen).toContain('Guangzhou PSB, Economic Crimes');
    expect(seen).not.toContain('8311');
    expect(seen).toMatch(/Their contact\s+withheld/);
    await shot(analyst, '09-referred-as-analyst');
  });
});
