import type { SocialWelfareCountrySeed } from './index.ts';
import { instruments, localAuthorityDutyNote, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Ministry of Housing, Communities and Local Government: the duty on tier-one local
 * authorities to provide support in domestic abuse safe accommodation (Domestic Abuse Act
 * 2021, Part 4). Refuge addresses are confidential, so refuges are listed by area only.
 */

export const englandWales: SocialWelfareCountrySeed = {
  responsibilities: [
    {
      duty: 'Make every tier-one local authority in England assess the need for support in safe accommodation, publish a strategy for it and give effect to it.',
      role: 'PRIMARY',
      source: {
        ...instruments.ewDomesticAbuse,
        section: 's.57(1)',
        quote: 'assess, or make arrangements for the assessment of, the need for accommodation-based support in its area',
        url: 'https://www.legislation.gov.uk/ukpga/2021/17/section/57',
      },
      addedForDemo: localAuthorityDutyNote,
      organisations: ['ew-mhclg'],
    },
    {
      duty: 'Make every tier-one local authority in England appoint a domestic abuse local partnership board.',
      role: 'PRIMARY',
      source: { ...instruments.ewDomesticAbuse, section: 's.58' },
      addedForDemo: `${localAuthorityDutyNote} ${uncheckedDutyNote}`,
      organisations: ['ew-mhclg'],
    },
    {
      duty: 'Give people made homeless by domestic abuse priority need for housing assistance.',
      role: 'PRIMARY',
      source: { ...instruments.ewDomesticAbuse, section: 's.78' },
      addedForDemo: `The section amends Part 7 of the Housing Act 1996, whose duties fall on local housing authorities; that the ministry answers for it is the demo's reading. ${uncheckedDutyNote}`,
      organisations: ['ew-mhclg'],
    },
    {
      duty: 'Let survivors rehoused by a local housing authority for reasons connected with domestic abuse have a secure tenancy that is not a flexible (fixed-term) one.',
      role: 'PRIMARY',
      source: {
        ...instruments.ewDomesticAbuse,
        section: 's.79 (inserting s.81ZA into the Housing Act 1985)',
        quote: 'The local housing authority must grant a secure tenancy that is not a flexible tenancy if',
        url: 'https://www.legislation.gov.uk/ukpga/2021/17/section/79',
      },
      addedForDemo:
        "The duty falls on local housing authorities; that the ministry answers for it, as the demo's social welfare sector, is the demo's reading.",
      organisations: ['ew-mhclg'],
    },
    {
      duty: 'Fund local authorities for the safe accommodation duty and monitor how they deliver it.',
      role: 'SUPPORTING',
      source: { ...instruments.ewDomesticAbuse, section: 'Part 4' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['ew-mhclg'],
    },
  ],

  servicePoints: {
    atCrisisCentre: {
      name: 'Domestic abuse and safe accommodation support, {centre}',
      openingHours: 'Mon-Fri 09:00-17:00',
      open24Hours: false,
    },
    national: [],
    perDistrict: [
      {
        kind: 'SHELTER',
        name: 'Domestic abuse refuge (confidential address), {district}',
        openingHours: '24 hours (staff on call)',
        open24Hours: true,
        capacity: { unit: 'bed spaces', amount: [6, 30] },
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'COUNSELLING_CENTRE',
        name: 'Domestic abuse outreach and safe accommodation support, {place}',
        openingHours: 'Mon-Fri 09:00-17:00',
        open24Hours: false,
        in: { share: 0.6 },
        at: 'other-town',
      },
    ],
  },

  actionReports: {
    'ew-a2-3': { status: 'NOT_STARTED', updatedAt: '2026-08-14' },
    'ew-a2-4': { status: 'IN_PROGRESS', updatedAt: '2026-10-22' },
    'ew-a4-3': { status: 'COMPLETED', updatedAt: '2026-06-05' },
  },

  crisisCentres: {
    // Referral centres have no beds of their own; survivors are referred on to safe accommodation.
    chance: { shelter: 0, acceptsChildren: 0 },
    shelterBeds: [0, 0],
    maxStayDays: [0, 0],
    counsellors: [1, 3],
    languages: {
      'ew-sarc-st-marys': ['English', 'Urdu', 'Polish'],
      'ew-sarc-havens-camberwell': ['English', 'Portuguese', 'Somali'],
      'ew-sarc-havens-paddington': ['English', 'Arabic', 'Romanian'],
      'ew-sarc-havens-whitechapel': ['English', 'Bengali', 'Sylheti'],
      'ew-sarc-ynys-saff': ['English', 'Welsh'],
    },
  },
};
