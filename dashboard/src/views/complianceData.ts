/**
 * The compliance scoreboard's one request: every sector's standing, computed by the sector itself,
 * and the duties the sources set on bodies and organisations, evaluated by the lead ministry.
 */

export type ComplianceStatus = 'MEETING_OBLIGATIONS' | 'AT_RISK' | 'FAILING';
export type ComplianceRule =
  'ACTIONS_OVERDUE' | 'ACTIONS_AT_RISK' | 'ACTIONS_NOT_REPORTED' | 'REPORTS_MISSING' | 'REPORTS_LATE' | 'NO_RECENT_UPDATE';

/** A reason as the graph gives it: a rule and its parameters, worded by the dashboard (complianceReasons.ts). */
export interface ComplianceReason {
  rule: ComplianceRule;
  status: ComplianceStatus;
  count: number;
  actions: readonly { id: string; code: string; title: string }[];
  reports: readonly { period: string; dataSet: { name: string } }[];
  windowDays: number | null;
  daysSinceLastUpdate: number | null;
  lastUpdateAt: string | null;
}

export interface Compliance {
  status: ComplianceStatus;
  reasons: ComplianceReason[];
  responsibilities: number;
  actionsLed: number;
  actionsOverdue: number;
  reportsMissing: { period: string }[];
  reportsLate: { period: string }[];
  daysSinceLastUpdate: number | null;
}

export type ObligationStatus = 'MET' | 'NOT_MET' | 'DUE' | 'NOT_ASSESSED';

/** A duty a source sets on a body or an organisation, with the periods or events assessed. */
export interface Duty {
  id: string;
  summary: string;
  holder: { name: string };
  status: ObligationStatus;
  source: { title: string; section: string | null; quote: string | null } | null;
  illustrative: boolean;
  assessments: { from: string; until: string; status: ObligationStatus }[];
}

export interface ComplianceData {
  sectors: { id: string; name: string; ministry: string; compliance: Compliance | null }[];
  obligations: Duty[];
}

/** The fields of a compliance reason the wording needs: one selection for the dashboard and the meeting pack. */
export const complianceReasonFields = /* GraphQL */ `
  rule
  status
  count
  actions {
    id
    code
    title
  }
  reports {
    period
    dataSet {
      name
    }
  }
  windowDays
  daysSinceLastUpdate
  lastUpdateAt
`;

export const complianceQuery = /* GraphQL */ `
  query DashboardCompliance {
    sectors {
      id
      name
      ministry
      compliance {
        status
        reasons { ${complianceReasonFields} }
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
      illustrative
      assessments {
        from
        until
        status
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

export const obligationStatuses: ObligationStatus[] = ['NOT_MET', 'DUE', 'MET', 'NOT_ASSESSED'];

/** Not met first, then due, met, and not assessed; in listing order within each. */
export function dutiesWorstFirst(duties: readonly Duty[]): Duty[] {
  return [...duties].sort((a, b) => obligationStatuses.indexOf(a.status) - obligationStatuses.indexOf(b.status));
}
