import type { SourceDoc } from '../../provenance.ts';
import type { OrganisationSeed } from './index.ts';

/*
 * South Africa: the organs of state the Criminal Law (Sexual Offences and Related Matters)
 * Amendment Act 32 of 2007 names in Part 3 of Chapter 7. Section 63(2) lists the heads of
 * department who sit on the Inter-sectoral Committee; section 62(1) and 65(3) name the same
 * departments and the National Director of Public Prosecutions.
 */

const act = 'Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007';

export const sources = {
  committee: {
    title: act,
    section: 's.63(2)',
    url: 'https://source.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/index.html',
  },
  policyFramework: {
    title: act,
    section: 's.62(1)',
    quote:
      'The Minister must, after consultation with the cabinet members responsible for safety and security, correctional services, social development and health and the National Director of Public Prosecutions, adopt a national policy framework',
    url: 'https://source.acts.co.za/criminal-law-sexual-offences-and-related-matters-amendment-act-2007/62__national_policy_framework.php',
  },
} satisfies Record<string, SourceDoc>;

export const organisations: OrganisationSeed[] = [
  {
    _id: 'za-doj',
    name: 'Department of Justice and Constitutional Development',
    kind: 'MINISTRY',
    sectorIds: ['justice'],
    source: { ...sources.committee, section: 's.63(2)(a)' },
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
];
