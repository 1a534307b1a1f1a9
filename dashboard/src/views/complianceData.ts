/** The compliance scoreboard's one request: every sector's standing, computed by the sector itself. */

export type ComplianceStatus = 'MEETING_OBLIGATIONS' | 'AT_RISK' | 'FAILING';
export type ComplianceRule =
  'ACTIONS_OVERDUE' | 'ACTIONS_AT_RISK' | 'ACTIONS_NOT_REPORTED' | 'REPORTS_MISSING' | 'REPORTS_LATE' | 'NO_RECENT_UPDATE';

export interface Compliance {
  status: ComplianceStatus;
  reasons: { rule: ComplianceRule; status: ComplianceStatus; detail: string }[];
  responsibilities: number;
  actionsLed: number;
  actionsOverdue: number;
  reportsMissing: { period: string }[];
  reportsLate: { period: string }[];
  daysSinceLastUpdate: number | null;
}

export interface ComplianceData {
  sectors: { id: string; name: string; ministry: string; compliance: Compliance | null }[];
}

export const complianceQuery = /* GraphQL */ `
  query DashboardCompliance {
    sectors {
      id
      name
      ministry
      compliance {
        status
        reasons {
          rule
          status
          detail
        }
        responsibilities
        actionsLed
        actionsOverdue
        reportsMissing {
          period
        }
        reportsLate {
          period
        }
        daysSinceLastUpdate
      }
    }
  }
`;

export const complianceStatuses: ComplianceStatus[] = ['FAILING', 'AT_RISK', 'MEETING_OBLIGATIONS'];

/** Failing first, then at risk; sectors that did not answer last. */
export function worstFirst<T extends { name: string; compliance: Compliance | null }>(sectors: T[]): T[] {
  const rank = (s: T) => (s.compliance ? complianceStatuses.indexOf(s.compliance.status) : complianceStatuses.length);
  return [...sectors].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
