import { localMemberNote, organisations, sources } from '../organisations/seed/england-wales.ts';
import type { CoordinationCountrySeed } from './index.ts';

/*
 * England and Wales: the Inter-Ministerial Group on Violence Against Women and Girls monitors the
 * national plan; a cross-departmental Delivery Board run by the Home Office oversees the actions
 * each department agreed to and reports to the group. The source checked (the National Audit
 * Office's report) says the Home Office leads but does not describe these bodies, so their
 * chairs' posts, cadences (quarterly, every six weeks) and reporting line are the demo's, and each
 * record says so. The four objectives are the four pillars of the 2021 strategy. Focal points
 * are invented officials.
 */

const dhsc = 'Department of Health and Social Care';
const policing = 'Home Office (Policing)';
const moj = 'Ministry of Justice';
const mhclg = 'Ministry of Housing, Communities and Local Government';
const dfe = 'Department for Education';

const leads = sources.homeOfficeLeads;
const notDescribed =
  "The National Audit Office's report, the source checked, does not describe this body: its mandate is the demo's paraphrase";
const noCadence = 'set by the demo: the sources checked give no cadence';
const pillar = (quote: string) => ({
  source: { ...sources.nationalAuditOffice, quote },
  addedForDemo: "The title is the 2021 strategy's name for the pillar as the demo gives it; the code is the demo's.",
});
const seatAdded =
  "The sources checked say which departments hold actions, not which posts sit on this body; the seat and its post are the demo's.";

export const englandWales: CoordinationCountrySeed = {
  organisations,
  answersFor: { health: 'ew-dhsc', police: 'ew-home-office', justice: 'ew-moj', 'social-welfare': 'ew-mhclg', education: 'ew-dfe' },
  actionMark: {
    addedForDemo:
      "An action drawn up for the demo in the spirit of the 2021 strategy: its wording, due date, lead and supporting sectors and organisations are the demo's, not taken from the strategy.",
  },
  ministries: {
    health: {
      ministry: dhsc,
      organisationId: 'ew-dhsc',
      focalPoint: {
        name: 'Helen Marsh',
        title: 'Deputy Director, Violence and Public Health',
        email: 'vawg.focal.point@dhsc.example.gov.uk',
      },
    },
    police: {
      ministry: policing,
      organisationId: 'ew-home-office',
      focalPoint: {
        name: 'Daniel Okafor',
        title: 'Deputy Director, Policing Violence Against Women and Girls',
        email: 'vawg.focal.point@homeoffice.example.gov.uk',
      },
    },
    justice: {
      ministry: moj,
      organisationId: 'ew-moj',
      focalPoint: { name: 'Priya Nair', title: 'Deputy Director, Victims and Witnesses', email: 'vawg.focal.point@justice.example.gov.uk' },
    },
    'social-welfare': {
      ministry: mhclg,
      organisationId: 'ew-mhclg',
      focalPoint: {
        name: 'Gareth Pryce',
        title: 'Deputy Director, Domestic Abuse Safe Accommodation',
        email: 'vawg.focal.point@communities.example.gov.uk',
      },
    },
    education: {
      ministry: dfe,
      organisationId: 'ew-dfe',
      focalPoint: {
        name: 'Siobhan Keane',
        title: 'Deputy Director, Safeguarding in Schools',
        email: 'vawg.focal.point@education.example.gov.uk',
      },
    },
  },

  coordinationBodies: [
    {
      _id: 'ew-img',
      name: 'Inter-Ministerial Group on Violence Against Women and Girls',
      kind: 'INTER_MINISTERIAL_GROUP',
      mandate:
        'Brings together the ministers whose departments hold actions under the national plan, monitors its delivery and holds each department to the actions it agreed.',
      seats: [
        {
          title: 'Home Secretary',
          organisationId: 'ew-home-office',
          role: 'CHAIR',
          source: leads,
          addedForDemo: "The source says the Home Office leads; that the Home Secretary chairs the group is the demo's.",
        },
        {
          title: 'Minister for Safeguarding and Violence Against Women and Girls',
          organisationId: 'ew-home-office',
          role: 'MEMBER',
          addedForDemo: seatAdded,
        },
        {
          title: 'Minister of State for Policing',
          organisationId: 'ew-home-office',
          role: 'MEMBER',
          sectorId: 'police',
          addedForDemo: seatAdded,
        },
        { title: 'Minister of State for Care', organisationId: 'ew-dhsc', role: 'MEMBER', sectorId: 'health', addedForDemo: seatAdded },
        { title: 'Minister for Victims', organisationId: 'ew-moj', role: 'MEMBER', sectorId: 'justice', addedForDemo: seatAdded },
        {
          title: 'Minister for Homelessness and Local Government',
          organisationId: 'ew-mhclg',
          role: 'MEMBER',
          sectorId: 'social-welfare',
          addedForDemo: seatAdded,
        },
        {
          title: 'Minister for Children and Families',
          organisationId: 'ew-dfe',
          role: 'MEMBER',
          sectorId: 'education',
          addedForDemo: seatAdded,
        },
        { title: 'Minister for Social Justice', organisationId: 'ew-welsh-government', role: 'MEMBER', addedForDemo: seatAdded },
        { title: 'Violence Against Women and Girls Unit', organisationId: 'ew-home-office', role: 'SECRETARIAT', addedForDemo: seatAdded },
      ],
      cadence: { interval: 3, unit: 'MONTH', description: `quarterly (${noCadence})` },
      reportsToId: null,
      areaId: 'ew',
      order: 0,
      source: leads,
      addedForDemo: `${notDescribed}, and its quarterly cadence is set by the demo.`,
    },
    {
      _id: 'ew-delivery-board',
      name: 'Violence Against Women and Girls Delivery Board',
      kind: 'DELIVERY_BOARD',
      mandate:
        'Oversees, across departments, the actions each department agreed under the national plan, escalates slippage and reports to the Inter-Ministerial Group.',
      seats: [
        {
          title: 'Director, Public Protection',
          organisationId: 'ew-home-office',
          role: 'CHAIR',
          source: leads,
          addedForDemo: "The source says the Home Office leads; the post that chairs the board is the demo's.",
        },
        {
          title: 'Deputy Director, Violence and Public Health',
          organisationId: 'ew-dhsc',
          role: 'MEMBER',
          sectorId: 'health',
          addedForDemo: seatAdded,
        },
        {
          title: 'Deputy Director, Policing Violence Against Women and Girls',
          organisationId: 'ew-home-office',
          role: 'MEMBER',
          sectorId: 'police',
          addedForDemo: seatAdded,
        },
        {
          title: 'National Policing Lead for Violence Against Women and Girls',
          organisationId: 'ew-npcc',
          role: 'MEMBER',
          sectorId: 'police',
          addedForDemo: seatAdded,
        },
        {
          title: 'Deputy Director, Victims and Witnesses',
          organisationId: 'ew-moj',
          role: 'MEMBER',
          sectorId: 'justice',
          addedForDemo: seatAdded,
        },
        {
          title: 'Deputy Director, Domestic Abuse Safe Accommodation',
          organisationId: 'ew-mhclg',
          role: 'MEMBER',
          sectorId: 'social-welfare',
          addedForDemo: seatAdded,
        },
        {
          title: 'Deputy Director, Safeguarding in Schools',
          organisationId: 'ew-dfe',
          role: 'MEMBER',
          sectorId: 'education',
          addedForDemo: seatAdded,
        },
        { title: 'Head of Violence Against Women and Girls Policy', organisationId: 'ew-cps', role: 'MEMBER', addedForDemo: seatAdded },
        {
          title: 'Deputy Director, Tackling Violence Against Women',
          organisationId: 'ew-welsh-government',
          role: 'MEMBER',
          addedForDemo: seatAdded,
        },
        { title: 'Delivery Board secretariat', organisationId: 'ew-home-office', role: 'SECRETARIAT', addedForDemo: seatAdded },
      ],
      cadence: { interval: 6, unit: 'WEEK', description: `every six weeks (${noCadence})` },
      reportsToId: 'ew-img',
      areaId: 'ew',
      order: 1,
      source: leads,
      addedForDemo: `${notDescribed}; its six-weekly cadence and its reporting to the Inter-Ministerial Group are set by the demo.`,
    },
    {
      _id: 'ew-devon-partnership-board',
      name: 'Devon Domestic Abuse Local Partnership Board',
      kind: 'COORDINATION_COMMITTEE',
      mandate:
        'Advises Devon County Council on its duties under Part 4 of the Domestic Abuse Act 2021: assessing the need for support in safe accommodation, the strategy for providing it, and monitoring that strategy (ss.57 and 58).',
      seats: [
        {
          title: 'Chair',
          organisationId: 'ew-devon-cc',
          role: 'CHAIR',
          sectorId: 'social-welfare',
          source: sources.devonBoard,
          addedForDemo: 'The page checked does not name the chair; the demo gives the chair to the council that appoints the Board.',
        },
        {
          title: 'Representative',
          organisationId: 'ew-devon-cornwall-police',
          role: 'MEMBER',
          sectorId: 'police',
          source: sources.localBoard,
          addedForDemo: localMemberNote,
        },
        {
          title: 'Representative',
          organisationId: 'ew-nhs-devon',
          role: 'MEMBER',
          sectorId: 'health',
          source: sources.localBoard,
          addedForDemo: localMemberNote,
        },
        {
          title: 'Representative',
          organisationId: 'ew-devon-cc',
          role: 'SECRETARIAT',
          source: sources.devonBoard,
          addedForDemo: 'The page checked does not say who serves the Board; the demo gives its secretariat to the council.',
        },
      ],
      cadence: {
        interval: 2,
        unit: 'MONTH',
        description: 'every two months since September 2022 (monthly before), as the council reports',
      },
      reportsToId: null,
      areaId: 'ew-devon',
      order: 2,
      source: sources.devonBoard,
      addedForDemo:
        "The mandate is the demo's paraphrase of Part 4 of the Domestic Abuse Act 2021 (ss.57 and 58), not the words of the council's page.",
    },
  ],

  objectives: [
    {
      _id: 'ew-o1',
      code: 'O1',
      title: 'Prioritising prevention',
      order: 0,
      ...pillar('prevention – to deliver long-term cultural and societal change'),
    },
    {
      _id: 'ew-o2',
      code: 'O2',
      title: 'Supporting victims',
      order: 1,
      ...pillar('supporting victims – to increase support for victims and survivors'),
    },
    {
      _id: 'ew-o3',
      code: 'O3',
      title: 'Pursuing perpetrators',
      order: 2,
      ...pillar('pursuing perpetrators – to transform the criminal justice response'),
    },
    { _id: 'ew-o4', code: 'O4', title: 'A stronger system', order: 3, ...pillar('building a stronger system') },
  ],

  actions: {
    'ew-a1-1': {
      code: 'A1.1',
      title: 'Publish revised statutory guidance on relationships, sex and health education, covering healthy relationships and consent',
      objectiveId: 'ew-o1',
      supportingSectorIds: ['health'],
    },
    'ew-a1-2': {
      code: 'A1.2',
      title:
        "Make sure every school's designated safeguarding lead receives an Operation Encompass notification after a domestic abuse incident involving a pupil",
      objectiveId: 'ew-o1',
      supportingSectorIds: ['police'],
    },
    'ew-a1-3': {
      code: 'A1.3',
      title: 'Publish national data on reports of sexual harassment and sexual violence in schools',
      objectiveId: 'ew-o1',
      supportingSectorIds: ['police'],
    },
    'ew-a2-1': {
      code: 'A2.1',
      title: 'Commission sexual assault referral centres in every police force area to a refreshed national service specification',
      objectiveId: 'ew-o2',
      supportingSectorIds: ['police', 'justice'],
    },
    'ew-a2-2': {
      code: 'A2.2',
      title: 'Train general practices to identify domestic abuse and refer patients to specialist advocates',
      objectiveId: 'ew-o2',
      supportingSectorIds: ['social-welfare'],
    },
    'ew-a2-3': {
      code: 'A2.3',
      title: 'Have every tier-one local authority refresh its safe accommodation strategy under Part 4 of the Domestic Abuse Act 2021',
      objectiveId: 'ew-o2',
      supportingSectorIds: ['health'],
    },
    'ew-a2-4': {
      code: 'A2.4',
      title: 'Publish refreshed statutory guidance on the duty to provide support in domestic abuse safe accommodation',
      objectiveId: 'ew-o2',
      supportingSectorIds: ['justice'],
    },
    'ew-a2-5': {
      code: 'A2.5',
      title: 'Fund independent sexual violence advisers and independent domestic violence advisers through police and crime commissioners',
      objectiveId: 'ew-o2',
      supportingSectorIds: ['police', 'health'],
    },
    'ew-a3-1': {
      code: 'A3.1',
      title: 'Adopt the Operation Soteria national operating model for investigating rape in every force',
      objectiveId: 'ew-o3',
      supportingSectorIds: ['justice'],
      alsoSupportedBy: ['ew-npcc'],
    },
    'ew-a3-2': {
      code: 'A3.2',
      title: 'Roll out Domestic Abuse Protection Notices and Orders to every force after the pilot',
      objectiveId: 'ew-o3',
      supportingSectorIds: ['justice', 'social-welfare'],
    },
    'ew-a3-3': {
      code: 'A3.3',
      title: 'Apply strengthened vetting and misconduct standards on police-perpetrated violence against women and girls in every force',
      objectiveId: 'ew-o3',
      supportingSectorIds: [],
      alsoSupportedBy: ['ew-npcc'],
    },
    'ew-a3-4': {
      code: 'A3.4',
      title: 'Offer pre-recorded cross-examination (section 28) to victims of sexual offences in every Crown Court',
      objectiveId: 'ew-o3',
      supportingSectorIds: ['police'],
      alsoSupportedBy: ['ew-cps'],
    },
    'ew-a4-1': {
      code: 'A4.1',
      title: 'Evaluate the specialist domestic abuse court pilots and decide on a national roll-out',
      objectiveId: 'ew-o4',
      supportingSectorIds: ['police', 'social-welfare'],
    },
    'ew-a4-2': {
      code: 'A4.2',
      title: 'Record domestic abuse disclosures consistently in NHS data sets',
      objectiveId: 'ew-o4',
      supportingSectorIds: [],
    },
    'ew-a4-3': {
      code: 'A4.3',
      title: 'Publish the annual local authority returns on demand for and provision of safe accommodation',
      objectiveId: 'ew-o4',
      supportingSectorIds: ['health'],
    },
  },
};
