import type { EducationCountrySeed } from './index.ts';
import { instruments, saCommitteeDuties, saReportingDuty, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Department of Basic Education, a supporting department on the Inter-Sectoral Committee: the
 * 2019 Protocol for the Management and Reporting of Sexual Abuse and Harassment in Schools,
 * Life Orientation teaching, and screening educators against the National Register for Sex
 * Offenders.
 */

export const southAfrica: EducationCountrySeed = {
  responsibilities: [
    {
      duty: 'Apply the Protocol for the Management and Reporting of Sexual Abuse and Harassment in Schools in every public school.',
      role: 'PRIMARY',
      source: { ...instruments.saSchoolsProtocol },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-dbe'],
    },
    {
      duty: 'Teach comprehensive sexuality education, consent and safety through Life Orientation.',
      role: 'PRIMARY',
      source: { ...instruments.saCaps },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-dbe'],
    },
    {
      duty: 'Screen educators against the National Register for Sex Offenders and dismiss educators found guilty of sexual assault on a learner.',
      role: 'PRIMARY',
      source: { ...instruments.saSexualOffencesAct, section: 'Chapter 6' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-dbe'],
    },
    {
      duty: 'Report knowledge of a sexual offence against a learner to the police at once.',
      role: 'PRIMARY',
      source: saReportingDuty,
      addedForDemo: "The Act places the duty on every person; that the education sector answers for it in schools is the demo's reading.",
      organisations: ['za-dbe'],
    },
    {
      duty: 'Carry out the supporting role the national policy framework allocates to it, with which the Inter-sectoral Committee must ensure compliance.',
      role: 'SUPPORTING',
      source: saCommitteeDuties.roles,
      addedForDemo:
        "Sections 62 to 65 of the Act do not name an education department; that the framework gives it a supporting role is the demo's.",
      organisations: ['za-dbe'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Learner support liaison, {centre}', openingHours: 'Mon-Fri 07:30-16:00', open24Hours: false },
    national: [],
    perDistrict: [
      {
        kind: 'SCHOOL_SUPPORT_OFFICE',
        name: 'District education office (learner support), {district}',
        openingHours: 'Mon-Fri 07:30-16:00',
        open24Hours: false,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'SCHOOL_SUPPORT_OFFICE',
        name: 'Circuit office (school safety), {place}',
        openingHours: 'Mon-Fri 07:30-16:00',
        open24Hours: false,
        in: { share: 0.5 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'za-a4-1': { status: 'IN_PROGRESS', updatedAt: '2026-10-06' },
    'za-a4-2': { status: 'DELAYED', updatedAt: '2026-08-11' },
    'za-a5-1': { status: 'COMPLETED', updatedAt: '2026-04-09' },
  },

  crisisCentres: {
    chance: { liaisonOfficer: 0.4, safeTransfer: 0.5, catchUpLearning: 0.3 },
  },
};
