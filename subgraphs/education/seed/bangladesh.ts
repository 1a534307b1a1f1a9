import type { EducationCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Ministry of Education, through the Directorate of Secondary and Higher Education and its
 * district and upazila offices: complaint committees under the High Court's 2009 guidelines,
 * prevention in the curriculum, and keeping survivors in school.
 */

export const bangladesh: EducationCountrySeed = {
  responsibilities: [
    {
      duty: 'Form a sexual harassment complaint committee in every school, college and madrasa and make sure students know how to use it.',
      role: 'PRIMARY',
      source: { ...instruments.bdHarassmentGuidelines },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-moe'],
    },
    {
      duty: 'Teach gender equality, consent and the prevention of violence in the secondary curriculum.',
      role: 'PRIMARY',
      source: { ...instruments.bdEducationPolicy },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-moe'],
    },
    {
      duty: 'Keep survivors in education with safe transfer to another institution and catch-up learning.',
      role: 'PRIMARY',
      source: { ...instruments.bdActionPlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-moe'],
    },
    {
      duty: 'Refer students who disclose violence to the nearest One-Stop Crisis Centre or Cell.',
      role: 'SUPPORTING',
      source: { ...instruments.bdProgramme, section: 'referral arrangements' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-moe'],
    },
    {
      duty: 'Follow up girls who stop attending school, as an early warning of child marriage.',
      role: 'SUPPORTING',
      source: { ...instruments.bdChildMarriage },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-moe'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Education liaison, {centre}', openingHours: 'Sun-Thu 09:00-17:00', open24Hours: false },
    national: [],
    perDistrict: [
      {
        kind: 'SCHOOL_SUPPORT_OFFICE',
        organisation: 'bd-moe',
        name: 'District Education Office, {district}',
        openingHours: 'Sun-Thu 09:00-17:00',
        open24Hours: false,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'SCHOOL_SUPPORT_OFFICE',
        organisation: 'bd-moe',
        name: 'Upazila Secondary Education Office, {place}',
        openingHours: 'Sun-Thu 09:00-17:00',
        open24Hours: false,
        in: { share: 0.5 },
        at: 'other-town',
      },
    ],
  },

  // bd-a5-2 (quarterly reports from school complaint committees) is not yet in the ministry's
  // register at all, so it has no record here.
  actionReports: {
    'bd-a1-1': { status: 'IN_PROGRESS', updatedAt: '2026-07-14' },
    'bd-a1-2': { status: 'IN_PROGRESS', updatedAt: '2026-10-20' },
  },

  crisisCentres: {
    chance: { liaisonOfficer: 0.5, safeTransfer: 0.4, catchUpLearning: 0.3 },
  },
};
