import { describe, expect, it } from 'vitest';
import { noiseParameters } from '../../subgraphs/kit/disclosure/configured.ts';
import { startTestHub } from '../support/hub.ts';
import { officer } from './caseFixtures.ts';

/* The demo data of every country flows through the pathway and answers the same questions. */

describe.each(['england-wales', 'south-africa'] as const)('the %s demo cases', (country) => {
  it('answer the pathway aggregates and one case query with every engaged sector’s response', async () => {
    const hub = await startTestHub({ country });
    try {
      const { data, errors } = await hub.query(
        `{ pathwayAggregates(year: 2026) { casesByIncidentType { total { count } } justiceFunnel { key count suppressed } overdueFollowUps { total { count } } } }`,
      );
      expect(errors).toBeUndefined();
      const a = data!.pathwayAggregates;
      const consenting = await hub.stores.get('coordination')!.collection('cases').count({ reportingConsent: true });
      expect(Math.abs(a.casesByIncidentType.total.count - consenting)).toBeLessThanOrEqual(noiseParameters.maxNoise);
      expect(a.justiceFunnel[0].count).toBeGreaterThan(a.justiceFunnel[2].count ?? 0);

      const [held] = await hub.stores
        .get('coordination')!
        .collection<any>('cases')
        .find({ holdingSector: 'health' }, { sort: { _id: 1 }, limit: 1 });
      expect(held._id).toMatch(country === 'england-wales' ? /^CASE-EAW-2026-/ : /^CASE-ZA-2026-/);
      const one = await hub.query(
        `query($id: ID!) { case(id: $id) { id referrals { to { id } } responses { sector { id } recorded } } }`,
        { id: held._id },
        officer('health'),
      );
      expect(one.errors).toBeUndefined();
      expect(one.data!.case.responses[0]).toEqual({ sector: { id: 'health' }, recorded: true });
    } finally {
      await hub.stop();
    }
  });
});
