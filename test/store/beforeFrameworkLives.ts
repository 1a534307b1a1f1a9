import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { upgradeLedger } from '../../subgraphs/kit/subgraph.ts';

/*
 * A coordination store as it was written before frameworks had a life, made from one written now:
 * one framework per country, the one the demo data then held, without status, events, funding
 * lines or provenance. Written straight to the store, as the earlier documents would not pass
 * today's validation.
 */

type Doc = StoredDocument & Record<string, unknown>;

/** The framework each country's demo data held before frameworks had a life. */
export const frameworksBefore = ['bd-msp-vaw', 'ew-vawg-strategy', 'za-npf-sexual-offences'];

/** Rewrites `store`'s frameworks in the old shape; `keep` says which of them the old store held. */
export async function rewriteAsBeforeFrameworkLives(store: Store, keep: readonly string[] = frameworksBefore): Promise<void> {
  const frameworks = store.collection<Doc>('frameworks');
  for (const { status: _, events: __, fundingLines: ___, source: ____, addedForDemo: _____, ...framework } of await frameworks.find({})) {
    if (keep.includes(framework._id)) await frameworks.replaceOne({ _id: framework._id }, framework);
    else await frameworks.deleteMany({ _id: framework._id });
  }
  // Written before the upgrade existed, so the store has not recorded finishing it.
  await store.collection(upgradeLedger).deleteMany({});
}
