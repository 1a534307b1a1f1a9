import type { Resolvers } from '../generated/resolverTypes.ts';
import { startOfDayUtc } from '../../kit/clock.ts';
import { ForbiddenError, requireOwnSector } from '../../kit/auth/identity.ts';
import { scopes } from '../../kit/auth/roles.ts';
import { recordAudit } from '../../kit/audit/recordAudit.ts';
import { ConflictError, InvalidInputError, type FieldProblem } from '../../kit/errors.ts';
import { callerSector, requireVisibleCase } from './access.ts';
import { withNewCaseCode } from './caseCode.ts';
import type { CaseContext } from './context.ts';
import { milestoneSectors, type CaseContext as CaseContextKind, type IncidentType, type MilestoneKind } from './models.ts';

/*
 * Writes to the case registry. Each checks the caller first, validates the whole input (the
 * document schema refuses what this code does not), writes against the version the caller read,
 * and is audited once written.
 */

interface RegisterCaseInput {
  intakePoint: string;
  district: string;
  firstReportedOn: Date;
  incidentOn?: Date | null;
  incidentType: IncidentType;
  contexts: CaseContextKind[];
  referralConsent: string[];
  reportingConsent: boolean;
}

function notInFuture(ctx: CaseContext, fields: Record<string, Date | null | undefined>): FieldProblem[] {
  const today = startOfDayUtc(ctx.clock.now());
  return Object.entries(fields)
    .filter(([, day]) => day && day > today)
    .map(([field, day]) => ({ field, problem: `must not be in the future (got ${day!.toISOString().slice(0, 10)})` }));
}

async function registerCase(_: unknown, { input }: { input: RegisterCaseInput }, ctx: CaseContext) {
  const sector = callerSector(ctx, scopes.casesWrite);
  const problems = notInFuture(ctx, { firstReportedOn: input.firstReportedOn, incidentOn: input.incidentOn });
  if (problems.length > 0) throw new InvalidInputError('case', problems);
  const now = ctx.clock.now();
  const created = await withNewCaseCode(ctx, input.firstReportedOn, (code) =>
    ctx.repos.cases.insert({
      _id: code,
      holdingSector: sector,
      ...input,
      incidentOn: input.incidentOn ?? null,
      consentRecordedOn: startOfDayUtc(now),
      milestones: [],
      createdAt: now,
      updatedAt: now,
    }),
  );
  await recordAudit(ctx, { action: 'case.register', caseIds: [created._id], fields: Object.keys(input) });
  return created;
}

interface CaseConsentInput {
  caseId: string;
  expectedVersion: number;
  referralConsent: string[];
  reportingConsent: boolean;
}

async function updateCaseConsent(_: unknown, { input }: { input: CaseConsentInput }, ctx: CaseContext) {
  callerSector(ctx, scopes.casesWrite);
  const current = await requireVisibleCase(ctx, input.caseId, 'case.consent');
  requireOwnSector(ctx.identity, current.holdingSector, scopes.casesWrite);
  const { version, ...rest } = current;
  const now = ctx.clock.now();
  const updated = await ctx.repos.cases.replace(
    {
      ...rest,
      referralConsent: input.referralConsent,
      reportingConsent: input.reportingConsent,
      consentRecordedOn: startOfDayUtc(now),
      updatedAt: now,
    },
    input.expectedVersion,
  );
  await recordAudit(ctx, { action: 'case.consent', caseIds: [updated._id], fields: ['referralConsent', 'reportingConsent'] });
  return updated;
}

interface CaseMilestoneInput {
  caseId: string;
  expectedVersion: number;
  kind: MilestoneKind;
  on: Date;
}

async function recordCaseMilestone(_: unknown, { input }: { input: CaseMilestoneInput }, ctx: CaseContext) {
  const sector = callerSector(ctx, scopes.casesWrite);
  const owner = milestoneSectors[input.kind];
  if (owner !== sector)
    throw new ForbiddenError(`Only the ${owner} sector reports ${input.kind}; the caller acts for the ${sector} sector`);
  const current = await requireVisibleCase(ctx, input.caseId, 'case.milestone');
  const problems = notInFuture(ctx, { on: input.on });
  if (input.on < current.firstReportedOn) {
    problems.push({
      field: 'on',
      problem: `must not be before the case was first reported (${current.firstReportedOn.toISOString().slice(0, 10)})`,
    });
  }
  if (problems.length > 0) throw new InvalidInputError('case milestone', problems);
  const already = current.milestones.find((m) => m.kind === input.kind);
  if (already)
    throw new ConflictError(`${input.kind} is already recorded for case ${current._id}, on ${already.on.toISOString().slice(0, 10)}`);
  const { version, ...rest } = current;
  const updated = await ctx.repos.cases.replace(
    { ...rest, milestones: [...rest.milestones, { kind: input.kind, on: input.on }], updatedAt: ctx.clock.now() },
    input.expectedVersion,
  );
  await recordAudit(ctx, { action: 'case.milestone', caseIds: [updated._id], fields: [`milestones.${input.kind}`] });
  return updated;
}

export const caseMutationResolvers: Resolvers<CaseContext> = {
  Mutation: { registerCase, updateCaseConsent, recordCaseMilestone },
};
