import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import { seededRandom, seedFrom } from '../../kit/seedRandom.ts';
import type { ProvenanceDoc, SourceDoc } from '../../kit/provenance.ts';
import type { ActionRecordDoc, ActionStatus, ResponsibilityDoc, ServicePointDoc, ServicePointKind } from '../models.ts';
import type { SectorMonitoringDemo } from '../monitoring/seed/demo.ts';
import { countryFacts, type ActionFacts, type CrisisCentreFacts, type DistrictFacts } from '../../demo-data/countries.ts';
import { districtAreaId } from '../../demo-data/areaIds.ts';
import {
  actionRecordNote,
  crisisCentrePointNote,
  drawnFacetNote,
  generatedServicePointNote,
  namedServicePointDetailsNote,
  namedServicePointNote,
} from './marks.ts';

/*
 * Turns a sector's demo facts for one country into documents. Each sector's seed files hold
 * only what that sector knows (its duties, the kinds of places it runs, the status of the
 * actions it leads, its facet of each crisis centre); this module does the generating that
 * every sector does the same way, so the rules (ids, numbering, which districts get what)
 * are written once.
 *
 * Generated detail comes from a random source seeded by sector, country and purpose, so the
 * demo data is identical on every run and every machine, and adding a crisis centre does not
 * reshuffle the numbers of the others.
 */

export type Random = ReturnType<typeof seededRandom>;

/** Both ends included, e.g. `[2, 6]`. */
export type Range = readonly [min: number, max: number];

export interface CapacityRange {
  unit: string;
  amount: Range;
}

/**
 * A duty the sector publishes; ids (`health-r1`) and order come from its position. `duty` is the
 * demo's own sentence; `source` the instrument and section that allocate it, quoting only the
 * source's exact words; `addedForDemo` what the source does not say (who, which sector).
 */
export interface ResponsibilitySpec {
  duty: string;
  role: ResponsibilityDoc['role'];
  /** Absent only for a placeholder duty still to be cited, which `addedForDemo` then says. */
  source?: SourceDoc;
  addedForDemo?: string;
  /** Ids of the organisations that carry it (coordination's Organisation records). */
  organisations: readonly string[];
}

/**
 * A kind of place the sector runs in many districts. `name` may use `{district}` and `{place}`.
 * `in` says which districts have one; `at` whether it is in the district town or another town.
 */
export interface DistrictTemplate {
  kind: ServicePointKind;
  name: string;
  openingHours: string;
  open24Hours: boolean;
  capacity?: CapacityRange;
  in: 'every-district' | 'districts-without-centre' | 'districts-with-centre' | { share: number };
  at: 'district-town' | 'other-town';
  /** Id of the organisation that runs such places, e.g. the police service. */
  organisation?: string;
}

/**
 * A single named place the sector runs, such as a national laboratory or helpline: with the
 * source that names it where the demo cites one (the demo's hours and capacity are then marked
 * as its own), otherwise marked as named from memory.
 */
export interface NamedServicePoint extends ProvenanceDoc {
  /** Id of the organisation that runs it. */
  organisation?: string;
  kind: ServicePointKind;
  name: string;
  place: string;
  district: string;
  openingHours: string;
  open24Hours: boolean;
  capacity?: { amount: number; unit: string };
}

/**
 * The sector's point at a crisis centre; `name` may use `{centre}`, `{hospital}` and `{place}`.
 * It is run by the organisation given for its centre in `organisationByCentre`, else by `organisation`.
 */
export interface CrisisCentreTemplate {
  name: string;
  openingHours: string;
  open24Hours: boolean;
  organisation?: string;
  organisationByCentre?: Readonly<Record<string, string>>;
}

export interface ServicePointPlan {
  atCrisisCentre: CrisisCentreTemplate;
  national: readonly NamedServicePoint[];
  perDistrict: readonly DistrictTemplate[];
}

/** What the sector last reported on an action it leads; `status: null` means it has not said. */
export interface ActionReport {
  status: ActionStatus | null;
  /** YYYY-MM-DD */
  updatedAt: string;
}

/** One sector's demo facts for one country; `Facet` is the sector's own crisis-centre profile. */
export interface SectorCountrySeed<Facet> {
  responsibilities: readonly ResponsibilitySpec[];
  servicePoints: ServicePointPlan;
  /**
   * Reports on the actions the sector leads, by action id. An action left out has no record
   * at all in the sector's system, which the hub shows as not reported.
   */
  actionReports: Readonly<Record<string, ActionReport>>;
  crisisCentres: Facet;
}

/**
 * Where a sector is present at a crisis centre, with what its service point there can take.
 * Hours given here (read from the sector's facet) replace the plan's default for that centre.
 */
export interface CrisisCentrePresence {
  centreId: string;
  capacity: { amount: number; unit: string } | null;
  openingHours?: string;
  open24Hours?: boolean;
}

export function between(random: Random, [min, max]: Range): number {
  return random.int(min, max);
}

/** A source in one line, as `Responsibility.reference` gives it: `title, section`. */
export function referenceOf(source: SourceDoc): string {
  return source.section ? `${source.title}, ${source.section}` : source.title;
}

export function responsibilityDocs(sectorId: string, specs: readonly ResponsibilitySpec[]): Draft<ResponsibilityDoc>[] {
  return specs.map(({ organisations, addedForDemo, ...spec }, index) => ({
    _id: `${sectorId}-r${index + 1}`,
    ...spec,
    reference: spec.source ? referenceOf(spec.source) : 'Not yet cited',
    source: spec.source ?? null,
    organisationIds: [...organisations],
    addedForDemo: addedForDemo ?? null,
    order: index,
  }));
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

function districtsFor(template: DistrictTemplate, districts: readonly DistrictFacts[], centreDistricts: Set<string>, random: Random) {
  const rule = template.in;
  if (rule === 'every-district') return districts;
  if (rule === 'districts-without-centre') return districts.filter((d) => !centreDistricts.has(d.name));
  if (rule === 'districts-with-centre') return districts.filter((d) => centreDistricts.has(d.name));
  return districts.filter(() => random.chance(rule.share));
}

function placeIn(district: DistrictFacts, at: DistrictTemplate['at'], random: Random): string {
  const [town, ...others] = district.places;
  return at === 'other-town' && others.length > 0 ? random.pick(others) : town;
}

/**
 * The sector's service points in a country: one at each crisis centre where it is present
 * (linked by `crisisCentreId`), then its national points, then those generated across the
 * districts. Ids are `<sector>-sp-<country>-001` onwards, in that order.
 */
export function servicePointDocs(
  sectorId: string,
  country: CountryId,
  plan: ServicePointPlan,
  presence: readonly CrisisCentrePresence[],
): Draft<ServicePointDoc>[] {
  const facts = countryFacts[country];
  const random = seededRandom(seedFrom(`${sectorId}/${country}/service-points`));
  const centres = new Map(facts.crisisCentres.map((c) => [c.id, c]));
  const centreDistricts = new Set(facts.crisisCentres.map((c) => c.district));
  const points: Omit<Draft<ServicePointDoc>, '_id'>[] = [];

  for (const { centreId, capacity, openingHours, open24Hours } of presence) {
    const centre = centres.get(centreId);
    if (!centre) throw new Error(`${sectorId}: no crisis centre "${centreId}" in ${country}`);
    const { atCrisisCentre: t } = plan;
    points.push({
      name: fill(t.name, { centre: centre.name, hospital: centre.hospital, place: centre.place }),
      kind: 'CRISIS_CENTRE',
      place: centre.place,
      district: centre.district,
      capacity,
      openingHours: openingHours ?? t.openingHours,
      open24Hours: open24Hours ?? t.open24Hours,
      crisisCentreId: centre.id,
      organisationId: t.organisationByCentre?.[centre.id] ?? t.organisation ?? null,
      areaId: districtAreaId(country, centre.district),
      addedForDemo: crisisCentrePointNote,
    });
  }

  for (const { organisation, source, addedForDemo, ...point } of plan.national) {
    points.push({
      ...point,
      capacity: point.capacity ?? null,
      crisisCentreId: null,
      organisationId: organisation ?? null,
      areaId: districtAreaId(country, point.district),
      ...(source
        ? { source, addedForDemo: addedForDemo ?? namedServicePointDetailsNote }
        : { addedForDemo: addedForDemo ?? namedServicePointNote }),
    });
  }

  for (const template of plan.perDistrict) {
    for (const district of districtsFor(template, facts.districts, centreDistricts, random)) {
      const place = placeIn(district, template.at, random);
      points.push({
        name: fill(template.name, { district: district.name, place }),
        kind: template.kind,
        place,
        district: district.name,
        capacity: template.capacity ? { amount: between(random, template.capacity.amount), unit: template.capacity.unit } : null,
        openingHours: template.openingHours,
        open24Hours: template.open24Hours,
        crisisCentreId: null,
        organisationId: template.organisation ?? null,
        areaId: districtAreaId(country, district.name),
        addedForDemo: generatedServicePointNote,
      });
    }
  }

  return points.map((point, index) => ({
    _id: `${sectorId}-sp-${facts.idPrefix}-${String(index + 1).padStart(3, '0')}`,
    ...point,
  }));
}

/**
 * An action record's marks: the status is the demo's; the due date is the country facts', with
 * the facts' own mark of it (its source, or what the demo set).
 */
function actionRecordMarks({ dueDateProvenance: { source, addedForDemo } }: ActionFacts): ProvenanceDoc {
  const dueDateNote = addedForDemo?.trim();
  return {
    source: source ?? null,
    addedForDemo: dueDateNote ? `${actionRecordNote} Of the due date: ${dueDateNote}` : actionRecordNote,
  };
}

/**
 * The sector's records of the framework actions it leads: the due date from the framework,
 * the status from the sector's own reports. Refuses a report on an action the sector does not
 * lead, which would otherwise be silently invisible in the graph.
 */
export function actionRecordDocs(
  sectorId: string,
  country: CountryId,
  reports: Readonly<Record<string, ActionReport>>,
): Draft<ActionRecordDoc>[] {
  const led = countryFacts[country].actions.filter((a) => a.leadSectorId === sectorId);
  const ledIds = new Set(led.map((a) => a.id));
  const stray = Object.keys(reports).filter((id) => !ledIds.has(id));
  if (stray.length > 0) throw new Error(`${sectorId} reports on actions it does not lead in ${country}: ${stray.join(', ')}`);
  return led.flatMap((action) => {
    const report = reports[action.id];
    if (!report) return [];
    return [
      {
        _id: action.id,
        dueDate: action.dueDate ? new Date(action.dueDate) : null,
        status: report.status,
        updatedAt: new Date(report.updatedAt),
        ...actionRecordMarks(action),
      },
    ];
  });
}

/**
 * One facet document per crisis centre of the country, built by the sector from the centre
 * and a random source of the centre's own; marked as drawn for the demo unless the sector's
 * build gives its own marks (an override taken from a source).
 */
export function crisisCentreFacets<F extends ProvenanceDoc>(
  sectorId: string,
  country: CountryId,
  build: (centre: CrisisCentreFacts, random: Random) => F,
): F[] {
  return countryFacts[country].crisisCentres.map((centre) => ({
    addedForDemo: drawnFacetNote,
    ...build(centre, seededRandom(seedFrom(`${sectorId}/${centre.id}`))),
  }));
}

/** The documents every sector's demo data has, whatever its facet. */
export interface SectorSeedDocuments {
  responsibilities: Draft<ResponsibilityDoc>[];
  servicePoints: Draft<ServicePointDoc>[];
  actionRecords: Draft<ActionRecordDoc>[];
  /** The sector's data sets, indicators and reporting habits, from its own seed/monitoring.ts. */
  monitoring?: SectorMonitoringDemo;
}

/** A sector's responsibilities, service points (with where it is at the crisis centres) and action records for one country. */
export function sectorSeedDocuments(
  sectorId: string,
  country: CountryId,
  data: SectorCountrySeed<unknown>,
  presence: readonly CrisisCentrePresence[],
): SectorSeedDocuments {
  return {
    responsibilities: responsibilityDocs(sectorId, data.responsibilities),
    servicePoints: servicePointDocs(sectorId, country, data.servicePoints, presence),
    actionRecords: actionRecordDocs(sectorId, country, data.actionReports),
  };
}
