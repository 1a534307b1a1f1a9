import fs from 'node:fs';
import { Kind, parse, type FieldDefinitionNode } from 'graphql';
import { sectorIds } from './catalog.ts';
import { projectPath } from './schemaFiles.ts';

/*
 * The services a One-Stop Crisis Centre can offer are the facets the sectors add to it: one field
 * of `CrisisCentre` each (`medicalCare` from health, `shelter` and `counselling` from social
 * welfare), declared in the sector's own SDL. They are read from there, so a new sector's facet is
 * a service with no list to update: codegen renders `CentreService` from them, each sector's
 * subgraph checks it has a rule for each of its own, and the lead ministry's filter matches them.
 */

export interface CentreFacet {
  /** The sector that serves it. */
  sectorId: string;
  /** The field of `CrisisCentre`, e.g. `medicalCare`. */
  field: string;
  /** The field's description in the sector's SDL. */
  description: string;
}

/** `medicalCare` → `MEDICAL_CARE`: the facet's value of `CentreService`. */
export function centreService(facetField: string): string {
  return facetField.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The fields a sector's own SDL (not its generated files) adds to `CrisisCentre`, in the order written. */
export function crisisCentreFacets(sectorId: string): CentreFacet[] {
  const folder = projectPath('subgraphs', sectorId);
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .flatMap((name) => parse(fs.readFileSync(`${folder}/${name}`, 'utf8')).definitions)
    .flatMap((d) => (d.kind === Kind.OBJECT_TYPE_EXTENSION && d.name.value === 'CrisisCentre' ? (d.fields ?? []) : []))
    .map((field: FieldDefinitionNode) => ({ sectorId, field: field.name.value, description: field.description?.value ?? '' }));
}

/** Every sector's facets, in catalog order. */
export function allCrisisCentreFacets(): CentreFacet[] {
  return sectorIds.flatMap(crisisCentreFacets);
}
