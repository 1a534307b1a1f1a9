import type { Draft } from '../../../kit/repository.ts';
import { sources as organisationSources } from '../../organisations/seed/bangladesh.ts';
import type { SourceDoc } from '../../../kit/provenance.ts';
import type { FrameworkDoc } from '../models.ts';
import { calendarDay as day } from '../../../kit/clock.ts';

/*
 * Bangladesh: the Multi-Sectoral Programme on Violence Against Women, which the Government ran
 * with Denmark's support from 2000 (set up in 1997, as UN Women's account has it) until its
 * project period ended in December 2022, and the project that continues it from July 2025. The
 * national action plan the programme's third phase was to develop is not recorded: the sources
 * checked name it but give neither its title nor its dates.
 */

const background = {
  ...organisationSources.background,
  quote:
    'The pilot phase of the project took place from May 2000 to December 2003, the first phase from January 2004 to June 2008, the second phase from July 2008 to June 2011 and the third phase from July 2011 to June 2016.',
} satisfies SourceDoc;

const ending: SourceDoc = {
  title: 'Prothom Alo (English), "Women repression prevention programme to continue"',
  url: 'https://en.prothomalo.com/bangladesh/government/ahhqd363wr',
};

const successor: SourceDoc = {
  title: 'Bangladesh Post, "Big drive to protect women and children"',
  url: 'https://bangladeshpost.net/posts/big-drive-to-protect-women-and-children-156360',
};

const laws = [
  { citation: 'Act VIII of 2000', title: 'Prevention of Oppression Against Women and Children Act 2000' },
  { citation: 'Act LVIII of 2010', title: 'Domestic Violence (Prevention and Protection) Act 2010' },
  { citation: 'DNA Act 2014', title: 'Deoxyribonucleic Acid (DNA) Act 2014' },
];
const lawsNote = 'The legal basis is the demo’s list of the laws the programme works under; the source does not list them.';

const country = { code: 'BD', name: 'Bangladesh' };

export const bangladesh: Draft<FrameworkDoc>[] = [
  {
    _id: 'bd-msp-vaw',
    title: 'Multi-Sectoral Programme on Violence Against Women',
    country,
    leadOrganisationId: 'bd-mowca',
    legalBasis: laws,
    period: { start: day('2000-05-01'), end: day('2022-12-31') },
    status: 'SUPERSEDED',
    source: background,
    addedForDemo: `The period runs from the pilot phase to the end of the project period in December 2022, which Prothom Alo reports. ${lawsNote}`,
    events: [
      {
        kind: 'ADOPTED',
        on: day('1997-01-01'),
        description: 'Set up by the Government of Bangladesh with support from Danida.',
        source: {
          ...organisationSources.unWomen,
          quote: 'was set up in 1997 by the government of Bangladesh with support from the Danish International Development Agency',
        },
        addedForDemo:
          'The source gives the year only; the demo dates it 1 January 1997. The programme’s own site dates its pilot phase from May 2000.',
      },
      {
        kind: 'SUPERSEDED',
        on: day('2025-07-01'),
        description:
          'Continued by the project to strengthen integrated services, run by the ministry through the Department of Women Affairs.',
        supersededById: 'bd-vawc-integrated-services',
        source: {
          ...successor,
          quote:
            'This project, implemented by Ministry of Women and Children Affairs (MoWCA) through the Department of Women Affairs, is a logical continuation of the ‘Multi-Sectoral Programme on Violence against Women, which was initiated in 2000.',
        },
        addedForDemo:
          'The programme’s project period ended in December 2022 (Prothom Alo, 2022); the demo marks it superseded on the first day of its successor’s period.',
      },
    ],
    fundingLines: [
      {
        id: 'danida',
        funderId: 'bd-danida',
        purpose: 'Support to the programme, run jointly with the Government of Bangladesh.',
        amount: null,
        currency: null,
        period: { start: day('2000-05-01'), end: day('2021-06-30') },
        actionIds: [],
        source: {
          ...ending,
          quote:
            'Since 2000, the project had been operating under the joint venture of Bangladesh and Denmark’s government agency, Danish International Development Agency (DANIDA).',
        },
        addedForDemo:
          'The source gives no amount. It says DANIDA "moved away from the project after June last year" in an article on the project ending in December 2022; the demo reads that as June 2021.',
      },
      {
        id: 'phase-4',
        funderId: 'bd-mowca',
        purpose: 'The total budget allocation of the programme’s fourth phase.',
        amount: 1_319_359_000,
        currency: 'BDT',
        period: { start: day('2016-07-01'), end: day('2022-12-31') },
        actionIds: [],
        source: { ...ending, quote: 'The total budget allocation in this phase is around Tk 1.32 billion (1,319,359,000).' },
        addedForDemo:
          'The source does not say who paid which part of the allocation (Danida’s support ended in June 2021); the demo records it under the ministry whose project it is. The phase ran from July 2016, after the third phase, to the project’s end in December 2022.',
      },
    ],
  },
  {
    _id: 'bd-vawc-integrated-services',
    title:
      'Strengthening Integrated Services to Prevent and Remedy Violence against Women and Children and Activities of the Quick Response Team',
    country,
    leadOrganisationId: 'bd-mowca',
    legalBasis: laws,
    period: { start: day('2025-07-01'), end: day('2029-12-31') },
    status: 'ADOPTED',
    source: {
      ...successor,
      quote:
        'the initiation of the Tk 309.39 crore project “Strengthening Integrated Services to Prevent and Remedy Violence against Women and Children and Activities of the Quick Response Team” to be executed from July 2025 to December 2029',
    },
    addedForDemo: `The source names the project and its period, not its objectives or actions: those the demo lists under it are the demo’s. ${lawsNote}`,
    events: [
      {
        kind: 'ADOPTED',
        on: day('2025-07-01'),
        description: 'Taken up by the Ministry of Women and Children Affairs, after the programme it continues.',
        source: {
          title: 'Prothom Alo (English), report of 15 January 2026 on the staff of the women repression prevention project',
          url: 'https://en.prothomalo.com/bangladesh/c4tahc1yix',
          quote: 'Although a new project has been taken up in the same format after the previous project ended',
        },
        addedForDemo:
          'The sources give the period of execution, not the day of approval; the demo dates the adoption to the first day of the period.',
      },
    ],
    fundingLines: [
      {
        id: 'project-budget',
        funderId: 'bd-mowca',
        purpose: 'The project’s budget.',
        amount: 3_093_900_000,
        currency: 'BDT',
        period: { start: day('2025-07-01'), end: day('2029-12-31') },
        actionIds: ['bd-a2-1', 'bd-a2-4'],
        source: { ...successor, quote: 'the Tk 309.39 crore project' },
        addedForDemo:
          'Tk 309.39 crore is Tk 3,093,900,000. The source does not say who pays; the demo records it under the ministry that runs the project, and links it to two crisis-centre actions of the demo, which the source does not list.',
      },
    ],
  },
];
