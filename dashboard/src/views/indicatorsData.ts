/** The indicators view's one request: every sector's indicators with their recent values, and its reporting. */

export type IndicatorStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'NO_DATA';
export type IndicatorUnit = 'COUNT' | 'PERCENT' | 'RATE_PER_100000';

export interface Indicator {
  id: string;
  code: string;
  name: string;
  unit: IndicatorUnit;
  baseline: { value: number; year: number };
  target: { value: number; date: string };
  status: IndicatorStatus;
  /** A COUNT value is withheld (null, suppressed) below the disclosure threshold and rounded above it. */
  values: { period: string; value: number | null; suppressed: boolean }[];
}

export interface Reporting {
  expected: number;
  received: number;
  completeness: number | null;
  timeliness: number | null;
}

export interface IndicatorsData {
  sectors: { id: string; name: string; indicators: Indicator[] | null; reporting: Reporting | null }[];
}

/** How many periods each chart shows: a year of monthly returns. */
export const periodsShown = 12;

export const indicatorsQuery = /* GraphQL */ `
  query DashboardIndicators {
    sectors {
      id name
      indicators {
        id code name unit status
        baseline { value year }
        target { value date }
        values(last: ${periodsShown}) { period value suppressed }
      }
      reporting { expected received completeness timeliness }
    }
  }
`;

/** Values oldest first, whatever order the graph sends them in. */
export function chronological(values: Indicator['values']): Indicator['values'] {
  return [...values].sort((a, b) => a.period.localeCompare(b.period));
}
