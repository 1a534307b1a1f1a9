import { upgradeLedger } from '../../subgraphs/kit/subgraph.ts';
import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { rewriteAsBeforeFrameworkLives } from './beforeFrameworkLives.ts';

/*
 * A coordination store as it was written before organisations were records, made from one
 * written now: each body's seats become the `members` list of that time (organisation by name,
 * role, title, sector), the one framework of that time (without its life) names its `leadMinistry`, meetings keep no attendance per
 * organisation, and the organisations collection is empty. Written straight to the store, as the
 * earlier code's documents would not pass today's validation.
 */

type Doc = StoredDocument & Record<string, unknown>;
interface Seat {
  organisationId: string;
  title: string;
  role: string;
  sectorId?: string | null;
}

/**
 * Rewrites `store` in the old shape. `oldNames` gives the name the earlier data used where it
 * differs from today's organisation name.
 */
export async function rewriteAsBeforeOrganisations(store: Store, oldNames: Record<string, string> = {}): Promise<void> {
  // Written before the upgrade existed, so the store has not recorded finishing it.
  await store.collection(upgradeLedger).deleteMany({});
  const organisations = await store.collection<Doc>('organisations').find({});
  const nameOf = new Map(organisations.map((o) => [o._id, oldNames[o.name as string] ?? (o.name as string)]));
  const named = (id: string) => {
    const name = nameOf.get(id);
    if (!name) throw new Error(`no organisation ${id}`);
    return name;
  };

  const bodies = store.collection<Doc>('coordinationBodies');
  for (const { seats, ...body } of await bodies.find({})) {
    const members = (seats as Seat[]).map((s) => ({
      title: s.title,
      organisation: named(s.organisationId),
      role: s.role,
      ...(s.sectorId ? { sectorId: s.sectorId } : {}),
    }));
    await bodies.replaceOne({ _id: body._id }, { ...body, members });
  }
  await rewriteAsBeforeFrameworkLives(store);
  const frameworks = store.collection<Doc>('frameworks');
  for (const { leadOrganisationId, ...framework } of await frameworks.find({})) {
    await frameworks.replaceOne({ _id: framework._id }, { ...framework, leadMinistry: named(leadOrganisationId as string) });
  }
  const meetings = store.collection<Doc>('meetings');
  for (const { organisationAttendance: _, ...meeting } of await meetings.find({})) {
    await meetings.replaceOne({ _id: meeting._id }, meeting);
  }
  await store.collection('organisations').deleteMany({});
}
