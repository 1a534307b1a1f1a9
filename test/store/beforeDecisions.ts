import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { upgradeLedger } from '../../subgraphs/kit/subgraph.ts';

/*
 * A coordination store as it was written before decisions were followed, made from one written
 * now: meetings keep their minuted decisions and there is no decision record. One meeting more is
 * added as the API recorded it then, with no mark. Written straight to the store, as the earlier
 * code wrote it.
 */

type Doc = StoredDocument & Record<string, any>;

export const recordedThen = 'bd-coordination-2026-11-19';

export async function rewriteAsBeforeDecisions(store: Store): Promise<void> {
  await store.collection('decisions').deleteMany({});
  const meetings = store.collection<Doc>('meetings');
  const [model] = await meetings.find({ _id: 'bd-coordination-2026-11-05' });
  const { source: _, addedForDemo: __, ...unmarked } = model!;
  await meetings.insertMany([
    {
      ...unmarked,
      _id: recordedThen,
      heldOn: new Date('2026-11-19T00:00:00Z'),
      decisions: [
        { code: 'D1', text: 'Ask every OCC to report DNA samples weekly' },
        { code: 'D2', text: 'Hold an extra meeting on the Tribunal backlog' },
      ],
      recordedBy: 'secretary@coordination',
    },
  ]);
  // Written before the upgrade existed, so the store has not recorded finishing it.
  await store.collection(upgradeLedger).deleteMany({});
}
