import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import { countryFacts, type SectorId } from '../../demo-data/countries.ts';
import type { ActionDoc, CoordinationBodyDoc, CrisisCentreDoc, FocalPointDoc, ObjectiveDoc, SectorDoc } from '../models.ts';
import type { OrganisationDoc } from '../organisations/models.ts';
import { inOrder, type OrganisationSeed } from '../organisations/seed/index.ts';
import addedSectorsJson from './addedSectors.json' with { type: 'json' };
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';

/*
 * The lead ministry's demo data for each country. Crisis centres and each action's lead sector
 * come from the shared country facts (demo-data/countries.ts), because the sectors key
 * their facets and action records by those ids; everything else here is the lead ministry's.
 */

/** How the lead ministry defines an action; its id and lead sector are in the shared facts. */
export interface ActionDefinition {
  code: string;
  title: string;
  objectiveId: string;
  supportingSectorIds: SectorId[];
}

export interface CoordinationCountrySeed {
  /** The organisations taking part, in listing order; bodies' seats and the frameworks' leads and funders refer to them. */
  organisations: OrganisationSeed[];
  /** The ministry or department answering for each sector in this country, and its focal point. */
  ministries: Readonly<Record<SectorId, { ministry: string; focalPoint: FocalPointDoc }>>;
  coordinationBodies: Draft<CoordinationBodyDoc>[];
  objectives: Draft<ObjectiveDoc>[];
  /** By action id; every action in the country facts must have one. */
  actions: Readonly<Record<string, ActionDefinition>>;
}

/** The sectors in listing order, with the short names used in every country. */
const sectorNames: readonly [SectorId, string][] = [
  ['health', 'Health'],
  ['police', 'Police'],
  ['justice', 'Justice'],
  ['social-welfare', 'Social Welfare'],
  ['education', 'Education'],
];

/**
 * Sectors that joined after the demo data above was written (`npm run new-sector` adds them
 * here): their registry entry in every country, with a focal point still to be appointed.
 */
const addedSectors = addedSectorsJson as { id: string; name: string; ministry: Record<CountryId, string> }[];

const byCountry: Record<CountryId, CoordinationCountrySeed> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

export function seed(country: CountryId): {
  sectors: Draft<SectorDoc>[];
  organisations: Draft<OrganisationDoc>[];
  coordinationBodies: Draft<CoordinationBodyDoc>[];
  objectives: Draft<ObjectiveDoc>[];
  actions: Draft<ActionDoc>[];
  crisisCentres: Draft<CrisisCentreDoc>[];
} {
  // A deep copy, so a caller that changes what it gets cannot change the next call's data.
  const data = structuredClone(byCountry[country]);
  const facts = countryFacts[country];

  const sectors = [
    ...sectorNames.map(([id, name], order) => ({ _id: id, name, ...data.ministries[id], order })),
    ...addedSectors.map(({ id, name, ministry }, index) => ({
      _id: id,
      name,
      ministry: ministry[country],
      focalPoint: { name: 'To be appointed', title: `Focal point, ${ministry[country]}` },
      order: sectorNames.length + index,
    })),
  ];

  const actions = facts.actions.map(({ id, leadSectorId }) => {
    const definition = data.actions[id];
    if (!definition) throw new Error(`coordination: action "${id}" of ${country} has no definition`);
    return { _id: id, ...definition, leadSectorId };
  });

  const crisisCentres = facts.crisisCentres.map(({ id, openedOn, ...centre }) => ({
    _id: id,
    ...centre,
    openedOn: openedOn ? new Date(openedOn) : null,
  }));

  return {
    sectors,
    organisations: inOrder(data.organisations),
    coordinationBodies: data.coordinationBodies,
    objectives: data.objectives,
    actions,
    crisisCentres,
  };
}
