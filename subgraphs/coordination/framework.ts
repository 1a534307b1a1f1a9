import { NotFoundError } from '../kit/errors.ts';
import type { DayBound } from '../kit/plausibleDates.ts';
import type { CoordinationLoaders } from './loaders.ts';
import type { FrameworkDoc } from './models.ts';

type WithFrameworks = { loaders: Pick<CoordinationLoaders, 'frameworks'> };

/** The framework the coordination store holds (one per country). */
export async function theFramework(ctx: WithFrameworks): Promise<FrameworkDoc> {
  const [framework] = await ctx.loaders.frameworks.load();
  if (!framework) throw new NotFoundError('No framework is loaded in the coordination store');
  return framework;
}

/** The first day of the framework's period: nothing the framework coordinates happened before it. */
export async function frameworkStart(ctx: WithFrameworks): Promise<DayBound> {
  return { day: (await theFramework(ctx)).period.start, what: "the framework's start" };
}
