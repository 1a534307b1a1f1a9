import type { SourceDoc } from '../../../kit/provenance.ts';
import type { OrganisationSeed } from './index.ts';

/*
 * South Africa: the organs of state whose heads section 63(2) of the Criminal Law (Sexual
 * Offences and Related Matters) Amendment Act 32 of 2007 seats on the Inter-sectoral Committee
 * (sections 62(1) and 65(3) name the same departments and the National Director of Public
 * Prosecutions), and the education department the demo registers for its education sector.
 */

const act = 'Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007';

export const sources = {
  committee: {
    title: act,
    section: 's.63(2)',
    url: 'http://en.wikisource.org/wiki/Page:Criminal_Law_(Sexual_Offences_and_Related_Matters)_Amendment_Act_2007.pdf/38',
  },
} satisfies Record<string, SourceDoc>;

/** Said of everything in the demo's provincial committee. */
export const provincialNote =
  'Sections 62 to 65 of the Act set up no provincial structure; the demo adds a provincial committee for Gauteng, with its seats, cadence and reporting line, to show coordination below the national level.';

export const organisations: OrganisationSeed[] = [
  {
    _id: 'za-doj',
    name: 'Department of Justice and Constitutional Development',
    kind: 'MINISTRY',
    sectorIds: ['justice'],
    source: sources.committee,
  },
  {
    _id: 'za-doj-vulnerable-groups',
    name: 'Chief Directorate: Promotion of the Rights of Vulnerable Groups',
    kind: 'DIVISION_OR_DEPARTMENT',
    parentId: 'za-doj',
    sectorIds: ['justice'],
    addedForDemo: 'The Act does not say who serves the Committee; the demo gives its secretariat to this part of the lead department.',
  },
  { _id: 'za-saps', name: 'South African Police Service', kind: 'POLICE_SERVICE', sectorIds: ['police'], source: sources.committee },
  { _id: 'za-npa', name: 'National Prosecuting Authority', kind: 'PROSECUTION_SERVICE', sectorIds: ['justice'], source: sources.committee },
  { _id: 'za-dcs', name: 'Department of Correctional Services', kind: 'MINISTRY', sectorIds: [], source: sources.committee },
  { _id: 'za-dsd', name: 'Department of Social Development', kind: 'MINISTRY', sectorIds: ['social-welfare'], source: sources.committee },
  { _id: 'za-doh', name: 'National Department of Health', kind: 'MINISTRY', sectorIds: ['health'], source: sources.committee },
  {
    _id: 'za-dbe',
    name: 'Department of Basic Education',
    kind: 'MINISTRY',
    sectorIds: ['education'],
    addedForDemo:
      'Sections 62 to 65 of the Act do not name Basic Education; the demo registers it as the department that answers for the education sector, with no seat on the Committee.',
  },
  {
    _id: 'za-gauteng',
    name: 'Gauteng Provincial Government',
    kind: 'DEVOLVED_GOVERNMENT',
    sectorIds: ['health', 'social-welfare'],
    addedForDemo: provincialNote,
  },
];
