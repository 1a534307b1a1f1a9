import type { CountRow } from '../components/Count.tsx';

/** The referral pathway view's one request: aggregates only, small counts withheld and the others rounded by the graph. */

export interface CountTable {
  rows: CountRow[];
  total: CountRow;
}

export interface ServiceTiming {
  sectorId: string;
  reached: CountRow;
  withinThreeDays: CountRow;
  shareWithinThreeDays: number | null;
  medianDays: number | null;
}

export interface PathwayData {
  pathwayAggregates: {
    year: number;
    suppressionThreshold: number;
    disclosureControl: { base: number };
    justiceFunnel: CountRow[];
    timeToService: ServiceTiming[];
    referralOutcomes: CountTable;
  };
  sectors: { id: string; name: string }[];
}

export const pathwayQuery = /* GraphQL */ `
  query DashboardPathway($year: Int!) {
    pathwayAggregates(year: $year) {
      year
      suppressionThreshold
      disclosureControl {
        base
      }
      justiceFunnel {
        key
        count
        suppressed
      }
      timeToService {
        sectorId
        reached {
          key
          count
          suppressed
        }
        withinThreeDays {
          key
          count
          suppressed
        }
        shareWithinThreeDays
        medianDays
      }
      referralOutcomes {
        rows {
          key
          count
          suppressed
        }
        total {
          key
          count
          suppressed
        }
      }
    }
    sectors {
      id
      name
    }
  }
`;

/** A count for a chart: a withheld count draws no bar rather than a bar of 0. */
export const chartValue = (row: CountRow): number | null => (row.suppressed ? null : row.count);
