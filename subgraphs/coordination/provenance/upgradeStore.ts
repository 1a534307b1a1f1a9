import type { CountryId } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { ProvenanceDoc } from '../../kit/provenance.ts';
import type { Draft, Repository } from '../../kit/repository.ts';
import type { StoredDocument } from '../../kit/store/port.ts';
import { meetingSeed } from '../meetings/seed.ts';
import type { ActionItemDoc, MeetingDoc } from '../meetings/models.ts';
import type { ActionDoc, CoordinationBodyDoc, CrisisCentreDoc, ObjectiveDoc, SectorDoc } from '../models.ts';
import type { BodyReportDoc } from '../obligations/models.ts';
import { obligationSeed } from '../obligations/seed.ts';
import { seed } from '../seed/index.ts';

/*
 * Gives the marks of the demo data (where each fact comes from, what the demo added) to a store
 * written before records kept them. A stored reference record with neither `source` nor
 * `addedForDemo` takes the mark of the demo record with its id, but only when it still states the
 * facts the mark speaks for (the same title, date or cadence): a mark copied onto other facts
 * would vouch for what its source does not say, so such a record stays unmarked and is logged.
 * An action also takes the demo's organisations when it has none and leads and supports as the
 * demo's does.
 *
 * Only the small reference collections are read, so this costs little at every start. The bulk
 * collections (cases, referrals) are left as they were: cases stored before marks were kept stay
 * unmarked. Records written through the API carry no mark and match no demo id, so they are left
 * alone. Safe to stop at any point: each record is written whole, and the next start finds those
 * still unmarked.
 */

export interface ProvenanceUpgradeRepositories {
  sectors: Repository<SectorDoc>;
  coordinationBodies: Repository<CoordinationBodyDoc>;
  objectives: Repository<ObjectiveDoc>;
  actions: Repository<ActionDoc>;
  crisisCentres: Repository<CrisisCentreDoc>;
  meetings: Repository<MeetingDoc>;
  actionItems: Repository<ActionItemDoc>;
  bodyReports: Repository<BodyReportDoc>;
}

export type MarkCounts = Record<keyof ProvenanceUpgradeRepositories, { marked: number; differing: string[] }>;

/** How the marks of one collection are copied. */
interface MarkRule<T extends StoredDocument & ProvenanceDoc> {
  /** Whether the stored record still states the facts the demo record's mark speaks for. */
  sameFacts(stored: T, demo: Draft<T>): boolean;
  /** What else the record takes from the demo record besides the mark (the record returned is written). */
  withMark?(stored: T, demo: Draft<T>): T;
}

const unmarked = (record: ProvenanceDoc) => !record.source && !record.addedForDemo;
const markOf = (record: ProvenanceDoc): ProvenanceDoc => ({ source: record.source ?? null, addedForDemo: record.addedForDemo ?? null });
const sameDay = (a?: Date | null, b?: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const rules: {
  [K in keyof ProvenanceUpgradeRepositories]: MarkRule<Awaited<ReturnType<ProvenanceUpgradeRepositories[K]['find']>>[number]>;
} = {
  sectors: {
    sameFacts: (stored, demo) => stored.name === demo.name && stored.ministry === demo.ministry,
    // The focal point's mark says the demo invented the official: only for the demo's own official.
    withMark: (stored, demo) =>
      stored.focalPoint.name === demo.focalPoint.name && stored.focalPoint.email === demo.focalPoint.email && unmarked(stored.focalPoint)
        ? { ...stored, focalPoint: { ...stored.focalPoint, ...markOf(demo.focalPoint) } }
        : stored,
  },
  coordinationBodies: {
    sameFacts: (stored, demo) =>
      stored.name === demo.name &&
      stored.kind === demo.kind &&
      stored.mandate === demo.mandate &&
      stored.cadence.interval === demo.cadence.interval &&
      stored.cadence.unit === demo.cadence.unit &&
      (stored.reportsToId ?? null) === (demo.reportsToId ?? null),
  },
  objectives: { sameFacts: (stored, demo) => stored.code === demo.code && stored.title === demo.title },
  actions: {
    sameFacts: (stored, demo) => stored.code === demo.code && stored.title === demo.title && stored.objectiveId === demo.objectiveId,
    withMark: (stored, demo) =>
      !stored.leadOrganisationId &&
      stored.leadSectorId === demo.leadSectorId &&
      sameList([...stored.supportingSectorIds].sort(), [...demo.supportingSectorIds].sort())
        ? { ...stored, leadOrganisationId: demo.leadOrganisationId, supportingOrganisationIds: demo.supportingOrganisationIds }
        : stored,
  },
  crisisCentres: {
    sameFacts: (stored, demo) =>
      stored.name === demo.name &&
      stored.hospital === demo.hospital &&
      stored.place === demo.place &&
      stored.district === demo.district &&
      sameDay(stored.openedOn, demo.openedOn),
  },
  meetings: { sameFacts: (stored, demo) => stored.bodyId === demo.bodyId && sameDay(stored.heldOn, demo.heldOn) },
  actionItems: { sameFacts: (stored, demo) => stored.meetingId === demo.meetingId && stored.text === demo.text },
  bodyReports: { sameFacts: (stored, demo) => stored.meetingId === demo.meetingId && sameDay(stored.sentOn, demo.sentOn) },
};

/** The demo records of the reference collections, without generating the bulk ones. */
function demoRecords(country: CountryId): { [K in keyof ProvenanceUpgradeRepositories]: readonly Draft<any>[] } {
  const data = seed(country);
  return {
    sectors: data.sectors,
    coordinationBodies: data.coordinationBodies,
    objectives: data.objectives,
    actions: data.actions,
    crisisCentres: data.crisisCentres,
    ...meetingSeed(country, data.coordinationBodies, data.organisations),
    bodyReports: obligationSeed(country).bodyReports,
  };
}

export async function upgradeToProvenanceMarks(
  repos: ProvenanceUpgradeRepositories,
  country: CountryId,
  logger: Logger,
): Promise<MarkCounts> {
  const demo = demoRecords(country);
  const counts = {} as MarkCounts;
  for (const name of Object.keys(rules) as (keyof ProvenanceUpgradeRepositories)[]) {
    counts[name] = await markCollection(repos[name] as Repository<any>, rules[name] as MarkRule<any>, demo[name], name, logger);
  }
  const marked = Object.values(counts).reduce((sum, c) => sum + c.marked, 0);
  if (marked > 0) logger.info({ counts }, 'upgraded the coordination store: demo records took the marks of their sources');
  return counts;
}

async function markCollection<T extends StoredDocument & ProvenanceDoc>(
  repo: Repository<T>,
  rule: MarkRule<T>,
  demoRecords: readonly Draft<T>[],
  collection: string,
  logger: Logger,
): Promise<{ marked: number; differing: string[] }> {
  const demoById = new Map(demoRecords.map((record) => [record._id, record]));
  const candidates = (await repo.findByIds([...demoById.keys()])).filter(unmarked);
  const result = { marked: 0, differing: [] as string[] };
  for (const stored of candidates) {
    const demo = demoById.get(stored._id)!;
    if (unmarked(demo)) continue;
    if (!rule.sameFacts(stored, demo)) {
      result.differing.push(stored._id);
      continue;
    }
    const { version, ...record } = { ...(rule.withMark?.(stored, demo) ?? stored), ...markOf(demo) };
    try {
      await repo.replace(record, version);
    } catch (error) {
      throw new Error(
        `The upgrade to provenance marks could not mark ${collection} "${stored._id}" (${(error as Error).message}). Nothing ` +
          'stored was deleted, and the next start goes on from where this one stopped.',
        { cause: error },
      );
    }
    result.marked += 1;
  }
  // Informative, said once (the finished upgrade is recorded): nothing for an operator to repair.
  if (result.differing.length > 0) {
    logger.info(
      { collection, ids: result.differing },
      'upgrade: stored records differ from the demo records of the same id, so they were left without a mark',
    );
  }
  return result;
}
