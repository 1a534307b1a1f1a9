import type { SourceDoc } from '../../../kit/provenance.ts';
import type { OrganisationSeed } from './index.ts';

/*
 * England and Wales: the departments and services that hold actions against violence against
 * women and girls. The National Audit Office's report names the lead department and the others
 * with a part to play; which posts sit on the Inter-Ministerial Group and the Delivery Board is
 * not set out there, so the seats say what the demo adds.
 */

const nationalAuditOffice = {
  title: 'National Audit Office, Tackling violence against women and girls (summary in the EUROSAI audit database)',
  url: 'https://eurosai.saga-consulting.net/eurosai/en/database/audits/Tackling-violence-against-women-and-girls',
};

export const sources = {
  nationalAuditOffice,
  homeOfficeLeads: {
    ...nationalAuditOffice,
    quote: "The Home Office leads on the government's response to tackling VAWG, including domestic abuse.",
  },
  departmentRoles: {
    ...nationalAuditOffice,
    quote:
      'There are important roles for the Ministry of Housing, Communities and Local Government, the Ministry of Justice and other parts of the criminal justice system, the Department for Education and NHS England',
  },
  devonBoard: {
    title: 'Devon County Council, "Domestic Abuse Act 2021"',
    url: 'https://www.devon.gov.uk/dsva/domestic-abuse-act-2021/',
  },
  localBoard: { title: 'Domestic Abuse Act 2021', section: 's.58', url: 'https://www.legislation.gov.uk/ukpga/2021/17/section/58' },
} satisfies Record<string, SourceDoc>;

const { homeOfficeLeads: lead, departmentRoles: roles } = sources;

/** Said of the Devon Board's members that the page checked does not name. */
export const localMemberNote =
  'Section 58(2) requires the Board to include members for policing or criminal justice and for health care; the page checked does not name them, and the demo seats these.';

export const organisations: OrganisationSeed[] = [
  { _id: 'ew-home-office', name: 'Home Office', kind: 'MINISTRY', sectorIds: ['police'], source: lead },
  {
    _id: 'ew-dhsc',
    name: 'Department of Health and Social Care',
    kind: 'MINISTRY',
    sectorIds: ['health'],
    source: roles,
    addedForDemo: 'The source names NHS England; the demo seats the department that answers for it.',
  },
  { _id: 'ew-moj', name: 'Ministry of Justice', kind: 'MINISTRY', sectorIds: ['justice'], source: roles },
  {
    _id: 'ew-mhclg',
    name: 'Ministry of Housing, Communities and Local Government',
    kind: 'MINISTRY',
    sectorIds: ['social-welfare'],
    source: roles,
  },
  { _id: 'ew-dfe', name: 'Department for Education', kind: 'MINISTRY', sectorIds: ['education'], source: roles },
  {
    _id: 'ew-cps',
    name: 'Crown Prosecution Service',
    kind: 'PROSECUTION_SERVICE',
    sectorIds: [],
    source: roles,
    addedForDemo: 'The source speaks of "other parts of the criminal justice system"; the demo names the prosecution service among them.',
  },
  {
    _id: 'ew-npcc',
    name: "National Police Chiefs' Council",
    kind: 'POLICE_SERVICE',
    sectorIds: ['police'],
    source: {
      ...sources.nationalAuditOffice,
      quote:
        "The National Police Chiefs' Council reported that, in 2022-23, 20% of all police-recorded crime was related to violence against women and girls.",
    },
  },
  {
    _id: 'ew-welsh-government',
    name: 'Welsh Government',
    kind: 'DEVOLVED_GOVERNMENT',
    sectorIds: [],
    addedForDemo:
      'Not named in the source; the demo seats it because the framework covers Wales, where services such as health and education are devolved.',
  },
  {
    _id: 'ew-devon-cc',
    name: 'Devon County Council',
    kind: 'DEVOLVED_GOVERNMENT',
    sectorIds: ['social-welfare'],
    source: sources.devonBoard,
    addedForDemo: 'The demo counts the council, which provides social care, as serving the social welfare sector.',
  },
  {
    _id: 'ew-devon-cornwall-police',
    name: 'Devon and Cornwall Police',
    kind: 'POLICE_SERVICE',
    sectorIds: ['police'],
    source: sources.localBoard,
    addedForDemo: localMemberNote,
  },
  {
    _id: 'ew-nhs-devon',
    name: 'NHS Devon',
    kind: 'AGENCY',
    sectorIds: ['health'],
    source: sources.localBoard,
    addedForDemo: localMemberNote,
  },
];
