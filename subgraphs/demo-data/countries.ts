import type { CountryId } from '../../platform/config.ts';
import type { ProvenanceDoc, SourceDoc } from '../kit/provenance.ts';

/*
 * Reference facts about each country that the lead ministry and the sectors must agree on:
 * districts, the crisis centres (their ids are foreign keys in every sector's facets and
 * service points) and the framework's actions with their lead sector and due date (the lead
 * sector's action records are keyed by these ids). Everything else belongs to the subgraph
 * that owns it: action titles to coordination, statuses and services to each sector.
 *
 * Each crisis centre and each action's due date says where it comes from (`provenance`,
 * `dueDateProvenance`), so every subgraph that stores them can carry the mark.
 *
 * Dates are ISO strings here and become Date objects in the documents built from them, so
 * each call to a seed function gets fresh objects.
 */

export type SectorId = 'health' | 'police' | 'justice' | 'social-welfare' | 'education';

export interface DistrictFacts {
  /** Administrative district (BD), police force area (E&W) or district municipality/metro (ZA). */
  name: string;
  /** Towns in the district; the first is the district town. */
  places: readonly [string, ...string[]];
}

export interface CrisisCentreFacts {
  id: string;
  name: string;
  hospital: string;
  place: string;
  district: string;
  /** YYYY-MM-DD, or null when not known. */
  openedOn: string | null;
  /** Where the centre's facts come from, and what the demo added. */
  provenance: ProvenanceDoc;
}

export interface ActionFacts {
  id: string;
  leadSectorId: SectorId;
  /** The due date (YYYY-MM-DD); the lead sector records it. */
  dueDate: string | null;
  /** Where the due date comes from; the lead sector's record of it carries this mark. */
  dueDateProvenance: ProvenanceDoc;
}

/** Every due date below: the frameworks as the demo cites them set none. */
export const drawnDueDate: ProvenanceDoc = {
  addedForDemo: "The framework's documents as the demo cites them set no due date for this action; the date is drawn for the demo.",
};
const withDrawnDueDates = (actions: readonly Omit<ActionFacts, 'dueDateProvenance'>[]): ActionFacts[] =>
  actions.map((action) => ({ ...action, dueDateProvenance: drawnDueDate }));

const occList: SourceDoc = {
  title:
    'Ministry of Women and Children Affairs, "One-Stop Crisis Centre (OCC)" (ওয়ান-ষ্টপ ক্রাইসিস সেন্টার), national portal, updated 11 August 2021',
  url: 'https://mowca.portal.gov.bd/site/page/b9c4c9ab-c01f-4926-8b70-8e587cf8bfb0/-ওয়ান-স্টপ-ক্রাইসিস-সেন্টার-',
};
/** The portal gives the year a centre was set up; the day is the demo's. */
const occYear = (quote: string): ProvenanceDoc => ({
  source: { ...occList, quote },
  addedForDemo: "The source gives the year the centre was set up; the day (1 January) is the demo's.",
});
const occPilot = 'প্রকল্পের পাইলট পর্বে ঢাকা (২০০১)ও রাজশাহী মেডিকেল কলেজ হাসপাতালে (২০০২)';
const occFirstPhase = '১মপর্বে চট্টগ্রাম,সিলেট,বরিশাল ও খুলনা মেডিকেল কলেজ হাসপাতালে (২০০৬) ওসিসি স্থাপিত হয়েছে';
const occSecondPhase = 'রংপুর ও ফরিদপুর মেডিকেল কলেজ হাসপাতালে (২০১১) দেশের ৭ম ও ৮ম ওসিসি প্রতিষ্ঠা করা হয়েছে';
const centreNotChecked = (what: string): ProvenanceDoc => ({
  addedForDemo: `The demo's record of a real centre; ${what} not checked against a source here.`,
});

export interface CountryFacts {
  /** Prefix of the country's generated ids, e.g. `bd` in `health-sp-bd-001`. */
  idPrefix: string;
  districts: readonly DistrictFacts[];
  crisisCentres: readonly CrisisCentreFacts[];
  actions: readonly ActionFacts[];
}

const bangladesh: CountryFacts = {
  idPrefix: 'bd',
  districts: [
    { name: 'Dhaka', places: ['Dhaka', 'Savar', 'Keraniganj', 'Dhamrai'] },
    { name: 'Rajshahi', places: ['Rajshahi', 'Paba', 'Godagari', 'Bagha'] },
    { name: 'Chattogram', places: ['Chattogram', 'Patiya', 'Sitakunda', 'Hathazari'] },
    { name: 'Sylhet', places: ['Sylhet', 'Beanibazar', 'Golapganj', 'Companiganj'] },
    { name: 'Khulna', places: ['Khulna', 'Dumuria', 'Batiaghata', 'Paikgachha'] },
    { name: 'Barishal', places: ['Barishal', 'Bakerganj', 'Babuganj', 'Gaurnadi'] },
    { name: 'Rangpur', places: ['Rangpur', 'Mithapukur', 'Pirganj', 'Badarganj'] },
    { name: 'Faridpur', places: ['Faridpur', 'Boalmari', 'Bhanga', 'Madhukhali'] },
    { name: 'Cumilla', places: ['Cumilla', 'Daudkandi', 'Chauddagram', 'Laksam'] },
    { name: 'Mymensingh', places: ['Mymensingh', 'Trishal', 'Bhaluka', 'Muktagachha'] },
    { name: 'Gazipur', places: ['Gazipur', 'Kaliakair', 'Sreepur', 'Kapasia'] },
    { name: 'Jashore', places: ['Jashore', 'Jhikargachha', 'Manirampur', 'Sharsha'] },
    { name: "Cox's Bazar", places: ["Cox's Bazar", 'Ukhia', 'Teknaf', 'Ramu'] },
    { name: 'Dinajpur', places: ['Dinajpur', 'Parbatipur', 'Birganj', 'Fulbari'] },
  ],
  // One-Stop Crisis Centres of the Multi-Sectoral Programme, in medical college hospitals. Dhaka's
  // opened in August 2001; the others' years are the ministry portal's, their days the demo's.
  crisisCentres: [
    {
      id: 'bd-occ-dhaka',
      name: 'One-Stop Crisis Centre, Dhaka Medical College Hospital',
      hospital: 'Dhaka Medical College Hospital',
      place: 'Dhaka',
      district: 'Dhaka',
      openedOn: '2001-08-01',
      provenance: {
        source: {
          title: 'The Daily Star, "One Stop Crisis Centre at DMCH: Free services bring hope to victims", 1 May 2005',
          url: 'https://tds-images.thedailystar.net/2005/05/01/d505012507115.htm',
          quote:
            'this centre set up by the government in August 2001 with financial help from Danish International Development Agency (Danida)',
        },
        addedForDemo: "The source gives the month; the day (1 August) is the demo's.",
      },
    },
    {
      id: 'bd-occ-rajshahi',
      name: 'One-Stop Crisis Centre, Rajshahi Medical College Hospital',
      hospital: 'Rajshahi Medical College Hospital',
      place: 'Rajshahi',
      district: 'Rajshahi',
      openedOn: '2002-01-01',
      provenance: occYear(occPilot),
    },
    {
      id: 'bd-occ-chattogram',
      name: 'One-Stop Crisis Centre, Chattogram Medical College Hospital',
      hospital: 'Chattogram Medical College Hospital',
      place: 'Chattogram',
      district: 'Chattogram',
      openedOn: '2006-01-01',
      provenance: occYear(occFirstPhase),
    },
    {
      id: 'bd-occ-sylhet',
      name: 'One-Stop Crisis Centre, Sylhet MAG Osmani Medical College Hospital',
      hospital: 'Sylhet MAG Osmani Medical College Hospital',
      place: 'Sylhet',
      district: 'Sylhet',
      openedOn: '2006-01-01',
      provenance: occYear(occFirstPhase),
    },
    {
      id: 'bd-occ-khulna',
      name: 'One-Stop Crisis Centre, Khulna Medical College Hospital',
      hospital: 'Khulna Medical College Hospital',
      place: 'Khulna',
      district: 'Khulna',
      openedOn: '2006-01-01',
      provenance: occYear(occFirstPhase),
    },
    {
      id: 'bd-occ-barishal',
      name: 'One-Stop Crisis Centre, Sher-e-Bangla Medical College Hospital',
      hospital: 'Sher-e-Bangla Medical College Hospital',
      place: 'Barishal',
      district: 'Barishal',
      openedOn: '2006-01-01',
      provenance: occYear(occFirstPhase),
    },
    {
      id: 'bd-occ-rangpur',
      name: 'One-Stop Crisis Centre, Rangpur Medical College Hospital',
      hospital: 'Rangpur Medical College Hospital',
      place: 'Rangpur',
      district: 'Rangpur',
      openedOn: '2011-01-01',
      provenance: occYear(occSecondPhase),
    },
    {
      id: 'bd-occ-faridpur',
      name: 'One-Stop Crisis Centre, Faridpur Medical College Hospital',
      hospital: 'Faridpur Medical College Hospital',
      place: 'Faridpur',
      district: 'Faridpur',
      openedOn: '2011-01-01',
      provenance: occYear(occSecondPhase),
    },
    {
      id: 'bd-occ-cumilla',
      name: 'One-Stop Crisis Centre, Cumilla Medical College Hospital',
      hospital: 'Cumilla Medical College Hospital',
      place: 'Cumilla',
      district: 'Cumilla',
      openedOn: '2013-01-01',
      provenance: {
        source: {
          title: 'Jago Comilla (jagocomilla.com), report on the One-Stop Crisis Centre at Cumilla Medical College Hospital',
          url: 'https://jagocomilla.com/?p=11080',
          quote: 'গত ২৩ এপ্রিল আউটডোর ও ২০ জুন ইনডোরে এ সেবা চালু করা হয়।',
        },
        addedForDemo:
          "The report has the centre's outpatient service open on 23 April and its inpatient service on 20 June, without giving the year, and the ministry's portal as read here lists eight centres up to 2011 without Cumilla's; the opening date is a plausible demo value, not the source's.",
      },
    },
  ],
  actions: withDrawnDueDates([
    { id: 'bd-a1-1', leadSectorId: 'education', dueDate: '2026-06-30' },
    { id: 'bd-a1-2', leadSectorId: 'education', dueDate: '2027-06-30' },
    { id: 'bd-a1-3', leadSectorId: 'police', dueDate: '2025-12-31' },
    { id: 'bd-a2-1', leadSectorId: 'health', dueDate: '2027-12-31' },
    { id: 'bd-a2-2', leadSectorId: 'health', dueDate: '2025-12-31' },
    { id: 'bd-a2-3', leadSectorId: 'health', dueDate: '2026-12-15' },
    { id: 'bd-a2-4', leadSectorId: 'social-welfare', dueDate: '2026-03-31' },
    { id: 'bd-a3-1', leadSectorId: 'police', dueDate: '2026-09-30' },
    { id: 'bd-a3-2', leadSectorId: 'police', dueDate: '2027-06-30' },
    { id: 'bd-a3-3', leadSectorId: 'justice', dueDate: '2027-12-31' },
    { id: 'bd-a3-4', leadSectorId: 'justice', dueDate: '2026-12-10' },
    { id: 'bd-a3-5', leadSectorId: 'justice', dueDate: '2027-03-31' },
    { id: 'bd-a4-1', leadSectorId: 'social-welfare', dueDate: '2027-06-30' },
    { id: 'bd-a4-2', leadSectorId: 'social-welfare', dueDate: '2026-08-31' },
    { id: 'bd-a5-1', leadSectorId: 'police', dueDate: '2027-03-31' },
    { id: 'bd-a5-2', leadSectorId: 'education', dueDate: '2027-01-31' },
  ]),
};

const englandWales: CountryFacts = {
  idPrefix: 'ew',
  districts: [
    { name: 'Greater Manchester', places: ['Manchester', 'Salford', 'Bolton', 'Wigan', 'Oldham'] },
    { name: 'Metropolitan Police', places: ['Westminster', 'Croydon', 'Lambeth', 'Tower Hamlets', 'Barnet'] },
    { name: 'West Midlands', places: ['Birmingham', 'Coventry', 'Wolverhampton', 'Dudley'] },
    { name: 'West Yorkshire', places: ['Leeds', 'Bradford', 'Wakefield', 'Huddersfield'] },
    { name: 'Merseyside', places: ['Liverpool', 'Birkenhead', 'St Helens', 'Southport'] },
    { name: 'Thames Valley', places: ['Oxford', 'Reading', 'Milton Keynes', 'Slough'] },
    { name: 'Avon and Somerset', places: ['Bristol', 'Bath', 'Taunton', 'Weston-super-Mare'] },
    { name: 'Northumbria', places: ['Newcastle upon Tyne', 'Sunderland', 'Gateshead', 'North Shields'] },
    { name: 'South Wales', places: ['Cardiff', 'Swansea', 'Bridgend', 'Merthyr Tydfil'] },
    { name: 'North Wales', places: ['Wrexham', 'Bangor', 'Rhyl', 'Colwyn Bay'] },
    { name: 'Dyfed-Powys', places: ['Carmarthen', 'Aberystwyth', 'Llanelli', 'Newtown'] },
    { name: 'Kent', places: ['Maidstone', 'Canterbury', 'Chatham', 'Ashford'] },
    { name: 'Hampshire and Isle of Wight', places: ['Southampton', 'Portsmouth', 'Winchester', 'Basingstoke'] },
    { name: 'Lancashire', places: ['Preston', 'Blackpool', 'Blackburn', 'Lancaster'] },
    { name: 'Nottinghamshire', places: ['Nottingham', 'Mansfield', 'Newark-on-Trent', 'Worksop'] },
    { name: 'Devon and Cornwall', places: ['Exeter', 'Plymouth', 'Truro', 'Torquay'] },
  ],
  // Sexual assault referral centres; districts are police force areas. Saint Mary's (1986) was
  // the first SARC; the first Haven opened at King's College Hospital in 2000. Other dates unknown.
  crisisCentres: [
    {
      id: 'ew-sarc-st-marys',
      name: "Saint Mary's Sexual Assault Referral Centre",
      hospital: "Saint Mary's Hospital, Manchester",
      place: 'Manchester',
      district: 'Greater Manchester',
      openedOn: '1986-01-01',
      provenance: {
        source: {
          title: 'Saint Mary\'s Sexual Assault Referral Centre, "Our history"',
          url: 'http://www.stmaryscentre.org/get-help/our-history/',
          quote: "St. Mary's Sexual Assault Referral Centre (SARC) was established in 1986 and was the first Centre of its kind in the UK.",
        },
        addedForDemo: "The source gives the year; the day (1 January) is the demo's.",
      },
    },
    {
      id: 'ew-sarc-havens-camberwell',
      name: 'The Havens, Camberwell',
      hospital: "King's College Hospital",
      place: 'Camberwell',
      district: 'Metropolitan Police',
      openedOn: '2000-06-01',
      provenance: centreNotChecked('its opening date is'),
    },
    {
      id: 'ew-sarc-havens-paddington',
      name: 'The Havens, Paddington',
      hospital: "St Mary's Hospital, Paddington",
      place: 'Paddington',
      district: 'Metropolitan Police',
      openedOn: null,
      provenance: centreNotChecked('its name and hospital are'),
    },
    {
      id: 'ew-sarc-havens-whitechapel',
      name: 'The Havens, Whitechapel',
      hospital: 'The Royal London Hospital',
      place: 'Whitechapel',
      district: 'Metropolitan Police',
      openedOn: null,
      provenance: centreNotChecked('its name and hospital are'),
    },
    {
      id: 'ew-sarc-ynys-saff',
      name: 'Ynys Saff Sexual Assault Referral Centre',
      hospital: 'Cardiff Royal Infirmary',
      place: 'Cardiff',
      district: 'South Wales',
      openedOn: null,
      provenance: centreNotChecked('its name and hospital are'),
    },
  ],
  actions: withDrawnDueDates([
    { id: 'ew-a1-1', leadSectorId: 'education', dueDate: '2025-07-31' },
    { id: 'ew-a1-2', leadSectorId: 'education', dueDate: '2027-03-31' },
    { id: 'ew-a1-3', leadSectorId: 'education', dueDate: '2026-12-01' },
    { id: 'ew-a2-1', leadSectorId: 'health', dueDate: '2026-10-31' },
    { id: 'ew-a2-2', leadSectorId: 'health', dueDate: '2027-09-30' },
    { id: 'ew-a2-3', leadSectorId: 'social-welfare', dueDate: '2026-12-20' },
    { id: 'ew-a2-4', leadSectorId: 'social-welfare', dueDate: '2027-01-31' },
    { id: 'ew-a2-5', leadSectorId: 'justice', dueDate: '2027-03-31' },
    { id: 'ew-a3-1', leadSectorId: 'police', dueDate: '2025-03-31' },
    { id: 'ew-a3-2', leadSectorId: 'police', dueDate: '2027-06-30' },
    { id: 'ew-a3-3', leadSectorId: 'police', dueDate: '2026-09-30' },
    { id: 'ew-a3-4', leadSectorId: 'justice', dueDate: '2022-09-30' },
    { id: 'ew-a4-1', leadSectorId: 'justice', dueDate: '2027-03-31' },
    { id: 'ew-a4-2', leadSectorId: 'health', dueDate: '2027-06-30' },
    { id: 'ew-a4-3', leadSectorId: 'social-welfare', dueDate: '2026-05-31' },
  ]),
};

const southAfrica: CountryFacts = {
  idPrefix: 'za',
  districts: [
    { name: 'City of Tshwane', places: ['Pretoria', 'Mamelodi', 'Soshanguve', 'Atteridgeville'] },
    { name: 'City of Johannesburg', places: ['Johannesburg', 'Soweto', 'Alexandra', 'Diepsloot'] },
    { name: 'Ekurhuleni', places: ['Germiston', 'Tembisa', 'Katlehong', 'Benoni'] },
    { name: 'City of Cape Town', places: ['Cape Town', 'Bellville', 'Khayelitsha', 'Mitchells Plain'] },
    { name: 'eThekwini', places: ['Durban', 'Umlazi', 'Pinetown', 'Inanda'] },
    { name: 'Nelson Mandela Bay', places: ['Gqeberha', 'Kariega', 'Motherwell'] },
    { name: 'Buffalo City', places: ['East London', 'Mdantsane', 'Qonce'] },
    { name: 'OR Tambo', places: ['Mthatha', 'Lusikisiki', 'Ngqeleni'] },
    { name: 'Mangaung', places: ['Bloemfontein', 'Botshabelo', 'Thaba Nchu'] },
    { name: 'Vhembe', places: ['Thohoyandou', 'Makhado', 'Musina'] },
    { name: 'Capricorn', places: ['Polokwane', 'Seshego', 'Lebowakgomo'] },
    { name: 'Ehlanzeni', places: ['Mbombela', 'KaNyamazane', 'Barberton'] },
    { name: 'Ngaka Modiri Molema', places: ['Mahikeng', 'Lichtenburg', 'Zeerust'] },
    { name: 'Frances Baard', places: ['Kimberley', 'Galeshewe', 'Warrenton'] },
    { name: 'uMgungundlovu', places: ['Pietermaritzburg', 'Edendale', 'Howick'] },
  ],
  // Thuthuzela Care Centres, run by the NPA in public hospitals; opening dates not recorded here.
  crisisCentres: [
    {
      id: 'za-tcc-mamelodi',
      name: 'Mamelodi Thuthuzela Care Centre',
      hospital: 'Mamelodi Hospital',
      place: 'Mamelodi',
      district: 'City of Tshwane',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-karl-bremer',
      name: 'Karl Bremer Thuthuzela Care Centre',
      hospital: 'Karl Bremer Hospital',
      place: 'Bellville',
      district: 'City of Cape Town',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-mthatha',
      name: 'Mthatha Thuthuzela Care Centre',
      hospital: 'Nelson Mandela Academic Hospital',
      place: 'Mthatha',
      district: 'OR Tambo',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-tembisa',
      name: 'Tembisa Thuthuzela Care Centre',
      hospital: 'Tembisa Hospital',
      place: 'Tembisa',
      district: 'Ekurhuleni',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-umlazi',
      name: 'Umlazi Thuthuzela Care Centre',
      hospital: 'Prince Mshiyeni Memorial Hospital',
      place: 'Umlazi',
      district: 'eThekwini',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-dora-nginza',
      name: 'Dora Nginza Thuthuzela Care Centre',
      hospital: 'Dora Nginza Hospital',
      place: 'Gqeberha',
      district: 'Nelson Mandela Bay',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-pelonomi',
      name: 'Pelonomi Thuthuzela Care Centre',
      hospital: 'Pelonomi Hospital',
      place: 'Bloemfontein',
      district: 'Mangaung',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-tshilidzini',
      name: 'Tshilidzini Thuthuzela Care Centre',
      hospital: 'Tshilidzini Hospital',
      place: 'Thohoyandou',
      district: 'Vhembe',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
    {
      id: 'za-tcc-edendale',
      name: 'Edendale Thuthuzela Care Centre',
      hospital: 'Edendale Hospital',
      place: 'Edendale',
      district: 'uMgungundlovu',
      openedOn: null,
      provenance: centreNotChecked('its name, hospital and district are'),
    },
  ],
  actions: withDrawnDueDates([
    { id: 'za-a1-1', leadSectorId: 'justice', dueDate: '2025-03-31' },
    { id: 'za-a1-2', leadSectorId: 'justice', dueDate: '2026-07-31' },
    { id: 'za-a2-1', leadSectorId: 'health', dueDate: '2027-03-31' },
    { id: 'za-a2-2', leadSectorId: 'health', dueDate: '2027-06-30' },
    { id: 'za-a2-3', leadSectorId: 'health', dueDate: '2025-09-30' },
    { id: 'za-a2-4', leadSectorId: 'justice', dueDate: '2027-12-31' },
    { id: 'za-a2-5', leadSectorId: 'social-welfare', dueDate: '2024-12-31' },
    { id: 'za-a2-6', leadSectorId: 'social-welfare', dueDate: '2026-12-18' },
    { id: 'za-a3-1', leadSectorId: 'police', dueDate: '2026-03-31' },
    { id: 'za-a3-2', leadSectorId: 'police', dueDate: '2027-09-30' },
    { id: 'za-a3-3', leadSectorId: 'police', dueDate: '2027-03-31' },
    { id: 'za-a3-4', leadSectorId: 'justice', dueDate: '2027-03-31' },
    { id: 'za-a4-1', leadSectorId: 'education', dueDate: '2027-06-30' },
    { id: 'za-a4-2', leadSectorId: 'education', dueDate: '2026-09-30' },
    { id: 'za-a5-1', leadSectorId: 'education', dueDate: '2026-03-31' },
  ]),
};

export const countryFacts: Readonly<Record<CountryId, CountryFacts>> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};
