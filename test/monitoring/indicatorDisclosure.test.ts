import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noiseParameters } from '../../subgraphs/kit/disclosure/configured.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

/*
 * Indicator values that count people (COUNT indicators: survivors reached) leave the hub under
 * the same disclosure control as the pathway counts: the value and each breakdown category are
 * withheld below the threshold, never shown as 0, and otherwise rounded to the base, the same
 * every time. Percentages and rates are published as reported.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const query = `{ sector(id: "health") { indicators { id unit values { id value suppressed breakdowns { dimension category value suppressed } } } } }`;
type Published = { value: number | null; suppressed: boolean };
type Value = Published & { id: string; breakdowns: (Published & { dimension: string; category: string })[] };

async function ask(): Promise<{ id: string; unit: string; values: Value[] }[]> {
  const { data, errors } = await hub.query(query);
  expect(errors).toBeUndefined();
  return data!.sector.indicators;
}

const threshold = 5;
type Count = Published & { truth: number; where: string };

/** Published counts that break the rule: withheld (null) below the threshold, else a multiple of the base within the noise. */
function unprotected(counts: Count[]): Count[] {
  const { base, maxNoise } = noiseParameters;
  return counts.filter(({ value, suppressed, truth }) =>
    truth < threshold
      ? value !== null || !suppressed
      : suppressed || value === null || value % base !== 0 || Math.abs(value - truth) > maxNoise,
  );
}

describe('indicator values that count people', () => {
  it('withhold small breakdown categories and round the rest; percentages stay as reported', async () => {
    // A value with a small category, as a crisis centre in a quiet month reports (written to the
    // store directly: the demo's open periods are all reported).
    const counts = (await ask()).find((i) => i.unit === 'COUNT')!;
    const values = hub.stores.get('health')!.collection<any>('indicatorValues');
    const [sample] = await values.find({ indicatorId: counts.id }, { limit: 1 });
    await values.insertMany([
      {
        ...sample,
        _id: `${counts.id}@2025-12`,
        period: '2025-12',
        value: 12,
        breakdowns: [
          { dimension: 'sex', category: 'female', value: 9 },
          { dimension: 'sex', category: 'male', value: 3 },
        ],
      },
    ]);
    const stored = new Map((await values.find({})).map((v: any) => [v._id, v]));
    const indicators = await ask();
    const asReported = indicators.filter((i) => i.unit !== 'COUNT').flatMap((i) => i.values);
    expect(asReported.length, 'no percentage or rate to compare').toBeGreaterThan(0);
    expect(asReported.map((v) => [v.id, v.value, v.suppressed])).toEqual(asReported.map((v) => [v.id, stored.get(v.id)!.value, false]));
    const published: Count[] = indicators
      .filter((i) => i.unit === 'COUNT')
      .flatMap((i) => i.values)
      .flatMap((v) => {
        const truth = stored.get(v.id)!;
        return [
          { ...v, truth: truth.value, where: v.id },
          ...v.breakdowns.map((b, i) => ({ ...b, truth: truth.breakdowns[i].value, where: `${v.id} ${b.dimension}=${b.category}` })),
        ];
      });
    expect(published.length).toBeGreaterThan(10);
    expect(published.filter((c) => c.truth < threshold).length, 'no small count to withhold').toBeGreaterThan(0);
    expect(unprotected(published).map((c) => `${c.where}: ${c.value} (withheld: ${c.suppressed}) for ${c.truth}`)).toEqual([]);
    const small = indicators.flatMap((i) => i.values).find((v) => v.id === `${counts.id}@2025-12`)!;
    expect(small.breakdowns.find((b) => b.category === 'male')).toEqual({
      dimension: 'sex',
      category: 'male',
      value: null,
      suppressed: true,
    });
    // Asked again, every figure is the same.
    expect(await ask()).toEqual(indicators);
  });
});
