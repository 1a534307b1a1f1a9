import type { Draft } from '../../../kit/repository.ts';
import type { SourceDoc } from '../../../kit/provenance.ts';
import type { FrameworkDoc } from '../models.ts';
import { calendarDay as day } from '../../../kit/clock.ts';

/*
 * South Africa: the Inter-Sectoral Committee compiles a draft national policy framework (Act 32
 * of 2007, s.65(1)); the Minister adopts it and tables it in Parliament, which s.62(2)(a), as
 * substituted by Act 66 of 2008, required before 31 March 2009; it is published in the Gazette
 * within a month of tabling (s.62(2)(b)) and reviewed within five years of publication and at
 * least every five years after (s.62(2)(c)). The draft was still before Parliament's Portfolio
 * Committee in June 2011; the Department's report for 2013/14 lists the framework's publication.
 * The sources checked give no day for its adoption or tabling, and record no review.
 */

const country = { code: 'ZA', name: 'South Africa' };
const progress2009: SourceDoc = {
  title:
    'Report of the Portfolio Committee on Justice and Constitutional Development on a Progress Report on the National Policy Framework for the Management of Sexual Offences, dated 19 February 2009',
  url: 'https://pmg.org.za/tabled-committee-report/1235',
};
const report2013: SourceDoc = {
  title:
    'Department of Justice and Constitutional Development, Report on the Implementation of the Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007: 01 April 2013 to 31 March 2014',
  section: 'Chapter 10: Legal and Policy Developments',
  url: 'https://docslib.org/doc/9416074/table-of-contents',
  quote: '10.1. Publication of Sexual Offences National Policy Framework',
};
const publicationDay =
  'The report lists the publication among the developments of 1 April 2013 to 31 March 2014; the text checked gives no day or Gazette number, and the demo dates it to 1 April 2013.';

const act = 'Criminal Law (Sexual Offences and Related Matters) Amendment Act';

export const southAfrica: Draft<FrameworkDoc>[] = [
  {
    _id: 'za-npf-draft',
    title: 'Draft National Policy Framework for the Management of Sexual Offence Matters',
    country,
    leadOrganisationId: 'za-doj',
    legalBasis: [
      { citation: 'Act 32 of 2007, s.62', title: `${act}: National Policy Framework` },
      { citation: 'Act 32 of 2007, s.65(1)', title: `${act}: the Committee compiles a draft national policy framework` },
    ],
    period: { start: day('2008-01-01'), end: day('2013-03-31') },
    status: 'SUPERSEDED',
    source: {
      ...progress2009,
      section: '2.1',
      quote:
        'Consultation with various stakeholders took place in early 2008 and by late 2008 the national policy framework took shape and a task team was established comprising the Department, South African Police Services, National Prosecuting Authority, and Departments of Health and Social Development.',
    },
    addedForDemo:
      'A draft covers no period of its own: the demo gives it the years it was in preparation, from early 2008 until the adopted framework’s publication. Its title is the adopted framework’s, marked as the draft.',
    events: [
      {
        kind: 'DRAFTED',
        on: day('2009-02-19'),
        description:
          'The Department reports its progress on the draft to the Portfolio Committee on Justice and Constitutional Development.',
        source: {
          ...progress2009,
          section: '1.3',
          quote:
            'The Department provided the Committee with a progress report on the consultation process and development of the draft national policy framework document.',
        },
      },
      {
        kind: 'DRAFTED',
        on: day('2011-06-20'),
        description: 'The Department briefs the Portfolio Committee on the framework; civil society organisations give their comments.',
        source: {
          title: 'Parliamentary Monitoring Group, "National Policy Framework: Sexual Offences: Departmental briefing", 20 June 2011',
          url: 'https://pmg.org.za/committee-meeting/13090/',
          quote:
            'The Portfolio Committee on Justice and Constitutional Development received a briefing from the Department of Justice and Constitutional Development (the Department) on the National Policy Framework for the Sexual Offences',
        },
      },
      {
        kind: 'SUPERSEDED',
        on: day('2013-04-01'),
        description: 'Adopted and published as the National Policy Framework for the Management of Sexual Offence Matters.',
        supersededById: 'za-npf-sexual-offences',
        source: report2013,
        addedForDemo: `${publicationDay} The draft gives way to the adopted framework no later than that.`,
      },
    ],
    fundingLines: [],
  },
  {
    _id: 'za-npf-sexual-offences',
    title: 'National Policy Framework for the Management of Sexual Offence Matters',
    country,
    leadOrganisationId: 'za-doj',
    legalBasis: [
      { citation: 'Act 32 of 2007, s.62', title: `${act}: National Policy Framework` },
      { citation: 'Act 32 of 2007, s.63', title: `${act}: Inter-sectoral Committee` },
      { citation: 'Act 116 of 1998', title: 'Domestic Violence Act 1998' },
      { citation: 'NSP GBVF 2020–2030', title: 'National Strategic Plan on Gender-Based Violence and Femicide 2020–2030' },
    ],
    period: { start: day('2013-04-01'), end: day('2030-03-31') },
    status: 'ADOPTED',
    source: {
      title: 'Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007',
      section: 's.62(1)',
      url: 'https://source.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/62__national_policy_framework.php',
      quote:
        'The Minister must, after consultation with the cabinet members responsible for safety and security, correctional services, social development and health and the National Director of Public Prosecutions, adopt a national policy framework, relating to all matters dealt with in this Act',
    },
    addedForDemo:
      'The sources checked give no day for the framework’s adoption or its tabling in Parliament (due before 31 March 2009 under s.62(2)(a)), so neither is recorded. The Act sets no end to the framework, which it reviews at least every five years; the demo ends its period with the 2020–2030 National Strategic Plan in its legal basis. The sources record no funding line for it.',
    events: [
      {
        kind: 'PUBLISHED',
        on: day('2013-04-01'),
        description: 'Published in the Government Gazette.',
        source: report2013,
        addedForDemo: publicationDay,
      },
    ],
    fundingLines: [],
  },
];
