import type { CountryId } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import type { ProvenanceDoc } from '../kit/provenance.ts';
import type { Draft, Repository } from '../kit/repository.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import { districtAreaId } from '../demo-data/areaIds.ts';

/*
 * Upgrades a sector store written before the demo data carried its marks: each reference record
 * the demo seeded (same id, no mark) takes the marks of the demo's record, with the organisations
 * and area the demo now names. A record is taken for the demo's only when its facts are still the
 * demo's: a service point, action record or facet the sector has since recorded itself is its own
 * word and stays unmarked (a service point still gets the area of its district). A duty or an
 * indicator is the demo's only while it states the demo's words and figures (an indicator whose
 * target the lead ministry revised is its own); those left unmarked are logged by id.
 *
 * Only the small reference collections are read; responses to cases, survivor contacts and
 * indicator values are not, and keep no mark (docs/analyst-guide.md says so). Each run looks
 * again for what has no mark, so a stopped start is finished by the next; nothing is deleted.
 */

type Stored = StoredDocument & ProvenanceDoc & Record<string, unknown>;

/** How to recognise the demo's record in one collection, and what of it to copy. */
interface Rule {
  collection: string;
  /** Fields that must still hold the demo's values; none: the id is enough. */
  same: readonly string[];
  /** Fields copied from the demo's record besides the marks. */
  copy: readonly string[];
}

const rules: readonly Rule[] = [
  { collection: 'responsibilities', same: ['duty', 'role'], copy: ['reference', 'organisationIds'] },
  {
    collection: 'servicePoints',
    same: ['name', 'kind', 'place', 'district', 'capacity', 'openingHours', 'open24Hours', 'crisisCentreId'],
    copy: ['organisationId', 'areaId'],
  },
  { collection: 'actionRecords', same: ['status', 'dueDate', 'updatedAt'], copy: [] },
  { collection: 'progressReports', same: ['actionId', 'sequence', 'status', 'asOf', 'recordedBy'], copy: [] },
  { collection: 'dataSets', same: ['periodType', 'firstPeriod'], copy: [] },
  {
    collection: 'indicators',
    same: [
      'code',
      'name',
      'unit',
      'numerator',
      'denominator',
      'dataSetId',
      'breakdowns',
      'baseline',
      'target',
      'direction',
      'thresholds',
      'targetRevisions',
    ],
    copy: [],
  },
];

/** The facet's rule: every field the demo drew must still hold its value. */
const facetRule = (seeded: readonly Stored[]): Rule => ({
  collection: 'facet',
  same: [...new Set(seeded.flatMap((doc) => Object.keys(doc)))].filter((k) => !['_id', 'version', 'source', 'addedForDemo'].includes(k)),
  copy: [],
});

const marked = (doc: ProvenanceDoc) => Boolean(doc.source?.title || doc.addedForDemo);

/** A value as compared: dates as ISO text, null and absent alike, objects by their fields. */
function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, comparable(v)]),
    );
  }
  return value;
}

const sameFacts = (stored: Stored, seeded: Stored, fields: readonly string[]) =>
  fields.every((field) => JSON.stringify(comparable(stored[field])) === JSON.stringify(comparable(seeded[field])));

export type MarkRepositories = Record<string, Repository<any>>;

/** Copies the demo's marks onto the stored records that are still the demo's; returns how many per collection. */
export async function copyDemoMarks(
  repos: MarkRepositories,
  country: CountryId,
  seed: Record<string, readonly Draft<StoredDocument>[] | undefined>,
  logger: Logger,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const left: Record<string, string[]> = {};
  const seededFacet = (seed.facet ?? []) as Stored[];
  for (const rule of [...rules, facetRule(seededFacet)]) {
    const repository = repos[rule.collection] as Repository<Stored> | undefined;
    if (!repository) continue;
    const demo = new Map(((seed[rule.collection] ?? []) as Stored[]).map((doc) => [doc._id, doc]));
    const unmarked = (await repository.find({})).filter((doc) => !marked(doc));
    let upgraded = 0;
    for (const { version, ...stored } of unmarked) {
      const seeded = demo.get(stored._id);
      let next: Draft<Stored> | null = null;
      if (seeded && sameFacts(stored as Stored, seeded, rule.same)) {
        const copied = Object.fromEntries(rule.copy.map((field) => [field, seeded[field] ?? null]));
        next = { ...stored, ...copied, source: seeded.source ?? null, addedForDemo: seeded.addedForDemo ?? null };
      } else if (seeded) {
        (left[rule.collection] ??= []).push(stored._id);
      }
      if (!next && rule.collection === 'servicePoints' && !stored.areaId) {
        // The sector's own point: only its area, which follows from its district.
        const areaId = districtAreaId(country, String(stored.district));
        if (areaId) next = { ...stored, areaId };
      }
      if (!next) continue;
      try {
        await repository.replace(next, version);
      } catch (error) {
        throw new Error(
          `The upgrade to marked demo data could not mark the ${rule.collection} record "${stored._id}" (${(error as Error).message}). ` +
            'Nothing stored was deleted, and the next start goes on from where this one stopped.',
          { cause: error },
        );
      }
      upgraded += 1;
    }
    if (upgraded > 0) counts[rule.collection] = upgraded;
  }
  if (Object.keys(counts).length > 0) logger.info(counts, "upgraded the sector store: the demo's records carry their marks");
  if (Object.keys(left).length > 0)
    logger.warn(
      left,
      "left unmarked: these records have the demo's ids but no longer state its facts, so its sources do not vouch for them",
    );
  return counts;
}
