import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../dashboard/src/i18n/en.ts';
import { parseCsv } from '../../scripts/report/csv.ts';
import { label } from '../../scripts/report/tables.ts';
import { writeMeetingPack, type WrittenReport } from '../../scripts/report/writeReport.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';
import { codesIn, enumConstants, enumsOfGraph, internalIds } from '../support/plainWords.ts';

/*
 * The meeting pack: one query through the gateway, written as CSV files and a printable page.
 * Every file is checked against separate queries of the graph, not against copied numbers.
 */

let hub: TestHub;
let dir: string;
let report: WrittenReport;
const injected = '=cmd|<script>alert(1)</script> & "escalate", today';

beforeAll(async () => {
  hub = await startTestHub();
  // A meeting of the committee that reports to the Steering Committee, with an item whose text
  // must come out escaped in the page and defused as a formula in the CSV.
  const recorded = await hub.query(
    `mutation($input: MeetingInput!) { recordMeeting(input: $input) { id } }`,
    {
      input: {
        bodyId: 'bd-coordination',
        heldOn: TODAY,
        sectorsPresent: ['health'],
        decisions: [],
        actionItems: [{ sectorId: 'police', text: injected, dueDate: '2026-12-20' }],
      },
    },
    { role: 'committee-member' },
  );
  expect(recorded.errors).toBeUndefined();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crg-pack-'));
  report = await writeMeetingPack((query, variables) => hub.query(query, variables), 'bd-steering', dir);
});
afterAll(async () => {
  await hub?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function csv(name: string): Promise<Record<string, string>[]> {
  const [header, ...rows] = parseCsv(await fs.readFile(path.join(dir, `${name}.csv`), 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

describe('meeting pack', () => {
  it('writes eight CSV files and a printable page', async () => {
    expect(report.files.map((f) => path.basename(f)).sort()).toEqual([
      'action-items.csv',
      'actions.csv',
      'attendance.csv',
      'compliance.csv',
      'indicators.csv',
      'legal-duties.csv',
      'meeting-pack.html',
      'open-decisions.csv',
      'overdue-actions.csv',
    ]);
    expect(report.pack.preparedOn).toBe(TODAY);
  });

  it('has every sector on the compliance sheet as the scoreboard has it', async () => {
    const { data } = await hub.query(`{ sectors { name compliance { status actionsOverdue } reporting { missing late } } }`);
    const rows = await csv('compliance');
    expect(rows.map((r) => r.Sector)).toEqual(data!.sectors.map((s: { name: string }) => s.name));
    for (const [i, s] of data!.sectors.entries()) {
      expect(rows[i]).toMatchObject({
        Status: en[`complianceStatus.${s.compliance.status}` as MessageKey],
        'Actions overdue': String(s.compliance.actionsOverdue),
        Missing: String(s.reporting.missing),
        Late: String(s.reporting.late),
      });
    }
  });

  it('lists every action with its delivery, and exactly the overdue ones as overdue', async () => {
    const { data } = await hub.query(`{ framework { actions { code delivery } } }`);
    const actions = data!.framework.actions as { code: string; delivery: string }[];
    const rows = await csv('actions');
    expect(rows.map((r) => [r.Code, r.Delivery]).sort()).toEqual(
      actions.map((a) => [a.code, en[`delivery.${a.delivery}` as MessageKey]]).sort(),
    );
    const overdue = await csv('overdue-actions');
    expect(overdue.map((r) => r.Code).sort()).toEqual(
      actions
        .filter((a) => a.delivery === 'OVERDUE')
        .map((a) => a.code)
        .sort(),
    );
    expect(overdue.length, 'the demo has overdue actions').toBeGreaterThan(0);
    for (const row of overdue) expect(Number(row['Days overdue'])).toBeGreaterThan(0);
  });

  it('has every indicator with its latest value and status', async () => {
    const { data } = await hub.query(`{ sectors { indicators { code status latest { value } } } }`);
    const indicators = data!.sectors.flatMap((s: { indicators: unknown[] }) => s.indicators);
    const rows = await csv('indicators');
    expect(rows.map((r) => [r.Code, r.Status, Number(r['Latest value'])])).toEqual(
      indicators.map((i: { code: string; status: string; latest: { value: number } }) => [
        i.code,
        en[`indicatorStatus.${i.status}` as MessageKey],
        i.latest.value,
      ]),
    );
  });

  it("carries the open action items of the body and of the bodies reporting to it, and the body's attendance", async () => {
    const { data } = await hub.query(
      `{ coordinationBodies { id reportsTo { id } actionItems(openOnly: true) { id overdue } attendanceRates { sector { name } attended } } }`,
    );
    const open = data!.coordinationBodies
      .filter((b: { id: string; reportsTo: { id: string } | null }) => b.id === 'bd-steering' || b.reportsTo?.id === 'bd-steering')
      .flatMap((b: { actionItems: { id: string; overdue: boolean }[] }) => b.actionItems);
    const rows = await csv('action-items');
    expect(rows.map((r) => [r.Id, r.Overdue]).sort()).toEqual(
      open.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue ? en.yes : en.no]).sort(),
    );
    expect(rows.find((r) => r.Id!.startsWith(`bd-coordination-${TODAY}`))!['Action item']).toBe(`'${injected}`);
    const steering = data!.coordinationBodies.find((b: { id: string }) => b.id === 'bd-steering');
    expect((await csv('attendance')).map((r) => [r.Sector, Number(r['Meetings attended'])])).toEqual(
      steering.attendanceRates.map((r: { sector: { name: string }; attended: number }) => [r.sector.name, r.attended]),
    );
  });

  it('carries the open decisions of the body and of the bodies reporting to it, the most overdue first', async () => {
    const { data } = await hub.query(
      `{ decisions(status: [OPEN, IN_PROGRESS], bodyIds: ["bd-steering", "bd-coordination"]) { id dueDate daysOverdue } }`,
    );
    const open = data!.decisions as { id: string; dueDate: string | null; daysOverdue: number }[];
    const rows = await csv('open-decisions');
    expect(rows.map((r) => [r.Id, r['Due date'], Number(r['Days overdue'])])).toEqual(
      open.map((d) => [d.id, d.dueDate ?? '', d.daysOverdue]),
    );
    expect(rows.filter((r) => Number(r['Days overdue']) > 0).length, 'the demo has open decisions past their date').toBeGreaterThan(0);
  });

  it('prints the same content, escaped, with the body overdue on the cover', async () => {
    const html = await fs.readFile(path.join(dir, 'meeting-pack.html'), 'utf8');
    expect(html).toContain('<h1>Meeting pack: Steering Committee, Multi-Sectoral Programme on Violence Against Women</h1>');
    expect(html).toContain('Overdue by 67 days');
    expect(html).not.toContain('<script>');
    expect(html).toContain('=cmd|&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;escalate&#34;, today');
    for (const row of await csv('overdue-actions')) expect(html).toContain(`<td>${row.Code}</td>`);
    expect(html.match(/<section id=/g)).toHaveLength(8);
  });

  it('prints states and reasons in words, as the dashboard labels them: no enum constant and no internal id of the hub', async () => {
    const html = await fs.readFile(path.join(dir, 'meeting-pack.html'), 'utf8');
    const printed = html.replace(/<[^>]*>/g, ' ');
    const [ids, constants] = [await internalIds(hub), enumConstants()];
    // Not vacuous: the ids the pack keeps to its CSV files, and the states it labels.
    expect(ids).toContain('bd-police-monthly');
    expect(constants).toContain('FAILING');
    expect(codesIn(printed, ids, constants)).toEqual([]);
    expect(html).toContain('<td class="bad">Failing</td>');
    expect(html).toMatch(/Failing: 1 report missing: Sexual and gender-based violence case outcomes, June 2026/);
  });

  it('has a label for every value of each enum it prints, and refuses to print a value with none', () => {
    const labelled = {
      complianceStatus: 'ComplianceStatus',
      status: 'ActionStatus',
      delivery: 'DeliveryState',
      unit: 'IndicatorUnit',
      indicatorStatus: 'IndicatorStatus',
      itemStatus: 'ActionItemStatus',
      decisionStatus: 'DecisionStatus',
      obligationStatus: 'ObligationStatus',
    };
    const enums = enumsOfGraph();
    const missing = Object.entries(labelled).flatMap(([prefix, name]) =>
      enums
        .get(name)!
        .filter((value) => !(`${prefix}.${value}` in en))
        .map((value) => `${prefix}.${value}`),
    );
    expect(missing).toEqual([]);
    expect(label('decisionStatus', 'UNTRACKED')).toBe(en['decisionStatus.UNTRACKED']);
    expect(() => label('decisionStatus', 'POSTPONED')).toThrow('no label "decisionStatus.POSTPONED"');
  });

  it('refuses an unknown body with an error naming it', async () => {
    await expect(writeMeetingPack((q, v) => hub.query(q, v), 'no-such-body', dir)).rejects.toThrow('No coordination body "no-such-body"');
  });

  it('explains its usage when --body is missing', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/report.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--body is required') });
  });
});
