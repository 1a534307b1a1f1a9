/** The coordination bodies view's one request. */

export type BodyKind =
  'STEERING_COMMITTEE' | 'COORDINATION_COMMITTEE' | 'INTER_MINISTERIAL_GROUP' | 'DELIVERY_BOARD' | 'INTER_SECTORAL_COMMITTEE';

interface SectorRef {
  id: string;
  name: string;
}

export interface Body {
  id: string;
  name: string;
  kind: BodyKind;
  mandate: string;
  chair: { title: string; organisation: string };
  cadence: { interval: number; unit: 'WEEK' | 'MONTH' };
  reportsTo: { id: string; name: string } | null;
  members: { title: string; organisation: string; role: string; sector: SectorRef | null }[];
  // Present only when the caller may read meetings (the meetings:read scope).
  lastMetOn?: string | null;
  nextMeetingDue?: string | null;
  meetingOverdue?: boolean;
  daysOverdue?: number;
  attendanceRates?: { sector: SectorRef; expected: number; attended: number; rate: number | null }[];
  actionItems?: { id: string; text: string; dueDate: string; status: string; overdue: boolean; sector: SectorRef }[];
  openDecisions?: OpenDecision[];
}

/** A decision still open (OPEN or IN_PROGRESS), as the graph lists them: the most overdue first. */
export interface OpenDecision {
  id: string;
  code: string;
  text: string;
  status: 'OPEN' | 'IN_PROGRESS';
  dueDate: string | null;
  overdue: boolean;
  daysOverdue: number;
  ownerOrganisation: { name: string } | null;
  ownerSector: SectorRef | null;
  meeting: { heldOn: string };
  illustrative: boolean;
}

export interface BodiesData {
  coordinationBodies: Body[];
}

/** The scope the meetings, attendance, action items and decisions need; the dashboard role does not have it. */
export const meetingsScope = 'meetings:read';

/** The field the gateway names when it refuses a body's decisions to a role without meetings:read. */
export const decisionsField = 'CoordinationBody.decisions';

// Meetings are asked for only when the caller may read them, and decisions (meetings:read, which
// the dashboard role lacks) apart from them: a field the role may not see would otherwise blank
// the whole list (its non-null fields cannot be null).
export const bodiesQuery = /* GraphQL */ `
  query DashboardBodies($withMeetings: Boolean!, $withDecisions: Boolean!) {
    coordinationBodies {
      id
      name
      kind
      mandate
      chair {
        title
        organisation
      }
      cadence {
        interval
        unit
      }
      reportsTo {
        id
        name
      }
      members {
        title
        organisation
        role
        sector {
          id
          name
        }
      }
      ... on CoordinationBody @include(if: $withMeetings) {
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
        actionItems(openOnly: true) {
          id
          text
          dueDate
          status
          overdue
          sector {
            id
            name
          }
        }
      }
      ... on CoordinationBody @include(if: $withDecisions) {
        openDecisions: decisions(status: [OPEN, IN_PROGRESS]) {
          id
          code
          text
          status
          dueDate
          overdue
          daysOverdue
          ownerOrganisation {
            name
          }
          ownerSector {
            id
            name
          }
          meeting {
            heldOn
          }
          illustrative
        }
      }
    }
  }
`;

/** Members of a body counted per sector; members from outside the sectors are counted under "". */
export function membersBySector(body: Body): { sector: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of body.members) counts.set(m.sector?.name ?? '', (counts.get(m.sector?.name ?? '') ?? 0) + 1);
  return [...counts].map(([sector, count]) => ({ sector, count })).sort((a, b) => a.sector.localeCompare(b.sector));
}

/** Overdue bodies first, the longest overdue first; the graph's order otherwise. */
export function overdueFirst(bodies: Body[]): Body[] {
  return bodies
    .map((body, i) => ({ body, i }))
    .sort((a, b) => (b.body.daysOverdue ?? 0) - (a.body.daysOverdue ?? 0) || a.i - b.i)
    .map(({ body }) => body);
}
