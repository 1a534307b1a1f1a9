import { describe, expect, it } from 'vitest';
import { countries } from '../../../platform/config.ts';
import { meetingSeed } from '../meetings/seed.ts';
import { seed } from '../seed/index.ts';
import { obligationSeed } from './seed.ts';

/* The demo obligations and reports of every country: each obligation quotes its source, and every reference holds. */

describe.each(countries)('the obligations and reports of %s', (country) => {
  const framework = seed(country);
  const data = obligationSeed(country);
  const bodies = new Set(framework.coordinationBodies.map((b) => b._id));
  const organisations = new Set(framework.organisations.map((o) => o._id));
  const held = meetingSeed(country, framework.coordinationBodies, framework.organisations).meetings;
  const meetings = new Map(held.map((m) => [m._id, m]));

  it('quote the section of the source that sets them', () => {
    for (const obligation of data.obligations) {
      expect(obligation.source?.section, obligation._id).toBeTruthy();
      expect(obligation.source?.quote, obligation._id).toBeTruthy();
    }
  });

  it('are held by, and owed to, bodies and organisations that exist', () => {
    for (const obligation of data.obligations) {
      const holders = obligation.holderKind === 'BODY' ? bodies : organisations;
      expect(holders.has(obligation.holderId), obligation._id).toBe(true);
      if (obligation.owedToId) expect(organisations.has(obligation.owedToId), obligation._id).toBe(true);
    }
  });

  it('report on meetings of the body that sent them, sent no earlier than the meeting', () => {
    for (const report of data.bodyReports) {
      const meeting = meetings.get(report.meetingId);
      expect(meeting, report._id).toBeDefined();
      expect(meeting!.bodyId, report._id).toBe(report.bodyId);
      expect(report.sentOn >= meeting!.heldOn, report._id).toBe(true);
      expect(organisations.has(report.sentToId), report._id).toBe(true);
    }
  });
});

it("South Africa's Committee has its duties under s.64(1) and s.64(3), and the other countries none", () => {
  expect(obligationSeed('south-africa').obligations.map((o) => o.source?.section)).toEqual([
    's.64(1)',
    's.64(3)',
    's.62(2)(c), as substituted by s.38 of Act 66 of 2008',
  ]);
  expect(obligationSeed('bangladesh').obligations).toEqual([]);
  expect(obligationSeed('england-wales').obligations).toEqual([]);
});
