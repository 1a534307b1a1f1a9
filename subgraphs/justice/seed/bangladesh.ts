import type { JusticeCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Ministry of Law, Justice and Parliamentary Affairs. Offences under the 2000 Act are tried in
 * the Women and Children Repression Prevention Tribunals; the National Legal Aid Services
 * Organisation gives free legal aid through its district offices.
 */

export const bangladesh: JusticeCountrySeed = {
  responsibilities: [
    {
      duty: 'Try offences against women and children in the Women and Children Repression Prevention Tribunals and finish each trial within the time the Act sets.',
      role: 'PRIMARY',
      source: { ...instruments.bdWomenChildrenRepression, section: 's.20' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-molj'],
    },
    {
      duty: 'Give survivors free legal aid through the National Legal Aid Services Organisation and its district offices.',
      role: 'PRIMARY',
      source: { ...instruments.bdLegalAid },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-molj'],
    },
    {
      duty: 'Hear applications for protection orders from survivors of domestic violence and decide them quickly.',
      role: 'PRIMARY',
      source: { ...instruments.bdDomesticViolence },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-molj'],
    },
    {
      duty: 'Assign public prosecutors to cases referred by the One-Stop Crisis Centres and prepare survivors for court.',
      role: 'SUPPORTING',
      source: { ...instruments.bdProgramme, section: 'referral arrangements' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-molj'],
    },
    {
      duty: 'Review the laws on violence against women and propose amendments to close gaps.',
      role: 'SUPPORTING',
      source: { ...instruments.bdActionPlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-molj'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Legal services desk, {centre}', openingHours: 'Sun-Thu 09:00-17:00', open24Hours: false },
    national: [
      {
        kind: 'HELPLINE',
        organisation: 'bd-molj',
        name: 'National Legal Aid Helpline',
        place: 'Dhaka',
        district: 'Dhaka',
        openingHours: 'Sun-Thu 09:00-17:00',
        open24Hours: false,
      },
    ],
    perDistrict: [
      {
        kind: 'COURT',
        name: 'Women and Children Repression Prevention Tribunal, {district}',
        openingHours: 'Sun-Thu 09:30-16:30',
        open24Hours: false,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'LEGAL_AID_OFFICE',
        organisation: 'bd-molj',
        name: 'District Legal Aid Office, {district}',
        openingHours: 'Sun-Thu 09:00-17:00',
        open24Hours: false,
        capacity: { unit: 'panel lawyers', amount: [10, 40] },
        in: { share: 0.7 },
        at: 'district-town',
      },
    ],
  },

  actionReports: {
    'bd-a3-3': { status: 'IN_PROGRESS', updatedAt: '2026-10-08' },
    'bd-a3-4': { status: 'NOT_STARTED', updatedAt: '2026-07-22' },
    // Recorded in the ministry's register, but no status reported yet.
    'bd-a3-5': { status: null, updatedAt: '2026-03-15' },
  },

  crisisCentres: {
    chance: { legalAid: 0.7, prosecutorLiaison: 0.5, courtPreparation: 0.5, protectionOrderApplications: 0.6 },
    daysAWeek: [2, 5],
    hours: '09:00-17:00',
  },
};
