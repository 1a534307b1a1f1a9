import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { upgradeLedger } from '../../subgraphs/kit/subgraph.ts';

/*
 * A coordination store as it was written before records kept their marks, made from one written
 * now: no record has `source` or `addedForDemo`, focal points neither, and actions name no
 * organisations. Rajshahi's crisis centre keeps the opening date the demo gave it then, before it
 * was corrected from its source. Written straight to the store, as the earlier code wrote it.
 */

type Doc = StoredDocument & Record<string, any>;

export const markedCollections = [
  'sectors',
  'coordinationBodies',
  'objectives',
  'actions',
  'crisisCentres',
  'meetings',
  'actionItems',
  'bodyReports',
  'cases',
  'referrals',
] as const;

const withoutMark = ({ source: _, addedForDemo: __, ...rest }: Record<string, any>) => rest;

export async function rewriteAsBeforeMarks(store: Store): Promise<void> {
  // Written before the upgrade existed, so the store has not recorded finishing it.
  await store.collection(upgradeLedger).deleteMany({});
  for (const name of markedCollections) {
    const collection = store.collection<Doc>(name);
    for (const doc of await collection.find({})) {
      let old = withoutMark(doc) as Doc;
      if (name === 'sectors') old = { ...old, focalPoint: withoutMark(doc.focalPoint) };
      if (name === 'actions') {
        const { leadOrganisationId: _, supportingOrganisationIds: __, ...rest } = old;
        old = rest as Doc;
      }
      if (doc._id === 'bd-occ-rajshahi') old = { ...old, openedOn: new Date('2001-10-01T00:00:00Z') };
      await collection.replaceOne({ _id: doc._id }, old);
    }
  }
}
