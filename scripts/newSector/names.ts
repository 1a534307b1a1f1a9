import { fieldPrefix, typePrefix } from '../../platform/catalog.ts';

/** Every spelling of a new sector's name the scaffold needs, from its id and ministry. */
export interface SectorNames {
  /** Catalog id and folder: `information`. */
  id: string;
  /** Type prefix: `Information`. */
  prefix: string;
  /** Field prefix: `information`. */
  camel: string;
  /** In running text: `information`. */
  words: string;
  /** Short name in the registry: `Information`. */
  shortName: string;
  /** The ministry that publishes it: `Ministry of Information`. */
  ministry: string;
}

export const sectorIdPattern = /^[a-z][a-z]+(-[a-z]+)*$/;

export function sectorNames(id: string, ministry: string, shortName?: string): SectorNames {
  const prefix = typePrefix(id);
  const words = id.replace(/-/g, ' ');
  return {
    id,
    prefix,
    camel: fieldPrefix(id),
    words,
    shortName: shortName ?? words.charAt(0).toUpperCase() + words.slice(1),
    ministry,
  };
}
