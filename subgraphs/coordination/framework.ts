import { NotFoundError } from '../kit/errors.ts';
import type { DayBound } from '../kit/plausibleDates.ts';
import { chainOf, currentOf } from './frameworks/lifecycle.ts';
import type { CoordinationLoaders } from './loaders.ts';
import type { FrameworkDoc } from './models.ts';

type WithFrameworks = { loaders: Pick<CoordinationLoaders, 'frameworks'> };

/**
 * The country's current framework: the one in force (adopted, not superseded). The objectives,
 * actions and bodies the hub holds belong to it.
 */
export async function theFramework(ctx: WithFrameworks): Promise<FrameworkDoc> {
  const current = currentOf(await ctx.loaders.frameworks.load());
  if (!current) throw new NotFoundError('No framework in force is recorded in the coordination store (none is adopted and not superseded)');
  return current;
}

/**
 * The first day of the first framework the current one follows on from (through the frameworks it
 * superseded): the bodies and services the hub records served that line of frameworks, so nothing
 * they coordinate happened before it.
 */
export async function frameworkStart(ctx: WithFrameworks): Promise<DayBound> {
  const frameworks = await ctx.loaders.frameworks.load();
  const current = await theFramework(ctx);
  const first = chainOf(frameworks, current).reduce((a, b) => (b.period.start < a.period.start ? b : a));
  return { day: first.period.start, what: "the framework's start" };
}
