import type { CountryId } from '../../../platform/config.ts';
import { caseResponseSeed, reachedOn } from '../../sector-core/seed/caseResponseSeed.ts';
import type { PoliceResponseDoc } from '../caseResponse.ts';

/** The police's demo responses: one per demo case reported to them. */
export const policeCaseResponses = (country: CountryId) =>
  caseResponseSeed<PoliceResponseDoc>(country, 'police', (demo, random) => {
    const reportRegisteredOn = reachedOn(demo, 'REPORT_REGISTERED');
    if (!reportRegisteredOn) return null;
    const dnaSampleSentOn = reachedOn(demo, 'DNA_SAMPLE_SENT');
    const investigationStage = demo.milestones.has('CHARGED')
      ? 'SENT_TO_PROSECUTOR'
      : demo.milestones.has('INVESTIGATION_OPENED')
        ? random.chance(0.3)
          ? 'CLOSED_NO_FURTHER_ACTION'
          : 'OPEN'
        : 'NOT_STARTED';
    const dnaResult = dnaSampleSentOn ? random.pick(['PENDING', 'MATCH', 'MATCH', 'NO_MATCH', 'INCONCLUSIVE'] as const) : null;
    return { reportRegisteredOn, investigationStage, dnaSampleSentOn, dnaResult };
  });
