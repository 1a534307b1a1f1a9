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

/** A published count: withheld (null) below the threshold, else a multiple of the base within the noise. */
function expectProtected(published: Published, truth: number, where: string) {
  if (truth < 5) {
    expect({ value: published.value, suppressed: published.suppressed }, where).toEqual({ value: null, suppressed: true });
    return;
  }
  expect(published.suppressed, where).toBe(false);
  expect(published.value! % noiseParameters.base, where).toBe(0);
  expect(Math.abs(published.value! - truth), where).toBeLessThanOrEqual(noiseParameters.maxNoise);
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
    let checked = 0;
    for (const indicator of indicators) {
      for (const v of indicator.values) {
        const truth = stored.get(v.id)!;
        if (indicator.unit !== 'COUNT') {
          expect(v).toMatchObject({ value: truth.value, suppressed: false });
          continue;
        }
        expectProtected(v, truth.value, v.id);
        v.breakdowns.forEach((b, i) => expectProtected(b, truth.breakdowns[i].value, `${v.id} ${b.dimension}=${b.category}`));
        checked += 1 + v.breakdowns.length;
      }
    }
    expect(checked).toBeGreaterThan(10);
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
