import type { CoordinationCountrySeed } from './index.ts';

/*
 * England and Wales: the Inter-Ministerial Group on Violence Against Women and Girls, chaired
 * by the Home Secretary, meets quarterly and monitors the national action plan. A
 * cross-departmental Delivery Board run by the Home Office oversees the actions each
 * department agreed to, meets every six weeks and reports to the IMG. The four objectives are
 * the four pillars of the 2021 strategy. Focal points are invented officials.
 */

const lead = 'Home Office';
const dhsc = 'Department of Health and Social Care';
const policing = 'Home Office (Policing)';
const moj = 'Ministry of Justice';
const mhclg = 'Ministry of Housing, Communities and Local Government';
const dfe = 'Department for Education';

export const englandWales: CoordinationCountrySeed = {
  ministries: {
    health: {
      ministry: dhsc,
      focalPoint: {
        name: 'Helen Marsh',
        title: 'Deputy Director, Violence and Public Health',
        email: 'vawg.focal.point@dhsc.example.gov.uk',
      },
    },
    police: {
      ministry: policing,
      focalPoint: {
        name: 'Daniel Okafor',
        title: 'Deputy Director, Policing Violence Against Women and Girls',
        email: 'vawg.focal.point@homeoffice.example.gov.uk',
      },
    },
    justice: {
      ministry: moj,
      focalPoint: { name: 'Priya Nair', title: 'Deputy Director, Victims and Witnesses', email: 'vawg.focal.point@justice.example.gov.uk' },
    },
    'social-welfare': {
      ministry: mhclg,
      focalPoint: {
        name: 'Gareth Pryce',
        title: 'Deputy Director, Domestic Abuse Safe Accommodation',
        email: 'vawg.focal.point@communities.example.gov.uk',
      },
    },
    education: {
      ministry: dfe,
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
      members: [
        { title: 'Home Secretary', organisation: lead, role: 'CHAIR' },
        { title: 'Minister for Safeguarding and Violence Against Women and Girls', organisation: lead, role: 'MEMBER' },
        { title: 'Minister of State for Policing', organisation: policing, role: 'MEMBER', sectorId: 'police' },
        { title: 'Minister of State for Care', organisation: dhsc, role: 'MEMBER', sectorId: 'health' },
        { title: 'Minister for Victims', organisation: moj, role: 'MEMBER', sectorId: 'justice' },
        { title: 'Minister for Homelessness and Local Government', organisation: mhclg, role: 'MEMBER', sectorId: 'social-welfare' },
        { title: 'Minister for Children and Families', organisation: dfe, role: 'MEMBER', sectorId: 'education' },
        { title: 'Minister for Social Justice', organisation: 'Welsh Government', role: 'MEMBER' },
        { title: 'Violence Against Women and Girls Unit', organisation: lead, role: 'SECRETARIAT' },
      ],
      cadence: { interval: 3, unit: 'MONTH', description: 'quarterly' },
      reportsToId: null,
      order: 0,
    },
    {
      _id: 'ew-delivery-board',
      name: 'Violence Against Women and Girls Delivery Board',
      kind: 'DELIVERY_BOARD',
      mandate:
        'Oversees, across departments, the actions each department agreed under the national plan, escalates slippage and reports to the Inter-Ministerial Group.',
      members: [
        { title: 'Director, Public Protection', organisation: lead, role: 'CHAIR' },
        { title: 'Deputy Director, Violence and Public Health', organisation: dhsc, role: 'MEMBER', sectorId: 'health' },
        { title: 'Deputy Director, Policing Violence Against Women and Girls', organisation: policing, role: 'MEMBER', sectorId: 'police' },
        {
          title: 'National Policing Lead for Violence Against Women and Girls',
          organisation: "National Police Chiefs' Council",
          role: 'MEMBER',
          sectorId: 'police',
        },
        { title: 'Deputy Director, Victims and Witnesses', organisation: moj, role: 'MEMBER', sectorId: 'justice' },
        { title: 'Deputy Director, Domestic Abuse Safe Accommodation', organisation: mhclg, role: 'MEMBER', sectorId: 'social-welfare' },
        { title: 'Deputy Director, Safeguarding in Schools', organisation: dfe, role: 'MEMBER', sectorId: 'education' },
        { title: 'Head of Violence Against Women and Girls Policy', organisation: 'Crown Prosecution Service', role: 'MEMBER' },
        { title: 'Deputy Director, Tackling Violence Against Women', organisation: 'Welsh Government', role: 'MEMBER' },
        { title: 'Delivery Board secretariat', organisation: lead, role: 'SECRETARIAT' },
      ],
      cadence: { interval: 6, unit: 'WEEK', description: 'every six weeks' },
      reportsToId: 'ew-img',
      order: 1,
    },
  ],

  framework: {
    _id: 'ew-vawg-strategy',
    title: 'Tackling Violence Against Women and Girls Strategy',
    country: { code: 'GB-EAW', name: 'England and Wales' },
    leadMinistry: lead,
    legalBasis: [
      { citation: '2021 c. 17', title: 'Domestic Abuse Act 2021' },
      { citation: '2003 c. 42', title: 'Sexual Offences Act 2003' },
      { citation: '2024 c. 21', title: 'Victims and Prisoners Act 2024' },
      { citation: 'Home Office, July 2021', title: 'Tackling Violence Against Women and Girls Strategy' },
    ],
    period: { start: new Date('2021-07-21'), end: new Date('2030-03-31') },
  },

  objectives: [
    { _id: 'ew-o1', code: 'O1', title: 'Prioritising prevention', order: 0 },
    { _id: 'ew-o2', code: 'O2', title: 'Supporting victims', order: 1 },
    { _id: 'ew-o3', code: 'O3', title: 'Pursuing perpetrators', order: 2 },
    { _id: 'ew-o4', code: 'O4', title: 'A stronger system', order: 3 },
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
    },
    'ew-a3-4': {
      code: 'A3.4',
      title: 'Offer pre-recorded cross-examination (section 28) to victims of sexual offences in every Crown Court',
      objectiveId: 'ew-o3',
      supportingSectorIds: ['police'],
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
