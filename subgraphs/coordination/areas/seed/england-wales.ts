import type { AreaTreeSeed, UpperAreaSeed } from './index.ts';

/*
 * England and Wales: the demo's districts are police force areas (the country facts say so);
 * above them the English regions and Wales, with the Office for National Statistics codes.
 */

const onsNote = 'ONS codes as the demo recalls them; not checked against the ONS register.';

const region = (slug: string, name: string, code: string): UpperAreaSeed => ({
  _id: `ew-region-${slug}`,
  code,
  name,
  level: 'PROVINCE_OR_DIVISION',
  parentId: 'ew',
  source: { title: 'Office for National Statistics, Register of Geographic Codes', section: 'regions (E12) and countries (W92)' },
  addedForDemo: onsNote,
});

const forceArea = (code: string, region: string) => ({
  code,
  parentId: `ew-region-${region}`,
  addedForDemo:
    'Police force areas as the country facts name them; the codes are the demo’s own, and the demo places each force area in the region (or Wales) that contains it.',
});

export const englandWales: AreaTreeSeed = {
  country: {
    _id: 'ew',
    code: 'K04000001',
    name: 'England and Wales',
    level: 'COUNTRY',
    source: { title: 'Office for National Statistics, Register of Geographic Codes', section: 'K04' },
    addedForDemo: onsNote,
  },
  provinces: [
    region('north-east', 'North East', 'E12000001'),
    region('north-west', 'North West', 'E12000002'),
    region('yorkshire-and-the-humber', 'Yorkshire and The Humber', 'E12000003'),
    region('east-midlands', 'East Midlands', 'E12000004'),
    region('west-midlands', 'West Midlands', 'E12000005'),
    region('east-of-england', 'East of England', 'E12000006'),
    region('london', 'London', 'E12000007'),
    region('south-east', 'South East', 'E12000008'),
    region('south-west', 'South West', 'E12000009'),
    region('wales', 'Wales', 'W92000004'),
  ],
  districts: {
    'Greater Manchester': forceArea('PFA-GMP', 'north-west'),
    'Metropolitan Police': forceArea('PFA-MPS', 'london'),
    'West Midlands': forceArea('PFA-WMP', 'west-midlands'),
    'West Yorkshire': forceArea('PFA-WYP', 'yorkshire-and-the-humber'),
    Merseyside: forceArea('PFA-MER', 'north-west'),
    'Thames Valley': forceArea('PFA-TVP', 'south-east'),
    'Avon and Somerset': forceArea('PFA-ASP', 'south-west'),
    Northumbria: forceArea('PFA-NBR', 'north-east'),
    'South Wales': forceArea('PFA-SWP', 'wales'),
    'North Wales': forceArea('PFA-NWP', 'wales'),
    'Dyfed-Powys': forceArea('PFA-DPP', 'wales'),
    Kent: forceArea('PFA-KNT', 'south-east'),
    'Hampshire and Isle of Wight': forceArea('PFA-HAM', 'south-east'),
    Lancashire: forceArea('PFA-LAN', 'north-west'),
    Nottinghamshire: forceArea('PFA-NOT', 'east-midlands'),
    'Devon and Cornwall': forceArea('PFA-DC', 'south-west'),
  },
  subDistricts: [
    {
      _id: 'ew-devon',
      code: 'E10000008',
      name: 'Devon',
      district: 'Devon and Cornwall',
      source: { title: 'Devon County Council, Domestic Abuse Act 2021', url: 'https://www.devon.gov.uk/dsva/domestic-abuse-act-2021/' },
      addedForDemo: `The county council's area, placed in its police force area; ${onsNote}`,
    },
  ],
};
