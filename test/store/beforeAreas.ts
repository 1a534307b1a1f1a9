import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { upgradeLedger } from '../../subgraphs/kit/subgraph.ts';

/*
 * A coordination store as it was written before areas were kept, made from one written now: the
 * bodies name no area and the areas collection is empty. Written straight to the store, as the
 * earlier code wrote it.
 */

type Doc = StoredDocument & Record<string, unknown>;

export async function rewriteAsBeforeAreas(store: Store): Promise<void> {
  const bodies = store.collection<Doc>('coordinationBodies');
  for (const { areaId: _, ...body } of await bodies.find({})) await bodies.replaceOne({ _id: body._id }, body);
  await store.collection('areas').deleteMany({});
  // Written before the upgrade existed, so the store has not recorded finishing it.
  await store.collection(upgradeLedger).deleteMany({});
}
