import { ConflictError } from '../../kit/errors.ts';
import { theFramework } from '../framework.ts';
import type { CaseContext } from './context.ts';

/**
 * Case codes are `CASE-<country>-<year of first report>-<six digits>`, numbered in order within a
 * country and year: meaningful to the staff who quote them, and nothing about the survivor.
 */
export async function caseCodePrefix(ctx: Pick<CaseContext, 'loaders'>, year: number): Promise<string> {
  const framework = await theFramework(ctx);
  return `CASE-${framework.country.code.split('-').pop()!}-${year}-`;
}

/** The store filter for every case code of a country and year: codes sort by year, then number. */
export const codesWithPrefix = (prefix: string) => ({ $gte: prefix, $lt: `${prefix}~` });

export async function nextCaseCode(ctx: CaseContext, firstReportedOn: Date): Promise<string> {
  const prefix = await caseCodePrefix(ctx, firstReportedOn.getUTCFullYear());
  const [last] = await ctx.repos.cases.find({ _id: codesWithPrefix(prefix) }, { sort: { _id: -1 }, limit: 1 });
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
