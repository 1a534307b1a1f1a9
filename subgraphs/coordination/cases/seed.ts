import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import { demoCases, fresh, generatedCaseNote, generatedReferralNote, type DemoCase } from '../../demo-data/casePathways.ts';
import type { CaseDoc, MilestoneKind, ReferralDoc } from './models.ts';

/** Why demo referrals were turned down or withdrawn, in the words case workers use. */
const statusReasons = {
  REJECTED: 'No capacity this week; refer to the next nearest service',
  REVOKED: 'Survivor withdrew her consent',
} as const;

/**
 * The registry's demo data: the synthetic cases and referrals of demo-data/casePathways.ts,
 * as pseudonymous cases with their consent, pathway dates and referrals.
 */
export function caseSeed(country: CountryId): { cases: Draft<CaseDoc>[]; referrals: Draft<ReferralDoc>[] } {
  return registryDrafts(demoCases(country));
}

/** Synthetic cases (demo-data/casePathways.ts) as the registry's case and referral drafts. */
export function registryDrafts(demo: readonly DemoCase[]): { cases: Draft<CaseDoc>[]; referrals: Draft<ReferralDoc>[] } {
  const cases = demo.map((c) => ({
    _id: c.code,
    holdingSector: c.holdingSector,
    intakePoint: c.intakePoint,
    district: c.district,
    firstReportedOn: fresh(c.firstReportedOn)!,
    incidentOn: fresh(c.incidentOn),
    incidentType: c.incidentType,
    contexts: c.contexts as CaseDoc['contexts'],
    referralConsent: [...c.referralConsent],
    reportingConsent: c.reportingConsent,
    consentRecordedOn: fresh(c.firstReportedOn)!,
    milestones: [...c.milestones].map(([kind, on]) => ({ kind: kind as MilestoneKind, on: fresh(on)! })),
    createdAt: fresh(c.firstReportedOn)!,
    updatedAt: fresh(c.firstReportedOn)!,
    addedForDemo: generatedCaseNote,
  }));
  const referrals = demo.flatMap((c) =>
    c.referrals.map((r) => {
      const last = r.steps[r.steps.length - 1]!;
      return {
        _id: `${c.code}/${r.toSector}/1`,
        caseId: c.code,
        fromSector: r.fromSector,
        toSector: r.toSector,
        reason: `Survivor consented to ${r.toSector.replace('-', ' ')} services`,
        status: last.status,
        statusReason: last.status === 'REJECTED' || last.status === 'REVOKED' ? statusReasons[last.status] : null,
        followUpBy: fresh(r.followUpBy)!,
        consentOverride: null,
        history: r.steps.map((s) => {
          const sector = s.status === 'PENDING' || s.status === 'REVOKED' ? r.fromSector : r.toSector;
          const reason = s.status === 'REJECTED' || s.status === 'REVOKED' ? statusReasons[s.status] : null;
          return { status: s.status, at: fresh(s.on)!, by: `officer@${sector}`, sector, reason };
        }),
        createdAt: fresh(r.createdOn)!,
        updatedAt: fresh(last.on)!,
        addedForDemo: generatedReferralNote,
      };
    }),
  );
  return { cases, referrals };
}
