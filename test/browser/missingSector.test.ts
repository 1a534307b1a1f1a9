/**
 * When one sector's subgraph stops, the dashboard keeps showing everything else and says which
 * sector is missing, never showing its gaps as zeros. Runs the hub in production mode, where
 * the page offers no token and the person signs in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../dashboard/build.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { dashboardUrl, chromiumForTests, openView, screenshot, signIn, type TestBrowser } from './browser.ts';

let hub: TestHub;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [hub, browser] = await Promise.all([
    startTestHub({ mode: 'production', subgraphTimeoutMs: 1000 }),
    chromiumForTests(),
    ensureDashboardBuilt(),
  ]);
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('the dashboard when a sector is down', () => {
  it('asks for a token in production: none comes with the page', async () => {
    const token = await fetch(new URL('/dashboard/token', hub.gateway.url));
    expect(token.status).toBe(404);
    const bundle = await (await fetch(new URL('/dashboard/app.js', hub.gateway.url))).text();
    expect(bundle).not.toMatch(/eyJ[\w-]+\.eyJ/);
    await page.goto(dashboardUrl(hub.gateway.url));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Access token').fill('not-a-token');
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.getByText('Your token was refused or has expired').waitFor();
    await screenshot(page, '0-sign-in');
  });

  it('names the missing sector in a banner and shows every other sector’s figures', async () => {
    await signIn(page, hub.gateway.url, await hub.tokenFor({ role: 'dashboard' }));
    await hub.stopSubgraph('police');
    const { data, errors } = await hub.query(`{ sectors { id delivery { overdue } } }`, {}, { role: 'dashboard' });
    expect(errors?.map((e) => e.extensions?.subgraph)).toEqual(['police']);

    await openView(page, 'Sector health');
    const banner = page.getByTestId('missing-banner');
    expect(await banner.getAttribute('data-subgraphs')).toBe('police');
    expect(await banner.innerText()).toMatch(/Not answering: Police/);
    expect(await page.locator('[data-subgraph=police]').getAttribute('data-answering')).toBe('false');
    expect(await page.locator('[data-subgraph=health]').getAttribute('data-answering')).toBe('true');
    await screenshot(page, '9-sector-missing-health');

    await openView(page, 'Framework status');
    expect(await page.getByTestId('missing-banner').innerText()).toMatch(/Police/);
    expect(await page.locator('tr[data-sector=police]').innerText()).toMatch(/unavailable/);
    for (const sector of data!.sectors.filter((s: { id: string }) => s.id !== 'police')) {
      expect(await page.locator(`tr[data-sector="${sector.id}"] [data-state=OVERDUE]`).innerText()).toBe(String(sector.delivery.overdue));
    }
    await screenshot(page, '9-sector-missing-status');

    await openView(page, 'Services');
    expect(await page.locator('[data-centre="bd-occ-dhaka"] [data-facet="services.facet.police"]').innerText()).toMatch(/unavailable/);
    expect(await page.locator('[data-centre="bd-occ-dhaka"] [data-facet="services.facet.health"]').innerText()).not.toMatch(/unavailable/);
  });

  it('says so when the lead ministry’s own subgraph, which every view starts from, is down', async () => {
    await hub.stopSubgraph('coordination');
    await openView(page, 'Sector health', { ready: false });
    await page.getByTestId('view-failed').waitFor();
    expect(await page.getByTestId('missing-banner').innerText()).toMatch(/Lead ministry \(coordination\)/);
    expect(await page.getByTestId('view-failed').innerText()).toMatch(/coordination/);
    await screenshot(page, '9-coordination-missing');
  });
});
