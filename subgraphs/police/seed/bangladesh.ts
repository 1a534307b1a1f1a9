import type { PoliceCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Ministry of Home Affairs, through Bangladesh Police. Each One-Stop Crisis Centre has a police
 * unit from the metropolitan or district police that registers complaints; Victim Support
 * Centres and the 999 National Emergency Service are run by the police.
 */

export const bangladesh: PoliceCountrySeed = {
  responsibilities: [
    {
      duty: 'Register complaints at the police unit of each One-Stop Crisis Centre without delay and open the investigation.',
      role: 'PRIMARY',
      source: { ...instruments.bdWomenChildrenRepression },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-police'],
    },
    {
      duty: 'Complete investigations of offences against women and children within the time the Act allows.',
      role: 'PRIMARY',
      source: { ...instruments.bdWomenChildrenRepression, section: 's.18' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-police'],
    },
    {
      duty: 'Keep women officers on duty at crisis centre police units and Victim Support Centres.',
      role: 'PRIMARY',
      source: { ...instruments.bdActionPlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-police'],
    },
    {
      duty: 'Answer emergency calls about violence against women through the 999 National Emergency Service.',
      role: 'PRIMARY',
      source: { ...instruments.bdActionPlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-police'],
    },
    {
      duty: 'Bring survivors to a crisis centre for examination and keep DNA samples under chain of custody.',
      role: 'SUPPORTING',
      source: { ...instruments.bdDna },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-police'],
    },
    {
      duty: 'Enforce protection orders that courts issue to survivors of domestic violence.',
      role: 'SUPPORTING',
      source: { ...instruments.bdDomesticViolence },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-police'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Police unit, {centre}', openingHours: '24 hours', open24Hours: true },
    national: [
      {
        kind: 'HELPLINE',
        organisation: 'bd-police',
        name: 'National Emergency Service 999',
        place: 'Dhaka',
        district: 'Dhaka',
        openingHours: '24 hours',
        open24Hours: true,
      },
    ],
    perDistrict: [
      {
        kind: 'POLICE_STATION',
        organisation: 'bd-police',
        name: 'Women and child help desk, {district} district police',
        openingHours: '24 hours',
        open24Hours: true,
        capacity: { unit: 'officers', amount: [2, 6] },
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'SHELTER',
        organisation: 'bd-police',
        name: 'Victim Support Centre, {place}',
        openingHours: '24 hours',
        open24Hours: true,
        capacity: { unit: 'beds', amount: [10, 25] },
        in: { share: 0.5 },
        at: 'district-town',
      },
    ],
  },

  actionReports: {
    'bd-a1-3': { status: 'COMPLETED', updatedAt: '2026-01-12' },
    'bd-a3-1': { status: 'DELAYED', updatedAt: '2026-08-25' },
    'bd-a3-2': { status: 'DELAYED', updatedAt: '2026-10-30' },
    'bd-a5-1': { status: 'IN_PROGRESS', updatedAt: '2026-11-05' },
  },

  crisisCentres: {
    stations: {
      'bd-occ-dhaka': 'Dhaka Metropolitan Police',
      'bd-occ-rajshahi': 'Rajshahi Metropolitan Police',
      'bd-occ-chattogram': 'Chattogram Metropolitan Police',
      'bd-occ-sylhet': 'Sylhet Metropolitan Police',
      'bd-occ-khulna': 'Khulna Metropolitan Police',
      'bd-occ-barishal': 'Barishal Metropolitan Police',
      'bd-occ-rangpur': 'Rangpur Metropolitan Police',
      'bd-occ-faridpur': 'Faridpur District Police',
      'bd-occ-cumilla': 'Cumilla District Police',
    },
    officers: [3, 8],
    womenOfficers: [1, 5],
    chance: { registersReports: 0.8, open24Hours: 0.6 },
    partTimeHours: 'Daily 08:00-20:00',
  },
};
