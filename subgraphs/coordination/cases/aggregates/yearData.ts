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
