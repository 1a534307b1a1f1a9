import type { GraphAccess } from '../kit/graphAccess.ts';
import {
  conditionsQuery,
  conditionsVariables,
  followUpCounts,
  followUpEvent,
  standingEvents,
  unavailableEvent,
  type ConditionsAnswer,
  type FollowUpCount,
} from './conditions.ts';
import type { AlertServices } from './context.ts';
import { raiseEvent, type RaisedEvent } from './events.ts';
import type { EventDoc, WatchDoc } from './models.ts';
import { askGraph } from './graphClient.ts';

/** What one check found: the events it raised, and why part of the graph could not be checked. */
export interface CheckResult {
  raised: EventDoc[];
  problems: string[];
}

/**
 * Asks the graph once and raises every event its answer shows that was not raised before. Stable
 * conditions (an action overdue since a due date) carry their own ids; conditions that come and
 * go (a sector answering, a count rising) are compared with what the last check saw, kept in the
 * store, so a restart does not raise them again.
 */
export async function checkGraph(services: AlertServices, graph: GraphAccess): Promise<CheckResult> {
  const today = services.today();
  let answer: Awaited<ReturnType<typeof askGraph<ConditionsAnswer>>>;
  try {
    answer = await askGraph<ConditionsAnswer>(graph, conditionsQuery, conditionsVariables(today));
  } catch (error) {
    return { raised: [], problems: [`the gateway could not be asked: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  const unavailable = new Map<string, string>();
  for (const error of answer.errors ?? []) {
    const subgraph = error.extensions?.subgraph;
    if (error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && typeof subgraph === 'string') unavailable.set(subgraph, error.message);
    else problems.push(error.message);
  }
  const raised: EventDoc[] = [];
  const raise = async (candidate: RaisedEvent) => {
    const event = await raiseEvent(services, candidate);
    if (event) raised.push(event);
  };
  // Standing conditions are seen again at every check: one read finds those raised before.
  const standing = standingEvents(answer.data ?? {});
  const known = new Set((await services.repos.events.findByIds(standing.map((c) => c.id))).map((e) => e._id));
  for (const candidate of standing) if (!known.has(candidate.id)) await raise(candidate);
  await answeringChanges(services, answer.data, unavailable, raise);
  await followUpRises(services, followUpCounts(answer.data ?? {}), today, raise);
  return { raised, problems };
}

type Raise = (candidate: RaisedEvent) => Promise<void>;

/**
 * Sectors that stopped answering since the last check (an event each), and those that answer again
 * (noted). A failure is noted first, then raised with the moment it was first seen in its id: a
 * stop between the two is made good by the next check, which raises the same id again, and
 * raising is idempotent.
 */
async function answeringChanges(
  services: AlertServices,
  data: ConditionsAnswer | null | undefined,
  unavailable: Map<string, string>,
  raise: Raise,
) {
  // Every sector is asked through `sectors`; with no answer at all only the failures are known.
  const asked = new Set([...(data?.sectors ?? []).map((s) => s.id), ...unavailable.keys()]);
  for (const subgraph of asked) {
    const key = `sector-answering:${subgraph}`;
    let seen = await services.repos.watches.findById(key);
    const failing = unavailable.has(subgraph);
    if ((seen?.failing ?? false) !== failing) seen = await putWatch(services, seen, { _id: key, failing, count: 0, since: services.now() });
    if (failing) await raise(unavailableEvent(subgraph, seen!.since));
  }
}

// The event is raised before the count is noted: a stop between the two leaves the watch (and its
// version, part of the id) as it was, so the next check raises the same id again and stores nothing new.
/** Receiving sectors whose published count of referrals past their follow-up day rose since the last check, by year of the cases. */
async function followUpRises(services: AlertServices, counts: FollowUpCount[], today: Date, raise: Raise) {
  for (const counted of counts) {
    const key = `referrals-past-follow-up:${counted.sectorId}:${counted.year}`;
    const seen = await services.repos.watches.findById(key);
    if (counted.count === (seen?.count ?? 0)) continue;
    if (counted.count > (seen?.count ?? 0)) await raise(followUpEvent(counted, today, seen?.version ?? 0));
    await putWatch(services, seen, { _id: key, failing: false, count: counted.count, since: services.now() });
  }
}

function putWatch(services: AlertServices, seen: WatchDoc | null, next: Omit<WatchDoc, 'version'>): Promise<WatchDoc> {
  return seen ? services.repos.watches.replace(next, seen.version) : services.repos.watches.insert(next);
}
