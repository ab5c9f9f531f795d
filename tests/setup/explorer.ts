import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from './app';

/** Screenshots of the explorer's views, for people reviewing a change (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

/** The explorer built into a throw-away folder, for a test server to serve (EXPLORER_DIST_DIR). */
export async function buildExplorer(): Promise<string> {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-explorer-dist-'));
  await build({
    configFile: path.join(ROOT, 'apps', 'explorer', 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: dist, emptyOutDir: true, sourcemap: false },
  });
  return dist;
}

/** A new browser context signed in as this user, on the page the explorer lands on after signing in. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  beforeSignIn?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`browser (${username}): ${error.message}`));
  await page.goto(baseUrl);
  await page.waitForSelector('form#signin:not([hidden])');
  await beforeSignIn?.(page);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('form#signin button[type=submit]');
  await page.waitForSelector('#nav:not([hidden])');
  return page;
}
