import { sectorIds } from '../../../platform/catalog.ts';
import { ForbiddenError, hasScope, requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { listed, optionalText, requiredText } from '../../kit/blankText.ts';
import { startOfDayUtc } from '../../kit/clock.ts';
import { validateDocument } from '../../kit/documents.ts';
import { InvalidInputError, NotFoundError, type FieldProblem } from '../../kit/errors.ts';
import { after, notAfter, planningBounds, type DayBound } from '../../kit/plausibleDates.ts';
import type { Draft } from '../../kit/repository.ts';
import type { MeetingContext } from './context.ts';
import { decisionDocument, type DecisionDoc, type DecisionStatus } from './models.ts';

/*
 * The decisions a meeting records and the changes in their status. A meeting gives its decisions
 * either as plain text (the input clients have always sent: each is recorded OPEN, with no owner,
 * no due date and nothing linked) or with what following them up needs; never both, so the
 * numbering D1, D2, … is the order of one list.
 */

export interface DecisionInput {
  text: string;
  ownerOrganisationId?: string | null;
  ownerSectorId?: string | null;
  dueDate?: Date | null;
  carriedOutByActionItems?: number[] | null;
  carriedOutByFrameworkActions?: string[] | null;
}

export interface DecisionUpdateInput {
  id: string;
  status: DecisionStatus;
  note?: string | null;
}

/** What a meeting input says of its decisions, in either form. */
export interface MeetingDecisions {
  decisions?: string[] | null;
  decisionsToFollow?: DecisionInput[] | null;
}

/** The decisions of a meeting as one list, and every problem with them. */
export async function checkedDecisions(
  input: MeetingDecisions,
  meeting: { day: DayBound; actionItems: number; now: Date },
  ctx: MeetingContext,
): Promise<{ decisions: DecisionInput[]; problems: FieldProblem[] }> {
  if (input.decisions && input.decisionsToFollow) {
    return {
      decisions: [],
      problems: [{ field: 'decisionsToFollow', problem: 'cannot be given with decisions: give the decisions in one of the two lists' }],
    };
  }
  if (!input.decisionsToFollow) {
    const texts = input.decisions ?? [];
    return { decisions: texts.map((text) => ({ text })), problems: requiredText(listed('decisions', texts)) };
  }
  const decisions = input.decisionsToFollow;
  const [organisations, actions] = await Promise.all([
    ctx.repos.organisations.findByIds([...new Set(decisions.flatMap((d) => d.ownerOrganisationId ?? []))]),
    ctx.repos.actions.findByIds([...new Set(decisions.flatMap((d) => d.carriedOutByFrameworkActions ?? []))]),
  ]);
  const organisationById = new Map(organisations.map((o) => [o._id, o]));
  const knownActions = new Set(actions.map((a) => a._id));
  const horizon = planningBounds(meeting.now).horizon;
  const problems = decisions.flatMap((decision, i): FieldProblem[] => {
    const field = (name: string) => `decisionsToFollow[${i}].${name}`;
    const found: FieldProblem[] = [
      ...requiredText({ [field('text')]: decision.text }),
      ...after(meeting.day, { [field('dueDate')]: decision.dueDate }),
      ...notAfter(horizon, { [field('dueDate')]: decision.dueDate }),
    ];
    const organisation = decision.ownerOrganisationId ? organisationById.get(decision.ownerOrganisationId) : undefined;
    if (decision.ownerOrganisationId && !organisation) {
      found.push({ field: field('ownerOrganisationId'), problem: `names no organisation (got "${decision.ownerOrganisationId}")` });
    }
    const sector = decision.ownerSectorId;
    if (sector && !sectorIds.includes(sector)) {
      found.push({ field: field('ownerSectorId'), problem: `names no sector (got "${sector}"; the sectors are ${sectorIds.join(', ')})` });
    } else if (sector && organisation && !organisation.sectorIds.includes(sector)) {
      const serves = organisation.sectorIds.length > 0 ? `it serves ${organisation.sectorIds.join(', ')}` : 'it serves no sector';
      found.push({ field: field('ownerSectorId'), problem: `is ${sector}, which ${organisation._id} does not serve (${serves})` });
    }
    const items = decision.carriedOutByActionItems ?? [];
    for (const place of items) {
      if (!Number.isInteger(place) || place < 0 || place >= meeting.actionItems) {
        const range =
          meeting.actionItems === 0
            ? 'the meeting assigns none'
            : `the meeting assigns ${meeting.actionItems}, 0 to ${meeting.actionItems - 1}`;
        found.push({ field: field('carriedOutByActionItems'), problem: `names action item ${place}, but ${range}` });
      }
    }
    found.push(...twice(field('carriedOutByActionItems'), items.map(String), 'action item'));
    const linked = decision.carriedOutByFrameworkActions ?? [];
    for (const id of linked.filter((id) => !knownActions.has(id))) {
      found.push({ field: field('carriedOutByFrameworkActions'), problem: `names no framework action (got "${id}")` });
    }
    found.push(...twice(field('carriedOutByFrameworkActions'), linked, 'framework action'));
    return found;
  });
  return { decisions, problems };
}

function twice(field: string, values: readonly string[], what: string): FieldProblem[] {
  const repeated = [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
  return repeated.map((v) => ({ field, problem: `names ${what} ${v} twice` }));
}

/** The decision records of a meeting, validated whole; each is OPEN from the meeting on. */
export async function decisionDrafts(
  meeting: { _id: string; bodyId: string; heldOn: Date },
  decisions: readonly DecisionInput[],
  actionItemIds: readonly string[],
  recorded: { at: Date; by: string },
): Promise<Draft<DecisionDoc>[]> {
  const drafts = decisions.map((decision, i): Draft<DecisionDoc> => ({
    _id: `${meeting._id}-d${i + 1}`,
    meetingId: meeting._id,
    bodyId: meeting.bodyId,
    heldOn: meeting.heldOn,
    position: i + 1,
    code: `D${i + 1}`,
    text: decision.text,
    ownerOrganisationId: decision.ownerOrganisationId ?? null,
    ownerSectorId: decision.ownerSectorId ?? null,
    dueDate: decision.dueDate ? startOfDayUtc(decision.dueDate) : null,
    actionItemIds: (decision.carriedOutByActionItems ?? []).map((place) => actionItemIds[place]!),
    frameworkActionIds: decision.carriedOutByFrameworkActions ?? [],
    status: 'OPEN',
    updates: [{ status: 'OPEN', note: 'Taken at the meeting', at: recorded.at, by: recorded.by }],
  }));
  await Promise.all(
    drafts.map((draft, i) =>
      validateDocument(decisionDocument, { ...draft, version: 1 }).catch((error: unknown) => {
        if (!(error instanceof InvalidInputError)) throw error;
        throw new InvalidInputError(
          'meeting',
          error.problems.map((p) => ({ field: `decisions[${i}].${p.field}`, problem: p.problem })),
        );
      }),
    ),
  );
  return drafts;
}

/**
 * The progress the sector that owns a decision may report, from each status: forward only. Taking
 * a closed decision back up, superseding or dropping one is the body's to decide.
 */
const reportableByOwner: Partial<Record<DecisionStatus, readonly DecisionStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'IMPLEMENTED'],
  IN_PROGRESS: ['IMPLEMENTED'],
};

/**
 * Appends a change of status to a decision. The body's secretariat (meetings:write) may record any
 * status; the sector that owns the decision may report progress on it. The write is conditional
 * on the version read, so two updates at once cannot lose one another.
 */
export async function updateDecision(input: DecisionUpdateInput, ctx: MeetingContext): Promise<DecisionDoc> {
  const secretariat = hasScope(ctx.identity, scopes.meetingsWrite);
  if (!secretariat && !hasScope(ctx.identity, scopes.sectorWrite)) {
    requireScopes(ctx.identity); // no credentials at all: unauthenticated rather than forbidden
    throw new ForbiddenError(`Updating a decision needs ${scopes.meetingsWrite}, or ${scopes.sectorWrite} for the sector that owns it`);
  }
  const found = await ctx.repos.decisions.findById(input.id);
  // A sector may not read decisions (meetings:read): one it does not own is answered as missing,
  // so that updating cannot tell it which decisions exist or who owns them.
  const decision = secretariat || (found && found.ownerSectorId === ctx.identity.sector) ? found : null;
  if (!decision) throw new NotFoundError(`No decision "${input.id}"`);
  if (!secretariat) {
    if (!(reportableByOwner[decision.status] ?? []).includes(input.status)) {
      throw new ForbiddenError(
        `The sector that owns a decision may report progress on it: OPEN to IN_PROGRESS or IMPLEMENTED, IN_PROGRESS to IMPLEMENTED; ${decision._id} is ${decision.status}, and ${decision.status} to ${input.status} is the body's to record, through its secretariat (${scopes.meetingsWrite})`,
      );
    }
  }
  const problems = optionalText({ note: input.note });
  if (input.status === 'UNTRACKED') {
    problems.unshift({
      field: 'status',
      problem: 'must not be UNTRACKED: that status only marks decisions recorded before decisions were followed',
    });
  }
  if (problems.length > 0) throw new InvalidInputError('decision update', problems);
  const { version, ...rest } = decision;
  const update = { status: input.status, note: input.note ?? null, at: ctx.clock.now(), by: ctx.identity.subject };
  return ctx.repos.decisions.replace({ ...rest, status: input.status, updates: [...decision.updates, update] }, version);
}
