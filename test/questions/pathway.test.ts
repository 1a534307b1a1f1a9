import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaDoc } from '../../subgraphs/coordination/areas/models.ts';
import type { CaseDoc } from '../../subgraphs/coordination/cases/models.ts';
import { noiseParameters } from '../../subgraphs/kit/disclosure/configured.ts';
import { analyst, startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/*
 * The lead ministry's pathway questions over a window and by area, each one query through the
 * gateway as the analyst (aggregates:read), checked against the cases the coordination store
 * holds, counted here from the stored documents. Published counts carry noise: a count is right
 * when its true count is below the threshold and it is withheld (null, never 0), or when it is at
 * least the threshold and within maxNoise of the truth, never below the threshold.
 */

let hub: TestHub;
let cases: CaseDoc[];
let areas: AreaDoc[];
beforeAll(async () => {
  hub = await startTestHub({ only: [] });
  const store = hub.stores.get('coordination')!;
  cases = await store.collection<CaseDoc>('cases').find({ reportingConsent: true });
  areas = await store.collection<AreaDoc>('areas').find({});
}, 60_000);
afterAll(() => hub?.stop());

type Row = { key?: string; count: number | null; suppressed: boolean };
const { maxNoise } = noiseParameters;
let threshold = 0;

/** A published count checked against the true one; returns whether it was published. */
function expectPublishedFor(published: Row, truth: number, what: string): boolean {
  if (truth < threshold) {
    expect(published, `${what}: ${truth} cases`).toMatchObject({ count: null, suppressed: true });
    return false;
  }
  expect(published.suppressed, `${what}: ${truth} cases`).toBe(false);
  expect(Math.abs(published.count! - truth), `${what}: ${published.count} for ${truth}`).toBeLessThanOrEqual(maxNoise);
  expect(published.count!).toBeGreaterThanOrEqual(threshold);
  return true;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const healthSteps = ['HEALTH_EXAMINED', 'EMERGENCY_CONTRACEPTION_GIVEN', 'POST_EXPOSURE_TREATMENT_GIVEN', 'FORENSIC_EVIDENCE_COLLECTED'];

describe('the pathway questions over a window and by area', () => {
  it('the 72-hour share for health by district for a quarter', async () => {
    const { data, errors } = await hub.query(
      /* GraphQL */ `
        query {
          pathwayAggregates(window: { year: 2026, quarter: 3 }) {
            suppressionThreshold
            period {
              from
              to
            }
            byArea(level: DISTRICT) {
              area {
                id
                name
              }
              timeToService(incidentType: RAPE) {
                sectorId
                reached {
                  count
                  suppressed
                }
                withinThreeDays {
                  count
                  suppressed
                }
                shareWithinThreeDays
              }
            }
          }
        }
      `,
      {},
      analyst,
    );
    expect(errors).toBeUndefined();
    const answer = data!.pathwayAggregates;
    threshold = answer.suppressionThreshold;
    expect(answer.period).toEqual({ from: '2026-07-01', to: '2026-09-30' });

    // Every district area, with cases or not, in listing order, then the cases naming no district area.
    const districts = areas.filter((a) => a.level === 'DISTRICT').sort((a, b) => a.order - b.order);
    expect(answer.byArea.map((a: { area: { id: string } }) => a.area.id)).toEqual([...districts.map((a) => a._id), 'UNPLACED']);

    const rapeInQuarter = cases.filter(
      (c) => c.incidentType === 'RAPE' && c.firstReportedOn >= new Date('2026-07-01') && c.firstReportedOn < new Date('2026-10-01'),
    );
    let published = 0;
    let withheld = 0;
    for (const district of districts) {
      const inDistrict = rapeInQuarter.filter((c) => c.district.toLowerCase() === district.name.toLowerCase());
      const firstHealthStep = inDistrict
        .map((c) =>
          c.milestones.filter((m) => healthSteps.includes(m.kind)).map((m) => (m.on.getTime() - c.firstReportedOn.getTime()) / DAY),
        )
        .filter((days) => days.length > 0)
        .map((days) => Math.min(...days));
      const reached = firstHealthStep.length;
      const within = firstHealthStep.filter((days) => days <= 3).length;
      const health = answer.byArea
        .find((a: { area: { id: string } }) => a.area.id === district._id)
        .timeToService.find((t: { sectorId: string }) => t.sectorId === 'health');
      const reachedShown = expectPublishedFor(health.reached, reached, `${district.name} reached`);
      const withinShown = expectPublishedFor(health.withinThreeDays, within, `${district.name} within 72 hours`);
      if (reachedShown && withinShown) {
        published += 1;
        expect(health.shareWithinThreeDays).toBeCloseTo(Math.min(1, health.withinThreeDays.count / health.reached.count), 10);
      } else {
        withheld += 1;
        expect(health.shareWithinThreeDays, district.name).toBeNull();
      }
    }
    // The demo data has districts on both sides of the threshold, so both rules were put to work.
    expect(published).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(0);
  });

  it('the justice funnel for the last 12 months', async () => {
    const { data, errors } = await hub.query(
      /* GraphQL */ `
        query {
          pathwayAggregates(window: { lastMonths: 12 }) {
            suppressionThreshold
            period {
              from
              to
              months
            }
            justiceFunnel {
              key
              count
              suppressed
            }
          }
        }
      `,
      {},
      analyst,
    );
    expect(errors).toBeUndefined();
    const answer = data!.pathwayAggregates;
    threshold = answer.suppressionThreshold;
    // The hub's day is 2026-11-24: December 2025 to November 2026, counted up to today.
    expect(answer.period.from).toBe('2025-12-01');
    expect(answer.period.to).toBe(TODAY);
    expect(answer.period.months).toHaveLength(12);

    const inWindow = cases.filter((c) => iso(c.firstReportedOn) >= '2025-12-01' && iso(c.firstReportedOn) <= TODAY);
    // A case that reached a later stage passed the earlier ones.
    const stages: [string, string[]][] = [
      ['REPORTED', ['REPORT_REGISTERED', 'INVESTIGATION_OPENED', 'CHARGED', 'TRIAL_STARTED', 'CONVICTED']],
      ['INVESTIGATED', ['INVESTIGATION_OPENED', 'CHARGED', 'TRIAL_STARTED', 'CONVICTED']],
      ['CHARGED', ['CHARGED', 'TRIAL_STARTED', 'CONVICTED']],
      ['TRIED', ['TRIAL_STARTED', 'CONVICTED']],
      ['CONVICTED', ['CONVICTED']],
    ];
    expect(answer.justiceFunnel.map((r: Row) => r.key)).toEqual(stages.map(([key]) => key));
    const shown = stages.map(([key, kinds], i) =>
      expectPublishedFor(answer.justiceFunnel[i], inWindow.filter((c) => c.milestones.some((m) => kinds.includes(m.kind))).length, key),
    );
    expect(shown.filter(Boolean).length).toBeGreaterThanOrEqual(3);
  });

  it('how many survivors received legal aid, and how many protection orders were applied for and granted', async () => {
    const { data, errors } = await hub.query(
      /* GraphQL */ `
        query {
          pathwayAggregates(window: { year: 2026 }) {
            suppressionThreshold
            legalProtection {
              key
              count
              suppressed
            }
          }
        }
      `,
      {},
      analyst,
    );
    expect(errors).toBeUndefined();
    const answer = data!.pathwayAggregates;
    threshold = answer.suppressionThreshold;
    const inYear = cases.filter((c) => c.firstReportedOn.getUTCFullYear() === 2026);
    const withStep = (...kinds: string[]) => inYear.filter((c) => c.milestones.some((m) => kinds.includes(m.kind))).length;
    const truths: [string, number][] = [
      ['LEGAL_AID_RECEIVED', withStep('LEGAL_AID_STARTED')],
      // An order decided was applied for, even if only the decision was reported.
      ['PROTECTION_ORDER_APPLIED', withStep('PROTECTION_ORDER_APPLIED', 'PROTECTION_ORDER_GRANTED', 'PROTECTION_ORDER_REFUSED')],
      ['PROTECTION_ORDER_GRANTED', withStep('PROTECTION_ORDER_GRANTED')],
      ['PROTECTION_ORDER_REFUSED', withStep('PROTECTION_ORDER_REFUSED')],
    ];
    expect(answer.legalProtection.map((r: Row) => r.key)).toEqual(truths.map(([key]) => key));
    truths.forEach(([key, truth], i) => expectPublishedFor(answer.legalProtection[i], truth, key));
    // Legal aid reached enough survivors in the demo data to be published.
    expect(answer.legalProtection[0].suppressed).toBe(false);
  });
});

describe('windows refused', () => {
  it('names the problem with a window, whole', async () => {
    const ask = async (window: Record<string, unknown>) => {
      const { errors } = await hub.query(`query($w: PathwayWindow!) { pathwayAggregates(window: $w) { year } }`, { w: window }, analyst);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return errors![0]!.message;
    };
    expect(await ask({ year: 2026, quarter: 5, month: 2 })).toMatch(
      /window\.quarter cannot be given with month.*window\.quarter must be 1, 2, 3 or 4/,
    );
    expect(await ask({ lastMonths: 7 })).toContain('window.lastMonths must be one of 1, 3, 6, 12, 24, 36 (got 7)');
    expect(await ask({ lastMonths: 12, endingOn: '2026-12-01' })).toContain('window.endingOn must not be after today');
    expect(await ask({ quarter: 1 })).toContain('window.year is required unless lastMonths is given');
    expect(await ask({ year: 2026, month: 12 })).toContain('window.month must have begun by today');
    // The window's first month, not only its last, must fall in a year the registry counts.
    expect(await ask({ lastMonths: 36, endingOn: '1990-01-15' })).toContain(
      'window.lastMonths must not reach back before 1990: 36 months ending in 1990-01 begin in 1987-02',
    );
    expect(await ask({ lastMonths: 1, endingOn: '1989-12-31' })).toContain('window.endingOn must not be before 1990');
    const { errors } = await hub.query(`{ pathwayAggregates(year: 2026, window: { year: 2026 }) { year } }`, {}, analyst);
    expect(errors![0]!.message).toContain('year or window must be given, and not both');
    const bySubDistrict = await hub.query(`{ pathwayAggregates(year: 2026) { byArea(level: SUB_DISTRICT) { area { id } } } }`, {}, analyst);
    expect(bySubDistrict.errors![0]!.message).toContain('cases are placed no finer than their district');
  });
});
