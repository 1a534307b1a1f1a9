import type { SeatDoc } from '../organisations/models.ts';
import { districtCommitteeNote, organisations, sources } from '../organisations/seed/bangladesh.ts';
import type { SourceDoc } from '../../kit/provenance.ts';
import type { CoordinationCountrySeed } from './index.ts';

/*
 * Bangladesh: the Multi-Sectoral Programme on Violence Against Women (since 1997), led by the
 * Ministry of Women and Children Affairs. A Steering Committee of the eight ministries and the
 * medical colleges sets policy and monitors; a Coordination Committee co-chaired by Planning and
 * Development and the lead ministry implements. The posts that chair, the cadences and the
 * reporting line between the committees are the demo's, and each record says so. Focal points are
 * invented officials.
 */

const health = 'Ministry of Health and Family Welfare';
const home = 'Ministry of Home Affairs (Bangladesh Police)';
const law = 'Ministry of Law, Justice and Parliamentary Affairs';
const social = 'Ministry of Social Welfare';
const education = 'Ministry of Education';

const steering: SourceDoc = { ...sources.unWomen, section: `${sources.unWomen.section}: the Steering Committee` };
const coordination: SourceDoc = { ...sources.unWomen, section: `${sources.unWomen.section}: the Coordination Committee` };
const objectiveWords = "The source lists the programme's objectives without codes; the code and wording are the demo's.";
const notAnObjective = 'Not among the three programme objectives the source lists; the demo adds it to group the actions.';
const noCadence = 'the programme documents checked give no cadence';
const coChairTitle = "The account checked names the co-chairs by ministry; the post titles are the demo's.";

/** The seven ministries that sit with the lead ministry, as "representatives" in the source's word. */
const eightMinistries = (source: SourceDoc): SeatDoc[] =>
  (
    [
      ['bd-mohfw', 'health'],
      ['bd-moha', 'police'],
      ['bd-molj', 'justice'],
      ['bd-mosw', 'social-welfare'],
      ['bd-moe', 'education'],
      ['bd-moi', null],
      ['bd-mora', null],
    ] as const
  ).map(([organisationId, sectorId]) => ({ title: 'Representative', organisationId, role: 'MEMBER', sectorId, source }));

const whichColleges =
  'The source seats the directors and principals of the medical colleges without naming the colleges; the demo names five whose hospitals host crisis centres.';
const medicalColleges: SeatDoc[] = (
  [
    ['Director', 'bd-dmch'],
    ['Principal', 'bd-dmc'],
    ['Director', 'bd-rmch'],
    ['Director', 'bd-cmch'],
    ['Principal', 'bd-somc'],
  ] as const
).map(([title, organisationId]) => ({ title, organisationId, role: 'MEMBER', source: steering, addedForDemo: whichColleges }));

const secretariat: SeatDoc = {
  title: 'Project Director, Multi-Sectoral Programme on Violence Against Women',
  organisationId: 'bd-mowca',
  role: 'SECRETARIAT',
  source: {
    title: sources.ministries.title,
    url: 'http://mspvaw.manikganjpourashava.gov.bd/index.php?id=181&option=com_content&view=article',
    quote:
      'MoWCA will ensure that regular meetings of the Steering and Coordination Committees are held and the meetings are well prepared and recorded.',
  },
  addedForDemo: "That the programme's Project Director keeps the committees' record is the demo's reading.",
};

export const bangladesh: CoordinationCountrySeed = {
  organisations,
  answersFor: { health: 'bd-hsd', police: 'bd-police', justice: 'bd-molj', 'social-welfare': 'bd-mosw', education: 'bd-moe' },
  actionMark: {
    addedForDemo:
      "An action drawn up for the demo in the spirit of the programme: its wording, due date, lead and supporting sectors and organisations are the demo's, not taken from a programme document.",
  },
  ministries: {
    health: {
      ministry: health,
      organisationId: 'bd-mohfw',
      focalPoint: { name: 'Farhana Kabir', title: 'Joint Secretary (Public Health)', email: 'focal.point@health.example.gov.bd' },
    },
    police: {
      ministry: home,
      organisationId: 'bd-moha',
      focalPoint: { name: 'Md. Tanvir Hossain', title: 'Deputy Secretary (Police Wing)', email: 'focal.point@mha.example.gov.bd' },
    },
    justice: {
      ministry: law,
      organisationId: 'bd-molj',
      focalPoint: {
        name: 'Sharmin Sultana',
        title: 'Deputy Secretary (Law and Justice Division)',
        email: 'focal.point@lawjustice.example.gov.bd',
      },
    },
    'social-welfare': {
      ministry: social,
      organisationId: 'bd-mosw',
      focalPoint: { name: 'Abu Naser Chowdhury', title: 'Joint Secretary (Social Services)', email: 'focal.point@msw.example.gov.bd' },
    },
    education: {
      ministry: education,
      organisationId: 'bd-moe',
      focalPoint: {
        name: 'Rokeya Parvin',
        title: 'Deputy Secretary (Secondary and Higher Education)',
        email: 'focal.point@moedu.example.gov.bd',
      },
    },
  },

  coordinationBodies: [
    {
      _id: 'bd-steering',
      name: 'Steering Committee, Multi-Sectoral Programme on Violence Against Women',
      kind: 'STEERING_COMMITTEE',
      mandate:
        'Sets the policy of the Multi-Sectoral Programme, approves its plans and monitors how each ministry and each One-Stop Crisis Centre delivers them.',
      seats: [
        {
          title: 'Secretary',
          organisationId: 'bd-mowca',
          role: 'CHAIR',
          source: steering,
          addedForDemo: "The account checked does not say which post chairs; the demo gives the chair to the lead ministry's Secretary.",
        },
        ...eightMinistries(steering),
        ...medicalColleges,
        secretariat,
      ],
      cadence: { interval: 3, unit: 'MONTH', description: `every three months (set by the demo: ${noCadence})` },
      reportsToId: null,
      areaId: 'bd',
      order: 0,
      source: { ...steering, quote: 'A Steering Committee made up of members from the eight ministries' },
      addedForDemo: `The mandate is the demo's paraphrase of the source's account; ${noCadence}, so every three months is set by the demo.`,
    },
    {
      _id: 'bd-coordination',
      name: 'Coordination Committee, Multi-Sectoral Programme on Violence Against Women',
      kind: 'COORDINATION_COMMITTEE',
      mandate:
        'Implements the decisions of the Steering Committee: coordinates the ministries day to day, follows up referrals between the One-Stop Crisis Centres and the sectors, and reports progress.',
      seats: [
        { title: 'Secretary', organisationId: 'bd-planning', role: 'CO_CHAIR', source: coordination, addedForDemo: coChairTitle },
        { title: 'Secretary', organisationId: 'bd-mowca', role: 'CO_CHAIR', source: coordination, addedForDemo: coChairTitle },
        ...eightMinistries(coordination),
        {
          title: 'Coordinator, One-Stop Crisis Centre',
          organisationId: 'bd-dmch',
          role: 'MEMBER',
          source: {
            ...sources.ministries,
            quote: 'One will be senior Medical Officer and act as Coordinator of the OCC for at least three years.',
          },
          addedForDemo: "The post is the source's; its seat on the Coordination Committee is the demo's.",
        },
        {
          title: 'Director',
          organisationId: 'bd-dna-lab',
          role: 'MEMBER',
          addedForDemo:
            'Not in the account of the committee checked; the demo seats the laboratory because the committee follows DNA sample backlogs.',
        },
        secretariat,
      ],
      cadence: { interval: 1, unit: 'MONTH', description: `monthly (set by the demo: ${noCadence})` },
      reportsToId: 'bd-steering',
      areaId: 'bd',
      order: 1,
      source: coordination,
      addedForDemo: `The mandate is the demo's paraphrase; ${noCadence}, so monthly is set by the demo; that the Committee reports to the Steering Committee is the demo's reading, not stated in the source.`,
    },
    {
      _id: 'bd-district-committee-dhaka',
      name: 'District Committee for the Prevention of Violence against Women and Children, Dhaka',
      kind: 'COORDINATION_COMMITTEE',
      mandate:
        "Meets in the Deputy Commissioner's office to review violence against women and children in the district and coordinate the district offices' response.",
      seats: [
        {
          title: 'Deputy Commissioner',
          organisationId: 'bd-dc-dhaka',
          role: 'CHAIR',
          source: { ...sources.districtCommittee, quote: 'সভায় সভাপতিত্ব করেন জেলা প্রশাসক' },
          addedForDemo: districtCommitteeNote,
        },
        {
          title: 'Superintendent of Police',
          organisationId: 'bd-police',
          role: 'MEMBER',
          sectorId: 'police',
          source: sources.districtCommittee,
          addedForDemo: `${districtCommitteeNote} The report names an Additional Superintendent of Police among those present.`,
        },
        {
          title: 'Civil Surgeon',
          organisationId: 'bd-hsd',
          role: 'MEMBER',
          sectorId: 'health',
          source: { ...sources.districtCommittee, quote: 'সিভিল সার্জন' },
          addedForDemo: districtCommitteeNote,
        },
        {
          title: 'Public Prosecutor',
          organisationId: 'bd-molj',
          role: 'MEMBER',
          sectorId: 'justice',
          source: sources.districtCommittee,
          addedForDemo: `${districtCommitteeNote} The report names the Public Prosecutor among those present; the demo seats the ministry the post answers to.`,
        },
        {
          title: 'Deputy Director',
          organisationId: 'bd-dwa',
          role: 'SECRETARIAT',
          source: { ...sources.districtCommitteeMinutes, quote: 'জেলা মহিলা বিষয়ক অধিদপ্তরের উপপরিচালক' },
          addedForDemo: 'The report has the Deputy Director present the minutes; the demo takes this for the secretariat.',
        },
      ],
      cadence: { interval: 1, unit: 'MONTH', description: 'monthly, as the district reports of its meetings call them' },
      reportsToId: null,
      areaId: 'bd-district-dhaka',
      order: 2,
      source: sources.districtCommittee,
      addedForDemo: `${districtCommitteeNote} The mandate is the demo's paraphrase of the reports; no reporting line is recorded.`,
    },
  ],

  objectives: [
    {
      _id: 'bd-o1',
      code: 'O1',
      title: 'Prevent violence against women and children through awareness, education and community engagement',
      order: 0,
      source: { ...sources.unWomen, quote: 'promote awareness of violence against women and responding services among the public' },
      addedForDemo: objectiveWords,
    },
    {
      _id: 'bd-o2',
      code: 'O2',
      title: 'Give every survivor timely medical, forensic and psychosocial care through One-Stop Crisis Centres and Cells',
      order: 1,
      source: {
        ...sources.unWomen,
        quote: 'develop an integrated public service response to violence against women, primarily through One-Stop Crisis Centres (OSCCs)',
      },
      addedForDemo: objectiveWords,
    },
    {
      _id: 'bd-o3',
      code: 'O3',
      title: 'Bring cases to justice: prompt reporting, investigation with DNA evidence, prosecution and legal aid',
      order: 2,
      addedForDemo: notAnObjective,
    },
    { _id: 'bd-o4', code: 'O4', title: 'Protect, shelter and reintegrate survivors', order: 3, addedForDemo: notAnObjective },
    {
      _id: 'bd-o5',
      code: 'O5',
      title: 'Coordinate the ministries and monitor delivery of the programme',
      order: 4,
      source: { ...sources.unWomen, quote: 'enhance inter-ministerial coordination and action on violence against women' },
      addedForDemo: objectiveWords,
    },
  ],

  actions: {
    'bd-a1-1': {
      code: 'A1.1',
      title:
        "Form sexual harassment complaint committees in every secondary school, college and madrasa, as the High Court's 2009 guidelines require",
      objectiveId: 'bd-o1',
      supportingSectorIds: ['justice', 'social-welfare'],
    },
    'bd-a1-2': {
      code: 'A1.2',
      title: 'Add gender equality, consent and violence-prevention lessons to the secondary curriculum and train teachers to deliver them',
      objectiveId: 'bd-o1',
      supportingSectorIds: ['health', 'social-welfare'],
    },
    'bd-a1-3': {
      code: 'A1.3',
      title: 'Hold community policing forum sessions on violence against women and child marriage in every upazila',
      objectiveId: 'bd-o1',
      supportingSectorIds: ['education', 'social-welfare'],
    },
    'bd-a2-1': {
      code: 'A2.1',
      title: 'Open One-Stop Crisis Cells in every district hospital and refer survivors on to the nearest One-Stop Crisis Centre',
      objectiveId: 'bd-o2',
      supportingSectorIds: ['police', 'social-welfare'],
      source: {
        ...sources.ministries,
        quote:
          'Required spaces will be allocated at selected 40 hospitals at district level and 20 at Upazila health complexes as per DPP for establishment of One-Stop Crisis Cells.',
      },
      addedForDemo:
        'The source allocates space in 40 district hospitals and 20 upazila health complexes; "every district hospital", the onward referral, the due date and the supporting sectors are the demo\'s.',
    },
    'bd-a2-2': {
      code: 'A2.2',
      title: 'Train the doctors and nurses of every One-Stop Crisis Centre in the national medico-legal examination protocol',
      objectiveId: 'bd-o2',
      supportingSectorIds: ['police', 'justice'],
    },
    'bd-a2-3': {
      code: 'A2.3',
      title:
        'Equip the divisional One-Stop Crisis Centres to screen DNA samples before profiling at the National Forensic DNA Profiling Laboratory',
      objectiveId: 'bd-o2',
      supportingSectorIds: ['police', 'justice'],
      alsoSupportedBy: ['bd-dna-lab'],
    },
    'bd-a2-4': {
      code: 'A2.4',
      title: 'Post a hospital social services officer and a trauma counsellor at every One-Stop Crisis Centre',
      objectiveId: 'bd-o2',
      supportingSectorIds: ['health'],
    },
    'bd-a3-1': {
      code: 'A3.1',
      title: 'Staff every One-Stop Crisis Centre police unit with women officers around the clock',
      objectiveId: 'bd-o3',
      supportingSectorIds: ['health'],
    },
    'bd-a3-2': {
      code: 'A3.2',
      title: 'Open a police Victim Support Centre in every divisional headquarters',
      objectiveId: 'bd-o3',
      supportingSectorIds: ['social-welfare', 'justice'],
    },
    'bd-a3-3': {
      code: 'A3.3',
      title: 'Dispose of Women and Children Repression Prevention Tribunal cases pending for more than five years',
      objectiveId: 'bd-o3',
      supportingSectorIds: ['police'],
    },
    'bd-a3-4': {
      code: 'A3.4',
      title: 'Open a National Legal Aid Services Organisation desk at every One-Stop Crisis Centre',
      objectiveId: 'bd-o3',
      supportingSectorIds: ['health', 'social-welfare'],
    },
    'bd-a3-5': {
      code: 'A3.5',
      title: 'Train Tribunal public prosecutors in survivor-centred prosecution and the use of DNA evidence',
      objectiveId: 'bd-o3',
      supportingSectorIds: ['police'],
    },
    'bd-a4-1': {
      code: 'A4.1',
      title: 'Expand the capacity of government safe homes for women and girls who cannot return home',
      objectiveId: 'bd-o4',
      supportingSectorIds: ['police', 'justice'],
    },
    'bd-a4-2': {
      code: 'A4.2',
      title: 'Give reintegration grants and skills training to survivors leaving shelter',
      objectiveId: 'bd-o4',
      supportingSectorIds: ['education'],
    },
    'bd-a5-1': {
      code: 'A5.1',
      title: 'Link police case records to the One-Stop Crisis Centre case registry so each case can be followed across sectors',
      objectiveId: 'bd-o5',
      supportingSectorIds: ['health', 'justice'],
    },
    'bd-a5-2': {
      code: 'A5.2',
      title: 'Report the cases handled by school complaint committees to the Coordination Committee every quarter',
      objectiveId: 'bd-o5',
      supportingSectorIds: ['social-welfare'],
    },
  },
};
