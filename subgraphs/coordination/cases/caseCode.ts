import { ConflictError, NotFoundError } from '../../kit/errors.ts';
import type { CaseContext } from './context.ts';

/**
 * Case codes are `CASE-<country>-<year of first report>-<six digits>`, numbered in order within a
 * country and year: meaningful to the staff who quote them, and nothing about the survivor.
 */
export async function nextCaseCode(ctx: CaseContext, firstReportedOn: Date): Promise<string> {
  const [framework] = await ctx.loaders.frameworks.load();
  if (!framework) throw new NotFoundError('No framework is loaded in the coordination store');
  const country = framework.country.code.split('-').pop()!;
  const prefix = `CASE-${country}-${firstReportedOn.getUTCFullYear()}-`;
  const [last] = await ctx.repos.cases.find({ _id: { $gte: prefix, $lt: `${prefix}~` } }, { sort: { _id: -1 }, limit: 1 });
  const next = last ? Number(last._id.slice(prefix.length)) + 1 : 1;
  if (next > 999_999) throw new ConflictError(`No case codes are left for ${prefix.slice(0, -1)}`);
  return `${prefix}${String(next).padStart(6, '0')}`;
}

/** Runs an insert under a freshly drawn code, again when another writer took the same code first. */
export async function withNewCaseCode<T>(ctx: CaseContext, firstReportedOn: Date, insert: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await insert(await nextCaseCode(ctx, firstReportedOn));
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
    }
  }
}
