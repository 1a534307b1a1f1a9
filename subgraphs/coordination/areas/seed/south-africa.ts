import type { AreaTreeSeed, UpperAreaSeed } from './index.ts';

/*
 * South Africa: the nine provinces and the demo's metropolitan and district municipalities, with
 * the Municipal Demarcation Board's municipal codes and the provinces' usual abbreviations.
 */

const codeNote =
  "Codes are the Municipal Demarcation Board's municipal codes and the provinces' abbreviations as the demo recalls them; not checked against a Board publication.";

const province = (code: string, name: string): UpperAreaSeed => ({
  _id: `za-province-${code.toLowerCase()}`,
  code,
  name,
  level: 'PROVINCE_OR_DIVISION',
  parentId: 'za',
  source: { title: 'Constitution of the Republic of South Africa, 1996', section: 's.103(1)' },
  addedForDemo: codeNote,
});

const municipality = (code: string, province: string) => ({
  code,
  parentId: `za-province-${province}`,
  source: { title: 'Local Government: Municipal Structures Act 117 of 1998', section: 'ss.2 and 3' },
  addedForDemo: codeNote,
});

export const southAfrica: AreaTreeSeed = {
  country: {
    _id: 'za',
    code: 'ZA',
    name: 'South Africa',
    level: 'COUNTRY',
    source: { title: 'ISO 3166-1 country codes', section: 'alpha-2' },
  },
  provinces: [
    province('EC', 'Eastern Cape'),
    province('FS', 'Free State'),
    province('GP', 'Gauteng'),
    province('KZN', 'KwaZulu-Natal'),
    province('LP', 'Limpopo'),
    province('MP', 'Mpumalanga'),
    province('NC', 'Northern Cape'),
    province('NW', 'North West'),
    province('WC', 'Western Cape'),
  ],
  districts: {
    'City of Tshwane': municipality('TSH', 'gp'),
    'City of Johannesburg': municipality('JHB', 'gp'),
    Ekurhuleni: municipality('EKU', 'gp'),
    'City of Cape Town': municipality('CPT', 'wc'),
    eThekwini: municipality('ETH', 'kzn'),
    'Nelson Mandela Bay': municipality('NMA', 'ec'),
    'Buffalo City': municipality('BUF', 'ec'),
    'OR Tambo': municipality('DC15', 'ec'),
    Mangaung: municipality('MAN', 'fs'),
    Vhembe: municipality('DC34', 'lp'),
    Capricorn: municipality('DC35', 'lp'),
    Ehlanzeni: municipality('DC32', 'mp'),
    'Ngaka Modiri Molema': municipality('DC38', 'nw'),
    'Frances Baard': municipality('DC9', 'nc'),
    uMgungundlovu: municipality('DC22', 'kzn'),
  },
};
