/**
 * The compliance scoreboard shows the duties a law sets, in South Africa the Act's duties on the
 * Inter-Sectoral Committee: each with its status as the graph evaluates it, the section cited,
 * the Act's own words and the periods it failed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../dashboard/build.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { chromiumForTests, openView, screenshot, signIn, type TestBrowser } from './browser.ts';

const dashboard = { role: 'dashboard' as const };

let hub: TestHub;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub({ country: 'south-africa' }), chromiumForTests(), ensureDashboardBuilt()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, hub.gateway.url, await hub.tokenFor(dashboard));
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

interface Duty {
  id: string;
  status: string;
  source: { section: string; quote: string };
  assessments: { status: string }[];
}

describe('duties on the compliance scoreboard', () => {
  it('shows every duty with its status, its section, the words of the Act and the periods not met', async () => {
    const { data } = await hub.query(`{ obligations { id status source { section quote } assessments { status } } }`, {}, dashboard);
    const duties = data!.obligations as Duty[];
    expect(duties.length, 'South Africa has duties in its demo data').toBeGreaterThan(0);
    await openView(page, 'Compliance');
    const rows = page.locator('[data-testid=duties] tbody tr');
    expect(await rows.count()).toBe(duties.length);
    for (const duty of duties) {
      const row = page.locator(`[data-testid=duties] tr[data-obligation="${duty.id}"]`);
      expect(await row.getAttribute('data-status')).toBe(duty.status);
      const text = await row.innerText();
      expect(text).toContain(duty.source.section);
      expect(text).toContain(duty.source.quote);
      const failed = duty.assessments.filter((a) => a.status === 'NOT_MET').length;
      const periods = (await row.locator('td').last().innerText()).split('; ').filter((p) => p !== '—');
      expect(periods).toHaveLength(failed);
    }
    expect(
      duties.map((d) => d.status),
      'the demo has a report never sent',
    ).toContain('NOT_MET');
    expect(await rows.first().getAttribute('data-status'), 'not met first').toBe('NOT_MET');
    await screenshot(page, 'compliance-duties');
  });
});
