import type { Draft } from '../../../kit/repository.ts';
import type { SourceDoc } from '../../../kit/provenance.ts';
import type { FrameworkDoc } from '../models.ts';
import { calendarDay as day } from '../../../kit/clock.ts';

/*
 * England and Wales: the Inter-Ministerial Group's plan, "A Call to End Violence against Women
 * and Girls" (HM Government, November 2010, with its action plan of March 2011, updated each
 * year to 2014), and the strategies that replaced it in turn: 2016–2020 (refreshed in 2019), the
 * Tackling Violence Against Women and Girls Strategy of July 2021, and "Freedom from Violence and
 * Abuse" of December 2025, which is in force.
 */

const progressReport: SourceDoc = {
  title: 'HM Government, Call to end violence against women and girls: progress report 2010 to 2015',
  url: 'https://gov.uk/government/publications/call-to-end-violence-against-women-and-girls-progress-report-2010-to-2015',
};
const strategy2016: SourceDoc = {
  title: 'HM Government, Ending violence against women and girls strategy: 2016 to 2020 (accessible version)',
  url: 'https://www.gov.uk/government/publications/strategy-to-end-violence-against-women-and-girls-2016-to-2020/ending-violence-against-women-and-girls-strategy-2016-to-2020-accessible-version',
};
const launch2021: SourceDoc = {
  title: 'Home Office, "Tackling violence against women and girls strategy launched", 21 July 2021',
  url: 'https://www.gov.uk/government/news/tackling-violence-against-women-and-girls-strategy-launched',
};
const dueToLaunch2021: SourceDoc = {
  title: 'Rape Crisis England & Wales, "Government due to launch Tackling Violence Against Women & Girls Strategy"',
  url: 'https://rapecrisis.org.uk/news/government-due-to-launch-tackling-violence-against-women-girls-strategy/',
};
const launch2025: SourceDoc = {
  title: 'Healthwatch Camden, "Ground breaking changes to protect children from misogyny and abuse"',
  url: 'https://www.healthwatchcamden.co.uk/news/ground-breaking-changes-to-protect-children-from-misogyny-and-abuse',
};

const monthOnly = 'The source gives the month only; the demo dates it to the 1st.';
const noDepartment =
  'The source does not say which department pays; the demo records it under the strategy’s lead department, the Home Office.';

const country = { code: 'GB-EAW', name: 'England and Wales' };
const sexualOffencesAct = { citation: '2003 c. 42', title: 'Sexual Offences Act 2003' };
const domesticAbuseAct = { citation: '2021 c. 17', title: 'Domestic Abuse Act 2021' };
const lead = 'ew-home-office';

export const englandWales: Draft<FrameworkDoc>[] = [
  {
    _id: 'ew-call-to-end-vawg',
    title: 'A Call to End Violence against Women and Girls',
    country,
    leadOrganisationId: lead,
    legalBasis: [sexualOffencesAct],
    period: { start: day('2010-11-01'), end: day('2016-02-29') },
    status: 'SUPERSEDED',
    source: { ...progressReport, quote: 'In November 2010, we set out our strategy to achieve this ambitious vision.' },
    addedForDemo:
      'The source gives the month; the period runs from 1 November 2010 to the end of the month before the 2016 strategy replaced it.',
    events: [
      {
        kind: 'PUBLISHED',
        on: day('2010-11-01'),
        description: 'HM Government sets out its strategy to end violence against women and girls.',
        source: { ...progressReport, quote: 'In November 2010, we set out our strategy to achieve this ambitious vision.' },
        addedForDemo: monthOnly,
      },
      {
        kind: 'PUBLISHED',
        on: day('2011-03-08'),
        description: 'The action plan is published, on International Women’s Day.',
        source: {
          ...progressReport,
          quote:
            'To support the strategy, detailed action plans have been published on International Women’s Day every year from 2011 to 2014.',
        },
      },
      {
        kind: 'REVIEWED',
        on: day('2012-03-08'),
        description: 'The action plan is updated with a new chapter of 100 actions.',
        source: {
          title: 'Home Office, Action plan (archived page)',
          url: 'https://webarchive.nationalarchives.gov.uk/20130326124032/http:/www.homeoffice.gov.uk/crime/violence-against-women-girls/strategic-vision/',
          quote:
            'On 8 March 2012 the government launched an updated action plan to tackle all aspects of violence against women and girls.',
        },
      },
      {
        kind: 'SUPERSEDED',
        on: day('2016-03-01'),
        description: 'Replaced by the Ending Violence against Women and Girls Strategy 2016–2020.',
        supersededById: 'ew-vawg-strategy-2016',
        source: {
          ...strategy2016,
          section: 'Ministerial foreword by the Home Secretary',
          quote: 'In 2010, we first published Our Call to End Violence against Women and Girls.',
        },
        addedForDemo: 'The new strategy is dated March 2016; the demo dates the replacement to 1 March.',
      },
    ],
    fundingLines: [
      {
        id: 'specialist-services',
        funderId: lead,
        purpose: 'Core funding for specialist domestic and sexual violence services.',
        amount: null,
        currency: null,
        period: null,
        actionIds: [],
        source: {
          title: 'HM Government, A Call to End Violence against Women and Girls: Action Plan 2014',
          section: 'Ministerial foreword by the Home Secretary',
          url: 'https://docplayer.net/342716-a-call-to-end-violence-against-women-and-girls-action-plan-2014.html',
          quote: 'we have continued our core funding of nearly 40 million to support specialist domestic and sexual violence services',
        },
        addedForDemo:
          'The source says "nearly 40 million" (pounds) without the exact amount or the years it covers; the demo leaves both out rather than round them. It records the funding under the Home Office, whose Secretary of State writes the foreword.',
      },
    ],
  },
  {
    _id: 'ew-vawg-strategy-2016',
    title: 'Ending Violence against Women and Girls Strategy 2016–2020',
    country,
    leadOrganisationId: lead,
    legalBasis: [sexualOffencesAct],
    period: { start: day('2016-03-01'), end: day('2020-12-31') },
    status: 'SUPERSEDED',
    source: strategy2016,
    addedForDemo:
      'The strategy is dated March 2016 and named for 2016 to 2020; the demo runs its period from 1 March 2016 to the end of 2020.',
    events: [
      {
        kind: 'PUBLISHED',
        on: day('2016-03-01'),
        description: 'HM Government publishes the strategy.',
        source: strategy2016,
        addedForDemo: monthOnly,
      },
      {
        kind: 'REVIEWED',
        on: day('2019-03-01'),
        description: 'The strategy is refreshed.',
        source: {
          title: 'HM Government, Ending violence against women and girls strategy refresh: 2016 to 2020 (March 2019) (accessible version)',
          url: 'https://www.gov.uk/government/publications/strategy-to-end-violence-against-women-and-girls-2016-to-2020/ending-violence-against-women-and-girls-strategy-refresh-2016-to-2020-march-2019-accessible-version',
        },
        addedForDemo: monthOnly,
      },
      {
        kind: 'SUPERSEDED',
        on: day('2021-07-21'),
        description: 'Followed by the Tackling Violence Against Women and Girls Strategy.',
        supersededById: 'ew-vawg-strategy',
        source: {
          title: 'Birkbeck, University of London, "Tackling violence against women and girls strategy – July 2021"',
          url: 'https://shame.bbk.ac.uk/resources/tackling-violence-against-women-and-girls-strategy-july-2021/',
          quote:
            'The Government’s Tackling Violence Against Women and Girls Strategy follows the Government’s previous 2010, 2016 and 2019 Strategies',
        },
      },
    ],
    fundingLines: [
      {
        id: 'frontline',
        funderId: lead,
        purpose: 'Refuge accommodation, helplines, Rape Crisis centres and specialist services for Black and minority ethnic victims.',
        amount: 80_000_000,
        currency: 'GBP',
        period: { start: day('2016-03-01'), end: day('2020-12-31') },
        actionIds: [],
        source: {
          title: 'Equation, "Government launch new strategy to end violence against women and girls"',
          url: 'https://equation.org.uk/government-launch-new-strategy-to-end-violence-against-women-and-girls',
          quote: 'with £80m specifically budgeted for frontline work',
        },
        addedForDemo: `${noDepartment} The period is the strategy’s.`,
      },
    ],
  },
  {
    _id: 'ew-vawg-strategy',
    title: 'Tackling Violence Against Women and Girls Strategy',
    country,
    leadOrganisationId: lead,
    legalBasis: [domesticAbuseAct, sexualOffencesAct],
    period: { start: day('2021-07-21'), end: day('2025-12-17') },
    status: 'SUPERSEDED',
    source: {
      ...launch2021,
      quote:
        'Home Secretary Priti Patel has today published the government’s new strategy to ensure women and girls are safe everywhere - at home, online and on the streets.',
    },
    addedForDemo: 'The strategy sets no end; the demo ends its period the day before the 2025 strategy replaced it.',
    events: [
      {
        kind: 'PUBLISHED',
        on: day('2021-07-21'),
        description: 'The Home Secretary publishes the strategy.',
        source: {
          ...launch2021,
          quote:
            'Home Secretary Priti Patel has today published the government’s new strategy to ensure women and girls are safe everywhere - at home, online and on the streets.',
        },
      },
      {
        kind: 'SUPERSEDED',
        on: day('2025-12-18'),
        description: 'Replaced by "Freedom from Violence and Abuse", the strategy of December 2025.',
        supersededById: 'ew-vawg-strategy-2025',
        source: { ...launch2025, quote: 'Strategy which launched on 18th December' },
      },
    ],
    fundingLines: [
      {
        id: 'safety-of-women-at-night',
        funderId: lead,
        purpose: 'The Safety of Women at Night Fund: preventing violence against women and girls in public spaces at night.',
        amount: 5_000_000,
        currency: 'GBP',
        period: null,
        actionIds: [],
        source: {
          ...dueToLaunch2021,
          quote: 'A £5 Million ‘Safety of Women at Night’ Fund, in addition to the £25 million Safer Streets Fund Round 3',
        },
        addedForDemo: `${noDepartment} The source gives no period.`,
      },
      {
        id: 'safer-streets-3',
        funderId: lead,
        purpose: 'The Safer Streets Fund, round 3.',
        amount: 25_000_000,
        currency: 'GBP',
        period: null,
        actionIds: [],
        source: {
          ...dueToLaunch2021,
          quote: 'A £5 Million ‘Safety of Women at Night’ Fund, in addition to the £25 million Safer Streets Fund Round 3',
        },
        addedForDemo: `${noDepartment} The source gives no period.`,
      },
    ],
  },
  {
    _id: 'ew-vawg-strategy-2025',
    title: 'Freedom from Violence and Abuse: a cross-government strategy to build a safer society for women and girls',
    country,
    leadOrganisationId: lead,
    legalBasis: [domesticAbuseAct, sexualOffencesAct, { citation: '2024 c. 21', title: 'Victims and Prisoners Act 2024' }],
    period: { start: day('2025-12-18'), end: day('2035-12-17') },
    status: 'ADOPTED',
    source: {
      title: 'Coventry Haven, "UK Government publishes new 10-year strategy on violence against women and girls"',
      url: 'https://www.coventryhaven.co.uk/news/2026/1/5/uk-government-publishes-new-10-year-strategy-on-violence-against-women-and-girls',
      quote:
        'The UK Government has published a new national strategy, Freedom from Violence and Abuse: a cross-government strategy to build a safer society for women and girls (December 2025).',
    },
    addedForDemo:
      'The period is the strategy’s ten-year ambition counted from its launch. The objectives and actions the demo lists under it were written for the four pillars of the 2021 strategy; they are not taken from this one.',
    events: [
      {
        kind: 'PUBLISHED',
        on: day('2025-12-18'),
        description: 'The government launches the strategy, with its action plan.',
        source: { ...launch2025, quote: 'Strategy which launched on 18th December' },
      },
    ],
    fundingLines: [
      {
        id: 'child-victims',
        funderId: lead,
        purpose: 'Support for child victims of sexual abuse.',
        amount: 50_000_000,
        currency: 'GBP',
        period: null,
        actionIds: ['ew-a2-1'],
        source: { ...launch2025, quote: 'There will also be up to £50 million for support for child victims of sexual abuse.' },
        addedForDemo: `The source says "up to" £50 million and gives no period. ${noDepartment} The link to the demo’s action on sexual assault referral centres is the demo’s.`,
      },
    ],
  },
];
