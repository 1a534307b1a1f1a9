/** The framework status view's one request and how its actions are ordered. */

export const deliveryStates = ['OVERDUE', 'AT_RISK', 'NOT_REPORTED', 'ON_TRACK', 'DONE'] as const;
export type Delivery = (typeof deliveryStates)[number];

export type ActionStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DELAYED' | 'COMPLETED';

export interface ProgressReport {
  sequence: number;
  status: ActionStatus;
  note: string | null;
  asOf: string;
  recordedBy: string;
}

export interface StatusAction {
  id: string;
  code: string;
  title: string;
  dueDate: string | null;
  status: ActionStatus | null;
  delivery: Delivery | null;
  lastUpdatedAt: string | null;
  leadSector: { id: string; name: string };
  progressHistory: ProgressReport[] | null;
}

export interface FrameworkStatusData {
  framework: { title: string; period: { start: string; end: string }; actions: StatusAction[] };
  sectors: {
    id: string;
    name: string;
    delivery: Record<'total' | 'onTrack' | 'atRisk' | 'overdue' | 'done' | 'notReported', number> | null;
  }[];
}

// Every action's history comes with the list, so opening one costs no further request.
export const frameworkStatusQuery = /* GraphQL */ `
  query DashboardFrameworkStatus {
    framework {
      title
      period {
        start
        end
      }
      actions {
        id
        code
        title
        dueDate
        status
        delivery
        lastUpdatedAt
        leadSector {
          id
          name
        }
        progressHistory {
          sequence
          status
          note
          asOf
          recordedBy
        }
      }
    }
    sectors {
      id
      name
      delivery {
        total
        onTrack
        atRisk
        overdue
        done
        notReported
      }
    }
  }
`;

/** Overdue first, then at risk, not reported, on track, done; actions whose sector did not answer last; then by due date. */
export function sortOverdueFirst(actions: StatusAction[]): StatusAction[] {
  const rank = (a: StatusAction) => (a.delivery ? deliveryStates.indexOf(a.delivery) : deliveryStates.length);
  return [...actions].sort(
    (a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.code.localeCompare(b.code),
  );
}
