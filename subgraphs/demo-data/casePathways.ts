import type { CountryId } from '../../platform/config.ts';
import { seededRandom, seedFrom } from '../kit/seedRandom.ts';
import { countryFacts, type SectorId } from './countries.ts';

/*
 * Synthetic survivor cases moving through the referral pathway, for the demo data of the case
 * registry (coordination) and of every sector's response. Generated once per country from a
 * seeded random source, so coordination and each sector agree on every code and date without
 * reading each other's stores, and every run loads the same data.
 *
 * Nothing here resembles a real person: a case is a code, dates and categories; the only
 * "identifying" details are the holder's obviously synthetic contact record ("Survivor 0412").
 * Timings and drop-outs follow the shape the field reports: most cases reach health within days,
 * fewer are reported to the police, fewer still are charged, tried and convicted.
 */

export const demoReferenceDay = '2026-11-20';

/** The mark every generated case carries: one shared text, so a hundred thousand cases store it cheaply. */
export const generatedCaseNote =
  'A synthetic case generated for the demo from a seeded random source (subgraphs/demo-data/casePathways.ts); no real person.';
/** The mark every generated referral carries. */
export const generatedReferralNote =
  'A synthetic referral generated for the demo with its case (subgraphs/demo-data/casePathways.ts); no real person.';
const reference = new Date(`${demoReferenceDay}T00:00:00Z`);
const casesPerCountry = 320;

/** The country part of case codes, as each country's framework names the country (GB-EAW → EAW). */
const codeCountry: Record<CountryId, string> = { bangladesh: 'BD', 'england-wales': 'EAW', 'south-africa': 'ZA' };

export type DemoIncidentType =
  'RAPE' | 'SEXUAL_ASSAULT' | 'PHYSICAL_ASSAULT' | 'FORCED_MARRIAGE' | 'DENIAL_OF_RESOURCES' | 'PSYCHOLOGICAL_ABUSE';
export type DemoReferralStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'IN_PROGRESS' | 'DONE' | 'REVOKED';

export interface DemoReferral {
  toSector: SectorId;
  fromSector: SectorId;
  createdOn: Date;
  followUpBy: Date;
  /** Each status with the day it was reached, in order. */
  steps: { status: DemoReferralStatus; on: Date }[];
}

export interface DemoCase {
  code: string;
  serial: number;
  holdingSector: SectorId;
  intakePoint: string;
  district: string;
  firstReportedOn: Date;
  incidentOn: Date | null;
  incidentType: DemoIncidentType;
  contexts: string[];
  referralConsent: SectorId[];
  reportingConsent: boolean;
  referrals: DemoReferral[];
  /** Pathway steps reached, by milestone kind. */
  milestones: Map<string, Date>;
}

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

type Random = ReturnType<typeof seededRandom>;

function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let roll = random.next() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
  return choices[choices.length - 1]![0];
}

const incidentWeights = [
  ['RAPE', 30],
  ['SEXUAL_ASSAULT', 15],
  ['PHYSICAL_ASSAULT', 30],
  ['FORCED_MARRIAGE', 5],
  ['DENIAL_OF_RESOURCES', 8],
  ['PSYCHOLOGICAL_ABUSE', 12],
] as const;

/** Days between incident and first report, in the field's reporting-delay bands. */
function reportingDelay(random: Random): number {
  return weighted(random, [
    [random.int(0, 3), 55],
    [random.int(4, 5), 10],
    [random.int(6, 14), 12],
    [random.int(15, 31), 10],
    [random.int(32, 200), 13],
  ]);
}

/**
 * A referral and how far it got by the reference day: accepted within days, or left pending (and
 * so escalated once its follow-up day passed), rejected, or revoked when consent was withdrawn.
 */
function referral(random: Random, fromSector: SectorId, toSector: SectorId, createdOn: Date, workDays: number): DemoReferral {
  const followUpBy = addDays(createdOn, 7);
  const steps: DemoReferral['steps'] = [{ status: 'PENDING', on: createdOn }];
  const fate = weighted(random, [
    ['accept', 78],
    ['stall', 10],
    ['reject', 7],
    ['revoke', 5],
  ] as const);
  const at = (days: number) => addDays(createdOn, days);
  const add = (status: DemoReferralStatus, on: Date) => on <= reference && steps.push({ status, on });
  if (fate === 'reject') add('REJECTED', at(random.int(1, 5)));
  else if (fate === 'revoke') add('REVOKED', at(random.int(1, 10)));
  else if (fate === 'accept') {
    const accepted = at(random.int(0, 4));
    add('ACCEPTED', accepted);
    add('IN_PROGRESS', addDays(accepted, random.int(0, 3)));
    add('DONE', addDays(accepted, workDays));
  }
  return { fromSector, toSector, createdOn, followUpBy, steps };
}

/**
 * Legal aid and protection orders, once the justice sector has taken a case on: legal aid for most
 * survivors from the days after, a protection order applied for in some cases (granted, refused
 * or still undecided). A granted order was applied for a few days before.
 */
function legalSteps(
  random: Random,
  takenOn: Date,
  chargedOn: Date,
  grantedOn: Date | null,
  mark: (kind: string, on: Date) => unknown,
): void {
  if (random.chance(0.6)) mark('LEGAL_AID_STARTED', addDays(takenOn, random.int(0, 10)));
  if (grantedOn) {
    mark('PROTECTION_ORDER_APPLIED', addDays(grantedOn, -random.int(0, Math.min(10, (grantedOn.getTime() - chargedOn.getTime()) / DAY))));
    mark('PROTECTION_ORDER_GRANTED', grantedOn);
  } else if (random.chance(0.2)) {
    const appliedOn = addDays(chargedOn, random.int(0, 15));
    mark('PROTECTION_ORDER_APPLIED', appliedOn);
    if (random.chance(0.5)) mark('PROTECTION_ORDER_REFUSED', addDays(appliedOn, random.int(5, 30)));
  }
}

const reached = (r: DemoReferral | undefined) => r?.steps.some((s) => s.status === 'ACCEPTED') ?? false;

function generateCase(country: CountryId, serial: number, firstReportedOn: Date): DemoCase {
  const random = seededRandom(seedFrom(`cases:${country}:${serial}`));
  const facts = countryFacts[country];
  const centre = random.chance(0.75) ? random.pick(facts.crisisCentres) : null;
  const district = centre?.district ?? random.pick(facts.districts).name;
  const holdingSector: SectorId = centre
    ? 'health'
    : weighted(random, [
        ['police', 60],
        ['social-welfare', 40],
      ] as const);
  const intakePoint = centre?.id ?? `${holdingSector}-intake-${district.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const incidentType = weighted(random, incidentWeights);
  const child = incidentType !== 'DENIAL_OF_RESOURCES' && random.chance(0.18);
  const contexts = [
    ...(incidentType === 'PHYSICAL_ASSAULT' || incidentType === 'PSYCHOLOGICAL_ABUSE' || random.chance(0.3)
      ? ['INTIMATE_PARTNER_VIOLENCE']
      : []),
    ...(child && (incidentType === 'RAPE' || incidentType === 'SEXUAL_ASSAULT') ? ['CHILD_SEXUAL_ABUSE'] : []),
    ...(child && incidentType === 'FORCED_MARRIAGE' ? ['EARLY_MARRIAGE'] : []),
  ];
  const incidentOn = random.chance(0.9) ? addDays(firstReportedOn, -reportingDelay(random)) : null;
  const wants = (chance: number) => random.chance(chance);
  const police = wants(incidentType === 'RAPE' || incidentType === 'SEXUAL_ASSAULT' ? 0.7 : 0.45);
  const referralConsent = (
    [
      ['health', holdingSector !== 'health' && wants(0.8)],
      ['police', police],
      // A survivor who reports to the police mostly wants the case to go to court as well.
      ['justice', wants(police ? 0.8 : 0.2)],
      ['social-welfare', wants(0.7)],
      ['education', child && wants(0.7)],
    ] as const
  )
    .filter(([, yes]) => yes)
    .map(([sector]) => sector);

  // Legal aid and protection orders draw from a source of their own, so adding them left every
  // other generated fact as it was.
  const legal = seededRandom(seedFrom(`legal:${country}:${serial}`));
  const milestones = new Map<string, Date>();
  const mark = (kind: string, on: Date) => on <= reference && !milestones.has(kind) && milestones.set(kind, on);
  const referrals: DemoReferral[] = [];
  const refer = (from: SectorId, to: SectorId, on: Date, workDays: number) => {
    if (!referralConsent.includes(to) || on > reference) return undefined;
    const made = referral(random, from, to, on, workDays);
    referrals.push(made);
    return made;
  };
  const acceptedOn = (r: DemoReferral | undefined) => r?.steps.find((s) => s.status === 'ACCEPTED')?.on;

  // Health: examination on the day (or after referral), emergency treatment while it still works.
  const toHealth = holdingSector === 'health' ? undefined : refer(holdingSector, 'health', addDays(firstReportedOn, random.int(0, 2)), 1);
  const seenOn = holdingSector === 'health' ? addDays(firstReportedOn, random.int(0, 1)) : acceptedOn(toHealth);
  if (seenOn) {
    mark('HEALTH_EXAMINED', seenOn);
    const sinceIncident = incidentOn ? (seenOn.getTime() - incidentOn.getTime()) / DAY : 99;
    const sexual = incidentType === 'RAPE' || incidentType === 'SEXUAL_ASSAULT';
    if (sexual && sinceIncident <= 5 && random.chance(0.85)) mark('EMERGENCY_CONTRACEPTION_GIVEN', seenOn);
    if (incidentType === 'RAPE' && sinceIncident <= 3 && random.chance(0.8)) mark('POST_EXPOSURE_TREATMENT_GIVEN', seenOn);
    if (sexual && random.chance(0.7)) mark('FORENSIC_EVIDENCE_COLLECTED', seenOn);
  }

  // Police: report, investigation, DNA; then the prosecution and the courts, with attrition at each step.
  const policeFrom: SectorId = holdingSector === 'police' ? 'police' : holdingSector;
  const toPolice = holdingSector === 'police' ? undefined : refer(policeFrom, 'police', addDays(firstReportedOn, random.int(0, 3)), 60);
  const reportedOn = holdingSector === 'police' ? firstReportedOn : acceptedOn(toPolice);
  if (reportedOn && incidentType !== 'DENIAL_OF_RESOURCES' && incidentType !== 'PSYCHOLOGICAL_ABUSE') {
    mark('REPORT_REGISTERED', reportedOn);
    if (random.chance(0.8)) {
      const investigatedOn = addDays(reportedOn, random.int(1, 10));
      mark('INVESTIGATION_OPENED', investigatedOn);
      if (milestones.has('FORENSIC_EVIDENCE_COLLECTED') && random.chance(0.7))
        mark('DNA_SAMPLE_SENT', addDays(investigatedOn, random.int(1, 7)));
      const toJustice = random.chance(0.75) ? refer('police', 'justice', addDays(investigatedOn, random.int(10, 40)), 240) : undefined;
      if (reached(toJustice)) {
        const chargedOn = addDays(acceptedOn(toJustice)!, random.int(5, 30));
        mark('CHARGED', chargedOn);
        const grantedOn = random.chance(0.3) ? addDays(chargedOn, random.int(1, 20)) : null;
        legalSteps(legal, acceptedOn(toJustice)!, chargedOn, grantedOn, mark);
        if (random.chance(0.7)) {
          const trialOn = addDays(chargedOn, random.int(30, 120));
          mark('TRIAL_STARTED', trialOn);
          const verdict = weighted(random, [
            ['CONVICTED', 45],
            ['ACQUITTED', 30],
            ['NONE', 25],
          ] as const);
          if (verdict !== 'NONE') mark(verdict, addDays(trialOn, random.int(10, 60)));
        }
      }
    }
  }

  // Social welfare and education: shelter, counselling, school support.
  const toWelfare =
    holdingSector === 'social-welfare' ? undefined : refer(holdingSector, 'social-welfare', addDays(firstReportedOn, random.int(0, 6)), 90);
  const welfareOn = holdingSector === 'social-welfare' ? firstReportedOn : acceptedOn(toWelfare);
  if (welfareOn) {
    if (random.chance(0.4)) mark('SHELTER_ADMITTED', welfareOn);
    if (random.chance(0.85)) mark('COUNSELLING_STARTED', addDays(welfareOn, random.int(0, 7)));
  }
  const toSchool = child ? refer(holdingSector, 'education', addDays(firstReportedOn, random.int(3, 20)), 120) : undefined;
  if (acceptedOn(toSchool)) mark('SCHOOL_SUPPORT_STARTED', addDays(acceptedOn(toSchool)!, random.int(1, 10)));

  return {
    code: `CASE-${codeCountry[country]}-${firstReportedOn.getUTCFullYear()}-${String(serial).padStart(6, '0')}`,
    serial,
    holdingSector,
    intakePoint,
    district,
    firstReportedOn,
    incidentOn,
    incidentType,
    contexts: contexts.length > 0 ? contexts : ['NONE'],
    referralConsent,
    reportingConsent: random.chance(0.85),
    referrals,
    milestones,
  };
}

const cache = new Map<CountryId, readonly DemoCase[]>();

/** The country's demo cases, first reported from 1 January to the reference day, numbered in date order. */
export function demoCases(country: CountryId): readonly DemoCase[] {
  const cached = cache.get(country);
  if (cached) return cached;
  const cases = syntheticCases(country, casesPerCountry);
  cache.set(country, cases);
  return cases;
}

/**
 * `count` synthetic cases shaped like the demo ones, over the same days: the demo data itself, or
 * a registry of any size for measuring how the hub scales (a case's details depend only on its
 * country and number, so the first cases of a larger set look like the demo's).
 */
export function syntheticCases(country: CountryId, count: number): DemoCase[] {
  const random = seededRandom(seedFrom(`case-dates:${country}`));
  const start = Date.UTC(reference.getUTCFullYear(), 0, 1);
  const span = Math.floor((reference.getTime() - start) / DAY);
  const days = Array.from({ length: count }, () => random.int(0, span)).sort((a, b) => a - b);
  return days.map((day, i) => generateCase(country, i + 1, new Date(start + day * DAY)));
}

/** A day the demo data fixes for a case, as a fresh Date (documents must not share instances). */
export const fresh = (d: Date | null | undefined) => (d ? new Date(d) : null);
