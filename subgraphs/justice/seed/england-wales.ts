import type { JusticeCountrySeed } from './index.ts';
import { instruments, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Ministry of Justice: the courts, legal aid, and victim services funded through police and
 * crime commissioners, including independent sexual violence advisers (ISVAs) who support
 * survivors from the referral centre through to court.
 */

export const englandWales: JusticeCountrySeed = {
  responsibilities: [
    {
      duty: 'Hear rape, sexual offence and domestic abuse cases with special measures that help victims give their best evidence.',
      role: 'PRIMARY',
      source: { ...instruments.ewYouthJustice, section: 'Part II' },
      addedForDemo:
        "Part II provides special measures for eligible witnesses in criminal proceedings generally; the kinds of case named are the demo's.",
      organisations: ['ew-moj'],
    },
    {
      duty: 'Offer eligible victims pre-recorded cross-examination in every Crown Court.',
      role: 'PRIMARY',
      source: {
        ...instruments.ewYouthJustice,
        section: 's.28(1)',
        quote: 'for any cross-examination of the witness, and any re-examination, to be recorded by means of a video recording',
      },
      addedForDemo:
        'Section 28 lets a special measures direction provide for it; in which courts and for which witnesses it is in force is set by commencement orders the demo does not cite.',
      organisations: ['ew-moj'],
    },
    {
      duty: 'Fund victim support services, including independent sexual and domestic violence advisers, through police and crime commissioners.',
      role: 'PRIMARY',
      source: { ...instruments.ewVictims },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-moj'],
    },
    {
      duty: 'Stop a party charged with, cautioned for or convicted of a specified offence from cross-examining the victim in person in family proceedings.',
      role: 'PRIMARY',
      source: {
        ...instruments.ewDomesticAbuse,
        section: 's.65 (inserting s.31R into the Matrimonial and Family Proceedings Act 1984)',
        quote:
          'no party to the proceedings who has been convicted of or given a caution for, or is charged with, a specified offence may cross-examine in person a witness who is the victim, or alleged victim, of that offence',
        url: 'https://www.legislation.gov.uk/ukpga/2021/17/section/65',
      },
      organisations: ['ew-moj'],
    },
    {
      duty: 'Make civil legal aid available in family matters to an adult who was, or is at risk of being, the victim of domestic abuse by the other party.',
      role: 'PRIMARY',
      source: {
        ...instruments.ewLegalAid,
        section: 'Schedule 1, Part 1, paragraph 12(1) (as enacted)',
        quote: 'A was, or is at risk of being, the victim of that domestic violence',
        url: 'https://www.legislation.gov.uk/ukpga/2012/10/schedule/1/part/1/crossheading/victims-of-domestic-violence-and-family-matters',
      },
      organisations: ['ew-moj'],
    },
  ],

  servicePoints: {
    atCrisisCentre: { name: 'Independent sexual violence advisers, {centre}', openingHours: 'Mon-Fri 09:00-17:00', open24Hours: false },
    national: [],
    perDistrict: [
      {
        kind: 'COURT',
        name: 'Specialist domestic abuse court sitting, {place}',
        openingHours: 'Mon-Fri 10:00-16:00',
        open24Hours: false,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'LEGAL_AID_OFFICE',
        name: 'Family legal aid provider (domestic abuse), {place}',
        openingHours: 'Mon-Fri 09:00-17:30',
        open24Hours: false,
        in: { share: 0.5 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'ew-a2-5': { status: 'IN_PROGRESS', updatedAt: '2026-10-27' },
    'ew-a3-4': { status: 'COMPLETED', updatedAt: '2026-01-05' },
    // The pilot evaluation is registered but the ministry has not reported a status.
    'ew-a4-1': { status: null, updatedAt: '2026-04-30' },
  },

  crisisCentres: {
    chance: { legalAid: 0.2, prosecutorLiaison: 0.3, courtPreparation: 1, protectionOrderApplications: 0.3 },
    daysAWeek: [4, 5],
    hours: '09:00-17:00',
  },
};
