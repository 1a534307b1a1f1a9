import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import { countryFacts, type SectorId } from '../../demo-data/countries.ts';
import type { ActionDoc, CoordinationBodyDoc, CrisisCentreDoc, FocalPointDoc, ObjectiveDoc, SectorDoc } from '../models.ts';
import type { OrganisationDoc } from '../organisations/models.ts';
import { inOrder, type OrganisationSeed } from '../organisations/seed/index.ts';
import type { ProvenanceDoc } from '../../kit/provenance.ts';
import addedSectorsJson from './addedSectors.json' with { type: 'json' };
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';

/*
 * The lead ministry's demo data for each country. Crisis centres and each action's lead sector
 * come from the shared country facts (demo-data/countries.ts), because the sectors key
 * their facets and action records by those ids; everything else here is the lead ministry's.
 */

/**
 * How the lead ministry defines an action; its id and lead sector are in the shared facts. The
 * organisations default to those answering for the lead and supporting sectors (`answersFor`);
 * the definition names others where the action needs them. Its mark defaults to the country's
 * `actionMark`.
 */
export interface ActionDefinition extends ProvenanceDoc {
  code: string;
  title: string;
  objectiveId: string;
  supportingSectorIds: SectorId[];
  /** When not the organisation answering for the lead sector. */
  leadOrganisationId?: string;
  /** Organisations that contribute besides those answering for the supporting sectors. */
  alsoSupportedBy?: string[];
}

/** A sector's registry entry in one country: the ministry that answers for it (an organisation record) and its focal point. */
export interface MinistryEntry {
  ministry: string;
  /** The organisation record of that ministry, whose source the registry entry shares. */
  organisationId: string;
  focalPoint: FocalPointDoc;
}

export interface CoordinationCountrySeed {
  /** The organisations taking part, in listing order; bodies' seats and the frameworks' leads and funders refer to them. */
  organisations: OrganisationSeed[];
  /** The ministry or department answering for each sector in this country, and its focal point. */
  ministries: Readonly<Record<SectorId, MinistryEntry>>;
  /** The organisation that answers for each sector's framework actions unless an action names another. */
  answersFor: Readonly<Record<SectorId, string>>;
  /** The mark of every action that gives none of its own. */
  actionMark: ProvenanceDoc;
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

/** Every focal point of the demo: invented officials. */
export const inventedFocalPoint: ProvenanceDoc = {
  addedForDemo:
    "An invented official: the focal point's name, post and email are made up for the demo (the addresses are on example domains).",
};
const toBeAppointed: ProvenanceDoc = {
  addedForDemo: 'A placeholder: no focal point has been appointed since the sector joined the hub.',
};

/** A registry entry's mark: the source of the ministry's organisation record, and what the demo adds. */
function registryMark(sectorName: string, entry: MinistryEntry, organisations: readonly OrganisationSeed[]): ProvenanceDoc {
  const organisation = organisations.find((o) => o._id === entry.organisationId);
  if (!organisation) throw new Error(`coordination: the ${sectorName} sector names an unknown organisation "${entry.organisationId}"`);
  const added = [
    `That ${organisation.name} answers for the ${sectorName} sector, and the registry's wording of it, are the demo's reading.`,
    organisation.addedForDemo,
  ].filter(Boolean);
  return { source: organisation.source ?? null, addedForDemo: added.join(' ') };
}

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

  const sectors: Draft<SectorDoc>[] = [
    ...sectorNames.map(([id, name], order) => {
      const { organisationId: _, ...entry } = data.ministries[id];
      return {
        _id: id,
        name,
        ...entry,
        focalPoint: { ...entry.focalPoint, ...inventedFocalPoint },
        order,
        ...registryMark(name, data.ministries[id], data.organisations),
      };
    }),
    ...addedSectors.map(({ id, name, ministry }, index) => ({
      _id: id,
      name,
      ministry: ministry[country],
      focalPoint: { name: 'To be appointed', title: `Focal point, ${ministry[country]}`, ...toBeAppointed },
      order: sectorNames.length + index,
      addedForDemo: 'Registered when the sector joined the hub (`npm run new-sector`); the ministry is as entered there, with no source.',
    })),
  ];

  const actions = facts.actions.map(({ id, leadSectorId }) => {
    const definition = data.actions[id];
    if (!definition) throw new Error(`coordination: action "${id}" of ${country} has no definition`);
    const { leadOrganisationId, alsoSupportedBy = [], source, addedForDemo, ...fields } = definition;
    const lead = leadOrganisationId ?? data.answersFor[leadSectorId];
    const supporting = [...definition.supportingSectorIds.map((sector) => data.answersFor[sector]), ...alsoSupportedBy];
    const mark = source || addedForDemo ? { source: source ?? null, addedForDemo: addedForDemo ?? null } : data.actionMark;
    return {
      _id: id,
      ...fields,
      leadSectorId,
      leadOrganisationId: lead,
      supportingOrganisationIds: [...new Set(supporting)].filter((o) => o !== lead),
      ...mark,
    };
  });

  const crisisCentres = facts.crisisCentres.map(({ id, openedOn, provenance, ...centre }) => ({
    _id: id,
    ...centre,
    openedOn: openedOn ? new Date(openedOn) : null,
    ...provenance,
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
