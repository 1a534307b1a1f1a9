/** The coordination bodies view's one request. */

export type BodyKind = 'STEERING_COMMITTEE' | 'COORDINATION_COMMITTEE' | 'INTER_MINISTERIAL_GROUP' | 'DELIVERY_BOARD' | 'INTER_SECTORAL_COMMITTEE';

export interface Body {
  id: string;
  name: string;
  kind: BodyKind;
  mandate: string;
  chair: { title: string; organisation: string };
  cadence: { interval: number; unit: 'WEEK' | 'MONTH'; description: string };
  reportsTo: { id: string; name: string } | null;
  members: { title: string; organisation: string; role: string; sector: { id: string; name: string } | null }[];
}

export interface BodiesData {
  coordinationBodies: Body[];
}

export const bodiesQuery = /* GraphQL */ `
  query DashboardBodies {
    coordinationBodies {
      id name kind mandate
      chair { title organisation }
      cadence { interval unit description }
      reportsTo { id name }
      members { title organisation role sector { id name } }
    }
  }
`;

/** Members of a body counted per sector; members from outside the sectors are counted under "". */
export function membersBySector(body: Body): { sector: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of body.members) counts.set(m.sector?.name ?? '', (counts.get(m.sector?.name ?? '') ?? 0) + 1);
  return [...counts].map(([sector, count]) => ({ sector, count })).sort((a, b) => a.sector.localeCompare(b.sector));
}
