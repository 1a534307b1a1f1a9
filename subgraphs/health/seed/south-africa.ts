import type { HealthCountrySeed } from './index.ts';
import { instruments, saAnnualReports, saFrameworkAims, saVictimServices, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * National Department of Health, with the provincial health departments. Thuthuzela Care
 * Centres are in public hospitals; designated health establishments give post-exposure
 * prophylaxis under Chapter 5 of Act 32 of 2007. DNA evidence goes to the SAPS Forensic
 * Science Laboratory.
 */

export const southAfrica: HealthCountrySeed = {
  responsibilities: [
    {
      duty: 'Give victims of sexual offences post-exposure prophylaxis against HIV, with medical advice, at public health establishments designated for it, at State expense.',
      role: 'PRIMARY',
      source: saVictimServices.prophylaxis,
      organisations: ['za-doh'],
    },
    {
      duty: 'Complete the J88 medico-legal report when a victim reports a sexual offence to a medical practitioner or nurse.',
      role: 'PRIMARY',
      source: saVictimServices.medicoLegalReport,
      addedForDemo:
        'The Regulation applies where the victim may have been exposed to the risk of being infected with HIV; the duty as written here leaves that condition out.',
      organisations: ['za-doh'],
    },
    {
      duty: 'Host each Thuthuzela Care Centre in a public hospital and staff it with doctors and forensic nurses.',
      role: 'PRIMARY',
      source: { ...instruments.saGbvfPlan, section: 'Pillar 4' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-doh'],
    },
    {
      duty: 'Improve services to victims of sexual offences within available resources, as the national policy framework plans.',
      role: 'SUPPORTING',
      source: saFrameworkAims.services,
      addedForDemo:
        "The Act sets this as an aim of the national policy framework; that the health department carries it is the demo's reading.",
      organisations: ['za-doh'],
    },
    {
      duty: 'Report to Parliament every year, through its Cabinet member, on how the department implements the Act.',
      role: 'PRIMARY',
      source: saAnnualReports,
      organisations: ['za-doh'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: '{centre}, {hospital}', openingHours: '24 hours', open24Hours: true },
    national: [],
    perDistrict: [
      {
        kind: 'HEALTH_FACILITY',
        name: 'Clinical forensic medicine service, {place}',
        openingHours: '24 hours',
        open24Hours: true,
        in: 'districts-without-centre',
        at: 'district-town',
      },
      {
        kind: 'HEALTH_FACILITY',
        name: '{place} Community Health Centre (designated for PEP)',
        openingHours: '24 hours',
        open24Hours: true,
        capacity: { unit: 'beds', amount: [10, 30] },
        in: { share: 0.7 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'za-a2-1': { status: 'IN_PROGRESS', updatedAt: '2026-10-21' },
    'za-a2-2': { status: 'DELAYED', updatedAt: '2026-08-27' },
    'za-a2-3': { status: 'COMPLETED', updatedAt: '2026-02-16' },
  },

  crisisCentres: {
    doctorsOnDuty: [1, 4],
    womenDoctorsOnDuty: [0, 3],
    chance: { postExposureProphylaxis: 1, emergencyContraception: 1, forensicExamination: 1, open24Hours: 0.9 },
    dnaLaboratory: 'SAPS Forensic Science Laboratory',
    dnaTurnaroundDays: [60, 180],
    capacity: { unit: 'examination rooms', amount: [1, 3] },
  },
};
