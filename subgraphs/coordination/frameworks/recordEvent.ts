import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { optionalText, requiredText } from '../../kit/blankText.ts';
import { startOfDayUtc } from '../../kit/clock.ts';
import { InvalidInputError, type FieldProblem } from '../../kit/errors.ts';
import { isoDay, notBefore, notInFuture, PLANNING_HORIZON_YEARS, yearsAfter } from '../../kit/plausibleDates.ts';
import type { SourceDoc } from '../../kit/provenance.ts';
import { inForce, statusAfter, transitions } from './lifecycle.ts';
import type { FrameworkDoc, FrameworkEventDoc, FrameworkEventKind } from './models.ts';
import type { FrameworkContext } from './resolvers.ts';

export interface FrameworkEventInput {
  frameworkId: string;
  kind: FrameworkEventKind;
  on: Date;
  description: string;
  supersededById?: string | null;
  source?: SourceDoc | null;
}

/** What is wrong with naming `id` as the framework that took `framework`'s place. */
function successorProblems(frameworks: readonly FrameworkDoc[], framework: FrameworkDoc | undefined, input: FrameworkEventInput) {
  const field = 'supersededById';
  if (input.kind !== 'SUPERSEDED') {
    return input.supersededById ? [{ field, problem: `is only for a SUPERSEDED event (got ${input.kind})` }] : [];
  }
  if (!input.supersededById)
    return [{ field, problem: 'is required for a SUPERSEDED event: name the framework in force that took its place' }];
  const successor = frameworks.find((f) => f._id === input.supersededById);
  if (!successor) return [{ field, problem: `names no recorded framework ("${input.supersededById}")` }];
  if (successor._id === framework?._id) return [{ field, problem: 'must name another framework, not the one superseded' }];
  if (!inForce(successor)) return [{ field, problem: `must name a framework in force ("${successor._id}" is ${successor.status})` }];
  return [];
}

/**
 * Records an event in a framework's life and the status it leaves, in one versioned write of the
 * framework. Every problem with the input is reported at once and nothing is stored; a framework
 * changed by someone else since it was read is refused as a conflict rather than overwritten.
 */
export async function recordFrameworkEvent(input: FrameworkEventInput, ctx: FrameworkContext): Promise<FrameworkDoc> {
  requireScopes(ctx.identity, scopes.frameworkWrite);
  const now = ctx.clock.now();
  const on = startOfDayUtc(input.on);
  const frameworks = await ctx.repos.frameworks.find({});
  const framework = frameworks.find((f) => f._id === input.frameworkId);
  const problems: FieldProblem[] = [
    ...notInFuture(now, { on }),
    ...requiredText({ description: input.description }),
    ...(input.source
      ? [
          ...requiredText({ 'source.title': input.source.title }),
          ...optionalText({ 'source.section': input.source.section, 'source.quote': input.source.quote, 'source.url': input.source.url }),
        ]
      : []),
    ...successorProblems(frameworks, framework, input),
  ];
  let status = framework?.status;
  if (!framework) {
    problems.push({ field: 'frameworkId', problem: `names no recorded framework ("${input.frameworkId}")` });
  } else {
    const next = framework.status ? statusAfter(framework.status, input.kind) : null;
    if (!next) {
      const allowed = transitions[input.kind].from.join(', ');
      problems.push({
        field: 'kind',
        problem: `${input.kind} cannot follow the status ${framework.status ?? 'unknown'} (only ${allowed})`,
      });
    }
    status = next ?? status;
    const last = framework.events?.at(-1);
    // The first event of a framework may come before its period (a draft), but not long before.
    const earliest = last
      ? { day: last.on, what: `the framework's last recorded event (${last.kind} on ${isoDay(last.on)})` }
      : {
          day: yearsAfter(framework.period.start, -PLANNING_HORIZON_YEARS),
          what: `${PLANNING_HORIZON_YEARS} years before the framework's period`,
        };
    problems.push(...notBefore(earliest, { on }));
  }
  if (problems.length > 0 || !framework || !status) throw new InvalidInputError('framework event', problems);

  const event: FrameworkEventDoc = {
    kind: input.kind,
    on,
    description: input.description.trim(),
    supersededById: input.kind === 'SUPERSEDED' ? input.supersededById! : null,
    recordedBy: ctx.identity.subject,
    recordedAt: now,
    source: input.source ?? null,
    addedForDemo: null,
  };
  const { version, ...stored } = framework;
  return ctx.repos.frameworks.replace({ ...stored, status, events: [...(stored.events ?? []), event] }, version);
}
