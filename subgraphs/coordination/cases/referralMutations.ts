import type { Resolvers } from '../generated/resolverTypes.ts';
import { addDays, startOfDayUtc } from '../../kit/clock.ts';
import { ForbiddenError, requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../kit/audit/recordAudit.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '../../kit/errors.ts';
import { auditRefusal, callerSector, callerMaySee, requireVisibleCase } from './access.ts';
import { optionalText, requiredText } from '../../kit/blankText.ts';
import { notAfter, notBefore } from '../../kit/plausibleDates.ts';
import type { CaseContext } from './context.ts';
import { openStatuses, refuseTransition, type Party } from './lifecycle.ts';
import type { ReferralStatus } from './models.ts';

/*
 * Hand-offs between sectors. A referral needs the survivor's recorded consent for the receiving
 * sector; without it, only a caller holding `consent:override` may refer, giving a reason, and
 * the override is written to the audit log as an entry of its own. Status changes follow the
 * lifecycle (lifecycle.ts) and apply only to the version the caller read, so of two sectors
 * changing one referral at once, one succeeds and the other is told to read again.
 */

/**
 * The latest follow-up day a referral may set. Past its follow-up day a referral still awaiting
 * its service is escalated; a day months away would keep a survivor waiting unnoticed.
 */
export const FOLLOW_UP_MAX_DAYS = 90;

interface ReferCaseInput {
  caseId: string;
  toSectorId: string;
  reason: string;
  followUpBy: Date;
  consentOverrideReason?: string | null;
}

async function referCase(_: unknown, { input }: { input: ReferCaseInput }, ctx: CaseContext) {
  const from = callerSector(ctx, scopes.casesWrite);
  const found = await requireVisibleCase(ctx, input.caseId, 'referral.create');

  const today = startOfDayUtc(ctx.clock.now());
  const problems: FieldProblem[] = [];
  const to = await ctx.loaders.sectorById.load(input.toSectorId);
  if (!to) problems.push({ field: 'toSectorId', problem: `names no registered sector (got "${input.toSectorId}")` });
  if (input.toSectorId === from) problems.push({ field: 'toSectorId', problem: 'must be another sector than the sending one' });
  problems.push(
    ...requiredText({ reason: input.reason }),
    ...optionalText({ consentOverrideReason: input.consentOverrideReason }),
    ...notBefore({ day: today, what: 'the day the referral is made' }, { followUpBy: input.followUpBy }),
    ...notAfter(
      { day: addDays(today, FOLLOW_UP_MAX_DAYS), what: `${FOLLOW_UP_MAX_DAYS} days from the day the referral is made` },
      { followUpBy: input.followUpBy },
    ),
  );
  const consented = found.referralConsent.includes(input.toSectorId);
  const override = input.consentOverrideReason?.trim() || null;
  if (consented && input.consentOverrideReason != null) {
    problems.push({ field: 'consentOverrideReason', problem: 'must not be given: the survivor consented to this referral' });
  }
  if (problems.length > 0) throw new InvalidInputError('referral', problems);

  if (!consented) {
    if (!override) {
      throw new ForbiddenError(
        `The survivor has not consented to referral to the ${input.toSectorId} sector; record her consent first, ` +
          'or, with the consent:override permission, give consentOverrideReason',
        { reason: 'CONSENT_REQUIRED', caseId: found._id, sector: input.toSectorId },
      );
    }
    requireScopes(ctx.identity, scopes.consentOverride);
  }

  const earlier = await ctx.repos.referrals.find({ caseId: found._id, toSector: input.toSectorId });
  const open = earlier.find((r) => openStatuses.includes(r.status));
  if (open)
    throw new ConflictError(
      `Case ${found._id} already has an open referral to the ${input.toSectorId} sector (${open._id}, ${open.status})`,
    );

  const now = ctx.clock.now();
  // The id counts earlier referrals to the same sector, so two simultaneous identical referrals
  // draw the same id and the store refuses the second.
  const referral = await ctx.repos.referrals.insert({
    _id: `${found._id}/${input.toSectorId}/${earlier.length + 1}`,
    caseId: found._id,
    fromSector: from,
    toSector: input.toSectorId,
    reason: input.reason,
    status: 'PENDING',
    statusReason: null,
    followUpBy: input.followUpBy,
    consentOverride: override ? { reason: override, by: ctx.identity.subject, at: now } : null,
    history: [{ status: 'PENDING', at: now, by: ctx.identity.subject, sector: from, reason: null }],
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(ctx, { action: 'referral.create', caseIds: [found._id], fields: Object.keys(input) });
  if (override) {
    await recordAudit(ctx, {
      action: 'consent.override',
      caseIds: [found._id],
      fields: ['referralConsent'],
      detail: `Referred to ${input.toSectorId} without consent (${referral._id}): ${override}`,
    });
  }
  return referral;
}

interface ReferralStatusInput {
  referralId: string;
  expectedVersion: number;
  status: ReferralStatus;
  reason?: string | null;
}

async function updateReferralStatus(_: unknown, { input }: { input: ReferralStatusInput }, ctx: CaseContext) {
  const sector = callerSector(ctx, scopes.casesWrite);
  const current = await ctx.repos.referrals.findById(input.referralId);
  // A referral of a case the caller may not see (withdrawn consent included) answers as a missing one.
  const ofCase = current ? await ctx.loaders.caseById.load(current.caseId) : null;
  if (!current || !ofCase || !(await callerMaySee(ctx, ofCase))) {
    await auditRefusal(ctx, 'referral.status', current?.caseId ?? input.referralId.split('/')[0]!, Boolean(ofCase));
    throw new NotFoundError(`No referral with id "${input.referralId}" that your sector may see`);
  }
  const party: Party | null = sector === current.toSector ? 'receiver' : sector === current.fromSector ? 'sender' : null;
  if (!party) {
    throw new ForbiddenError(
      `Only the sending (${current.fromSector}) or receiving (${current.toSector}) sector may change referral ${current._id}`,
    );
  }
  if (current.version !== input.expectedVersion) {
    throw new ConflictError(
      `The referral "${current._id}" was changed by someone else (now version ${current.version}, status ${current.status}; ` +
        `you wrote against version ${input.expectedVersion}); read it again and reapply your change`,
    );
  }
  const blank = optionalText({ reason: input.reason });
  if (blank.length > 0) throw new InvalidInputError('referral status change', blank);
  const refusal = refuseTransition(current.status, input.status, party, input.reason);
  if (refusal?.kind === 'party') throw new ForbiddenError(refusal.message);
  if (refusal)
    throw new InvalidInputError('referral status change', [
      { field: refusal.kind === 'step' ? 'status' : 'reason', problem: refusal.message },
    ]);

  const now = ctx.clock.now();
  const reason = input.reason?.trim() || null;
  const { version, ...rest } = current;
  const updated = await ctx.repos.referrals.replace(
    {
      ...rest,
      status: input.status,
      statusReason: reason ?? rest.statusReason ?? null,
      history: [...rest.history, { status: input.status, at: now, by: ctx.identity.subject, sector, reason }],
      updatedAt: now,
    },
    input.expectedVersion,
  );
  await recordAudit(ctx, {
    action: 'referral.status',
    caseIds: [current.caseId],
    fields: ['status', ...(reason ? ['statusReason'] : [])],
    detail: `${current.status} -> ${input.status}`,
  });
  return updated;
}

export const referralMutationResolvers: Resolvers<CaseContext> = {
  Mutation: { referCase, updateReferralStatus },
};
