import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

/**
 * Debian's Chromium (infra/ensure-chromium.sh installs it), never a downloaded one: playwright-core only drives it.
 * A fresh profile each time, and every background feature that would reach the network turned off.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash infra/ensure-chromium.sh (the test command does)`);
  const profile = mkdtempSync(path.join(tmpdir(), 'sc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The api serves apps/console/dist; the test command builds it first. A spec run alone builds it when it is missing,
 * so `npx jest test/browser` works on a fresh checkout.
 */
export function ensureConsoleBuilt(): void {
  if (existsSync(path.join(ROOT, 'apps/console/dist/index.html'))) return;
  // jest sets NODE_ENV=test, which Vite would bake in: a development React, unlike what `npm start` serves.
  execFileSync('npm', ['run', '--silent', 'build:console'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** Logs in through the login page, as a person would, in a page of its own (its own sessionStorage, its own session). */
export async function loginAs(context: BrowserContext, baseUrl: string, username: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('username').filter({ hasText: username }).waitFor();
  return page;
}

/**
 * A PNG of the page. With UPDATE_SCREENSHOTS=1 it replaces the README's (docs/screenshots/<name>.png); otherwise it
 * goes to reports/screenshots, so an ordinary run leaves the committed pictures alone (their ids and dates change).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env['UPDATE_SCREENSHOTS'] === '1' ? SCREENSHOTS : path.join(ROOT, 'reports/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}
