import type { SourceDoc } from '../../kit/provenance.ts';
import type { HealthCountrySeed } from './index.ts';
import { bdMinistryRoles, instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Ministry of Health and Family Welfare. The One-Stop Crisis Centres sit in medical college
 * hospitals; One-Stop Crisis Cells in district hospitals refer survivors on to them. Samples go
 * to the National Forensic DNA Profiling Laboratory at Dhaka Medical College.
 */

const dnaLaboratory = 'National Forensic DNA Profiling Laboratory, Dhaka Medical College';

/** The report that places the laboratory at Dhaka Medical College Hospital. */
const dnaLaboratorySource: SourceDoc = {
  title: "Bangladesh Sangbad Sangstha, 'Govt sets up DNA Laboratory Management Department', 12 August 2020",
  quote: 'is located at 10th floor of the Nuclear Medicine Building at Dhaka Medical College Hospital (DMCH)',
  url: 'http://www.bssnews.net/?p=437326',
};

export const bangladesh: HealthCountrySeed = {
  responsibilities: [
    {
      duty: 'Maintain the facilities and equipment of the One-Stop Crisis Centres and Cells, and staff them with doctors and nurses so that they run 24 hours every day.',
      role: 'PRIMARY',
      source: {
        ...bdMinistryRoles,
        quote: 'The staffing will make sure that the OCCs and One Stop Crisis Cells are in operation 24 hours every day of the week.',
      },
      organisations: ['bd-mohfw'],
    },
    {
      duty: 'Examine survivors in a government or recognised hospital without delay, so the Tribunal has the medical evidence it needs.',
      role: 'PRIMARY',
      source: { ...instruments.bdWomenChildrenRepression, section: 's.32' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mohfw'],
    },
    {
      duty: 'Collect forensic samples and send them under chain of custody to the National Forensic DNA Profiling Laboratory.',
      role: 'PRIMARY',
      source: { ...instruments.bdDna },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mohfw'],
    },
    {
      duty: 'Give space for One-Stop Crisis Cells in 40 district hospitals and 20 upazila health complexes.',
      role: 'PRIMARY',
      source: {
        ...bdMinistryRoles,
        quote:
          'Required spaces will be allocated at selected 40 hospitals at district level and 20 at Upazila health complexes as per DPP for establishment of One-Stop Crisis Cells.',
      },
      organisations: ['bd-mohfw'],
    },
    {
      duty: 'Give the police unit at each centre the medical findings it needs to register and investigate the case.',
      role: 'SUPPORTING',
      source: { ...instruments.bdProgramme, section: 'referral arrangements' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mohfw'],
    },
    {
      duty: 'Train health workers to recognise domestic violence and refer survivors for protection.',
      role: 'SUPPORTING',
      source: { ...instruments.bdDomesticViolence },
      addedForDemo: uncheckedDutyNote,
      organisations: ['bd-mohfw'],
    },
  ],

  servicePoints: {
    atCrisisCentre: {
      name: '{centre}',
      openingHours: '24 hours',
      open24Hours: true,
      // The hospitals the lead ministry's organisations record; the others' are not recorded yet.
      organisationByCentre: {
        'bd-occ-dhaka': 'bd-dmch',
        'bd-occ-rajshahi': 'bd-rmch',
        'bd-occ-chattogram': 'bd-cmch',
        'bd-occ-sylhet': 'bd-somch',
        'bd-occ-khulna': 'bd-kmch',
        'bd-occ-barishal': 'bd-sbmch',
        'bd-occ-rangpur': 'bd-rpmch',
        'bd-occ-faridpur': 'bd-fmch',
        'bd-occ-cumilla': 'bd-cumch',
      },
    },
    national: [
      {
        kind: 'FORENSIC_LABORATORY',
        organisation: 'bd-dna-lab',
        name: dnaLaboratory,
        source: dnaLaboratorySource,
        place: 'Dhaka',
        district: 'Dhaka',
        openingHours: 'Sun-Thu 09:00-17:00',
        open24Hours: false,
        capacity: { amount: 400, unit: 'DNA profiles a month' },
      },
    ],
    perDistrict: [
      {
        kind: 'HEALTH_FACILITY',
        organisation: 'bd-hsd',
        name: 'One-Stop Crisis Cell, {district} District Hospital',
        openingHours: '24 hours',
        open24Hours: true,
        in: 'districts-without-centre',
        at: 'district-town',
      },
      {
        kind: 'HEALTH_FACILITY',
        organisation: 'bd-hsd',
        name: 'Upazila Health Complex, {place}',
        openingHours: '24 hours (emergency); Sat-Thu 08:00-14:30 (outpatients)',
        open24Hours: true,
        capacity: { unit: 'beds', amount: [31, 50] },
        in: { share: 0.6 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'bd-a2-1': { status: 'IN_PROGRESS', updatedAt: '2026-10-14' },
    'bd-a2-2': { status: 'COMPLETED', updatedAt: '2026-01-20' },
    'bd-a2-3': { status: 'NOT_STARTED', updatedAt: '2026-09-03' },
  },

  crisisCentres: {
    doctorsOnDuty: [3, 8],
    womenDoctorsOnDuty: [1, 4],
    chance: { postExposureProphylaxis: 0.4, emergencyContraception: 1, forensicExamination: 1, open24Hours: 1 },
    dnaLaboratory,
    dnaTurnaroundDays: [30, 75],
    capacity: { unit: 'beds', amount: [6, 20] },
    overrides: {
      // The national laboratory is on the same campus as the Dhaka centre.
      'bd-occ-dhaka': {
        postExposureProphylaxis: true,
        dnaTurnaroundDays: 21,
        source: dnaLaboratorySource,
        addedForDemo:
          "The source places the national DNA laboratory at this hospital; the quicker DNA results and the post-exposure prophylaxis the demo gives the centre for it, and its other figures, are the demo's.",
      },
    },
  },
};
