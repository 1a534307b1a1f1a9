import { organisations, provincialNote, sources } from '../organisations/seed/south-africa.ts';
import type { CoordinationCountrySeed } from './index.ts';

/*
 * South Africa: the Inter-Sectoral Committee for the Management of Sexual Offence Matters,
 * established by s.63 of the Criminal Law (Sexual Offences and Related Matters) Amendment Act
 * 32 of 2007. Heads of department meet under the chair of the Director-General of Justice and
 * Constitutional Development; the committee develops and compiles the draft national policy
 * framework the Minister adopts under s.62(1), with guidelines for its implementation, for
 * measuring progress, for each organ of state's compliance with its allocated roles and for
 * monitoring (s.65(1)). Focal points are invented.
 */

const lead = 'Department of Justice and Constitutional Development';
const health = 'National Department of Health';
const police = 'South African Police Service (Department of Police)';
const social = 'Department of Social Development';
const basicEducation = 'Department of Basic Education';

/** The page of the Gazette with ss.64 and 65: the Committee's meetings and its responsibilities. */
const responsibilities = {
  title: sources.committee.title,
  url: 'http://en.wikisource.org/wiki/Page:Criminal_Law_(Sexual_Offences_and_Related_Matters)_Amendment_Act_2007.pdf/39',
};
const paraphrase = "The wording is the demo's paraphrase of the section cited; the code is the demo's.";

export const southAfrica: CoordinationCountrySeed = {
  organisations,
  answersFor: { health: 'za-doh', police: 'za-saps', justice: 'za-doj', 'social-welfare': 'za-dsd', education: 'za-dbe' },
  actionMark: {
    addedForDemo:
      "An action drawn up for the demo in the spirit of the Act and the framework: its wording, due date, lead and supporting sectors and organisations are the demo's, not taken from the National Policy Framework.",
  },
  ministries: {
    health: {
      ministry: health,
      organisationId: 'za-doh',
      focalPoint: {
        name: 'Nomvula Dlamini',
        title: 'Chief Director: Gender-Based Violence and Victim Services',
        email: 'focal.point@health.example.gov.za',
      },
    },
    police: {
      ministry: police,
      organisationId: 'za-saps',
      focalPoint: {
        name: 'Thabo Mokoena',
        title: 'Section Head: Family Violence, Child Protection and Sexual Offences',
        email: 'focal.point@saps.example.gov.za',
      },
    },
    justice: {
      ministry: `${lead} (with the National Prosecuting Authority)`,
      organisationId: 'za-doj',
      focalPoint: {
        name: 'Anele Ndlovu',
        title: 'Chief Director: Promotion of the Rights of Vulnerable Groups',
        email: 'focal.point@justice.example.gov.za',
      },
    },
    'social-welfare': {
      ministry: social,
      organisationId: 'za-dsd',
      focalPoint: { name: 'Lerato Mahlangu', title: 'Chief Director: Victim Empowerment', email: 'focal.point@dsd.example.gov.za' },
    },
    education: {
      ministry: basicEducation,
      organisationId: 'za-dbe',
      focalPoint: {
        name: 'Pieter van Wyk',
        title: 'Director: School Safety and Enrichment Programmes',
        email: 'focal.point@education.example.gov.za',
      },
    },
  },

  coordinationBodies: [
    {
      _id: 'za-isc',
      name: 'Inter-Sectoral Committee for the Management of Sexual Offence Matters',
      kind: 'INTER_SECTORAL_COMMITTEE',
      mandate:
        'Develops and compiles the draft national policy framework (s.65(1)), with guidelines for carrying out its priorities, measuring progress on its objectives, making sure each organ of state keeps to the roles and responsibilities allocated to it, and monitoring how the framework and the Act are implemented (s.65(1)(a) to (d)); may recommend amendments of the framework to the Minister (s.65(2)).',
      seats: [
        { title: 'Director-General', organisationId: 'za-doj', role: 'CHAIR', sectorId: 'justice', source: sources.committee },
        { title: 'National Commissioner', organisationId: 'za-saps', role: 'MEMBER', sectorId: 'police', source: sources.committee },
        {
          title: 'National Director of Public Prosecutions',
          organisationId: 'za-npa',
          role: 'MEMBER',
          sectorId: 'justice',
          source: sources.committee,
        },
        { title: 'Director-General', organisationId: 'za-dcs', role: 'MEMBER', source: sources.committee },
        { title: 'Director-General', organisationId: 'za-dsd', role: 'MEMBER', sectorId: 'social-welfare', source: sources.committee },
        { title: 'Director-General', organisationId: 'za-doh', role: 'MEMBER', sectorId: 'health', source: sources.committee },
        {
          title: 'Chief Director',
          organisationId: 'za-doj-vulnerable-groups',
          role: 'SECRETARIAT',
          addedForDemo: "The Act does not say who serves the Committee; the secretariat is the demo's.",
        },
      ],
      cadence: { interval: 6, unit: 'MONTH', description: 'at least twice every year (Act 32 of 2007, s.64(1))' },
      reportsToId: null,
      areaId: 'za',
      order: 0,
      source: {
        ...responsibilities,
        section: 's.65(1)',
        quote:
          'The Committee shall be responsible for developing and compiling a draft national policy framework, as contemplated in section 62(1)',
      },
      addedForDemo:
        "The mandate is the demo's paraphrase of s.65, not the Act's words; the cadence setting (every six months) is the demo's way of keeping to s.64(1), which is quoted in the Committee's obligations.",
    },
    {
      _id: 'za-gauteng-committee',
      name: 'Gauteng Provincial Committee on Sexual Offence Matters',
      kind: 'INTER_SECTORAL_COMMITTEE',
      mandate:
        "Follows the implementation of the National Policy Framework in Gauteng and reports the province's progress to the Inter-Sectoral Committee.",
      seats: [
        { title: 'Regional Head', organisationId: 'za-doj', role: 'CHAIR', sectorId: 'justice', addedForDemo: provincialNote },
        { title: 'Provincial Commissioner', organisationId: 'za-saps', role: 'MEMBER', sectorId: 'police', addedForDemo: provincialNote },
        {
          title: 'Director of Public Prosecutions, Gauteng Division',
          organisationId: 'za-npa',
          role: 'MEMBER',
          sectorId: 'justice',
          addedForDemo: provincialNote,
        },
        {
          title: 'Head of Department, Health',
          organisationId: 'za-gauteng',
          role: 'MEMBER',
          sectorId: 'health',
          addedForDemo: provincialNote,
        },
        {
          title: 'Head of Department, Social Development',
          organisationId: 'za-gauteng',
          role: 'MEMBER',
          sectorId: 'social-welfare',
          addedForDemo: provincialNote,
        },
        { title: 'Representative', organisationId: 'za-doj-vulnerable-groups', role: 'SECRETARIAT', addedForDemo: provincialNote },
      ],
      cadence: { interval: 3, unit: 'MONTH', description: 'every three months (set by the demo)' },
      reportsToId: 'za-isc',
      areaId: 'za-province-gp',
      order: 1,
      addedForDemo: provincialNote,
    },
  ],

  objectives: [
    {
      _id: 'za-o1',
      code: 'O1',
      title: 'A uniform and co-ordinated approach by all organs of state to sexual offence matters (s.62(a))',
      order: 0,
      source: { ...sources.committee, section: 's.62(1)(a)' },
      addedForDemo: paraphrase,
    },
    {
      _id: 'za-o2',
      code: 'O2',
      title: 'Better services to victim-survivors of sexual offences (s.62(c))',
      order: 1,
      source: { ...sources.committee, section: 's.62(1)(c)' },
      addedForDemo: paraphrase,
    },
    {
      _id: 'za-o3',
      code: 'O3',
      title: 'Effective investigation and prosecution of sexual offences (s.62(b))',
      order: 2,
      source: { ...sources.committee, section: 's.62(1)(b)' },
      addedForDemo: paraphrase,
    },
    {
      _id: 'za-o4',
      code: 'O4',
      title: 'Prevention of sexual offences against children, starting in schools',
      order: 3,
      addedForDemo: 'Not an aim the Act sets out in ss.62 to 65; the demo adds it to group the education actions.',
    },
    {
      _id: 'za-o5',
      code: 'O5',
      title: 'Progress measured and each organ of state held to its allocated responsibilities (s.65(1))',
      order: 4,
      source: {
        ...responsibilities,
        section: 's.65(1)(b) and (c)',
        quote: 'measuring progress on the achievement of the national policy framework objectives',
      },
      addedForDemo: paraphrase,
    },
  ],

  actions: {
    'za-a1-1': {
      code: 'A1.1',
      title: 'Review the National Policy Framework with every organ of state and table the revision in Parliament',
      objectiveId: 'za-o1',
      supportingSectorIds: ['health', 'police', 'social-welfare'],
      alsoSupportedBy: ['za-npa', 'za-dcs'],
    },
    'za-a1-2': {
      code: 'A1.2',
      title: 'Establish provincial inter-sectoral forums that report to the Inter-Sectoral Committee',
      objectiveId: 'za-o1',
      supportingSectorIds: ['health', 'police', 'social-welfare', 'education'],
    },
    'za-a2-1': {
      code: 'A2.1',
      title: 'Provide post-exposure prophylaxis and forensic examination at every designated public health establishment',
      objectiveId: 'za-o2',
      supportingSectorIds: ['police', 'justice'],
    },
    'za-a2-2': {
      code: 'A2.2',
      title: 'Train a forensic nurse for every shift at every Thuthuzela Care Centre',
      objectiveId: 'za-o2',
      supportingSectorIds: ['justice'],
    },
    'za-a2-3': {
      code: 'A2.3',
      title: 'Publish the list of public health establishments designated to serve victims of sexual offences',
      objectiveId: 'za-o2',
      supportingSectorIds: ['police'],
    },
    'za-a2-4': {
      code: 'A2.4',
      title: 'Open Thuthuzela Care Centres in the districts that have none',
      objectiveId: 'za-o2',
      supportingSectorIds: ['health', 'police', 'social-welfare'],
    },
    'za-a2-5': {
      code: 'A2.5',
      title: 'Staff the Gender-Based Violence Command Centre with social workers around the clock',
      objectiveId: 'za-o2',
      supportingSectorIds: ['police'],
    },
    'za-a2-6': {
      code: 'A2.6',
      title: 'Accredit every shelter and Khuseleka One-Stop Centre against the minimum norms and standards',
      objectiveId: 'za-o2',
      supportingSectorIds: ['health'],
    },
    'za-a3-1': {
      code: 'A3.1',
      title: 'Clear the backlog of DNA case exhibits at the SAPS Forensic Science Laboratory',
      objectiveId: 'za-o3',
      supportingSectorIds: ['health', 'justice'],
    },
    'za-a3-2': {
      code: 'A3.2',
      title: 'Provide a victim-friendly room at every police station',
      objectiveId: 'za-o3',
      supportingSectorIds: ['social-welfare'],
    },
    'za-a3-3': {
      code: 'A3.3',
      title: 'Train every Family Violence, Child Protection and Sexual Offences unit detective in victim-centred investigation',
      objectiveId: 'za-o3',
      supportingSectorIds: ['justice', 'social-welfare'],
    },
    'za-a3-4': {
      code: 'A3.4',
      title: 'Designate more regional courts as sexual offences courts under s.55A and equip them for vulnerable witnesses',
      objectiveId: 'za-o3',
      supportingSectorIds: ['police', 'social-welfare'],
      alsoSupportedBy: ['za-npa'],
    },
    'za-a4-1': {
      code: 'A4.1',
      title: 'Implement the Protocol for the Management and Reporting of Sexual Abuse and Harassment in Schools in every province',
      objectiveId: 'za-o4',
      supportingSectorIds: ['social-welfare', 'police'],
    },
    'za-a4-2': {
      code: 'A4.2',
      title: 'Screen every educator against the National Register for Sex Offenders',
      objectiveId: 'za-o4',
      supportingSectorIds: ['justice'],
    },
    'za-a5-1': {
      code: 'A5.1',
      title: 'Set up quarterly reporting to the Inter-Sectoral Committee of sexual offences against learners',
      objectiveId: 'za-o5',
      supportingSectorIds: ['justice'],
    },
  },
};
