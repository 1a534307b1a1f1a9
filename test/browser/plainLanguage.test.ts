/**
 * The dashboard speaks to people, not in codes: every view, in English and in French, shows no
 * internal id and no enum constant, and the French dashboard shows no English message. The ids
 * come from the hub's own data, the enum constants from the supergraph, the English messages from
 * the dashboard's English bundle; what the graph itself returned (names, titles, mandates, in the
 * language they were recorded in) is set aside before looking for English messages.
 */
import fs from 'node:fs';
import { parse, Kind } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../dashboard/build.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { fr } from '../../dashboard/src/i18n/fr.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
import { launchChromium, screenshot, signIn } from './browser.ts';

let hub: TestHub;
let browser: Browser;
let page: Page;
/** Every string the graph sent the page: data, shown in the language it was recorded in. */
const graphStrings = new Set<string>();

function collectStrings(value: unknown): void {
  if (typeof value === 'string') graphStrings.add(value);
  else if (Array.isArray(value)) value.forEach(collectStrings);
  else if (value && typeof value === 'object') Object.values(value).forEach(collectStrings);
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchChromium(), ensureDashboardBuilt()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/graphql') return;
    void response
      .json()
      .then((body: { data?: unknown }) => collectStrings(body.data))
      .catch(() => {});
  });
  // An analyst sees the most: meetings, action items and decisions as well as what a dashboard token sees.
  await signIn(page, hub.gateway.url, await hub.tokenFor(analyst));
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

/** Every enum constant of the graph, from the committed supergraph (federation's own enums aside). */
function enumConstants(): Set<string> {
  const document = parse(fs.readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8'));
  const constants = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || /^(join|link)__/.test(definition.name.value)) continue;
    for (const value of definition.values ?? []) constants.add(value.name.value);
  }
  return constants;
}

/** The internal ids of the hub's records: actions, bodies, meetings, action items, decisions, duties, data sets, indicators, places. */
async function internalIds(): Promise<Set<string>> {
  const { data, errors } = await hub.query<{
    framework: { actions: { id: string }[] };
    coordinationBodies: { id: string; meetings: { id: string }[]; actionItems: { id: string }[]; decisions: { id: string }[] }[];
    obligations: { id: string }[];
    crisisCentres: { id: string }[];
    sectors: {
      dataSets: { id: string; periods: { dataSetId: string; period: string }[] }[];
      indicators: { id: string }[];
      servicePoints: { id: string }[];
      responsibilities: { id: string }[];
    }[];
  }>(
    `{ framework { actions { id } }
       coordinationBodies { id meetings { id } actionItems { id } decisions { id } }
       obligations { id } crisisCentres { id }
       sectors { dataSets { id periods { dataSetId period } } indicators { id } servicePoints { id } responsibilities { id } } }`,
    {},
    analyst,
  );
  expect(errors).toBeUndefined();
  const ids = [
    ...data!.framework.actions.map((a) => a.id),
    ...data!.coordinationBodies.flatMap((b) => [
      b.id,
      ...b.meetings.map((m) => m.id),
      ...b.actionItems.map((i) => i.id),
      ...b.decisions.map((d) => d.id),
    ]),
    ...data!.obligations.map((o) => o.id),
    ...data!.crisisCentres.map((c) => c.id),
    ...data!.sectors.flatMap((s) => [
      ...s.dataSets.flatMap((d) => [d.id, ...d.periods.map((p) => `${p.dataSetId} ${p.period}`)]),
      ...s.indicators.map((i) => i.id),
      ...s.servicePoints.map((p) => p.id),
      ...s.responsibilities.map((r) => r.id),
    ]),
  ];
  return new Set(ids);
}

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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where `word` stands as a whole token, not inside a longer word or id. */
const asToken = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(word)}(?![\\p{L}\\p{N}_-])`, 'u');

/** What a person meets on the page: its visible text, with every folded part unfolded, and the names given to screen readers. */
async function textOfPage(): Promise<string> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const named = [...document.querySelectorAll('[aria-label], [title], [alt]')].flatMap((e) =>
      ['aria-label', 'title', 'alt'].map((a) => e.getAttribute(a) ?? ''),
    );
    return [document.body.innerText, ...named].join('\n');
  });
}

/** The page's text without what the graph sent as data (but with any enum constant it sent, which a label should have replaced). */
function withoutGraphData(text: string, constants: Set<string>): string {
  const data = [...graphStrings].filter((s) => s.trim().length > 1 && !constants.has(s)).sort((a, b) => b.length - a.length);
  return data.reduce((rest, s) => rest.split(s).join(' '), text);
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
    const [ids, constants] = [await internalIds(), enumConstants()];
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
        const wording = withoutGraphData(text, constants);
        for (const constant of constants) if (asToken(constant).test(wording)) found.push(`${where}: enum ${constant}`);
        if (language === 'fr')
          for (const message of english) if (asToken(message).test(wording)) found.push(`${where}: English “${message}”`);
        if (view === 'compliance') await screenshot(page, `plain-language-${language}-compliance`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
