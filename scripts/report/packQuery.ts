import { complianceReasonFields, type ComplianceReason } from '../../dashboard/src/views/complianceData.ts';

/*
 * The one query the meeting pack is built from, and the shape of its answer. The report
 * writes nothing that is not in this answer, so the files always agree with the graph.
 */

export const meetingPackQuery = /* GraphQL */ `
  query MeetingPack($bodyId: ID!) {
    meetingPack(bodyId: $bodyId) {
      preparedOn
      body {
        id
        name
        cadence {
          description
        }
        lastMetOn
        nextMeetingDue
        meetingOverdue
        daysOverdue
        attendanceRates {
          sector {
            id
            name
          }
          expected
          attended
          rate
        }
      }
      framework {
        title
        leadOrganisation {
          name
        }
        country {
          name
        }
      }
      sectors {
        id
        name
        ministry
        delivery {
          total
          onTrack
          atRisk
          overdue
          done
          notReported
        }
        ledActions {
          id
          code
          title
          dueDate
          status
          delivery
          lastUpdatedAt
        }
        compliance {
          status
          reasons { ${complianceReasonFields} }
          responsibilities
          actionsLed
          actionsOverdue
          overdueActions {
            id
            code
            title
            dueDate
            status
          }
          daysSinceLastUpdate
        }
        reporting {
          expected
          received
          onTime
          late
          missing
          due
          completeness
          timeliness
        }
        indicators {
          id
          code
          name
          unit
          baseline {
            value
            year
          }
          target {
            value
            date
          }
          latest {
            period
            value
          }
          status
          progress
          expectedProgress
        }
      }
      openActionItems {
        id
        text
        sector {
          id
          name
        }
        dueDate
        status
        overdue
        meeting {
          id
          heldOn
        }
      }
      openDecisions {
        id
        code
        text
        body {
          name
        }
        meeting {
          heldOn
        }
        ownerOrganisation {
          name
        }
        ownerSector {
          name
        }
        dueDate
        status
        daysOverdue
        actionItems {
          id
        }
        frameworkActions {
          code
        }
        illustrativeNote
      }
      obligations {
        id
        summary
        holder {
          ... on CoordinationBody {
            name
          }
          ... on Organisation {
            name
          }
        }
        status
        source {
          title
          section
          quote
        }
        illustrativeNote
        assessments {
          label
          from
          until
          status
        }
      }
    }
  }
`;

export interface PackAction {
  id: string;
  code: string;
  title: string;
  dueDate: string | null;
  status: string | null;
  delivery: string | null;
  lastUpdatedAt?: string | null;
}

export interface PackSector {
  id: string;
  name: string;
  ministry: string;
  delivery: Record<'total' | 'onTrack' | 'atRisk' | 'overdue' | 'done' | 'notReported', number> | null;
  ledActions: PackAction[];
  compliance: {
    status: string;
    reasons: ComplianceReason[];
    responsibilities: number;
    actionsLed: number;
    actionsOverdue: number;
    overdueActions: PackAction[];
    daysSinceLastUpdate: number | null;
  } | null;
  reporting:
    | (Record<'expected' | 'received' | 'onTime' | 'late' | 'missing' | 'due', number> & {
        completeness: number | null;
        timeliness: number | null;
      })
    | null;
  indicators:
    | {
        id: string;
        code: string;
        name: string;
        unit: string;
        baseline: { value: number; year: number };
        target: { value: number; date: string };
        latest: { period: string; value: number } | null;
        status: string;
        progress: number | null;
        expectedProgress: number;
      }[]
    | null;
}

export interface MeetingPack {
  preparedOn: string;
  body: {
    id: string;
    name: string;
    cadence: { description: string };
    lastMetOn: string | null;
    nextMeetingDue: string | null;
    meetingOverdue: boolean;
    daysOverdue: number;
    attendanceRates: { sector: { id: string; name: string }; expected: number; attended: number; rate: number | null }[];
  };
  framework: { title: string; leadOrganisation: { name: string }; country: { name: string } };
  sectors: PackSector[];
  openActionItems: {
    id: string;
    text: string;
    sector: { id: string; name: string };
    dueDate: string;
    status: string;
    overdue: boolean;
    meeting: { id: string; heldOn: string };
  }[];
  openDecisions: {
    id: string;
    code: string;
    text: string;
    body: { name: string };
    meeting: { heldOn: string };
    ownerOrganisation: { name: string } | null;
    ownerSector: { name: string } | null;
    dueDate: string | null;
    status: string;
    daysOverdue: number;
    actionItems: { id: string }[];
    frameworkActions: { code: string }[];
    illustrativeNote: string | null;
  }[];
  obligations: {
    id: string;
    summary: string;
    holder: { name: string };
    status: string;
    source: { title: string; section: string | null; quote: string | null } | null;
    illustrativeNote: string | null;
    assessments: { label: string; from: string; until: string; status: string }[];
  }[];
}

/** Sends one GraphQL operation to the gateway and returns its answer. */
export type SendQuery = (query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown; errors?: { message: string }[] }>;

/** Runs the pack query. Any error is fatal: a pack with silent gaps would mislead the meeting. */
export async function fetchMeetingPack(send: SendQuery, bodyId: string): Promise<MeetingPack> {
  const { data, errors } = await send(meetingPackQuery, { bodyId });
  if (errors?.length) throw new Error(`The graph answered with errors: ${errors.map((e) => e.message).join('; ')}`);
  const pack = (data as { meetingPack: MeetingPack | null } | undefined)?.meetingPack;
  if (!pack) throw new Error(`No meeting pack for body "${bodyId}"`);
  return pack;
}
