import type { PoliceCountrySeed } from './index.ts';
import { instruments, saAnnualReports, saVictimServices, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * The South African Police Service (Department of Police). Detectives of the Family Violence,
 * Child Protection and Sexual Offences (FCS) units take statements at Thuthuzela Care Centres;
 * DNA evidence is analysed at the SAPS Forensic Science Laboratory.
 */

export const southAfrica: PoliceCountrySeed = {
  responsibilities: [
    {
      duty: 'Investigate sexual offences through the specialised Family Violence, Child Protection and Sexual Offences units.',
      role: 'PRIMARY',
      source: { ...instruments.saPolicyFramework },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-saps'],
    },
    {
      duty: 'Tell a victim who lays a charge of the importance of post-exposure prophylaxis within 72 hours and of the services the Act gives her, including having the alleged offender tested for HIV.',
      role: 'PRIMARY',
      source: saVictimServices.informed,
      organisations: ['za-saps'],
    },
    {
      duty: 'Analyse DNA evidence from sexual offence cases at the Forensic Science Laboratory without delay.',
      role: 'PRIMARY',
      source: { ...instruments.saForensicProcedures },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-saps'],
    },
    {
      duty: 'Keep a victim-friendly room at police stations where statements can be taken in private.',
      role: 'PRIMARY',
      source: { ...instruments.saGbvfPlan, section: 'Pillar 3' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-saps'],
    },
    {
      duty: 'Report to Parliament every year, through its Cabinet member, on how the department implements the Act.',
      role: 'PRIMARY',
      source: saAnnualReports,
      organisations: ['za-saps'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'SAPS FCS detectives, {centre}', openingHours: '24 hours (on call)', open24Hours: true },
    national: [
      {
        kind: 'FORENSIC_LABORATORY',
        organisation: 'za-saps',
        name: 'SAPS Forensic Science Laboratory, Pretoria',
        place: 'Pretoria',
        district: 'City of Tshwane',
        openingHours: 'Mon-Fri 07:30-16:00',
        open24Hours: false,
      },
      {
        kind: 'FORENSIC_LABORATORY',
        organisation: 'za-saps',
        name: 'SAPS Forensic Science Laboratory, Plattekloof',
        place: 'Cape Town',
        district: 'City of Cape Town',
        openingHours: 'Mon-Fri 07:30-16:00',
        open24Hours: false,
      },
      {
        kind: 'HELPLINE',
        organisation: 'za-saps',
        name: 'SAPS Crime Stop',
        place: 'Pretoria',
        district: 'City of Tshwane',
        openingHours: '24 hours',
        open24Hours: true,
      },
    ],
    perDistrict: [
      {
        kind: 'POLICE_STATION',
        organisation: 'za-saps',
        name: '{place} SAPS (victim-friendly room)',
        openingHours: '24 hours',
        open24Hours: true,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'POLICE_STATION',
        organisation: 'za-saps',
        name: 'FCS Unit, {district}',
        openingHours: 'Mon-Fri 07:30-16:00; on call after hours',
        open24Hours: false,
        capacity: { unit: 'detectives', amount: [8, 30] },
        in: { share: 0.5 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'za-a3-1': { status: 'DELAYED', updatedAt: '2026-05-19' },
    'za-a3-2': { status: 'IN_PROGRESS', updatedAt: '2026-09-29' },
    'za-a3-3': { status: 'IN_PROGRESS', updatedAt: '2026-11-10' },
  },

  crisisCentres: {
    stations: {
      'za-tcc-mamelodi': 'SAPS FCS Unit, Mamelodi',
      'za-tcc-karl-bremer': 'SAPS FCS Unit, Bellville',
      'za-tcc-mthatha': 'SAPS FCS Unit, Mthatha',
      'za-tcc-tembisa': 'SAPS FCS Unit, Tembisa',
      'za-tcc-umlazi': 'SAPS FCS Unit, Umlazi',
      'za-tcc-dora-nginza': 'SAPS FCS Unit, Gqeberha',
      'za-tcc-pelonomi': 'SAPS FCS Unit, Bloemfontein',
      'za-tcc-tshilidzini': 'SAPS FCS Unit, Thohoyandou',
      'za-tcc-edendale': 'SAPS FCS Unit, Pietermaritzburg',
    },
    officers: [2, 6],
    womenOfficers: [1, 4],
    chance: { registersReports: 1, open24Hours: 0.7 },
    partTimeHours: 'Mon-Fri 07:30-16:00; on call after hours',
  },
};
