import { afterAll, beforeAll, it } from 'vitest';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
let hub: TestHub;
beforeAll(async () => { hub = await startTestHub(); });
afterAll(() => hub?.stop());
it('probe', async () => {
  const r = await hub.query(`{ sectors { id compliance { status reasons { rule status detail } lastUpdateAt } } }`, undefined, analyst);
  console.log(JSON.stringify(r.data, null, 1));
  const ar = await hub.stores.get('health')!.collection<any>('actionRecords').find({});
  console.log(JSON.stringify(ar.slice(0,2)));
  const acts = await hub.stores.get('coordination')!.collection<any>('actions').find({});
  console.log(JSON.stringify(acts.slice(0,1)));
  for (const s of ['health']) for (const c of ['progressReports','indicatorValues','indicators','dataSets']) { const x = await hub.stores.get(s)!.collection<any>(c).find({}); console.log(c, x.length, JSON.stringify(x[0])); }
});
