import { disclosureControl } from './publish.ts';
import { readDisclosureSecret } from './secret.ts';
import { readSuppressionThreshold } from './threshold.ts';

/**
 * The hub's disclosure control, read once when the first module that publishes counts is
 * loaded, so a missing secret or a bad threshold stops start-up with a message naming the
 * variable. The noise is fixed random rounding to base 5 driven by the cell key (why base 5 and
 * not the smaller noise of a maximum-entropy ptable: docs/disclosure-control.md). The parameters
 * are fixed here, not configured: changing them changes every published figure, and whoever
 * knows the old and new answers to a question learns from both.
 */
export const noiseParameters = { maxNoise: 4, variance: 4, base: 5 } as const;

export const disclosure = disclosureControl(readDisclosureSecret(), { threshold: readSuppressionThreshold(), ...noiseParameters });
