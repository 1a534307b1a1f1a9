import type { CountryId } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Repository } from '../../kit/repository.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { AreaDoc } from './models.ts';
import { areaSeed } from './seed/index.ts';
import { countryArea } from './tree.ts';

/*
 * Upgrades a coordination store written before areas were kept: its bodies name no area (they
 * were all national) and it has no areas. The demo's area tree is written, then each such body is
 * given the country as its area.
 *
 * A body without an area is what marks a store as older: every body written since names one. So a
 * store whose areas were lost later, its bodies all naming areas, is not refilled here and the
 * start refuses it as a lost collection. Safe to stop at any point: areas are written in one batch
 * before any body, and the next start finds the bodies still without an area.
 */

export interface AreaUpgradeRepositories {
  areas: Repository<AreaDoc>;
  coordinationBodies: Repository<CoordinationBodyDoc>;
}

export async function upgradeToAreas(
  repos: AreaUpgradeRepositories,
  country: CountryId,
  logger: Logger,
): Promise<{ areas: number; bodies: number }> {
  const bodies = (await repos.coordinationBodies.find({}, { sort: { order: 1 } })).filter((body) => !body.areaId);
  if (bodies.length === 0) return { areas: 0, bodies: 0 };

  let written = 0;
  if ((await repos.areas.count()) === 0) {
    const areas = areaSeed(country);
    await upgrading("write the demo's areas", () => repos.areas.insertMany(areas));
    written = areas.length;
    logger.info({ areas: written }, "upgrade: wrote the demo's area tree into a store written before areas were kept");
  }
  const { _id: countryAreaId } = countryArea(await repos.areas.find({}));
  for (const { version, ...body } of bodies) {
    await upgrading(`give the coordination body "${body._id}" the country as its area`, () =>
      repos.coordinationBodies.replace({ ...body, areaId: countryAreaId }, version),
    );
  }
  logger.info({ areas: written, bodies: bodies.length, areaId: countryAreaId }, 'upgraded the coordination store to areas');
  return { areas: written, bodies: bodies.length };
}

/** Says which write of the upgrade failed, on which record. */
async function upgrading<T>(doing: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new Error(
      `The upgrade to areas could not ${doing} (${(error as Error).message}). Nothing stored was deleted, and the next ` +
        'start goes on from where this one stopped.',
      { cause: error },
    );
  }
}
