import type { SocialWelfareCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Ministry of Social Welfare, through the Department of Social Services: hospital social
 * services and counselling at the One-Stop Crisis Centres, temporary shelter, safe homes,
 * probation officers for child survivors and the Child Helpline 1098.
 */

export const bangladesh: SocialWelfareCountrySeed = {
  responsibilities: [
    {
      duty: 'Give survivors psychosocial counselling at every One-Stop Crisis Centre through hospital social services.',
      role: 'PRIMARY',
      source: { ...instruments.bdProgramme, section: 'One-Stop Crisis Centre operating arrangements' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mosw'],
    },
    {
      duty: 'Give temporary shelter to survivors who cannot go home, and run safe homes for women and girls who need longer stays.',
      role: 'PRIMARY',
      source: { ...instruments.bdActionPlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mosw'],
    },
    {
      duty: 'Run the Child Helpline 1098 and refer child survivors to protection and care.',
      role: 'PRIMARY',
      source: { ...instruments.bdChildren },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mosw'],
    },
    {
      duty: 'Assess child survivors through probation officers and bring their cases to the child welfare boards.',
      role: 'SUPPORTING',
      source: { ...instruments.bdChildren },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mosw'],
    },
    {
      duty: 'Help survivors return to their communities with reintegration grants, skills training and family tracing.',
      role: 'SUPPORTING',
      source: { ...instruments.bdActionPlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mosw'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Counselling and temporary shelter, {centre}', openingHours: '24 hours', open24Hours: true },
    national: [
      {
        kind: 'HELPLINE',
        organisation: 'bd-mosw',
        name: 'Child Helpline 1098',
        place: 'Dhaka',
        district: 'Dhaka',
        openingHours: '24 hours',
        open24Hours: true,
      },
    ],
    perDistrict: [
      {
        kind: 'COUNSELLING_CENTRE',
        organisation: 'bd-mosw',
        name: 'Hospital Social Services Office, {district} District Hospital',
        openingHours: 'Sun-Thu 09:00-17:00',
        open24Hours: false,
        in: 'districts-without-centre',
        at: 'district-town',
      },
      {
        kind: 'SHELTER',
        organisation: 'bd-mosw',
        name: 'Safe home for women and girls, {district}',
        openingHours: '24 hours',
        open24Hours: true,
        capacity: { unit: 'beds', amount: [25, 60] },
        in: { share: 0.4 },
        at: 'district-town',
      },
      {
        kind: 'COUNSELLING_CENTRE',
        organisation: 'bd-mosw',
        name: 'Upazila Social Services Office, {place}',
        openingHours: 'Sun-Thu 09:00-17:00',
        open24Hours: false,
        in: { share: 0.5 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'bd-a2-4': { status: 'COMPLETED', updatedAt: '2026-04-18' },
    'bd-a4-1': { status: 'IN_PROGRESS', updatedAt: '2026-11-03' },
    'bd-a4-2': { status: 'IN_PROGRESS', updatedAt: '2026-06-02' },
  },

  crisisCentres: {
    chance: { shelter: 0.8, acceptsChildren: 0.9 },
    shelterBeds: [4, 12],
    maxStayDays: [5, 15],
    counsellors: [1, 4],
    languages: {
      'bd-occ-dhaka': ['Bangla', 'English'],
      'bd-occ-rajshahi': ['Bangla'],
      'bd-occ-chattogram': ['Bangla', 'Chittagonian'],
      'bd-occ-sylhet': ['Bangla', 'Sylheti'],
      'bd-occ-khulna': ['Bangla'],
      'bd-occ-barishal': ['Bangla'],
      'bd-occ-rangpur': ['Bangla'],
      'bd-occ-faridpur': ['Bangla'],
      'bd-occ-cumilla': ['Bangla'],
    },
  },
};
