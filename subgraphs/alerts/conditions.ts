import { isoDay } from '../kit/plausibleDates.ts';
import { alertEventTypes } from './eventTypes.ts';
import type { RaisedEvent } from './events.ts';

/*
 * What one check asks the graph, and the events its answer shows. Only framework status and
 * published aggregates are asked for (the alerts-service role can read nothing else): no event can
 * carry a case, a case code or anything about a survivor.
 */

export const conditionsQuery = /* GraphQL */ `
  query AlertConditions($year: Int!, $lastYear: Int!) {
    framework {
      actions {
        id
        code
        title
        leadSector {
          id
          name
        }
        dueDate
        delivery
      }
    }
    coordinationBodies {
      id
      name
      nextMeetingDue
      meetingOverdue
      daysOverdue
    }
    sectors {
      id
      name
      compliance {
        reportsMissing {
          dataSetId
          period
          timelyUntil
        }
        reportsLate {
          dataSetId
          period
          timelyUntil
          receivedAt
        }
      }
    }
    thisYear: pathwayAggregates(year: $year) {
      ...overdueFollowUps
    }
    lastYear: pathwayAggregates(year: $lastYear) {
      ...overdueFollowUps
    }
  }

  fragment overdueFollowUps on PathwayAggregates {
    year
    overdueFollowUps {
      rows {
        key
        count
      }
    }
  }
`;

/**
 * The variables of the query on a day: this calendar year's cases and last year's, whose referrals
 * can still pass their follow-up day after the new year.
 */
export function conditionsVariables(today: Date): { year: number; lastYear: number } {
  const year = today.getUTCFullYear();
  return { year, lastYear: year - 1 };
}

interface Period {
  dataSetId: string;
  period: string;
  timelyUntil: string;
  receivedAt?: string | null;
}

export interface ConditionsAnswer {
  framework?: {
    actions: {
      id: string;
      code: string;
      title: string;
      leadSector: { id: string; name: string };
      dueDate: string | null;
      delivery: string | null;
    }[];
  } | null;
  coordinationBodies?: { id: string; name: string; nextMeetingDue: string | null; meetingOverdue: boolean; daysOverdue: number }[] | null;
  sectors?: { id: string; name: string; compliance: { reportsMissing: Period[]; reportsLate: Period[] } | null }[] | null;
  thisYear?: FollowUpTable | null;
  lastYear?: FollowUpTable | null;
}

interface FollowUpTable {
  year: number;
  overdueFollowUps: { rows: { key: string; count: number | null }[] };
}

/** A published count of referrals to a sector, of cases first reported in a year, waiting past their follow-up day. */
export interface FollowUpCount {
  year: number;
  sectorId: string;
  count: number;
}

/** Events for the conditions that are stable by what happened: each id is raised at most once. */
export function standingEvents(answer: ConditionsAnswer): RaisedEvent[] {
  const events: RaisedEvent[] = [];
  for (const action of answer.framework?.actions ?? []) {
    if (action.delivery !== 'OVERDUE' || !action.dueDate) continue;
    events.push({
      id: `action-overdue:${action.id}:${action.dueDate}`,
      type: alertEventTypes.actionOverdue.type,
      subject: action.id,
      summary: `Action ${action.code}, led by ${action.leadSector.name}, is overdue: it was due on ${action.dueDate}`,
      data: {
        actionId: action.id,
        code: action.code,
        title: action.title,
        leadSectorId: action.leadSector.id,
        dueDate: action.dueDate,
      },
    });
  }
  for (const body of answer.coordinationBodies ?? []) {
    if (!body.meetingOverdue) continue;
    const due = body.nextMeetingDue ?? 'never-met';
    events.push({
      id: `body-meeting-overdue:${body.id}:${due}`,
      type: alertEventTypes.bodyMeetingOverdue.type,
      subject: body.id,
      summary: body.nextMeetingDue
        ? `${body.name} is overdue to meet: its next meeting was due on ${body.nextMeetingDue}`
        : `${body.name} is overdue to meet: it has never met`,
      data: { bodyId: body.id, bodyName: body.name, nextMeetingDue: body.nextMeetingDue, daysOverdue: body.daysOverdue },
    });
  }
  for (const sector of answer.sectors ?? []) {
    for (const [periods, kind] of [
      [sector.compliance?.reportsMissing ?? [], 'missing'],
      [sector.compliance?.reportsLate ?? [], 'late'],
    ] as const) {
      for (const p of periods) {
        const late = kind === 'late';
        events.push({
          id: `return-${kind}:${p.dataSetId}:${p.period}`,
          type: late ? alertEventTypes.returnLate.type : alertEventTypes.returnMissing.type,
          subject: `${p.dataSetId}/${p.period}`,
          summary: late
            ? `${sector.name}'s return ${p.dataSetId} for ${p.period} arrived late (due by ${p.timelyUntil})`
            : `${sector.name}'s return ${p.dataSetId} for ${p.period} is missing (due by ${p.timelyUntil})`,
          data: {
            sectorId: sector.id,
            dataSetId: p.dataSetId,
            period: p.period,
            timelyUntil: p.timelyUntil,
            ...(late ? { receivedAt: p.receivedAt ?? null } : {}),
          },
        });
      }
    }
  }
  return events;
}

/** The published counts of referrals waiting past their follow-up day, by year and receiving sector (withheld counts left out). */
export function followUpCounts(answer: ConditionsAnswer): FollowUpCount[] {
  return [answer.lastYear, answer.thisYear].flatMap((table) =>
    (table?.overdueFollowUps.rows ?? []).flatMap((row) =>
      row.count === null ? [] : [{ year: table!.year, sectorId: row.key, count: row.count }],
    ),
  );
}

/**
 * The event for a rise in the count of referrals to a sector waiting past their follow-up day. Its
 * id names the year, the day, the count reached and the version of the count's watch before the
 * rise was noted: a second rise the same day is a new event even to a count reached before (5, 6,
 * 5, 6 again), since every change of the count is written to the watch; the same rise seen again
 * (a check after a stop between raising and noting it, a replica behind the others) is the same one.
 */
export function followUpEvent({ sectorId, count, year }: FollowUpCount, today: Date, watchVersion: number): RaisedEvent {
  const day = isoDay(today);
  return {
    id: `referrals-past-follow-up:${sectorId}:${year}:${day}:${count}:${watchVersion}`,
    type: alertEventTypes.referralsPastFollowUp.type,
    subject: sectorId,
    summary: `${count} referrals to ${sectorId} of cases first reported in ${year} had passed their follow-up day on ${day}`,
    data: { toSectorId: sectorId, count, year, day },
  };
}

/** The event for a subgraph that stopped answering the gateway. */
export function unavailableEvent(subgraph: string, since: Date): RaisedEvent {
  return {
    id: `sector-unavailable:${subgraph}:${since.toISOString()}`,
    type: alertEventTypes.sectorUnavailable.type,
    subject: subgraph,
    summary:
      subgraph === 'coordination'
        ? 'The lead ministry (coordination) subgraph stopped answering'
        : `The ${subgraph} sector's subgraph stopped answering`,
    // The gateway's message stays in the hub's log: it can quote what the subgraph answered.
    data: { subgraph, since: since.toISOString() },
  };
}
