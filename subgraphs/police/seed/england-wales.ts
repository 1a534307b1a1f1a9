import type { PoliceCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * The Home Office, for policing. Police forces do not sit in sexual assault referral centres:
 * specially trained officers from the force attend when a survivor wants to report, and
 * survivors may also self-refer without reporting.
 */

export const englandWales: PoliceCountrySeed = {
  responsibilities: [
    {
      duty: 'Investigate rape and serious sexual offences to the Operation Soteria national operating model, focused on the suspect.',
      role: 'PRIMARY',
      source: { ...instruments.ewVawgStrategy },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-npcc'],
    },
    {
      duty: 'Give domestic abuse protection notices through a senior officer, and apply for a domestic abuse protection order after each notice.',
      role: 'PRIMARY',
      source: {
        ...instruments.ewDomesticAbuse,
        section: 'ss.22(1) and 28(3)',
        quote: 'the chief officer of police in relation to that force must apply for a domestic abuse protection order against P',
        url: 'https://legislation.gov.uk/ukpga/2021/17/section/28',
      },
      addedForDemo:
        'Giving a notice is a power (s.22: a senior police officer "may give" one); the duty is to apply for an order after it (s.28(3)). The duty falls on each chief officer of police, whom the demo represents by the National Police Chiefs\' Council; sections 22 to 56 are brought into force area by area through a pilot, which the demo does not track.',
      organisations: ['ew-npcc'],
    },
    {
      duty: "Disclose police information about a partner's abusive past to prevent domestic abuse, having regard to the Secretary of State's guidance (the Domestic Violence Disclosure Scheme).",
      role: 'PRIMARY',
      source: {
        ...instruments.ewDomesticAbuse,
        section: 's.77(1)-(2)',
        quote: 'Each chief officer of police of a police force must have regard to any guidance issued under this section.',
      },
      addedForDemo:
        "The duty falls on each chief officer of police; the demo names the National Police Chiefs' Council for them, having no record of each force.",
      organisations: ['ew-npcc'],
    },
    {
      duty: 'Send specially trained officers to survivors at referral centres and keep forensic evidence under chain of custody.',
      role: 'PRIMARY',
      source: { ...instruments.ewSexualOffences },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-npcc'],
    },
    {
      duty: 'Notify schools before the next school day when a pupil has been involved in a domestic abuse incident (Operation Encompass).',
      role: 'SUPPORTING',
      source: { ...instruments.ewDomesticAbusePlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-npcc'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Specially trained officers on call, {centre}', openingHours: '24 hours (on call)', open24Hours: true },
    national: [],
    perDistrict: [
      {
        kind: 'POLICE_STATION',
        name: 'Rape and serious sexual offences team, {place} ({district})',
        openingHours: '24 hours',
        open24Hours: true,
        capacity: { unit: 'officers', amount: [12, 60] },
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'POLICE_STATION',
        name: '{place} police station (front counter)',
        openingHours: 'Mon-Sat 08:00-20:00',
        open24Hours: false,
        in: { share: 0.5 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'ew-a3-1': { status: 'COMPLETED', updatedAt: '2026-02-09' },
    'ew-a3-2': { status: 'DELAYED', updatedAt: '2026-11-02' },
    'ew-a3-3': { status: 'IN_PROGRESS', updatedAt: '2026-07-15' },
  },

  crisisCentres: {
    stations: {
      'ew-sarc-st-marys': 'Greater Manchester Police',
      'ew-sarc-havens-camberwell': 'Metropolitan Police Service',
      'ew-sarc-havens-paddington': 'Metropolitan Police Service',
      'ew-sarc-havens-whitechapel': 'Metropolitan Police Service',
      'ew-sarc-ynys-saff': 'South Wales Police',
    },
    officers: [4, 12],
    womenOfficers: [2, 8],
    chance: { registersReports: 1, open24Hours: 1 },
    partTimeHours: 'On call 08:00-22:00',
  },
};
