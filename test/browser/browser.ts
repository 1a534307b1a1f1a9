/**
 * A real Chromium driven by playwright-core, for the dashboard's browser tests and its speed
 * script. Debian's chromium package is used (CI installs it with apt-get); Playwright's own
 * browser download is never needed. Missing Chromium fails loudly: a browser test that quietly
 * skips proves nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { projectPath } from '../../platform/schemaFiles.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: the dashboard's browser tests need it. ` +
        'Install it with `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What a test file uses of Chromium: pages of its own, each in a fresh context, closed with the file. */
export interface TestBrowser {
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

let workersChromium: Promise<Browser> | undefined;

/**
 * Chromium for one test file. The files of a test worker run one after another in one process
 * (vitest.config.ts: isolate false), so they share one Chromium, launched by the first of them:
 * a launch costs each file about two seconds of the machine. Each page still has a context of its
 * own (no cookie, storage or cache shared), as `browser.newPage` gives it, and the file's pages
 * close with the file; the browser ends with the worker's process (playwright closes it on exit).
 */
export async function chromiumForTests(): Promise<TestBrowser> {
  workersChromium ??= launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => (workersChromium = undefined));
      return browser;
    },
    (error: unknown) => {
      workersChromium = undefined;
      throw error;
    },
  );
  const browser = await workersChromium;
  const pages: Page[] = [];
  return {
    async newPage(options) {
      const page = await browser.newPage(options);
      pages.push(page);
      return page;
    },
    async close() {
      await Promise.all(pages.map((page) => page.close()));
    },
  };
}

/** The dashboard's address on a hub whose GraphQL endpoint is `graphqlUrl`. */
export function dashboardUrl(graphqlUrl: string, view = ''): string {
  return new URL(`/dashboard/${view ? `#/${view}` : ''}`, graphqlUrl).toString();
}

/** Where screenshots go for review; test-output/ is git-ignored. */
export const screenshotDir = projectPath('test-output', 'dashboard');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Opens the dashboard and signs in with `token` through the sign-in form, as a person would. */
export async function signIn(page: Page, graphqlUrl: string, token: string): Promise<void> {
  await page.goto(dashboardUrl(graphqlUrl));
  await page.getByLabel(/Access token|Jeton d’accès/).fill(token);
  await page.getByRole('button', { name: /Open the dashboard|Ouvrir le tableau de bord/ }).click();
  await page.getByTestId('view-ready').waitFor();
}

/** Opens one view by its menu link (keyboard-reachable like any link) and waits for its figures. */
export async function openView(page: Page, name: string | RegExp, { ready = true } = {}): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  if (ready) await page.getByTestId('view-ready').waitFor();
}
