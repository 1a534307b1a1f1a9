/** The sector health view's one request. */

export interface HealthData {
  sectors: {
    id: string;
    name: string;
    ministry: string;
    delivery: { total: number } | null;
    responsibilities: { id: string }[] | null;
    servicePoints: { id: string }[] | null;
  }[];
}

// One field from each sector's own subgraph per sector: whichever comes back null with a
// SUBGRAPH_UNAVAILABLE error is the sector that is not answering.
export const sectorHealthQuery = /* GraphQL */ `
  query DashboardSectorHealth {
    sectors {
      id
      name
      ministry
      delivery {
        total
      }
      responsibilities {
        id
      }
      servicePoints {
        id
      }
    }
  }
`;
