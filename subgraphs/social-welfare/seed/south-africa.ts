import type { SocialWelfareCountrySeed } from './index.ts';
import { instruments, saAnnualReports, uncheckedDutyNote } from '../../sector-core/seed/sources.ts';

/*
 * Department of Social Development: the Victim Empowerment Programme (social workers and
 * counsellors at Thuthuzela Care Centres), shelters for victims of crime and violence, the
 * Gender-Based Violence Command Centre, and designated social workers for child victims.
 */

export const southAfrica: SocialWelfareCountrySeed = {
  responsibilities: [
    {
      duty: 'Give victims of sexual offences psychosocial support and counselling through the Victim Empowerment Programme, at every Thuthuzela Care Centre.',
      role: 'PRIMARY',
      source: { ...instruments.saPolicyFramework },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-dsd'],
    },
    {
      duty: 'Run the Gender-Based Violence Command Centre around the clock and refer callers to services near them.',
      role: 'PRIMARY',
      source: { ...instruments.saGbvfPlan },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-dsd'],
    },
    {
      duty: 'Fund shelters and Khuseleka One-Stop Centres and hold them to the minimum norms and standards.',
      role: 'PRIMARY',
      source: { ...instruments.saGbvfPlan, section: 'Pillar 4' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-dsd'],
    },
    {
      duty: 'Protect child victims through designated social workers who investigate reports of abuse.',
      role: 'PRIMARY',
      source: { ...instruments.saChildren, section: 's.110' },
      addedForDemo: uncheckedDutyNote,
      organisations: ['za-dsd'],
    },
    {
      duty: 'Report to Parliament every year, through its Cabinet member, on how the department implements the Act.',
      role: 'PRIMARY',
      source: saAnnualReports,
      organisations: ['za-dsd'],
    },
  ],

  servicePoints: {
    atCrisisCentre: {
      name: 'Victim Empowerment Programme support and shelter referral, {centre}',
      openingHours: 'Mon-Fri 07:30-16:00; on call after hours',
      open24Hours: false,
      organisation: 'za-dsd',
    },
    national: [
      {
        kind: 'HELPLINE',
        organisation: 'za-dsd',
        name: 'Gender-Based Violence Command Centre',
        place: 'Pretoria',
        district: 'City of Tshwane',
        openingHours: '24 hours',
        open24Hours: true,
      },
    ],
    perDistrict: [
      {
        kind: 'COUNSELLING_CENTRE',
        organisation: 'za-dsd',
        name: 'Victim Empowerment Programme office, {place}',
        openingHours: 'Mon-Fri 07:30-16:00',
        open24Hours: false,
        in: 'every-district',
        at: 'district-town',
      },
      {
        kind: 'SHELTER',
        organisation: 'za-dsd',
        name: 'Shelter for victims of crime and violence (confidential address), {district}',
        openingHours: '24 hours',
        open24Hours: true,
        capacity: { unit: 'beds', amount: [10, 40] },
        in: { share: 0.5 },
        at: 'district-town',
      },
    ],
  },

  actionReports: {
    'za-a2-5': { status: 'COMPLETED', updatedAt: '2026-01-28' },
    'za-a2-6': { status: 'NOT_STARTED', updatedAt: '2026-09-16' },
  },

  crisisCentres: {
    chance: { shelter: 0.3, acceptsChildren: 0.8 },
    shelterBeds: [6, 20],
    maxStayDays: [30, 180],
    counsellors: [1, 3],
    languages: {
      'za-tcc-mamelodi': ['Sepedi', 'isiZulu', 'Setswana', 'English'],
      'za-tcc-karl-bremer': ['Afrikaans', 'isiXhosa', 'English'],
      'za-tcc-mthatha': ['isiXhosa', 'English'],
      'za-tcc-tembisa': ['isiZulu', 'Sepedi', 'English'],
      'za-tcc-umlazi': ['isiZulu', 'English'],
      'za-tcc-dora-nginza': ['isiXhosa', 'Afrikaans', 'English'],
      'za-tcc-pelonomi': ['Sesotho', 'Setswana', 'Afrikaans', 'English'],
      'za-tcc-tshilidzini': ['Tshivenda', 'Xitsonga', 'English'],
      'za-tcc-edendale': ['isiZulu', 'English'],
    },
  },
};
