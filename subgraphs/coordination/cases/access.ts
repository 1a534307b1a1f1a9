import { ForbiddenError, requireScopes } from '../../kit/auth/identity.ts';
import type { Scope } from '../../kit/auth/roles.ts';
import type { CaseContext } from './context.ts';
import { engagedStatuses } from './lifecycle.ts';
import type { CaseDoc, ReferralDoc } from './models.ts';

/*
 * Who may see a case: the sector that holds it, and every sector it was referred to while that
 * referral stands (pending, accepted, in progress or done) and the survivor's consent for that
 * sector stands (or was overridden for that referral). A rejected or revoked referral, or
 * withdrawn consent, ends the receiving sector's access at once, without waiting for anyone to
 * revoke anything. Everyone else, the lead ministry included, sees cases only as aggregates.
 */

export function engagedSectors(c: CaseDoc, referrals: readonly ReferralDoc[]): Set<string> {
  const standing = referrals.filter(
    (r) => engagedStatuses.includes(r.status) && (c.referralConsent.includes(r.toSector) || Boolean(r.consentOverride)),
  );
  return new Set([c.holdingSector, ...standing.map((r) => r.toSector)]);
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

/** Throws unless the caller's sector holds the case or was referred it. */
export async function requireCaseAccess(ctx: CaseContext, c: CaseDoc, ...needed: Scope[]): Promise<string> {
  const sector = callerSector(ctx, ...needed);
  const referrals = await ctx.loaders.referralsByCase.load(c._id);
  if (!engagedSectors(c, referrals).has(sector)) {
    throw new ForbiddenError(`The ${sector} sector neither holds case ${c._id} nor was referred it`, { caseId: c._id });
  }
  return sector;
}
