/**
 * The dashboard speaks to people, not in codes: every view, in English and in French, shows no
 * internal id and no enum constant, and the French dashboard shows no English message. The ids
 * come from the hub's own data, the enum constants from the supergraph, the English messages from
 * the dashboard's English bundle; the records' own words the graph returned (names, titles,
 * mandates, in the language they were recorded in) are set aside before looking for English
 * messages, but nothing the server composes. Hidden text counts: a chart's figures as text and
 * the categories its canvas draws are read too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../dashboard/build.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { fr } from '../../dashboard/src/i18n/fr.ts';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
import { asToken, enumConstants, internalIds } from '../support/plainWords.ts';
import { chromiumForTests, screenshot, signIn, type TestBrowser } from './browser.ts';

let hub: TestHub;
let browser: TestBrowser;
let page: Page;
/**
 * The fields whose values are a record's own words, shown in the language they were recorded in:
 * names, titles, mandates, summaries, quotes, notes. Not `detail`, nor any message the server
 * composes (errors are not data and are never set aside): those must be in the page's language.
 */
const ownWords = new Set([
  'name',
  'title',
  'ministry',
  'mandate',
  'summary',
  'quote',
  'section',
  'text',
  'description',
  'note',
  'illustrativeNote',
  'code',
  // Names given as plain strings: the chair's organisation, places, the languages a centre speaks.
  'organisation',
  'district',
  'place',
  'hospital',
  'station',
  'languages',
]);
/** What the graph sent the page in those fields. */
const graphWords = new Set<string>();

function collectWords(value: unknown, field?: string): void {
  if (typeof value === 'string') {
    if (field && ownWords.has(field)) graphWords.add(value);
  } else if (Array.isArray(value)) value.forEach((v) => collectWords(v, field));
  else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) collectWords(v, key);
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), chromiumForTests(), ensureDashboardBuilt()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/graphql') return;
    void response
      .json()
      .then((body: { data?: unknown }) => collectWords(body.data))
      .catch(() => {});
  });
  // An analyst sees the most: meetings, action items and decisions as well as what a dashboard token sees.
  await signIn(page, hub.gateway.url, await hub.tokenFor(analyst));
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

/** English messages a French page must not show: each literal part of an English label that French words differently. */
function englishMessages(): string[] {
  const parts = new Set<string>();
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    if (en[key] === fr[key]) continue;
    for (const part of en[key].split(/\{\w+\}/)) {
      const text = part.trim().replace(/[.:;,]$/, '');
      if ((text.match(/\p{L}/gu) ?? []).length >= 2) parts.add(text);
    }
  }
  return [...parts];
}

/**
 * What a person meets on the page: its visible text, with every folded part unfolded; the names
 * given to screen readers; the text of what names or describes an element, hidden or not (a
 * chart's figures as text); and each chart's categories and series, which its canvas draws.
 */
async function textOfPage(): Promise<string> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const named = [...document.querySelectorAll('[aria-label], [title], [alt]')].flatMap((e) =>
      ['aria-label', 'title', 'alt'].map((a) => e.getAttribute(a) ?? ''),
    );
    const referenced = [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')].flatMap((e) =>
      ['aria-describedby', 'aria-labelledby']
        .flatMap((a) => (e.getAttribute(a) ?? '').split(/\s+/))
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? ''),
    );
    const drawn = [...document.querySelectorAll('[data-categories], [data-series]')].flatMap((e) =>
      ['data-categories', 'data-series'].flatMap((a) => JSON.parse(e.getAttribute(a) ?? '[]') as string[]),
    );
    return [document.body.innerText, ...named, ...referenced, ...drawn].join('\n');
  });
}

/** The page's text without the records' own words (but with any enum constant among them, which a label should have replaced). */
function withoutRecordsWords(text: string, constants: Set<string>): string {
  const words = [...graphWords].filter((s) => s.trim().length > 1 && !constants.has(s)).sort((a, b) => b.length - a.length);
  return words.reduce((rest, s) => rest.split(s).join(' '), text);
}

/** The views, from the dashboard's own menu. */
async function viewIds(): Promise<string[]> {
  const links = await page
    .getByRole('navigation')
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return links.map((href) => href.replace(/^#\//, ''));
}

async function openView(id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/${id}`);
  await page.locator('section[aria-labelledby=view-title][aria-busy=false]').waitFor();
  await page.getByTestId('view-ready').waitFor();
}

describe('the dashboard in plain language', () => {
  it('shows no internal id or enum constant in any view, in English or French, and no English message in French', async () => {
    const [ids, constants] = [await internalIds(hub), enumConstants()];
    const english = englishMessages();
    // Not vacuous: the hub's ids include the ones the issue found on screen.
    expect(ids).toContain('bd-a3-4');
    expect(ids).toContain('bd-police-monthly 2026-06');
    expect(constants).toContain('AT_RISK');
    expect(english).toContain('Actions not reported');

    const found: string[] = [];
    for (const language of ['en', 'fr'] as const) {
      await page.getByLabel(/^(Language|Langue)$/).selectOption(language);
      await page.locator(`html[lang=${language}]`).waitFor();
      for (const view of await viewIds()) {
        await openView(view);
        if (view === 'status') {
          // The progress history panel too: one action's reports.
          await page.getByTestId('actions').getByRole('button').first().click();
          await page.getByTestId('progress-history').waitFor();
        }
        const text = await textOfPage();
        const where = `${language} #/${view}`;
        for (const id of ids) if (asToken(id).test(text)) found.push(`${where}: id ${id}`);
        const wording = withoutRecordsWords(text, constants);
        for (const constant of constants) if (asToken(constant).test(wording)) found.push(`${where}: enum ${constant}`);
        if (language === 'fr')
          for (const message of english) if (asToken(message).test(wording)) found.push(`${where}: English “${message}”`);
        if (view === 'compliance') await screenshot(page, `plain-language-${language}-compliance`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
