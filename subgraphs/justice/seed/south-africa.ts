import type { JusticeCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Department of Justice and Constitutional Development, with the National Prosecuting
 * Authority, whose Sexual Offences and Community Affairs unit runs the Thuthuzela Care Centres
 * with a site coordinator and a case manager (a prosecutor) at each. The department chairs the
 * Inter-Sectoral Committee under s.63 of Act 32 of 2007.
 */

export const southAfrica: JusticeCountrySeed = {
  responsibilities: [
    {
      duty: 'Chair the Inter-sectoral Committee for the Management of Sexual Offence Matters and run its secretariat.',
      role: 'PRIMARY',
      source: { ...instruments.saSexualOffencesAct, section: 's.63' },
      addedForDemo:
        "Who chairs the Committee was not checked against the text of s.63, and the Act does not say who serves the Committee: the secretariat is the demo's.",
      organisations: ['za-doj'],
    },
    {
      duty: 'Adopt the national policy framework after consulting the other Cabinet members and the National Director of Public Prosecutions, table and publish it, and review it at least every five years.',
      role: 'PRIMARY',
      source: {
        ...instruments.saSexualOffencesAct,
        section: 's.62(2)(c), as substituted by s.38 of Act 66 of 2008',
        quote:
          'review the policy framework within five years after its publication in the Gazette and at least once every five years thereafter',
      },
      addedForDemo:
        'Only the duty to review is quoted; adopting, tabling and publishing are the demo’s summary of the rest of s.62(2), not checked word for word.',
      organisations: ['za-doj'],
    },
    {
      duty: 'Run the Thuthuzela Care Centres through the National Prosecuting Authority, with a case manager for each survivor.',
      role: 'PRIMARY',
      source: { ...instruments.saPolicyFramework },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-doj'],
    },
    {
      duty: 'Designate and resource regional courts as sexual offences courts.',
      role: 'PRIMARY',
      source: { ...instruments.saSexualOffencesAct, section: 's.55A' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-doj'],
    },
    {
      duty: 'Keep the National Register for Sex Offenders and answer checks from employers of people who work with children.',
      role: 'PRIMARY',
      source: { ...instruments.saSexualOffencesAct, section: 'Chapter 6' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-doj'],
    },
    {
      duty: 'Prepare victims for court and support them through the trial.',
      role: 'SUPPORTING',
      source: { ...instruments.saVictimsCharter },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-doj'],
    },
  ],

  servicePoints: {
    atCrisisCentre: {
      name: 'NPA site coordinator and case manager, {centre}',
      openingHours: 'Mon-Fri 08:00-16:00',
      open24Hours: false,
      organisation: 'za-npa',
    },
    national: [],
    perDistrict: [
      {
        kind: 'COURT',
        organisation: 'za-doj',
        name: 'Sexual offences court, {place} Regional Court',
        openingHours: 'Mon-Fri 09:00-16:00',
        open24Hours: false,
        in: { share: 0.7 },
        at: 'district-town',
      },
      {
        kind: 'LEGAL_AID_OFFICE',
        name: 'Legal Aid South Africa, {place} Local Office',
        openingHours: 'Mon-Fri 07:45-16:15',
        open24Hours: false,
        in: 'every-district',
        at: 'district-town',
      },
    ],
  },

  actionReports: {
    'za-a1-1': { status: 'COMPLETED', updatedAt: '2026-03-02' },
    'za-a1-2': { status: 'DELAYED', updatedAt: '2026-06-30' },
    'za-a2-4': { status: 'IN_PROGRESS', updatedAt: '2026-10-15' },
    'za-a3-4': { status: 'IN_PROGRESS', updatedAt: '2026-09-09' },
  },

  crisisCentres: {
    chance: { legalAid: 0.2, prosecutorLiaison: 1, courtPreparation: 1, protectionOrderApplications: 0.6 },
    daysAWeek: [5, 5],
    hours: '08:00-16:00',
  },
};
