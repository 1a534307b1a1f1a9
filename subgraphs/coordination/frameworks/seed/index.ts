import type { CountryId } from '../../../../platform/config.ts';
import type { Draft } from '../../../kit/repository.ts';
import type { FrameworkDoc } from '../models.ts';
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';

/*
 * Each country's frameworks over time, oldest first, with their events and funding lines, each
 * citing its source or saying what the demo added. The last of each country is the one in force.
 */

const byCountry: Record<CountryId, readonly Draft<FrameworkDoc>[]> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

/** A deep copy, so a caller that changes what it gets cannot change the next call's data. */
export const frameworkSeed = (country: CountryId): Draft<FrameworkDoc>[] => structuredClone([...byCountry[country]]);
