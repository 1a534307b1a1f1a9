import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
import {
  admin,
  auditEntries,
  dashboard,
  newCase,
  officer,
  referCase,
  registerCase,
  registered,
  snapshot,
  updateReferralStatus,
} from './caseFixtures.ts';

/*
 * The case registry and referrals through the gateway: consent, overrides, duplicates, the
 * lifecycle, who may change what, and no lost update when two sectors write at once.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const refer = (caseId: string, toSectorId: string, extra: Record<string, unknown> = {}) => ({
  input: { caseId, toSectorId, reason: 'Survivor asks to report to the police', followUpBy: '2026-11-27', ...extra },
});

describe('registering a case', () => {
  it('assigns a case code and makes the intake sector its holder', async () => {
    const { data, errors } = await hub.query(registerCase, { input: newCase }, officer('health'));
    expect(errors).toBeUndefined();
    expect(data!.registerCase.id).toMatch(/^CASE-BD-2026-\d{6}$/);
    expect(data!.registerCase.holdingSector.id).toBe('health');
  });

  it('refuses a future report and an incident after the report, naming both fields, and stores nothing', async () => {
    const before = await snapshot(hub, 'coordination', 'cases');
    const bad = await hub.query(
      registerCase,
      { input: { ...newCase, firstReportedOn: '2026-12-30', incidentOn: '2027-01-02' } },
      officer('health'),
    );
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toContain('firstReportedOn must not be in the future');
    expect(bad.errors![0]!.message).toContain('incidentOn must not be in the future');
    const unknownSector = await hub.query(registerCase, { input: { ...newCase, referralConsent: ['police', 'army'] } }, officer('health'));
    expect(unknownSector.errors![0]!.message).toMatch(/referralConsent.*army/);
    expect(await snapshot(hub, 'coordination', 'cases')).toBe(before);
  });

  it('refuses roles that act for no sector', async () => {
    for (const caller of [analyst, dashboard]) {
      const { errors } = await hub.query(registerCase, { input: newCase }, caller);
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });
});

describe('who may read a case', () => {
  it('lets the holding sector read it, and not another sector, the analyst or a dashboard', async () => {
    const id = await registered(hub);
    const read = (as: Parameters<TestHub['query']>[2], code = id) =>
      hub.query(`query($id: ID!) { case(id: $id, purpose: "check") { id incidentType } }`, { id: code }, as);
    expect((await read(officer('health'))).data!.case).toEqual({ id, incidentType: 'RAPE' });
    // Another sector is answered exactly as for a code that does not exist, and the attempt is audited.
    const refused = await read(officer('police'));
    expect(refused).toEqual({ data: { case: null } });
    expect(refused).toEqual(await read(officer('police'), 'CASE-BD-2026-999999'));
    const [entry] = await hub.stores.get('coordination')!.collection('auditLog').find({ action: 'case.read.refused', caseIds: id });
    expect(entry).toMatchObject({ sector: 'police', caseIds: [id] });
    for (const caller of [analyst, dashboard]) {
      const { data, errors } = await read(caller);
      expect(data?.case ?? null).toBeNull();
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('opens the case to a sector once it is referred there, and closes it when the referral is revoked', async () => {
    const id = await registered(hub);
    const read = () => hub.query(`query($id: ID!) { case(id: $id) { id } }`, { id }, officer('police'));
    expect((await read()).data!.case).toBeNull();
    const referral = (await hub.query(referCase, refer(id, 'police'), officer('health'))).data!.referCase;
    expect((await read()).data!.case.id).toBe(id);
    const revoked = await hub.query(
      updateReferralStatus,
      { input: { referralId: referral.id, expectedVersion: referral.version, status: 'REVOKED', reason: 'Consent withdrawn' } },
      officer('health'),
    );
    expect(revoked.data!.updateReferralStatus.status).toBe('REVOKED');
    expect(await read()).toEqual({ data: { case: null } });
  });
});

describe('referring a case', () => {
  it('refuses a referral without the survivor’s consent for the receiving sector, storing nothing', async () => {
    const id = await registered(hub);
    const before = await snapshot(hub, 'coordination', 'referrals');
    const { errors } = await hub.query(referCase, refer(id, 'justice'), officer('health'));
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(errors![0]!.message).toContain('has not consented to referral to the justice sector');
    expect(await snapshot(hub, 'coordination', 'referrals')).toBe(before);
  });

  it('lets only a caller with consent:override refer without consent, with a reason, and audits the override', async () => {
    const id = await registered(hub);
    const withoutPermission = await hub.query(
      referCase,
      refer(id, 'justice', { consentOverrideReason: 'Child at risk' }),
      officer('health'),
    );
    expect(withoutPermission.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(withoutPermission.errors![0]!.message).toContain('consent:override');

    const { data, errors } = await hub.query(
      referCase,
      refer(id, 'justice', { consentOverrideReason: 'Child at immediate risk' }),
      admin('health'),
    );
    expect(errors).toBeUndefined();
    expect(data!.referCase.consentOverride).toEqual({ reason: 'Child at immediate risk', by: 'admin@health' });
    const overrides = (await auditEntries(hub, 'coordination')).filter((e) => e.action === 'consent.override' && e.caseIds.includes(id));
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({ subject: 'admin@health', role: 'sector-admin', sector: 'health' });
    expect(overrides[0]!.detail).toContain('Child at immediate risk');
  });

  it('refuses the same referral twice while the first is open', async () => {
    const id = await registered(hub);
    expect((await hub.query(referCase, refer(id, 'police'), officer('health'))).errors).toBeUndefined();
    const again = await hub.query(referCase, refer(id, 'police'), officer('health'));
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(again.errors![0]!.message).toContain('already has an open referral to the police sector');
  });

  it('refuses two identical referrals sent at the same moment: one is stored, the other gets CONFLICT', async () => {
    const id = await registered(hub);
    const results = await Promise.all([1, 2, 3].map(() => hub.query(referCase, refer(id, 'social-welfare'), officer('health'))));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await hub.stores.get('coordination')!.collection('referrals').count({ caseId: id, toSector: 'social-welfare' })).toBe(1);
  });

  it('refuses bad input whole, naming every field, and a sector not engaged in the case', async () => {
    const id = await registered(hub);
    const before = await snapshot(hub, 'coordination', 'referrals');
    const bad = await hub.query(referCase, refer(id, 'health', { reason: ' ', followUpBy: '2026-01-01' }), officer('health'));
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    for (const field of ['toSectorId', 'reason', 'followUpBy']) expect(bad.errors![0]!.message).toContain(field);
    const stranger = await hub.query(referCase, refer(id, 'police'), officer('education'));
    const nonexistent = await hub.query(referCase, refer('CASE-BD-2026-999999', 'police'), officer('education'));
    expect(stranger.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(stranger.errors![0]!.message).toBe(nonexistent.errors![0]!.message.replace('CASE-BD-2026-999999', id));
    expect(await snapshot(hub, 'coordination', 'referrals')).toBe(before);
  });
});

describe('the referral lifecycle', () => {
  async function pendingReferral() {
    const id = await registered(hub);
    return (await hub.query(referCase, refer(id, 'police'), officer('health'))).data!.referCase as { id: string; version: number };
  }
  const move = (r: { id: string }, version: number, status: string, as: ReturnType<typeof officer>, reason?: string) =>
    hub.query(updateReferralStatus, { input: { referralId: r.id, expectedVersion: version, status, reason } }, as);

  it('runs pending → accepted → in progress → done, each step by the receiving sector', async () => {
    const r = await pendingReferral();
    let version = r.version;
    for (const status of ['ACCEPTED', 'IN_PROGRESS', 'DONE']) {
      const { data, errors } = await move(r, version, status, officer('police'));
      expect(errors).toBeUndefined();
      expect(data!.updateReferralStatus.status).toBe(status);
      version = data!.updateReferralStatus.version;
    }
    const closed = await move(r, version, 'REVOKED', officer('health'), 'too late');
    expect(closed.errors![0]!.message).toContain('a DONE referral is closed and cannot change');
  });

  it('says which steps are allowed when one is skipped, and asks a reason to reject', async () => {
    const r = await pendingReferral();
    const skipped = await move(r, r.version, 'DONE', officer('police'));
    expect(skipped.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(skipped.errors![0]!.message).toContain(
      'from PENDING the receiver may move it to ACCEPTED, the receiver may move it to REJECTED, the sender may move it to REVOKED',
    );
    const noReason = await move(r, r.version, 'REJECTED', officer('police'));
    expect(noReason.errors![0]!.message).toContain('needs a reason');
    const rejected = await move(r, r.version, 'REJECTED', officer('police'), 'No female officer available this week');
    expect(rejected.data!.updateReferralStatus).toMatchObject({
      status: 'REJECTED',
      statusReason: 'No female officer available this week',
    });
  });

  it('lets only the sending or receiving sector change a referral, each only its own steps', async () => {
    const r = await pendingReferral();
    const sender = await move(r, r.version, 'ACCEPTED', officer('health'));
    expect(sender.errors![0]!.message).toContain('Only the receiving sector may move a referral from PENDING to ACCEPTED');
    // A sector not on the case learns nothing: the referral reads as one that does not exist.
    const outsider = await move(r, r.version, 'ACCEPTED', officer('justice'));
    expect(outsider.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(outsider.errors![0]!.message).toBe(`No referral with id "${r.id}" that your sector may see`);
    const analystTry = await move(r, r.version, 'ACCEPTED', analyst);
    expect(analystTry.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('never loses an update when both sectors change a referral at once: one applies, the other gets CONFLICT', async () => {
    for (let round = 0; round < 5; round += 1) {
      const r = await pendingReferral();
      const [accept, revoke] = await Promise.all([
        move(r, r.version, 'ACCEPTED', officer('police')),
        move(r, r.version, 'REVOKED', officer('health'), 'Survivor withdrew consent'),
      ]);
      const applied = [accept, revoke].filter((x) => !x.errors);
      const refused = [accept, revoke].filter((x) => x.errors);
      expect(applied).toHaveLength(1);
      expect(refused).toHaveLength(1);
      // A police officer who comes second to a revocation no longer sees the referral at all:
      // the answer for a missing one, as for any case out of sight. Otherwise the loser is told CONFLICT.
      const revokedFirst = applied[0] === revoke;
      expect(revokedFirst ? ['CONFLICT', 'NOT_FOUND'] : ['CONFLICT']).toContain(refused[0]!.errors![0]!.extensions!.code);
      const stored = await hub.stores.get('coordination')!.collection<any>('referrals').find({ _id: r.id });
      expect(stored[0].status).toBe(applied[0]!.data!.updateReferralStatus.status);
      expect(stored[0].history.map((h: { status: string }) => h.status)).toEqual(['PENDING', stored[0].status]);
    }
  });
});
