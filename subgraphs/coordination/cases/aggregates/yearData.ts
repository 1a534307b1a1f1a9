import { setImmediate as nextTurn } from 'node:timers/promises';
import { codesWithPrefix } from '../caseCode.ts';
import type { CaseRepositories } from '../context.ts';
import type { CaseDoc, ReferralDoc } from '../models.ts';

/**
 * One year of consenting cases (one indexed query on reportingConsent and firstReportedOn) and
 * their referrals (one range query on the case code, which carries the year).
 */
export async function readYear(
  repos: Pick<CaseRepositories, 'cases' | 'referrals'>,
  codePrefix: string,
  year: number,
): Promise<{ cases: CaseDoc[]; referrals: ReferralDoc[] }> {
  const [cases, referrals] = await Promise.all([
    repos.cases.find({
      reportingConsent: true,
      firstReportedOn: { $gte: new Date(Date.UTC(year, 0, 1)), $lt: new Date(Date.UTC(year + 1, 0, 1)) },
    }),
    repos.referrals.find({ caseId: codesWithPrefix(codePrefix) }),
  ]);
  const counted = new Set(cases.map((c) => c._id));
  return { cases, referrals: referrals.filter((r) => counted.has(r.caseId)) };
}

/**
 * What readYear returns, read in slices with a turn for other work after each: the cases half a
 * month at a time (by first report, one indexed range query), then their referrals five thousand
 * case codes at a time (one range query on the case code). The embedded store does each query in one
 * stretch on the process's only thread, so one query for the year of a large registry would hold
 * up every request arriving meanwhile; the kept pathway aggregates read years this way.
 */
export async function readYearInSlices(
  repos: Pick<CaseRepositories, 'cases' | 'referrals'>,
  codePrefix: string,
  year: number,
  codesPerSlice = 5000,
): Promise<{ cases: CaseDoc[]; referrals: ReferralDoc[] }> {
  // Half months: the 1st and the 16th of each month, and the 1st of January after.
  const bounds = Array.from({ length: 25 }, (_, i) => new Date(Date.UTC(year, Math.floor(i / 2), i % 2 === 0 ? 1 : 16)));
  const cases: CaseDoc[] = [];
  for (let i = 0; i < 24; i++) {
    const reported = { $gte: bounds[i]!, $lt: bounds[i + 1]! };
    for (const c of await repos.cases.find({ firstReportedOn: reported })) if (c.reportingConsent) cases.push(c);
    await nextTurn();
  }
  const counted = new Set(cases.map((c) => c._id));
  const numbered = cases.filter((c) => c._id.startsWith(codePrefix)).map((c) => Number(c._id.slice(codePrefix.length)));
  const highest = numbered.reduce((max, n) => Math.max(max, n), 0);
  const code = (n: number) => `${codePrefix}${String(n).padStart(6, '0')}`;
  const referrals: ReferralDoc[] = [];
  for (let from = 0; from <= highest; from += codesPerSlice) {
    // The last slice runs to the end of the prefix, as readYear's range does.
    const to = from + codesPerSlice > highest ? `${codePrefix}~` : code(from + codesPerSlice);
    for (const r of await repos.referrals.find({ caseId: { $gte: code(from), $lt: to } })) if (counted.has(r.caseId)) referrals.push(r);
    await nextTurn();
  }
  return { cases, referrals };
}
