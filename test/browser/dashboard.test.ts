/**
 * The dashboard in a real browser against the whole hub with demo data: each view shows the
 * figures the graph returns for the same question, asked here directly.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { bundleManifestFile, ensureDashboardBuilt } from '../../dashboard/build.ts';
import { dashboardManifest } from '../../dashboard/persistedDocuments.ts';
import { wordsFor } from '../../dashboard/src/i18n/words.ts';
import { complianceReasonFields, type ComplianceReason } from '../../dashboard/src/views/complianceData.ts';
import { reasonInWords } from '../../dashboard/src/views/complianceReasons.ts';
import type { PersistedQueryManifest } from '../../platform/persistedQueryManifest.ts';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
import { chromiumForTests, openView, screenshot, signIn, type TestBrowser } from './browser.ts';

const dashboard = { role: 'dashboard' as const };

let hub: TestHub;
let browser: TestBrowser;
let page: Page;
/** The body of every GraphQL request the dashboard's page sent. */
const sent: Record<string, unknown>[] = [];

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), chromiumForTests(), ensureDashboardBuilt()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') sent.push(request.postDataJSON() as Record<string, unknown>);
  });
  await signIn(page, hub.gateway.url, await hub.tokenFor(dashboard));
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('the dashboard in a browser', () => {
  it('shows each sector’s actions by delivery state and every action, overdue first, as the graph returns them', async () => {
    const { data } = await hub.query(
      `{ framework { actions { id code delivery progressHistory { sequence } } } sectors { id delivery { total onTrack atRisk overdue done notReported } } }`,
      {},
      dashboard,
    );
    await openView(page, 'Framework status');
    for (const sector of data!.sectors) {
      const row = page.locator(`[data-testid=delivery-by-sector] tr[data-sector="${sector.id}"]`);
      expect(await row.locator('[data-state=OVERDUE]').innerText()).toBe(String(sector.delivery.overdue));
      expect(await row.locator('[data-state=ON_TRACK]').innerText()).toBe(String(sector.delivery.onTrack));
      expect(await row.locator('[data-state=total]').innerText()).toBe(String(sector.delivery.total));
    }
    const shown = await page
      .locator('[data-testid=actions] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(shown.sort()).toEqual(data!.framework.actions.map((a: { id: string }) => a.id).sort());
    const deliveries = await page
      .locator('[data-testid=actions] tbody td[data-delivery]')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-delivery')));
    const overdue = data!.framework.actions.filter((a: { delivery: string }) => a.delivery === 'OVERDUE').length;
    expect(overdue).toBeGreaterThan(0);
    expect(deliveries.slice(0, overdue)).toEqual(Array(overdue).fill('OVERDUE'));
    await screenshot(page, '1-framework-status');
  });

  it('drills into an action’s progress history from the keyboard', async () => {
    const { data } = await hub.query(`{ action(id: "bd-a1-3") { code progressHistory { sequence status note } } }`, {}, dashboard);
    const action = data!.action;
    const button = page.getByRole('button', { name: `Progress history of ${action.code}` });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('progress-history');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('history-title');
    const sequences = await panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-sequence'))));
    expect(sequences).toEqual(action.progressHistory.map((r: { sequence: number }) => r.sequence).sort((a: number, b: number) => b - a));
    expect(await panel.innerText()).toContain(action.progressHistory[0].note);
    await screenshot(page, '2-progress-history');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('shows crisis centres with every sector’s facets and service points by district and kind', async () => {
    const { data } = await hub.query(
      `{ crisisCentres { id medicalCare { doctorsOnDuty } shelter { beds } } sectors { servicePoints { id district kind } } }`,
      {},
      dashboard,
    );
    await openView(page, 'Services');
    const centres = await page
      .locator('[data-testid=crisis-centres] [data-centre]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-centre')));
    expect(centres.sort()).toEqual(data!.crisisCentres.map((c: { id: string }) => c.id).sort());
    const dhaka = data!.crisisCentres.find((c: { id: string }) => c.id === 'bd-occ-dhaka');
    const card = page.locator('[data-centre="bd-occ-dhaka"]');
    expect(await card.locator('[data-facet="services.facet.health"]').innerText()).toContain(String(dhaka.medicalCare.doctorsOnDuty));
    expect(await card.locator('[data-facet="services.facet.shelter"]').innerText()).toContain(String(dhaka.shelter.beds));
    const points = data!.sectors.flatMap((s: { servicePoints: { district: string }[] }) => s.servicePoints);
    for (const district of new Set<string>(points.map((p: { district: string }) => p.district))) {
      const total = points.filter((p: { district: string }) => p.district === district).length;
      expect(await page.locator(`[data-testid=points-matrix] tr[data-district="${district}"] [data-kind=total]`).innerText()).toBe(
        String(total),
      );
    }
    expect(await page.locator('[data-testid=service-points] tbody tr').count()).toBe(points.length);
    // Grouped by district and closed, the page stays a few screens tall (it was 7,700 px with
    // every service point listed), and the district by kind table is not cut off.
    expect(await page.locator('[data-testid=service-points] details[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4500);
    const matrix = page.getByTestId('points-matrix');
    expect(await matrix.evaluate((table) => table.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
    await screenshot(page, '3-services');
    await page.getByLabel('District', { exact: true }).selectOption('Dhaka');
    expect(await page.locator('[data-testid=service-points] tbody tr').count()).toBe(
      points.filter((p: { district: string }) => p.district === 'Dhaka').length,
    );
    // A filter opens what it leaves: Dhaka's service points are on screen without another click.
    expect(await page.locator('[data-testid=service-points] details[open]').getAttribute('data-district')).toBe('Dhaka');
    expect(await page.locator('[data-testid=service-points] tbody tr').first().isVisible()).toBe(true);
    await screenshot(page, '3b-services-dhaka');
  });

  it("shows a dashboard token each body's standing: cadence, and whether it is overdue", async () => {
    const { data } = await hub.query(`{ coordinationBodies { id name cadence { interval unit } meetingOverdue } }`, {}, dashboard);
    await openView(page, 'Coordination bodies');
    await page.getByTestId('overdue-count').waitFor();
    const overdue = data!.coordinationBodies.filter((b: { meetingOverdue: boolean }) => b.meetingOverdue).length;
    expect(await page.getByTestId('overdue-count').innerText()).toContain(`${overdue} of ${data!.coordinationBodies.length}`);
    for (const body of data!.coordinationBodies) {
      const card = page.locator(`[data-body="${body.id}"]`);
      expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe(body.name);
      const { interval, unit } = body.cadence as { interval: number; unit: string };
      const every = interval === 1 ? `Every ${unit.toLowerCase()}` : `Every ${interval} ${unit.toLowerCase()}s`;
      expect(await card.locator('[data-field=cadence]').innerText()).toBe(every);
    }
  });

  it('shows an analyst each body’s last and next meeting, overdue bodies first, attendance by sector and open action items', async () => {
    const { data } = await hub.query(
      `{ coordinationBodies { id lastMetOn nextMeetingDue meetingOverdue daysOverdue attendanceRates { sector { id } expected attended } actionItems(openOnly: true) { id } } }`,
      {},
      analyst,
    );
    const analystPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(analystPage, hub.gateway.url, await hub.tokenFor(analyst));
      await openView(analystPage, 'Coordination bodies');
      const bodies = data!.coordinationBodies as {
        id: string;
        lastMetOn: string | null;
        meetingOverdue: boolean;
        daysOverdue: number;
        attendanceRates: { sector: { id: string }; expected: number; attended: number }[];
        actionItems: { id: string }[];
      }[];
      const overdue = bodies.filter((b) => b.meetingOverdue);
      expect(overdue.length).toBeGreaterThan(0);
      expect(await analystPage.getByTestId('overdue-count').innerText()).toContain(`${overdue.length} of ${bodies.length}`);
      const order = await analystPage.locator('[data-body]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-body')));
      expect(order.slice(0, overdue.length).sort()).toEqual(overdue.map((b) => b.id).sort());
      for (const body of bodies) {
        const card = analystPage.locator(`[data-body="${body.id}"]`);
        expect(await card.getAttribute('data-overdue')).toBe(String(body.meetingOverdue));
        for (const rate of body.attendanceRates) {
          expect(await card.locator(`[data-testid=attendance] tr[data-sector="${rate.sector.id}"] [data-field=attended]`).innerText()).toBe(
            `${rate.attended} / ${rate.expected}`,
          );
        }
        expect(await card.locator('[data-testid=action-items] tbody tr').count()).toBe(body.actionItems.length);
      }
      await screenshot(analystPage, '4-bodies');
    } finally {
      await analystPage.close();
    }
  });

  it('shows the compliance scoreboard, failing organs of state first, with every reason in words', async () => {
    const { data } = await hub.query<{ sectors: { id: string; compliance: { status: string; reasons: ComplianceReason[] } }[] }>(
      `{ sectors { id compliance { status reasons { ${complianceReasonFields} } } } }`,
      {},
      dashboard,
    );
    await openView(page, 'Compliance');
    const rows = await page
      .locator('[data-testid=compliance] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-sector'), tr.getAttribute('data-status')]));
    const rank = ['FAILING', 'AT_RISK', 'MEETING_OBLIGATIONS'];
    expect(rows.map(([, status]) => rank.indexOf(status!))).toEqual([...rows.map(([, status]) => rank.indexOf(status!))].sort());
    const english = wordsFor('en');
    const shown = new Set<string>();
    for (const sector of data!.sectors) {
      const row = page.locator(`[data-testid=compliance] tr[data-sector="${sector.id}"]`);
      expect(await row.getAttribute('data-status')).toBe(sector.compliance.status);
      expect(await row.locator('li[data-rule]').count()).toBe(sector.compliance.reasons.length);
      // Each reason as the dashboard words it: its rule, what it leads to, and the actions and reports by name, never by id.
      for (const reason of sector.compliance.reasons) {
        const status = english.t(`complianceStatus.${reason.status}`);
        expect(await row.locator(`li[data-rule=${reason.rule}]`).innerText()).toBe(
          `${english.t(`rule.${reason.rule}`)} ${english.t('reason.leadsTo', { status })} ${reasonInWords(english, reason)}`,
        );
        shown.add(reason.rule);
      }
    }
    // Not vacuous: the demo has actions and reports named, and a sector silent for weeks.
    expect([...shown]).toEqual(expect.arrayContaining(['ACTIONS_OVERDUE', 'REPORTS_MISSING', 'REPORTS_LATE', 'NO_RECENT_UPDATE']));
    await screenshot(page, '5-compliance');
  });

  it('charts each indicator’s values by period against its baseline and target', async () => {
    const { data } = await hub.query(
      `{ sectors { id reporting { completeness } indicators { id baseline { value } target { value } values(last: 12) { period value } } } }`,
      {},
      dashboard,
    );
    await openView(page, 'Indicators');
    const indicators = data!.sectors.flatMap((s: { indicators: unknown[] }) => s.indicators) as {
      id: string;
      values: { period: string; value: number }[];
    }[];
    expect(await page.locator('[data-indicator]').count()).toBe(indicators.length);
    expect(await page.locator('[data-indicator] canvas').count()).toBe(indicators.filter((i) => i.values.length > 0).length);
    const sample = indicators.find((i) => i.values.length > 0)!;
    const card = page.locator(`[data-indicator="${sample.id}"]`);
    await card.locator('summary').click();
    const shown = await card
      .locator('[data-testid=indicator-values] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-period')));
    expect(shown).toEqual(sample.values.map((v) => v.period).sort());
    await screenshot(page, '6-indicators');
  });

  it('shows the referral funnel and time to service, withheld counts as suppressed and never as zero', async () => {
    const year = new Date().getFullYear();
    const { data } = await hub.query(
      `query($year: Int!) { pathwayAggregates(year: $year) { justiceFunnel { key count suppressed } timeToService { sectorId reached { count suppressed } } referralOutcomes { rows { key count suppressed } } } }`,
      { year },
      dashboard,
    );
    await openView(page, 'Referral pathway');
    const p = data!.pathwayAggregates;
    const rows = [
      ...p.justiceFunnel.map((r: { key: string }) => [`[data-testid=funnel] tr[data-key="${r.key}"] td`, r]),
      ...p.referralOutcomes.rows.map((r: { key: string }) => [`[data-testid=referral-outcomes] tr[data-key="${r.key}"] td`, r]),
      ...p.timeToService.map((r: { sectorId: string; reached: object }) => [
        `[data-testid=time-to-service] tr[data-sector="${r.sectorId}"] [data-field=reached]`,
        r.reached,
      ]),
    ] as [string, { count: number | null; suppressed: boolean }][];
    for (const [selector, row] of rows) {
      const text = await page.locator(selector).innerText();
      expect(text).toBe(row.suppressed ? 'suppressed' : String(row.count));
    }
    await screenshot(page, '5b-pathway');
  });

  it('says every sector is answering when all are up', async () => {
    const { data } = await hub.query(`{ sectors { id } }`, {}, dashboard);
    await openView(page, 'Sector health');
    const answering = await page
      .locator('[data-testid=sector-health] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-subgraph'), r.getAttribute('data-answering')]));
    expect(answering).toEqual([['coordination', 'true'], ...data!.sectors.map((s: { id: string }) => [s.id, 'true'])]);
    expect(await page.getByTestId('missing-banner').count()).toBe(0);
    await screenshot(page, '7-sector-health');
  });

  it('switches every label to French and back, and tells screen readers the language', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'État du cadre' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('État des secteurs');
    await screenshot(page, '8-french');
    await page.getByLabel('Langue').selectOption('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('fits every view on a tablet held upright, without scrolling sideways', async () => {
    const tablet = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    try {
      await signIn(tablet, hub.gateway.url, await hub.tokenFor(dashboard));
      for (const view of [
        'Framework status',
        'Compliance',
        'Coordination bodies',
        'Services',
        'Referral pathway',
        'Indicators',
        'Sector health',
      ]) {
        await openView(tablet, view);
        const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, view).toBeLessThanOrEqual(0);
      }
      await openView(tablet, 'Framework status');
      await screenshot(tablet, 'tablet-framework-status');
    } finally {
      await tablet.close();
    }
  });

  it('moves the keyboard focus to the heading of the view that opens', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Services' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('view-ready').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Services');
  });

  it('sent every operation of its sources by the id its manifest registers, and no text', async () => {
    const manifest = JSON.parse(fs.readFileSync(bundleManifestFile, 'utf8')) as PersistedQueryManifest;
    expect(manifest).toEqual(await dashboardManifest());
    const ids = manifest.operations.map((operation) => `sha256:${operation.id}`);
    expect(sent.filter((body) => 'query' in body || !ids.includes(body.documentId as string))).toEqual([]);
    // Every view was opened above: each registered operation was sent, and nothing else.
    expect(new Set(sent.map((body) => body.documentId))).toEqual(new Set(ids));
  });
});
