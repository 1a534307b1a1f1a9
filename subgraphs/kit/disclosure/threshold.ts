import { ConfigError } from '../../../platform/config.ts';

/**
 * `CRG_SUPPRESSION_THRESHOLD`: published counts below it are withheld (default 5). Read once,
 * when the first subgraph module that publishes counts is loaded (configured.ts), so a bad value
 * stops start-up with a message naming the variable.
 */
export function readSuppressionThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CRG_SUPPRESSION_THRESHOLD;
  if (raw === undefined || raw === '') return 5;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 2 || value > 100) {
    throw new ConfigError([`CRG_SUPPRESSION_THRESHOLD must be a whole number from 2 to 100 (got ${JSON.stringify(raw)})`]);
  }
  return value;
}
