import { ForbiddenError, requireScopes } from '../../../platform/auth/identity.ts';
import type { Scope } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../kit/audit/recordAudit.ts';
import { NotFoundError } from '../../kit/errors.ts';
import type { CaseContext } from './context.ts';
import { engagedStatuses } from './lifecycle.ts';
import type { CaseLoaders } from './loaders.ts';
import type { CaseDoc, ReferralDoc } from './models.ts';

/*
 * The one rule for case-level data: whether a sector may see a case now. It may if it holds the
 * case, or if it was referred the case (the referral pending, accepted, in progress or done) and
 * the survivor's current consent names it, or that referral was made under an audited consent
 * override. A rejected or revoked referral, or withdrawn consent, ends the receiving sector's
 * access at once, without waiting for anyone to revoke anything. Everyone else, the lead
 * ministry included, sees cases only as aggregates.
 *
 * Every path to a case, a referral, a response or a survivor's contact goes through `maySeeCase`:
 * coordination's queries, lists, mutations and entity resolution call it here, and the sector
 * subgraphs ask it through the case-access route (accessRoute.ts) before serving anything of
 * their own about a case. A refusal answers exactly as a case that does not exist would, and is
 * audited.
 */

/** The sectors that may see the case now: the holder and every consented, standing referral's receiver. */
export function engagedSectors(c: CaseDoc, referrals: readonly ReferralDoc[]): Set<string> {
  const standing = referrals.filter(
    (r) => engagedStatuses.includes(r.status) && (c.referralConsent.includes(r.toSector) || Boolean(r.consentOverride)),
  );
  return new Set([c.holdingSector, ...standing.map((r) => r.toSector)]);
}

/** The rule itself. */
export function maySeeCase(sector: string | null, c: CaseDoc, referrals: readonly ReferralDoc[]): boolean {
  return sector !== null && engagedSectors(c, referrals).has(sector);
}

/** The sector a case-level caller acts for; case-level data is only ever read or written for a sector. */
export function callerSector(ctx: CaseContext, ...needed: Scope[]): string {
  requireScopes(ctx.identity, ...needed);
  if (!ctx.identity.sector) {
    throw new ForbiddenError(
      `Case-level data is only for the sectors that hold or were referred a case; the ${ctx.identity.role} role acts for no sector`,
    );
  }
  return ctx.identity.sector;
}

/** Whether the caller may see the case now, with the referrals the rule needs loaded per request. */
export async function callerMaySee(ctx: CaseContext, c: CaseDoc): Promise<boolean> {
  return maySeeCase(ctx.identity.sector, c, await ctx.loaders.referralsByCase.load(c._id));
}

/** Of these case codes, the ones `sector` may see now: two store queries whatever their number. */
export async function visibleAmong(
  loaders: Pick<CaseLoaders, 'caseById' | 'referralsByCase'>,
  sector: string | null,
  caseIds: Iterable<string>,
): Promise<Set<string>> {
  const codes = [...new Set(caseIds)];
  const [cases, referrals] = await Promise.all([loaders.caseById.loadMany(codes), loaders.referralsByCase.loadMany(codes)]);
  const visible = new Set<string>();
  cases.forEach((c, i) => {
    const ofCase = referrals[i];
    if (c && !(c instanceof Error) && Array.isArray(ofCase) && maySeeCase(sector, c, ofCase)) visible.add(c._id);
  });
  return visible;
}

/**
 * Records an attempt to reach a case that is missing or that the caller may not see. Both are
 * recorded alike (same action, same work), so neither the answer nor its timing tells them apart
 * to the caller; the detail tells the auditor which it was.
 */
export function auditRefusal(ctx: CaseContext, action: string, caseId: string, found: boolean) {
  return recordAudit(ctx, {
    action: `${action}.refused`,
    caseIds: [caseId],
    fields: [],
    detail: found ? `the ${ctx.identity.sector ?? 'caller'} sector may not see this case` : 'no case has this code',
  });
}

/** The answer to a case that is missing or out of the caller's sight, in a write: always the same. */
export const noSuchCase = (caseId: string) => new NotFoundError(`No case with code "${caseId}" that your sector may see`);

/**
 * The case, if the caller's sector may see it now; otherwise the refusal is audited and the
 * answer is the one a missing code gets (null, or NOT_FOUND where `orThrow`).
 */
export async function visibleCase(ctx: CaseContext, caseId: string, action: string): Promise<CaseDoc | null> {
  const found = await ctx.loaders.caseById.load(caseId);
  if (found && (await callerMaySee(ctx, found))) return found;
  await auditRefusal(ctx, action, caseId, Boolean(found));
  return null;
}

/** As visibleCase, for writes: a refused or missing case is NOT_FOUND, worded alike. */
export async function requireVisibleCase(ctx: CaseContext, caseId: string, action: string): Promise<CaseDoc> {
  const found = await visibleCase(ctx, caseId, action);
  if (!found) throw noSuchCase(caseId);
  return found;
}
