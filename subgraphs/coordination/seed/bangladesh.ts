import type { CoordinationCountrySeed } from './index.ts';

/*
 * Bangladesh: the Multi-Sectoral Programme on Violence Against Women (since 1997), led by the
 * Ministry of Women and Children Affairs. A Steering Committee chaired by the lead ministry's
 * Secretary sets policy and monitors; a Coordination Committee co-chaired by Planning and
 * Development and the lead ministry implements. Focal points are invented officials.
 */

const lead = 'Ministry of Women and Children Affairs';
const health = 'Ministry of Health and Family Welfare';
const home = 'Ministry of Home Affairs (Bangladesh Police)';
const law = 'Ministry of Law, Justice and Parliamentary Affairs';
const social = 'Ministry of Social Welfare';
const education = 'Ministry of Education';

export const bangladesh: CoordinationCountrySeed = {
  ministries: {
    health: {
      ministry: health,
      focalPoint: { name: 'Farhana Kabir', title: 'Joint Secretary (Public Health)', email: 'focal.point@health.example.gov.bd' },
    },
    police: {
      ministry: home,
      focalPoint: { name: 'Md. Tanvir Hossain', title: 'Deputy Secretary (Police Wing)', email: 'focal.point@mha.example.gov.bd' },
    },
    justice: {
      ministry: law,
      focalPoint: {
        name: 'Sharmin Sultana',
        title: 'Deputy Secretary (Law and Justice Division)',
        email: 'focal.point@lawjustice.example.gov.bd',
      },
    },
    'social-welfare': {
      ministry: social,
      focalPoint: { name: 'Abu Naser Chowdhury', title: 'Joint Secretary (Social Services)', email: 'focal.point@msw.example.gov.bd' },
    },
    education: {
      ministry: education,
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
      members: [
        { title: 'Secretary', organisation: lead, role: 'CHAIR' },
        { title: 'Additional Secretary', organisation: health, role: 'MEMBER', sectorId: 'health' },
        { title: 'Additional Secretary', organisation: home, role: 'MEMBER', sectorId: 'police' },
        { title: 'Additional Secretary', organisation: law, role: 'MEMBER', sectorId: 'justice' },
        { title: 'Additional Secretary', organisation: social, role: 'MEMBER', sectorId: 'social-welfare' },
        { title: 'Additional Secretary', organisation: education, role: 'MEMBER', sectorId: 'education' },
        { title: 'Additional Secretary', organisation: 'Ministry of Information and Broadcasting', role: 'MEMBER' },
        { title: 'Additional Secretary', organisation: 'Ministry of Religious Affairs', role: 'MEMBER' },
        { title: 'Director', organisation: 'Dhaka Medical College Hospital', role: 'MEMBER' },
        { title: 'Principal', organisation: 'Dhaka Medical College', role: 'MEMBER' },
        { title: 'Director', organisation: 'Rajshahi Medical College Hospital', role: 'MEMBER' },
        { title: 'Director', organisation: 'Chattogram Medical College Hospital', role: 'MEMBER' },
        { title: 'Principal', organisation: 'Sylhet MAG Osmani Medical College', role: 'MEMBER' },
        { title: 'Project Director, Multi-Sectoral Programme on Violence Against Women', organisation: lead, role: 'SECRETARIAT' },
      ],
      cadence: { interval: 3, unit: 'MONTH', description: 'every three months' },
      reportsToId: null,
      order: 0,
    },
    {
      _id: 'bd-coordination',
      name: 'Coordination Committee, Multi-Sectoral Programme on Violence Against Women',
      kind: 'COORDINATION_COMMITTEE',
      mandate:
        'Implements the decisions of the Steering Committee: coordinates the ministries day to day, follows up referrals between the One-Stop Crisis Centres and the sectors, and reports progress.',
      members: [
        { title: 'Joint Secretary (Planning and Development)', organisation: 'Planning and Development', role: 'CHAIR' },
        { title: 'Joint Secretary', organisation: lead, role: 'CO_CHAIR' },
        { title: 'Focal point for violence against women', organisation: health, role: 'MEMBER', sectorId: 'health' },
        { title: 'Focal point for violence against women', organisation: home, role: 'MEMBER', sectorId: 'police' },
        { title: 'Focal point for violence against women', organisation: law, role: 'MEMBER', sectorId: 'justice' },
        { title: 'Focal point for violence against women', organisation: social, role: 'MEMBER', sectorId: 'social-welfare' },
        { title: 'Focal point for violence against women', organisation: education, role: 'MEMBER', sectorId: 'education' },
        { title: 'Coordinator, One-Stop Crisis Centre', organisation: 'Dhaka Medical College Hospital', role: 'MEMBER' },
        { title: 'Director', organisation: 'National Forensic DNA Profiling Laboratory', role: 'MEMBER' },
        { title: 'Project Director, Multi-Sectoral Programme on Violence Against Women', organisation: lead, role: 'SECRETARIAT' },
      ],
      cadence: { interval: 1, unit: 'MONTH', description: 'monthly' },
      reportsToId: 'bd-steering',
      order: 1,
    },
  ],

  framework: {
    _id: 'bd-msp-vaw',
    title: 'Multi-Sectoral Programme on Violence Against Women — National Action Plan',
    country: { code: 'BD', name: 'Bangladesh' },
    leadMinistry: lead,
    legalBasis: [
      { citation: 'Act VIII of 2000', title: 'Prevention of Oppression Against Women and Children Act 2000' },
      { citation: 'Act LVIII of 2010', title: 'Domestic Violence (Prevention and Protection) Act 2010' },
      { citation: 'DNA Act 2014', title: 'Deoxyribonucleic Acid (DNA) Act 2014' },
      { citation: 'NAP VAWC 2018–2030', title: 'National Action Plan to Prevent Violence against Women and Children 2018–2030' },
    ],
    period: { start: new Date('2018-01-01'), end: new Date('2030-12-31') },
  },

  objectives: [
    {
      _id: 'bd-o1',
      code: 'O1',
      title: 'Prevent violence against women and children through awareness, education and community engagement',
      order: 0,
    },
    {
      _id: 'bd-o2',
      code: 'O2',
      title: 'Give every survivor timely medical, forensic and psychosocial care through One-Stop Crisis Centres and Cells',
      order: 1,
    },
    {
      _id: 'bd-o3',
      code: 'O3',
      title: 'Bring cases to justice: prompt reporting, investigation with DNA evidence, prosecution and legal aid',
      order: 2,
    },
    { _id: 'bd-o4', code: 'O4', title: 'Protect, shelter and reintegrate survivors', order: 3 },
    { _id: 'bd-o5', code: 'O5', title: 'Coordinate the ministries and monitor delivery of the programme', order: 4 },
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
