import type { CrisisCentreDoc } from '../models.ts';
import type { AreaDoc, AreaLevel } from './models.ts';

/*
 * Walking a country's area tree. A crisis centre records its district by name (the country facts
 * do), so it lies in the DISTRICT area of that name; an area's crisis centres are those of every
 * district at or below it, which is how a division's count includes its districts'.
 */

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The district area a crisis centre lies in; null when no district area has its district's name. */
export function districtOf(centre: Pick<CrisisCentreDoc, 'district'>, areas: readonly AreaDoc[]): AreaDoc | null {
  return areas.find((a) => a.level === 'DISTRICT' && nameKey(a.name) === nameKey(centre.district)) ?? null;
}

/** The area and every area below it, the area first. */
export function subtree(area: AreaDoc, areas: readonly AreaDoc[]): AreaDoc[] {
  const found = [area];
  for (let i = 0; i < found.length; i += 1) {
    const parentId = found[i]!._id;
    // A parent loop in stored data would repeat an area; each is taken once.
    for (const child of areas) if (child.parentId === parentId && !found.includes(child)) found.push(child);
  }
  return found;
}

/** The crisis centres in the area or below it. */
export function centresIn<C extends Pick<CrisisCentreDoc, 'district'>>(
  area: AreaDoc,
  areas: readonly AreaDoc[],
  centres: readonly C[],
): C[] {
  const within = new Set(subtree(area, areas).map((a) => a._id));
  return centres.filter((centre) => {
    const district = districtOf(centre, areas);
    return district !== null && within.has(district._id);
  });
}

/** The country: the one area without a parent. */
export function countryArea(areas: readonly AreaDoc[]): AreaDoc {
  const roots = areas.filter((a) => a.level === 'COUNTRY');
  if (roots.length !== 1) throw new Error(`Stored data has ${roots.length} country areas where one is expected`);
  return roots[0]!;
}

/**
 * The area at `level` that a district, named as cases and crisis centres name it, lies in: its
 * district area, or the area above it at that level; null when no district area has the name, or
 * when several do (a name two districts share tells neither: a case is placed in neither rather
 * than in whichever is listed first).
 */
export function areaAtLevelOf(areas: readonly AreaDoc[], level: AreaLevel): (district: string) => AreaDoc | null {
  const byId = new Map(areas.map((a) => [a._id, a]));
  const byName = new Map<string, AreaDoc | null>();
  for (const district of areas.filter((a) => a.level === 'DISTRICT')) {
    let at: AreaDoc | undefined = district;
    // A parent loop in stored data would never reach the level: stop after as many steps as there are areas.
    for (let steps = 0; at && at.level !== level && steps < areas.length; steps += 1) at = at.parentId ? byId.get(at.parentId) : undefined;
    const name = nameKey(district.name);
    byName.set(name, byName.has(name) ? null : at?.level === level ? at : null);
  }
  return (district) => byName.get(nameKey(district)) ?? null;
}
