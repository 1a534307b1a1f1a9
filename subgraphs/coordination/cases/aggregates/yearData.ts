import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CaseRepositories } from '../context.ts';
import type { CaseDoc, ReferralDoc } from '../models.ts';

/** What counting a case needs of it (pathwayCells.ts `shareOf`): read with only these fields. */
export const countedCaseFields = [
  'reportingConsent',
  'firstReportedOn',
  'incidentType',
  'district',
  'holdingSector',
  'milestones',
] as const;
export type CountedCase = Pick<CaseDoc, '_id' | (typeof countedCaseFields)[number]>;

/** What counting a referral needs of it. */
export const countedReferralFields = ['caseId', 'status', 'toSector', 'followUpBy'] as const;
export type CountedReferral = Pick<ReferralDoc, '_id' | (typeof countedReferralFields)[number]>;

/**
 * One year of consenting cases (one indexed query on reportingConsent and firstReportedOn) and
 * their referrals (one indexed query on their case codes). A case counts in the year of its first
 * report and its referrals count with it, whatever year its code carries: the code keeps the year
 * the case was registered under when its first report is corrected into another year.
 */
export async function readYear(
  repos: Pick<CaseRepositories, 'cases' | 'referrals'>,
  year: number,
): Promise<{ cases: CaseDoc[]; referrals: ReferralDoc[] }> {
  const cases = await repos.cases.find({
    reportingConsent: true,
    firstReportedOn: { $gte: new Date(Date.UTC(year, 0, 1)), $lt: new Date(Date.UTC(year + 1, 0, 1)) },
  });
  const referrals = cases.length === 0 ? [] : await repos.referrals.find({ caseId: { $in: cases.map((c) => c._id) } });
  return { cases, referrals };
}

/** One slice of a year: some of its counted cases, with only the fields counting needs, and their referrals. */
export interface YearSlice {
  cases: CountedCase[];
  referrals: CountedReferral[];
}

/**
 * The year's consenting cases and their referrals, with only the fields counting needs
 * (`countedCaseFields`, `countedReferralFields`, projected in the store), a slice at a time: the
 * cases first reported on `daysPerSlice` days (one indexed range query on first report), then
 * their referrals (one indexed query on their case codes). The caller counts a slice and lets
 * it go before the next is read, and other work gets a turn after each query: the embedded store
 * runs each query in one stretch on the process's only thread, so what holds up a request
 * arriving meanwhile is one slice, whatever the size of the registry, and no year is ever held
 * whole in memory twice. A day is also the cheapest slice: the copies of a week's or a month's
 * outlive the young generation of the heap, and reading the year so took twice the CPU (at
 * 100,000 cases, about 1.1 s against 0.55 s, most of the difference garbage collection).
 */
export async function* yearInSlices(
  repos: Pick<CaseRepositories, 'cases' | 'referrals'>,
  year: number,
  daysPerSlice = 1,
): AsyncGenerator<YearSlice> {
  const end = Date.UTC(year + 1, 0, 1);
  for (let from = Date.UTC(year, 0, 1); from < end; from += daysPerSlice * dayMs) {
    const reported = { $gte: new Date(from), $lt: new Date(Math.min(end, from + daysPerSlice * dayMs)) };
    // By first report alone: the embedded store then walks that index's range, where adding the
    // consent would make it take every consenting case as a candidate.
    const cases = (await repos.cases.findFields({ firstReportedOn: reported }, countedCaseFields)).filter((c) => c.reportingConsent);
    await nextTurn();
    if (cases.length === 0) continue;
    // Every counted case's referrals, as readYear has them: by case code, whatever year it carries.
    const codes = cases.map((c) => c._id);
    const referrals = await repos.referrals.findFields({ caseId: { $in: codes } }, countedReferralFields);
    await nextTurn();
    yield { cases, referrals };
  }
}

/** What readYear returns (with only the fields counting needs), read in slices (yearInSlices). */
export async function readYearInSlices(
  repos: Pick<CaseRepositories, 'cases' | 'referrals'>,
  year: number,
  daysPerSlice?: number,
): Promise<YearSlice> {
  const whole: YearSlice = { cases: [], referrals: [] };
  for await (const { cases, referrals } of yearInSlices(repos, year, daysPerSlice)) {
    whole.cases.push(...cases);
    whole.referrals.push(...referrals);
  }
  return whole;
}

const dayMs = 86_400_000;
