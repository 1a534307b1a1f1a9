import { startOfDayUtc } from '../../kit/clock.ts';
import type { MeetingContext } from './context.ts';

/** Per request (its loaders), the day it was asked on. */
const days = new WeakMap<object, Date>();

/**
 * Today, read once per request: every overdue flag, count and list of one answer agrees with the
 * others, even when the request spans midnight.
 */
export function requestDay(ctx: Pick<MeetingContext, 'clock' | 'loaders'>): Date {
  let day = days.get(ctx.loaders);
  if (!day) {
    day = startOfDayUtc(ctx.clock.now());
    days.set(ctx.loaders, day);
  }
  return day;
}
