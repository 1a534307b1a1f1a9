/**
 * The types of event the hub raises, as CloudEvents `type` values. A subscription names the ones
 * it wants; a type not listed here is refused when subscribing.
 */
export const alertEventTypes = {
  actionOverdue: {
    type: 'crg.action.overdue',
    description: "A framework action passed its due date without being completed, by its lead sector's record.",
  },
  referralsPastFollowUp: {
    type: 'crg.referrals.past-follow-up',
    description:
      'More referrals to a sector are waiting past their follow-up day than at the last event: the published (disclosure-controlled) count, never a case.',
  },
  bodyMeetingOverdue: {
    type: 'crg.body.meeting-overdue',
    description: 'A coordination body passed the day its cadence says it must meet next without meeting.',
  },
  returnMissing: {
    type: 'crg.return.missing',
    description: "A sector's report for a period was not received by its on-time deadline.",
  },
  returnLate: {
    type: 'crg.return.late',
    description: "A sector's report for a period arrived after its on-time deadline.",
  },
  sectorUnavailable: {
    type: 'crg.sector.unavailable',
    description: "A sector's subgraph (or the lead ministry's) stopped answering the gateway.",
  },
  subscriptionPaused: {
    type: 'crg.subscription.paused',
    description:
      'The hub paused a subscription whose deliveries kept failing. Sent to every other active subscription, whatever types it names.',
  },
} as const;

export type AlertEventTypeName = (typeof alertEventTypes)[keyof typeof alertEventTypes]['type'];

export const knownEventTypes: readonly string[] = Object.values(alertEventTypes).map((t) => t.type);
