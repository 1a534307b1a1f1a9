import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import type { BodyReportDoc, ObligationDoc } from './models.ts';
import { calendarDay as day } from '../../kit/clock.ts';

/*
 * The duties the sources set, quoted from them, and the demo's reports on meetings. Only South
 * Africa's Act sets duties the hub can check: Bangladesh's programme documents and England and
 * Wales' strategy, as the demo cites them, set no meeting or reporting duty, so they have none.
 * The quotations are from the Act as published in the Government Gazette No. 30599 of
 * 14 December 2007 (s.64) and as s.62(2) was substituted by s.38 of Act 66 of 2008.
 */

const act = 'Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007';
const gazettePage39 = 'http://en.wikisource.org/wiki/Page:Criminal_Law_(Sexual_Offences_and_Related_Matters)_Amendment_Act_2007.pdf/39';
const section62 =
  'https://source.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/62__national_policy_framework.php';
const assessedFromNote =
  'The Act has bound the Committee since 2007; the demo assesses from 1 January 2025, when its recorded meetings begin.';

const southAfrica: Draft<ObligationDoc>[] = [
  {
    _id: 'za-isc-s64-1',
    holderId: 'za-isc',
    holderKind: 'BODY',
    duty: 'MEET',
    summary: 'The Committee meets at least twice every year.',
    rule: { kind: 'AT_LEAST_N_PER_PERIOD', times: 2, period: { count: 1, unit: 'YEAR' } },
    assessedFrom: day('2025-01-01'),
    order: 0,
    source: {
      title: act,
      section: 's.64(1)',
      quote:
        'The Committee shall meet at least twice every year and meetings shall be held at a time and place determined by the chairperson.',
      url: gazettePage39,
    },
    addedForDemo: assessedFromNote,
  },
  {
    _id: 'za-isc-s64-3',
    holderId: 'za-isc',
    holderKind: 'BODY',
    duty: 'REPORT_ON_MEETING',
    owedToId: 'za-doj',
    summary: 'The Committee reports in writing to the Minister on every meeting, within one month of it.',
    rule: { kind: 'WITHIN_PERIOD_OF_EVENT', period: { count: 1, unit: 'MONTH' } },
    assessedFrom: day('2025-01-01'),
    order: 1,
    source: {
      title: act,
      section: 's.64(3)',
      quote: 'The Committee shall report in writing on every meeting to the Minister within one month of such meeting.',
      url: gazettePage39,
    },
    addedForDemo: `${assessedFromNote} The Act's Minister is the Minister for Justice; reports are recorded as sent to that Minister's department.`,
  },
  {
    _id: 'za-doj-s62-2c',
    holderId: 'za-doj',
    holderKind: 'ORGANISATION',
    duty: 'REVIEW_FRAMEWORK',
    summary: 'The Minister reviews the national policy framework within five years of its publication and at least every five years after.',
    frameworkId: 'za-npf-sexual-offences',
    rule: { kind: 'EVERY_N_YEARS', period: { count: 5, unit: 'YEAR' } },
    assessedFrom: day('2025-01-01'),
    order: 2,
    source: {
      title: act,
      section: 's.62(2)(c), as substituted by s.38 of Act 66 of 2008',
      quote:
        'review the policy framework within five years after its publication in the Gazette and at least once every five years thereafter',
      url: section62,
    },
    addedForDemo:
      "The subsection's opening words are not quoted; the duty is the Minister's (s.62(1)), recorded as the Department of Justice and Constitutional Development's. Its periods run from the framework's recorded publication; the demo assesses those ending from 1 January 2025 on, and records no review because the sources checked mention none.",
  },
];

/** Said of every demo report: the meetings are the demo's, so are the reports on them. */
export const demoReportNote =
  "A report drawn for the demo on one of the demo's meetings; its date is chosen so that s.64(3) finds one on time, one late and one meeting never reported.";

/** Reports on the Committee's meetings: one on time, one late, one never sent, so s.64(3) has something to find. */
const southAfricaReports: { meeting: string; sentOn: string }[] = [
  { meeting: 'za-isc-2025-10-16', sentOn: '2025-11-10' },
  { meeting: 'za-isc-2026-02-19', sentOn: '2026-03-12' },
  { meeting: 'za-isc-2026-05-21', sentOn: '2026-07-02' },
];

export function obligationSeed(country: CountryId): { obligations: Draft<ObligationDoc>[]; bodyReports: Draft<BodyReportDoc>[] } {
  if (country !== 'south-africa') return { obligations: [], bodyReports: [] };
  return {
    obligations: southAfrica,
    bodyReports: southAfricaReports.map(({ meeting, sentOn }) => ({
      _id: `${meeting}-report1`,
      bodyId: 'za-isc',
      meetingId: meeting,
      sentToId: 'za-doj',
      sentOn: day(sentOn),
      ref: `${meeting.toUpperCase()}/REPORT`,
      recordedAt: day(sentOn),
      recordedBy: 'secretariat@lead-ministry',
      addedForDemo: demoReportNote,
    })),
  };
}
