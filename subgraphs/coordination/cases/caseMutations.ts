import type { Resolvers } from '../generated/resolverTypes.ts';
import { startOfDayUtc } from '../../kit/clock.ts';
import { ForbiddenError, requireOwnSector } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../kit/audit/recordAudit.ts';
import { ConflictError, InvalidInputError } from '../../kit/errors.ts';
import { requiredText } from '../../kit/blankText.ts';
import { notAfter, notBefore, notInFuture, yearsAfter, type DayBound } from '../../kit/plausibleDates.ts';
import { frameworkStart } from '../framework.ts';
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

/** How far before its first report an incident may lie: a survivor may report decades later, not centuries. */
export const INCIDENT_YEARS_BEFORE_REPORT = 100;

const firstReport = (day: Date): DayBound => ({ day, what: 'the day the case was first reported' });

async function registerCase(_: unknown, { input }: { input: RegisterCaseInput }, ctx: CaseContext) {
  const sector = callerSector(ctx, scopes.casesWrite);
  const reported = firstReport(input.firstReportedOn);
  const problems = [
    ...requiredText({ intakePoint: input.intakePoint, district: input.district }),
    ...notInFuture(ctx.clock.now(), { firstReportedOn: input.firstReportedOn, incidentOn: input.incidentOn }),
    ...notBefore(await frameworkStart(ctx), { firstReportedOn: input.firstReportedOn }),
    ...notAfter(reported, { incidentOn: input.incidentOn }),
    ...notBefore(
      {
        day: yearsAfter(input.firstReportedOn, -INCIDENT_YEARS_BEFORE_REPORT),
        what: `${INCIDENT_YEARS_BEFORE_REPORT} years before the case was first reported`,
      },
      { incidentOn: input.incidentOn },
    ),
  ];
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
  const problems = [
    ...notInFuture(ctx.clock.now(), { on: input.on }),
    ...notBefore(firstReport(current.firstReportedOn), { on: input.on }),
  ];
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
