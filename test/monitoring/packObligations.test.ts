import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../dashboard/src/i18n/en.ts';
import { parseCsv } from '../../scripts/report/csv.ts';
import { writeMeetingPack } from '../../scripts/report/writeReport.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

/*
 * The duties the sources set are on the compliance scoreboard of a meeting: South Africa's
 * committee pack carries the Act's duties with their sections quoted and their status, as the
 * obligations themselves are evaluated.
 */

let hub: TestHub;
let dir: string;

beforeAll(async () => {
  hub = await startTestHub({ country: 'south-africa' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crg-duties-'));
});
afterAll(async () => {
  await hub?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

interface Duty {
  id: string;
  status: string;
  source: { section: string; quote: string };
  assessments: { label: string; status: string; detail: string }[];
}

describe("a meeting pack's duties", () => {
  it("lists the committee's duties and its lead organisation's, each as the obligation is evaluated", async () => {
    const pack = await hub.query(
      `{ meetingPack(bodyId: "za-isc") { obligations { id status source { section quote } } } }`,
      {},
      {
        role: 'committee-member',
      },
    );
    expect(pack.errors).toBeUndefined();
    const { data } = await hub.query(
      `{ committee: obligations(holderId: "za-isc") { id status source { section quote } }
         lead: obligations(holderId: "za-doj") { id status source { section quote } } }`,
      {},
      { role: 'committee-member' },
    );
    const expected = [...data!.committee, ...data!.lead] as Duty[];
    expect(expected.map((d) => d.source.section)).toEqual(
      expect.arrayContaining(['s.64(1)', 's.64(3)', expect.stringContaining('s.62(2)(c)')]),
    );
    expect(pack.data!.meetingPack.obligations).toEqual(expected);
  });

  it('writes them to the pack as a sheet with the section quoted, and the failed periods named', async () => {
    const report = await writeMeetingPack((query, variables) => hub.query(query, variables), 'za-isc', dir);
    const [header, ...rows] = parseCsv(await fs.readFile(path.join(dir, 'legal-duties.csv'), 'utf8'));
    const byColumn = rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
    expect(byColumn.map((r) => [r.Section, r.Status, r.Quoted])).toEqual(
      report.pack.obligations.map((o) => [o.source?.section, en[`obligationStatus.${o.status}` as MessageKey], o.source?.quote]),
    );
    const reporting = report.pack.obligations.find((o) => o.source?.section === 's.64(3)')!;
    const failed = reporting.assessments.filter((a) => a.status === 'NOT_MET');
    expect(failed.length, 'the demo has a report that was late or never sent').toBeGreaterThan(0);
    const row = byColumn.find((r) => r.Section === 's.64(3)')!;
    const day = (d: string) =>
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
    for (const a of failed) {
      expect(row['Not met']).toContain(`${day(a.from)} – ${day(a.until)}`);
      // A report on a meeting is labelled with the meeting's id: the page names its dates instead.
      expect(row['Not met']).not.toContain(a.label);
    }
    const html = await fs.readFile(path.join(dir, 'meeting-pack.html'), 'utf8');
    expect(html).toContain('<section id="legal-duties">');
    expect(html).toContain('The Committee shall report in writing on every meeting to the Minister within one month of such meeting.');
    expect(html).toContain(`led by ${report.pack.framework.leadOrganisation.name}`);
  });
});
