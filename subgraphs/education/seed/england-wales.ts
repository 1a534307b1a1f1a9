import type { EducationCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Department for Education: relationships, sex and health education, safeguarding in schools
 * (Keeping Children Safe in Education, a designated safeguarding lead in every school) and
 * Operation Encompass notifications from the police.
 */

export const englandWales: EducationCountrySeed = {
  responsibilities: [
    {
      duty: 'Require by regulations relationships education in primary schools and relationships and sex education in secondary schools in England, with guidance on safe and healthy relationships.',
      role: 'PRIMARY',
      source: {
        ...instruments.ewChildrenSocialWork,
        section: 's.34(1)-(3)',
        quote:
          'relationships and sex education to be provided (instead of sex education) to pupils receiving secondary education at schools in England',
        url: 'https://www.legislation.gov.uk/ukpga/2017/16/part/1/chapter/4',
      },
      organisations: ['ew-dfe'],
    },
    {
      duty: 'Make every school name a designated safeguarding lead and follow Keeping Children Safe in Education.',
      role: 'PRIMARY',
      source: { ...instruments.ewEducation, section: 's.175' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-dfe'],
    },
    {
      duty: 'Guide schools in responding to reports of sexual violence and sexual harassment between children.',
      role: 'PRIMARY',
      source: { ...instruments.ewKeepingChildrenSafe, section: 'Part 5' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-dfe'],
    },
    {
      duty: 'Recognise children who see, hear or experience domestic abuse as victims in their own right and support them in school.',
      role: 'SUPPORTING',
      source: { ...instruments.ewDomesticAbuse, section: 's.3(2)', quote: 'sees or hears, or experiences the effects of, the abuse' },
      addedForDemo:
        "The section makes such children victims for the purposes of the Act; supporting them in school is the demo's reading of the education sector's part.",
      organisations: ['ew-dfe'],
    },
    {
      duty: 'Make sure schools receive and act on Operation Encompass notifications from the police.',
      role: 'SUPPORTING',
      source: { ...instruments.ewDomesticAbusePlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-dfe'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Education safeguarding liaison, {centre}', openingHours: 'Mon-Fri 09:00-17:00', open24Hours: false },
    national: [],
    perDistrict: [
      {
        kind: 'SCHOOL_SUPPORT_OFFICE',
        name: 'Education safeguarding team, {place}',
        openingHours: 'Mon-Fri 09:00-17:00',
        open24Hours: false,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'SCHOOL_SUPPORT_OFFICE',
        name: 'Operation Encompass key adult network, {place} schools',
        openingHours: 'School days 08:30-16:00',
        open24Hours: false,
        in: { share: 0.6 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'ew-a1-1': { status: 'COMPLETED', updatedAt: '2026-02-26' },
    'ew-a1-2': { status: 'IN_PROGRESS', updatedAt: '2026-09-08' },
    'ew-a1-3': { status: 'NOT_STARTED', updatedAt: '2026-05-21' },
  },

  crisisCentres: {
    chance: { liaisonOfficer: 0.4, safeTransfer: 0.6, catchUpLearning: 0.5 },
  },
};
