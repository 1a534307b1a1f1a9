/**
 * Every view of the dashboard and its sign-in page, in English and in French, checked by axe
 * against the WCAG 2 A and AA rules, with what a person can open (drill-downs, collapsed groups)
 * opened; and the printed pages, which must fit the width of A4.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../dashboard/build.ts';
import { writeMeetingPack } from '../../scripts/report/writeReport.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { fr } from '../../dashboard/src/i18n/fr.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { dashboardUrl, chromiumForTests, openView, signIn, type TestBrowser } from './browser.ts';

const dashboard = { role: 'dashboard' as const };
const languages = { en, fr };

let hub: TestHub;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), chromiumForTests(), ensureDashboardBuilt()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, hub.gateway.url, await hub.tokenFor(dashboard));
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks named apart,
// headings in order, one main landmark, content inside landmarks).
const rules = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * What axe finds against those rules, each with where it is. axe is
 * loaded once per page load, through the browser's debugging channel, which the dashboard's
 * content security policy does not govern; nothing of it reaches the dashboard's bundle.
 */
async function violations(target: Page): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeSource);
  const results = await target.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    rules,
  );
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`),
  );
}

/** What each chart of the page lacks of its caption, its two axis titles and its figures as text. */
async function unlabelledCharts(): Promise<string[]> {
  return page.locator('figure.chart-figure').evaluateAll((figures) =>
    figures.flatMap((figure) => {
      const canvas = figure.querySelector('canvas')!;
      const description = document.getElementById(canvas.getAttribute('aria-describedby') ?? '');
      return [
        figure.querySelector('figcaption')?.textContent?.trim() ? [] : ['a caption'],
        canvas.getAttribute('aria-label')?.trim() ? [] : ['a name'],
        figure.getAttribute('data-axis-x')?.trim() && figure.getAttribute('data-axis-y')?.trim() ? [] : ['axis titles'],
        description?.textContent?.trim() ? [] : ['its figures as text'],
      ].flat();
    }),
  );
}

async function chooseLanguage(language: keyof typeof languages): Promise<void> {
  await page.getByLabel(/^(Language|Langue)$/).selectOption(language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

describe('accessibility of the dashboard', () => {
  it('has no WCAG A or AA violation, nor one of axe’s best practices, on the sign-in page, in English or French', async () => {
    const signedOut = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const language of Object.keys(languages) as (keyof typeof languages)[]) {
        await signedOut.goto(dashboardUrl(hub.gateway.url));
        await signedOut.evaluate((l) => localStorage.setItem('crg.dashboard.language', l), language);
        await signedOut.reload();
        await signedOut.getByRole('heading', { level: 1, name: languages[language]['signIn.title'] }).waitFor();
        expect(await signedOut.evaluate(() => document.documentElement.lang)).toBe(language);
        const found = await violations(signedOut);
        expect(found, found.join('\n')).toEqual([]);
      }
    } finally {
      await signedOut.close();
    }
  });

  for (const language of Object.keys(languages) as (keyof typeof languages)[]) {
    it(`has no WCAG A or AA violation, nor one of axe’s best practices, in any view in ${language === 'en' ? 'English' : 'French'}, with its groups and drill-downs open`, async () => {
      await chooseLanguage(language);
      const found: string[] = [];
      // Every view of the menu (dashboard/src/shell/views.ts), by its label in the language.
      const menu = await page.getByRole('navigation').getByRole('link').allInnerTexts();
      const labels = Object.entries(languages[language]).filter(([key]) => key.startsWith('view.'));
      expect([...menu].sort()).toEqual(labels.map(([, label]) => label).sort());
      for (const label of menu) {
        await openView(page, label);
        // Opening adds content and changes nothing else (a collapsed group's summary and a
        // drill-down's button are the same elements either way), so one check of the opened
        // view covers the closed one too. The groups of one list are alike (the Services view's
        // districts differ only in their rows), so the first of each list is opened; and the
        // first drill-down (one shows at a time).
        const closed = page.locator('[data-testid=view-ready] details:first-of-type:not([open]) > summary');
        for (let n = await closed.count(); n > 0; n--) await closed.first().click();
        const drillDown = page.locator('[data-testid=view-ready] button[aria-expanded=false]').first();
        if (await drillDown.count()) await drillDown.click();
        found.push(...(await violations(page)).map((v) => `${label}: ${v}`));
        found.push(...(await unlabelledCharts()).map((c) => `${label}: a chart without ${c}`));
      }
      expect(found, found.join('\n')).toEqual([]);
    }, 120_000);
  }
});

/** CSS pixels across the printable part of an A4 page (210 × 297 mm) with 12 mm side margins. */
const printableWidth = (orientation: 'portrait' | 'landscape') => (((orientation === 'portrait' ? 210 : 297) - 2 * 12) * 96) / 25.4;

/** Elements of `target` (printed) that reach past `width`, each with its right edge. */
async function widerThan(target: Page, width: number): Promise<string[]> {
  return target.evaluate(
    (limit) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} reaches ${Math.round(e.getBoundingClientRect().right)} px`),
    width,
  );
}

/** The page size a PDF's first page has, in points (A4 is 595 × 842). */
function pdfPageSize(pdf: Buffer): [number, number] {
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('the PDF has no page size');
  return [Math.round(Number(box[1])), Math.round(Number(box[2]))];
}

describe('printing', () => {
  it('prints every view on A4 within the page’s width, with the headings on screen and every group open', async () => {
    await chooseLanguage('en');
    await page.setViewportSize({ width: Math.floor(printableWidth('portrait')), height: 1000 });
    try {
      expect(pdfPageSize(await page.pdf({ preferCSSPageSize: true }))).toEqual([595, 842]);
      for (const label of await page.getByRole('navigation').getByRole('link').allInnerTexts()) {
        await page.emulateMedia({ media: 'screen' });
        await openView(page, label);
        await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
        const onScreen = await page.locator('h1, h2, h3, th').allInnerTexts();
        await page.emulateMedia({ media: 'print' });
        expect(await widerThan(page, printableWidth('portrait')), label).toEqual([]);
        expect(await page.locator('details:not([open])').count(), label).toBe(0);
        expect(await page.locator('h1, h2, h3, th').allInnerTexts(), label).toEqual(onScreen);
        expect(await page.getByRole('navigation').isVisible(), label).toBe(false);
        await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }, 120_000);

  it('prints the meeting pack on A4 within the page’s width', async () => {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'crg-pack-print-'));
    const printed = await browser.newPage({ viewport: { width: Math.floor(printableWidth('landscape')), height: 1000 } });
    try {
      const pack = await writeMeetingPack(
        (query, variables) => hub.query(query, variables, { role: 'committee-member' }),
        'bd-steering',
        dir,
      );
      await printed.setContent(
        await fs.promises.readFile(
          pack.files.find((f) => f.endsWith('.html'))!,
          'utf8',
        ),
      );
      expect(pdfPageSize(await printed.pdf({ preferCSSPageSize: true }))).toEqual([842, 595]);
      await printed.emulateMedia({ media: 'print' });
      expect(await printed.locator('section table').count()).toBeGreaterThan(0);
      expect(await widerThan(printed, printableWidth('landscape'))).toEqual([]);
    } finally {
      await printed.close();
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  });
});
