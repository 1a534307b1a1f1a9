import type { HealthCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Department of Health and Social Care, with NHS England and the NHS in Wales. Sexual assault
 * referral centres give forensic examination and aftercare; police forces send forensic
 * samples to the forensic service providers they contract.
 */

export const englandWales: HealthCountrySeed = {
  responsibilities: [
    {
      duty: 'Commission sexual assault referral centres so that every police force area has one, open to self-referral as well as police referral.',
      role: 'PRIMARY',
      source: { ...instruments.ewNhs, section: 's.7A' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-dhsc'],
    },
    {
      duty: 'Offer forensic medical examination, emergency contraception and HIV post-exposure prophylaxis at every referral centre.',
      role: 'PRIMARY',
      source: { ...instruments.ewSarcSpecification },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-dhsc'],
    },
    {
      duty: 'Train health staff to ask about domestic abuse and refer patients to specialist support.',
      role: 'PRIMARY',
      source: { ...instruments.ewNice },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-dhsc'],
    },
    {
      duty: "Take part in domestic homicide reviews when the NHS bodies are directed to establish or join one, following the Secretary of State's guidance.",
      role: 'SUPPORTING',
      source: {
        ...instruments.ewDomesticViolenceCrimeVictims,
        section: 's.9(2)-(4)',
        quote: 'to establish, or to participate in, a domestic homicide review',
        url: 'https://www.legislation.gov.uk/ukpga/2004/28/part/1/crossheading/domestic-homicide-reviews',
      },
      addedForDemo:
        "The section names NHS bodies among those the Secretary of State may direct; that the health department answers for their part is the demo's reading.",
      organisations: ['ew-dhsc'],
    },
    {
      duty: 'Share information at multi-agency risk assessment conferences for high-risk victims of domestic abuse.',
      role: 'SUPPORTING',
      source: { ...instruments.ewDomesticAbusePlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-dhsc'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: '{centre}', openingHours: '24 hours', open24Hours: true },
    national: [],
    perDistrict: [
      {
        kind: 'HEALTH_FACILITY',
        name: 'Emergency department, {place}',
        openingHours: '24 hours',
        open24Hours: true,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'HEALTH_FACILITY',
        name: 'Sexual health clinic (PEP and emergency contraception), {place}',
        openingHours: 'Mon-Fri 09:00-17:00',
        open24Hours: false,
        in: { share: 0.6 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'ew-a2-1': { status: 'DELAYED', updatedAt: '2026-10-02' },
    'ew-a2-2': { status: 'IN_PROGRESS', updatedAt: '2026-09-18' },
    'ew-a4-2': { status: 'NOT_STARTED', updatedAt: '2026-06-11' },
  },

  crisisCentres: {
    doctorsOnDuty: [1, 3],
    womenDoctorsOnDuty: [1, 2],
    chance: { postExposureProphylaxis: 1, emergencyContraception: 1, forensicExamination: 1, open24Hours: 1 },
    dnaLaboratory: 'Forensic service provider contracted by the police force',
    dnaTurnaroundDays: [14, 42],
    capacity: { unit: 'forensic examination suites', amount: [1, 3] },
  },
};
