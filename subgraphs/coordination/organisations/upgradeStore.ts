import type { CountryId } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Draft, Repository } from '../../kit/repository.ts';
import { countryFacts } from '../../demo-data/countries.ts';
import type { CoordinationBodyDoc, FrameworkDoc } from '../models.ts';
import type { ProvenanceDoc } from '../../kit/provenance.ts';
import { seed } from '../seed/index.ts';
import type { LegacyMemberDoc, OrganisationDoc, SeatDoc } from './models.ts';

/*
 * Upgrades a coordination store written before organisations were records: bodies kept a
 * `members` list naming each organisation in words, and the framework its `leadMinistry` by name.
 * Each name becomes an organisation (the demo data's record of that name when there is one), each
 * member a seat, and the lead ministry the framework's `leadOrganisationId`.
 *
 * Safe to stop at any point: organisations are written first, in one batch, then each body and
 * the framework; every run looks again for what is still in the old shape and finds organisations
 * by name before creating any, so the next start finishes the work and a finished store is left
 * as it is. Nothing is deleted: bodies keep `members` and the framework `leadMinistry`. Meetings
 * need nothing: those recorded before keep no attendance per organisation, and are read as such.
 */

export const createdOrganisationNote =
  'Created from the coordination body member list recorded before organisations were records; kind and parent to be checked.';
export const convertedSeatNote = 'Converted from the member list recorded before organisations were records; its source was not recorded.';

export interface UpgradeRepositories {
  organisations: Repository<OrganisationDoc>;
  coordinationBodies: Repository<CoordinationBodyDoc>;
  frameworks: Repository<FrameworkDoc>;
}

export interface UpgradeCounts {
  /** Organisations taken from the demo data's records of the same name. */
  organisationsFromDemoData: number;
  /** Organisations created from a name the demo data does not know. */
  organisationsCreated: number;
  bodies: number;
  seats: number;
  frameworks: number;
}

/** A body or framework as the store may hold it: in the old shape, the new one, or both. */
type StoredBody = Omit<CoordinationBodyDoc, 'seats'> & { seats?: SeatDoc[] | null };
type StoredFramework = Omit<FrameworkDoc, 'leadOrganisationId'> & { leadOrganisationId?: string | null };

const inOldShape = (body: StoredBody): body is StoredBody & { members: LegacyMemberDoc[] } =>
  Array.isArray(body.members) && body.seats == null;
const ledByName = (framework: StoredFramework): framework is StoredFramework & { leadMinistry: string } =>
  Boolean(framework.leadMinistry) && !framework.leadOrganisationId;

/** Names compare without regard to case or runs of spaces. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100) || 'organisation';

/** Conservative: only a name that says it is a ministry is taken for one; everything else is left for a person to sort. */
const kindFromName = (name: string): OrganisationDoc['kind'] => (/^ministry\b/i.test(name.trim()) ? 'MINISTRY' : 'OTHER');

export async function upgradeToOrganisationRecords(repos: UpgradeRepositories, country: CountryId, logger: Logger): Promise<UpgradeCounts> {
  const counts: UpgradeCounts = { organisationsFromDemoData: 0, organisationsCreated: 0, bodies: 0, seats: 0, frameworks: 0 };
  const bodies = ((await repos.coordinationBodies.find({}, { sort: { order: 1 } })) as StoredBody[]).filter(inOldShape);
  const frameworks = ((await repos.frameworks.find({})) as StoredFramework[]).filter(ledByName);
  if (bodies.length === 0 && frameworks.length === 0) return counts;

  const demo = seed(country);
  const idOf = await ensureOrganisations(repos, country, demo.organisations, bodies, frameworks, counts, logger);

  const demoSeats = new Map(demo.coordinationBodies.map((body) => [body._id, body.seats]));
  for (const body of bodies) {
    const seats = body.members.map((member): SeatDoc => {
      const organisationId = idOf(member.organisation);
      const demoSeat = demoSeats
        .get(body._id)
        ?.find((s) => s.organisationId === organisationId && s.title === member.title && s.role === member.role);
      const provenance: ProvenanceDoc = demoSeat
        ? { source: demoSeat.source ?? null, addedForDemo: demoSeat.addedForDemo ?? null }
        : { source: null, addedForDemo: convertedSeatNote };
      return { organisationId, title: member.title, role: member.role, sectorId: member.sectorId ?? null, ...provenance };
    });
    const { version, ...stored } = body;
    await upgrading(`turn the member list of the coordination body "${body._id}" into seats`, () =>
      repos.coordinationBodies.replace({ ...stored, seats }, version),
    );
    counts.bodies += 1;
    counts.seats += seats.length;
    logger.info(
      { body: body._id, seats: seats.length, organisations: new Set(seats.map((s) => s.organisationId)).size },
      'upgraded a coordination body: seats made from its member list, which it keeps',
    );
  }

  for (const framework of frameworks) {
    const { version, ...stored } = framework;
    const leadOrganisationId = idOf(framework.leadMinistry);
    await upgrading(`give the framework "${framework._id}" its lead organisation`, () =>
      repos.frameworks.replace({ ...stored, leadOrganisationId }, version),
    );
    counts.frameworks += 1;
    logger.info(
      { framework: framework._id, leadOrganisationId, leadMinistry: framework.leadMinistry },
      'upgraded the framework: its lead ministry is now an organisation; the name is kept',
    );
  }
  logger.info(counts, 'upgraded the coordination store to organisation records');
  return counts;
}

/** Says which write of the upgrade failed, on which record. */
async function upgrading<T>(doing: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new Error(
      `The upgrade to organisation records could not ${doing} (${(error as Error).message}). Nothing stored was ` +
        'deleted, and the next start goes on from where this one stopped.',
      { cause: error },
    );
  }
}

/**
 * Makes sure an organisation exists for every name the old-shape records use, writing the missing
 * ones in one batch; returns the id for each name.
 */
async function ensureOrganisations(
  repos: UpgradeRepositories,
  country: CountryId,
  demoOrganisations: readonly Draft<OrganisationDoc>[],
  bodies: readonly (StoredBody & { members: LegacyMemberDoc[] })[],
  frameworks: readonly (StoredFramework & { leadMinistry: string })[],
  counts: UpgradeCounts,
  logger: Logger,
): Promise<(name: string) => string> {
  // The lead ministry first, then the members in body order, each name once.
  const names = new Map<string, { name: string; sectorIds: Set<string> }>();
  const note = (name: string, sectorId?: string | null) => {
    const entry = names.get(nameKey(name)) ?? { name: name.trim().replace(/\s+/g, ' '), sectorIds: new Set<string>() };
    if (sectorId) entry.sectorIds.add(sectorId);
    names.set(nameKey(name), entry);
  };
  for (const framework of frameworks) note(framework.leadMinistry);
  for (const body of bodies) for (const member of body.members) note(member.organisation, member.sectorId);

  const stored = await repos.organisations.find({});
  const byName = new Map(stored.map((o) => [nameKey(o.name), o._id]));
  const takenIds = new Set(stored.map((o) => o._id));
  const demoByName = new Map(demoOrganisations.map((o) => [nameKey(o.name), o]));
  const demoById = new Map(demoOrganisations.map((o) => [o._id, o]));
  const toWrite: Draft<OrganisationDoc>[] = [];
  const add = (organisation: Draft<OrganisationDoc>) => {
    toWrite.push(organisation);
    takenIds.add(organisation._id);
    byName.set(nameKey(organisation.name), organisation._id);
  };

  for (const [key, { name, sectorIds }] of names) {
    if (byName.has(key)) continue;
    const known = demoByName.get(key);
    if (known && !takenIds.has(known._id)) {
      // The demo's record, with the organisations it belongs to, so its parent can be followed.
      const line: Draft<OrganisationDoc>[] = [];
      for (
        let o: Draft<OrganisationDoc> | undefined = known;
        o && !takenIds.has(o._id);
        o = o.parentId ? demoById.get(o.parentId) : undefined
      ) {
        line.push(o);
      }
      for (const o of line.reverse()) {
        if (byName.has(nameKey(o.name))) continue;
        add(o);
        counts.organisationsFromDemoData += 1;
      }
      continue;
    }
    const base = `${countryFacts[country].idPrefix}-${slug(name)}`;
    let id = base;
    for (let n = 2; takenIds.has(id); n += 1) id = `${base}-${n}`;
    add({
      _id: id,
      name,
      kind: kindFromName(name),
      parentId: null,
      sectorIds: [...sectorIds],
      order: demoOrganisations.length + counts.organisationsCreated,
      source: null,
      addedForDemo: createdOrganisationNote,
    });
    counts.organisationsCreated += 1;
  }

  if (toWrite.length > 0) {
    await upgrading('write the organisations the member lists and the lead ministry name', () => repos.organisations.insertMany(toWrite));
    logger.info(
      { fromDemoData: counts.organisationsFromDemoData, created: counts.organisationsCreated, ids: toWrite.map((o) => o._id) },
      'upgrade: wrote an organisation for each name in the member lists and the lead ministry',
    );
  }
  return (name) => {
    const id = byName.get(nameKey(name));
    if (!id) throw new Error(`The upgrade found no organisation for "${name}"`);
    return id;
  };
}
