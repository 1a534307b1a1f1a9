import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
import { auditEntries, officer, referCase, registered, snapshot } from './caseFixtures.ts';

/*
 * Consent and pathway steps on a case, and the case-level listings a sector works from:
 * each write only by the sector entitled to it, whole or not at all, at the version read.
 */

let hub: TestHub;
let caseId: string;
beforeAll(async () => {
  hub = await startTestHub();
  caseId = await registered(hub, 'health');
  await hub.query(referCase, { input: { caseId, toSectorId: 'police', reason: 'Report', followUpBy: '2026-11-30' } }, officer('health'));
});
afterAll(() => hub?.stop());

const version = async (id: string) =>
  (await hub.query(`query($id: ID!) { case(id: $id) { version } }`, { id }, officer('health'))).data!.case.version as number;
const milestone = `mutation($input: CaseMilestoneInput!) { recordCaseMilestone(input: $input) { version milestones { kind sectorId on } } }`;
const consent = `mutation($input: CaseConsentInput!) { updateCaseConsent(input: $input) { version consent { referralSectorIds reporting } } }`;

describe('recording a pathway step', () => {
  it('lets the sector the step belongs to record it on a case it takes part in', async () => {
    const { data, errors } = await hub.query(
      milestone,
      { input: { caseId, expectedVersion: await version(caseId), kind: 'REPORT_REGISTERED', on: '2026-11-21' } },
      officer('police'),
    );
    expect(errors).toBeUndefined();
    expect(data!.recordCaseMilestone.milestones).toEqual([{ kind: 'REPORT_REGISTERED', sectorId: 'police', on: '2026-11-21' }]);
  });

  it('refuses a step of another sector, a sector not on the case and roles acting for no sector', async () => {
    const before = await snapshot(hub, 'coordination', 'cases');
    const v = await version(caseId);
    const notTheirs = await hub.query(
      milestone,
      { input: { caseId, expectedVersion: v, kind: 'CHARGED', on: '2026-11-22' } },
      officer('police'),
    );
    expect(notTheirs.errors![0]!.message).toContain('Only the justice sector reports CHARGED');
    const notOnCase = await hub.query(
      milestone,
      { input: { caseId, expectedVersion: v, kind: 'SCHOOL_SUPPORT_STARTED', on: '2026-11-22' } },
      officer('education'),
    );
    expect(notOnCase.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const lead = await hub.query(milestone, { input: { caseId, expectedVersion: v, kind: 'HEALTH_EXAMINED', on: '2026-11-22' } }, analyst);
    expect(lead.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await snapshot(hub, 'coordination', 'cases')).toBe(before);
  });

  it('refuses a day before the first report or in the future, a step recorded twice, and a stale version', async () => {
    const v = await version(caseId);
    const early = await hub.query(
      milestone,
      { input: { caseId, expectedVersion: v, kind: 'HEALTH_EXAMINED', on: '2026-11-01' } },
      officer('health'),
    );
    expect(early.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(early.errors![0]!.message).toContain('on must not be before the day the case was first reported (2026-11-20; got 2026-11-01)');
    const future = await hub.query(
      milestone,
      { input: { caseId, expectedVersion: v, kind: 'HEALTH_EXAMINED', on: '2026-12-01' } },
      officer('health'),
    );
    expect(future.errors![0]!.message).toContain('on must not be in the future');
    const twice = await hub.query(
      milestone,
      { input: { caseId, expectedVersion: v, kind: 'REPORT_REGISTERED', on: '2026-11-22' } },
      officer('police'),
    );
    expect(twice.errors![0]!.extensions!.code).toBe('CONFLICT');
    const stale = await hub.query(
      milestone,
      { input: { caseId, expectedVersion: v - 1, kind: 'HEALTH_EXAMINED', on: '2026-11-20' } },
      officer('health'),
    );
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});

describe('recording consent anew', () => {
  it('lets only the holding sector change consent, at the version it read', async () => {
    const v = await version(caseId);
    const byPolice = await hub.query(
      consent,
      { input: { caseId, expectedVersion: v, referralConsent: ['police', 'justice'], reportingConsent: true } },
      officer('police'),
    );
    expect(byPolice.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const { data, errors } = await hub.query(
      consent,
      { input: { caseId, expectedVersion: v, referralConsent: ['police', 'justice'], reportingConsent: false } },
      officer('health'),
    );
    expect(errors).toBeUndefined();
    expect(data!.updateCaseConsent).toEqual({ version: v + 1, consent: { referralSectorIds: ['police', 'justice'], reporting: false } });
    const stale = await hub.query(
      consent,
      { input: { caseId, expectedVersion: v, referralConsent: [], reportingConsent: true } },
      officer('health'),
    );
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect((await auditEntries(hub, 'coordination')).filter((e) => e.action === 'case.consent' && e.caseIds.includes(caseId))).toHaveLength(
      1,
    );
  });

  it('closes the case to a sector at once when the survivor withdraws consent for it', async () => {
    const own = await registered(hub, 'health');
    await hub.query(
      referCase,
      { input: { caseId: own, toSectorId: 'police', reason: 'Report', followUpBy: '2026-11-30' } },
      officer('health'),
    );
    const read = () => hub.query(`query($id: ID!) { case(id: $id) { id } }`, { id: own }, officer('police'));
    expect((await read()).data!.case.id).toBe(own);
    const withdrawn = await hub.query(
      consent,
      { input: { caseId: own, expectedVersion: await version(own), referralConsent: ['social-welfare'], reportingConsent: true } },
      officer('health'),
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(await read()).toEqual({ data: { case: null } });
  });

  it('refuses an unknown sector and a sector named twice, whole', async () => {
    const before = await snapshot(hub, 'coordination', 'cases');
    const { errors } = await hub.query(
      consent,
      { input: { caseId, expectedVersion: await version(caseId), referralConsent: ['police', 'police', 'army'], reportingConsent: true } },
      officer('health'),
    );
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/referralConsent/);
    expect(await snapshot(hub, 'coordination', 'cases')).toBe(before);
  });
});

describe('what a sector works from', () => {
  it('lists the escalated referrals a sector sent or received: awaiting service past their follow-up day, most overdue first', async () => {
    const { data, errors } = await hub.query(
      `{ escalatedReferrals(purpose: "weekly follow-up") { id status escalated daysOverdue followUpBy from { id } to { id } case { id } } }`,
      {},
      officer('police'),
    );
    expect(errors).toBeUndefined();
    const list = data!.escalatedReferrals;
    expect(list.length).toBeGreaterThan(0);
    for (const r of list) {
      expect(['PENDING', 'ACCEPTED']).toContain(r.status);
      expect(r.escalated).toBe(true);
      expect(r.daysOverdue).toBeGreaterThan(0);
      expect([r.from.id, r.to.id]).toContain('police');
    }
    const overdue = list.map((r: { daysOverdue: number }) => r.daysOverdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    const entry = (await auditEntries(hub, 'coordination')).findLast((e) => e.action === 'referral.list-escalated');
    expect(entry).toMatchObject({ sector: 'police', purpose: 'weekly follow-up' });
    expect(entry!.caseIds.length).toBe(new Set(list.map((r: { case: { id: string } }) => r.case.id)).size);
  });

  it('lists only the cases a sector holds or was referred, and refuses a silly limit', async () => {
    const { data } = await hub.query(
      `{ cases(limit: 500) { id holdingSector { id } referrals { to { id } status } } }`,
      {},
      officer('justice'),
    );
    expect(data!.cases.length).toBeGreaterThan(0);
    for (const c of data!.cases) {
      const engaged =
        c.holdingSector.id === 'justice' ||
        c.referrals.some(
          (r: { to: { id: string }; status: string }) => r.to.id === 'justice' && !['REJECTED', 'REVOKED'].includes(r.status),
        );
      expect(engaged, c.id).toBe(true);
    }
    const { errors } = await hub.query(`{ cases(limit: 0) { id } }`, {}, officer('justice'));
    expect(errors![0]!.message).toContain('limit must be from 1 to 500');
  });
});
