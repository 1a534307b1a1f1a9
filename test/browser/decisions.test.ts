/**
 * The coordination bodies view shows each body's open decisions to those who may read meetings:
 * in the graph's order (the most overdue first), with the owner, the due date and how late each
 * overdue one is.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../dashboard/build.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { chromiumForTests, openView, screenshot, signIn, type TestBrowser } from './browser.ts';

const member = { role: 'committee-member' as const };

let hub: TestHub;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  // The bodies view asks coordination alone.
  [hub, browser] = await Promise.all([startTestHub({ only: [] }), chromiumForTests(), ensureDashboardBuilt()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, hub.gateway.url, await hub.tokenFor(member));
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

interface Decision {
  id: string;
  text: string;
  overdue: boolean;
  daysOverdue: number;
  ownerOrganisation: { name: string } | null;
}

describe('open decisions on the coordination bodies view', () => {
  it("lists each body's open decisions, the most overdue first, with owner and days overdue", async () => {
    const { data, errors } = await hub.query(
      `{ coordinationBodies { id decisions(status: [OPEN, IN_PROGRESS]) { id text overdue daysOverdue ownerOrganisation { name } } } }`,
      {},
      member,
    );
    expect(errors).toBeUndefined();
    const bodies = data!.coordinationBodies as { id: string; decisions: Decision[] }[];
    expect(bodies.flatMap((b) => b.decisions).filter((d) => d.overdue).length, 'the demo has overdue decisions').toBeGreaterThan(0);
    await openView(page, 'Coordination bodies');
    for (const body of bodies) {
      const card = page.locator(`[data-body="${body.id}"]`);
      const rows = card.locator('[data-testid=open-decisions] tbody tr');
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-decision')))).toEqual(body.decisions.map((d) => d.id));
      for (const decision of body.decisions) {
        const row = card.locator(`tr[data-decision="${decision.id}"]`);
        expect(await row.getAttribute('data-overdue')).toBe(String(decision.overdue));
        const text = await row.innerText();
        expect(text).toContain(decision.text);
        if (decision.ownerOrganisation) expect(text).toContain(decision.ownerOrganisation.name);
        expect(await row.locator('[data-field=due] .pill').count()).toBe(decision.overdue ? 1 : 0);
        if (decision.overdue) expect(await row.locator('[data-field=due] .pill').innerText()).toBe(`${decision.daysOverdue} days overdue`);
      }
    }
    await screenshot(page, 'bodies-open-decisions');
  });

  it('shows a dashboard token each body’s standing without decisions, and says why', async () => {
    const dashboardPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(dashboardPage, hub.gateway.url, await hub.tokenFor({ role: 'dashboard' }));
      await openView(dashboardPage, 'Coordination bodies');
      await dashboardPage.getByTestId('decisions-need-scope').waitFor();
      expect(await dashboardPage.getByTestId('overdue-count').count()).toBe(1);
      expect(await dashboardPage.locator('[data-testid=open-decisions]').count()).toBe(0);
      expect(await dashboardPage.locator('[data-testid=action-items]').count()).toBeGreaterThan(0);
    } finally {
      await dashboardPage.close();
    }
  });
});
