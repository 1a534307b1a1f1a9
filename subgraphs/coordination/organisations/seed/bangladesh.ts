import type { SourceDoc } from '../../../kit/provenance.ts';
import { countryFacts } from '../../../demo-data/countries.ts';
import type { OrganisationSeed } from './index.ts';

/*
 * Bangladesh: the organisations of the Multi-Sectoral Programme on Violence Against Women, with
 * the sources they are taken from. The UN Women knowledge centre's account names the eight
 * ministries and the two committees; the programme's own site says what each ministry does; a
 * government handout places the DNA laboratory.
 */

export const sources = {
  unWomen: {
    title:
      'UN Women, Virtual Knowledge Centre to End Violence against Women and Girls: Establish/facilitate coordination structures at the national and sub-national levels',
    section: 'Example: Multi-Sectoral Programme on Violence against Women (Bangladesh)',
    url: 'https://endvawnow.org/fr/articles/1845-establish-facilitate-coordination-structures-at-the-national-and-sub-national-levels-.html',
  },
  ministries: {
    title: 'Multi-Sectoral Programme on Violence Against Women: Coordination with Concern Ministries',
    url: 'http://mspvaw.gov.bd/index.php?option=com_content&view=article&id=181&Itemid=143',
  },
  background: {
    title: 'Multi-Sectoral Programme on Violence Against Women: Background',
    url: 'http://mspvaw.manikganjpourashava.gov.bd/index.php?id=178&option=com_content&view=article',
  },
  dnaLaboratory: {
    title: "Bangladesh Sangbad Sangstha, 'Govt sets up DNA Laboratory Management Department', 12 August 2020",
    url: 'http://www.bssnews.net/?p=437326',
  },
  districtCommittee: {
    title:
      'Meherpur News, "Monthly meeting of the committee for the prevention of violence against women and children held in Meherpur", 16 June 2025',
    url: 'https://www.meherpurnews.com/%e0%a6%ae%e0%a7%87%e0%a6%b9%e0%a7%87%e0%a6%b0%e0%a6%aa%e0%a7%81%e0%a6%b0%e0%a7%87-%e0%a6%a8%e0%a6%be%e0%a6%b0%e0%a7%80-%e0%a6%93-%e0%a6%b6%e0%a6%bf%e0%a6%b6%e0%a7%81-%e0%a6%a8%e0%a6%bf%e0%a6%b0-8/',
  },
  districtCommitteeMinutes: {
    title: 'Chandpur Kantha, "District committee for the prevention of violence against women and children meets", 7 August 2022',
    url: 'https://chandpurkantha24.com/law-court/21639/',
  },
} satisfies Record<string, SourceDoc>;

const eightMinistries: SourceDoc = {
  ...sources.unWomen,
  quote:
    'brings together representatives of eight ministries: Health and Family Welfare; Home Affairs; Information; Social Welfare; Law, Justice and Family Welfare; Religious Affairs; and Education',
};

/** The district committees' reports found are of other districts; the demo gives Dhaka its committee the same way. */
export const districtCommitteeNote =
  "The reports checked are of the Meherpur and Chandpur district committees; the demo gives Dhaka's committee the same chair and offices.";

export const organisations: OrganisationSeed[] = [
  {
    _id: 'bd-mowca',
    name: 'Ministry of Women and Children Affairs',
    kind: 'MINISTRY',
    sectorIds: [],
    source: {
      ...sources.ministries,
      quote:
        'The Ministry of Women & Children Affairs (MoWCA) will act as the lead ministry and consolidate, maintain and facilitate the coordination between the participating ministries and the programme',
    },
  },
  { _id: 'bd-mohfw', name: 'Ministry of Health and Family Welfare', kind: 'MINISTRY', sectorIds: ['health'], source: eightMinistries },
  {
    _id: 'bd-hsd',
    name: 'Health Services Division',
    kind: 'DIVISION_OR_DEPARTMENT',
    parentId: 'bd-mohfw',
    sectorIds: ['health'],
    source: {
      ...sources.ministries,
      quote:
        'Health Services Division of the Ministry of Health and Family Welfare will have the responsibility for the maintenance of the One-Stop Crisis Centre at medical college hospitals',
    },
  },
  { _id: 'bd-moha', name: 'Ministry of Home Affairs', kind: 'MINISTRY', sectorIds: ['police'], source: eightMinistries },
  {
    _id: 'bd-police',
    name: 'Bangladesh Police',
    kind: 'POLICE_SERVICE',
    parentId: 'bd-moha',
    sectorIds: ['police'],
    source: { ...sources.unWomen, quote: 'The OSCCs have police units attached' },
    addedForDemo: 'The source says the crisis centres have police units attached; the demo names the service that staffs them.',
  },
  {
    _id: 'bd-molj',
    name: 'Ministry of Law, Justice and Parliamentary Affairs',
    kind: 'MINISTRY',
    sectorIds: ['justice'],
    source: { ...sources.background, quote: 'Ministry of Law, Justice and Parliamentary Affairs' },
    addedForDemo:
      'The UN Women account calls it "Law, Justice and Family Welfare"; the demo uses the name the programme\'s own site gives.',
  },
  { _id: 'bd-mosw', name: 'Ministry of Social Welfare', kind: 'MINISTRY', sectorIds: ['social-welfare'], source: eightMinistries },
  { _id: 'bd-moe', name: 'Ministry of Education', kind: 'MINISTRY', sectorIds: ['education'], source: eightMinistries },
  { _id: 'bd-moi', name: 'Ministry of Information', kind: 'MINISTRY', sectorIds: [], source: eightMinistries },
  { _id: 'bd-mora', name: 'Ministry of Religious Affairs', kind: 'MINISTRY', sectorIds: [], source: eightMinistries },
  {
    _id: 'bd-planning',
    name: 'Planning and Development',
    kind: 'MINISTRY',
    sectorIds: [],
    source: { ...sources.unWomen, section: `${sources.unWomen.section}: the Coordination Committee` },
    addedForDemo:
      'The source names the co-chair only as "Planning and Development"; the demo does not guess which ministry or division it means.',
  },
  {
    _id: 'bd-dmch',
    name: 'Dhaka Medical College Hospital',
    kind: 'HOSPITAL',
    parentId: 'bd-hsd',
    sectorIds: ['health'],
    source: { ...sources.dnaLaboratory, quote: 'Dhaka Medical College Hospital (DMCH)' },
    addedForDemo:
      "Its place under the Health Services Division is the demo's reading of that division's duty for the crisis centres at medical college hospitals.",
  },
  {
    _id: 'bd-dmc',
    name: 'Dhaka Medical College',
    kind: 'MEDICAL_COLLEGE',
    sectorIds: [],
    source: sources.unWomen,
    addedForDemo:
      'The source seats the directors and principals of the medical colleges without naming them; the demo names the colleges whose hospitals host crisis centres.',
  },
  {
    _id: 'bd-rmch',
    name: 'Rajshahi Medical College Hospital',
    kind: 'HOSPITAL',
    parentId: 'bd-hsd',
    sectorIds: ['health'],
    source: sources.unWomen,
    addedForDemo:
      'The source does not name the hospitals that host crisis centres; the demo names one of them, under the Health Services Division.',
  },
  {
    _id: 'bd-cmch',
    name: 'Chattogram Medical College Hospital',
    kind: 'HOSPITAL',
    parentId: 'bd-hsd',
    sectorIds: ['health'],
    source: sources.unWomen,
    addedForDemo:
      'The source does not name the hospitals that host crisis centres; the demo names one of them, under the Health Services Division.',
  },
  {
    _id: 'bd-somc',
    name: 'Sylhet MAG Osmani Medical College',
    kind: 'MEDICAL_COLLEGE',
    sectorIds: [],
    source: sources.unWomen,
    addedForDemo: 'The source does not name the medical colleges; the demo names one whose hospital hosts a crisis centre.',
  },
  {
    _id: 'bd-dna-department',
    name: 'DNA Laboratory Management Department',
    kind: 'DIVISION_OR_DEPARTMENT',
    parentId: 'bd-mowca',
    sectorIds: [],
    source: {
      ...sources.dnaLaboratory,
      quote:
        'The government set up the department under the Ministry of Women and Children Affairs as per the Section 20 of the Deoxyribonucleic Acid Act-2014',
    },
  },
  {
    _id: 'bd-dna-lab',
    name: 'National Forensic DNA Profiling Laboratory',
    kind: 'LABORATORY',
    parentId: 'bd-dna-department',
    sectorIds: ['health', 'police'],
    source: {
      ...sources.dnaLaboratory,
      quote:
        'the National Forensic DNA Profiling Laboratory, which was established under the multi-sectoral programme of the Women and Children Affairs Ministry to prevent the violence against women, is located at 10th floor of the Nuclear Medicine Building at Dhaka Medical College Hospital (DMCH)',
    },
    addedForDemo:
      "The sectors it serves (screening at the crisis centres, evidence for investigations) are the demo's reading of its role.",
  },
  {
    _id: 'bd-danida',
    name: 'Danish International Development Agency (Danida)',
    kind: 'DEVELOPMENT_PARTNER',
    sectorIds: [],
    source: {
      ...sources.unWomen,
      quote: 'was set up in 1997 by the government of Bangladesh with support from the Danish International Development Agency',
    },
  },
  {
    _id: 'bd-dwa',
    name: 'Department of Women Affairs',
    kind: 'DIVISION_OR_DEPARTMENT',
    parentId: 'bd-mowca',
    sectorIds: [],
    source: { ...sources.districtCommitteeMinutes, quote: 'জেলা মহিলা বিষয়ক অধিদপ্তরের উপপরিচালক' },
  },
  {
    _id: 'bd-dc-dhaka',
    name: 'Office of the Deputy Commissioner, Dhaka',
    kind: 'AGENCY',
    sectorIds: [],
    source: { ...sources.districtCommittee, quote: 'সভায় সভাপতিত্ব করেন জেলা প্রশাসক' },
    addedForDemo: districtCommitteeNote,
  },
  // Running service points: the hospitals that host the other crisis centres.
  ...(
    [
      ['bd-somch', 'bd-occ-sylhet'],
      ['bd-kmch', 'bd-occ-khulna'],
      ['bd-sbmch', 'bd-occ-barishal'],
      ['bd-rpmch', 'bd-occ-rangpur'],
      ['bd-fmch', 'bd-occ-faridpur'],
      ['bd-cumch', 'bd-occ-cumilla'],
    ] as const
  ).map(([id, centreId]) => crisisCentreHost(id, centreId)),
];

/** The hospital a crisis centre is in, cited as the centre's own record cites it. */
function crisisCentreHost(id: string, centreId: string): OrganisationSeed {
  const centre = countryFacts.bangladesh.crisisCentres.find((c) => c.id === centreId);
  if (!centre?.provenance.source) throw new Error(`organisations: crisis centre "${centreId}" has no cited source`);
  return {
    _id: id,
    name: centre.hospital,
    kind: 'HOSPITAL',
    parentId: 'bd-hsd',
    sectorIds: ['health'],
    source: centre.provenance.source,
    addedForDemo:
      "The source lists the centre in this hospital; the hospital's place under the Health Services Division is the demo's reading of that division's duty for the crisis centres at medical college hospitals.",
  };
}
