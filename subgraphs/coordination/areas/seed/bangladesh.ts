import type { SourceDoc } from '../../../kit/provenance.ts';
import type { AreaTreeSeed, UpperAreaSeed } from './index.ts';

/*
 * Bangladesh: the country, its eight divisions and the demo's districts, with the Bangladesh
 * Bureau of Statistics geocodes (two digits for a district, as published with the MICS 2019
 * household data).
 */

const districtCodes: SourceDoc = {
  title: 'Bangladesh Bureau of Statistics district geocodes, as coded in the Multiple Indicator Cluster Survey 2019 (variable HH7A)',
  url: 'http://catalog.ihsn.org/catalog/10013/variable/F1/V28?name=HH7A',
};
const divisionNote =
  'The eight divisions are the administrative divisions of Bangladesh; their codes follow the Bureau of Statistics geocode scheme as the demo recalls it and were not checked against a Bureau publication.';

const division = (slug: string, name: string, code: string): UpperAreaSeed => ({
  _id: `bd-division-${slug}`,
  code,
  name: `${name} Division`,
  level: 'PROVINCE_OR_DIVISION',
  parentId: 'bd',
  addedForDemo: divisionNote,
});

const district = (code: string, division: string) => ({ code, parentId: `bd-division-${division}`, source: districtCodes });

export const bangladesh: AreaTreeSeed = {
  country: {
    _id: 'bd',
    code: 'BD',
    name: 'Bangladesh',
    level: 'COUNTRY',
    source: { title: 'ISO 3166-1 country codes', section: 'alpha-2' },
  },
  provinces: [
    division('barishal', 'Barishal', '10'),
    division('chattogram', 'Chattogram', '20'),
    division('dhaka', 'Dhaka', '30'),
    division('khulna', 'Khulna', '40'),
    division('mymensingh', 'Mymensingh', '45'),
    division('rajshahi', 'Rajshahi', '50'),
    division('rangpur', 'Rangpur', '55'),
    division('sylhet', 'Sylhet', '60'),
  ],
  districts: {
    Dhaka: district('26', 'dhaka'),
    Rajshahi: district('81', 'rajshahi'),
    Chattogram: district('15', 'chattogram'),
    Sylhet: district('91', 'sylhet'),
    Khulna: district('47', 'khulna'),
    Barishal: district('06', 'barishal'),
    Rangpur: district('85', 'rangpur'),
    Faridpur: district('29', 'dhaka'),
    Cumilla: district('19', 'chattogram'),
    Mymensingh: district('61', 'mymensingh'),
    Gazipur: district('33', 'dhaka'),
    Jashore: district('41', 'khulna'),
    "Cox's Bazar": district('22', 'chattogram'),
    Dinajpur: district('27', 'rangpur'),
  },
};
