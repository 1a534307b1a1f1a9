import type { ReportingDelay, Resolvers } from '../generated/resolverTypes.ts';
import { referenced } from '../../kit/loaders.ts';
import { daysBetween } from '../../kit/clock.ts';
import { illustrativeFields } from '../../kit/provenance.ts';
import type { CaseContext } from './context.ts';
import { escalation } from './lifecycle.ts';
import { milestoneSectors, type CaseDoc, type ReferralDoc, type ReferralEventDoc } from './models.ts';

/*
 * How a case and a referral read in the graph. Access was checked by the query that reached
 * them (a case is only ever returned to a sector engaged in it), so these resolve fields only.
 */

/** The field's reporting-delay bands; the first 72 hours matter for post-exposure treatment. */
export function reportingDelay(c: Pick<CaseDoc, 'incidentOn' | 'firstReportedOn'>): ReportingDelay | null {
  if (!c.incidentOn) return null;
  const days = daysBetween(c.incidentOn, c.firstReportedOn);
  if (days <= 3) return 'DAYS_0_3';
  if (days <= 5) return 'DAYS_4_5';
  if (days <= 14) return 'DAYS_6_14';
  if (days <= 31) return 'WEEKS_2_TO_MONTH_1';
  return 'OVER_MONTH_1';
}

export const caseFieldResolvers: Resolvers<CaseContext> = {
  SurvivorCase: {
    id: (c: CaseDoc) => c._id,
    holdingSector: (c: CaseDoc, _: unknown, ctx: CaseContext) =>
      referenced(ctx.loaders.sectorById.load(c.holdingSector), `sector "${c.holdingSector}"`),
    reportingDelay,
    consent: (c: CaseDoc) => ({ referralSectorIds: c.referralConsent, reporting: c.reportingConsent, recordedOn: c.consentRecordedOn }),
    milestones: (c: CaseDoc) =>
      [...c.milestones].sort((a, b) => a.on.getTime() - b.on.getTime()).map((m) => ({ ...m, sectorId: milestoneSectors[m.kind] })),
    referrals: (c: CaseDoc, _: unknown, ctx: CaseContext) => ctx.loaders.referralsByCase.load(c._id),
    ...illustrativeFields,
  },
  Referral: {
    id: (r: ReferralDoc) => r._id,
    case: (r: ReferralDoc, _: unknown, ctx: CaseContext) =>
      referenced(ctx.loaders.caseById.load(r.caseId), `case "${r.caseId}" (referral "${r._id}")`),
    from: (r: ReferralDoc, _: unknown, ctx: CaseContext) =>
      referenced(ctx.loaders.sectorById.load(r.fromSector), `sector "${r.fromSector}"`),
    to: (r: ReferralDoc, _: unknown, ctx: CaseContext) => referenced(ctx.loaders.sectorById.load(r.toSector), `sector "${r.toSector}"`),
    escalated: (r: ReferralDoc, _: unknown, ctx: CaseContext) => escalation(r, ctx.clock.now()).escalated,
    daysOverdue: (r: ReferralDoc, _: unknown, ctx: CaseContext) => escalation(r, ctx.clock.now()).daysOverdue,
    ...illustrativeFields,
  },
  ReferralEvent: {
    sectorId: (e: ReferralEventDoc) => e.sector,
  },
};
