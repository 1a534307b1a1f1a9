/**
 * The operations the bench runs: the queries dashboards and committee meetings send over and
 * over. Each lists the calls the gateway makes to subgraphs for it, so the same work can be
 * timed straight against each subgraph, which shows what the gateway itself costs.
 */

export interface DirectCall {
  subgraph: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface BenchOperation {
  name: string;
  /** A root field it needs; the operation is skipped when the committed supergraph lacks it. */
  needs: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The subgraph calls the gateway's plan makes for it (one sector stands for all five). */
  direct: DirectCall[];
}

const deliveryFields = 'total onTrack atRisk overdue done notReported';

export const benchOperations: BenchOperation[] = [
  {
    name: 'SectorStatus',
    needs: 'sectors',
    query: `query SectorStatus { sectors { id name delivery { ${deliveryFields} } } }`,
    direct: [
      { subgraph: 'coordination', query: `query SectorStatus__coordination__0 { sectors { __typename id name } }` },
      {
        subgraph: 'health',
        query: `query SectorStatus__health__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on HealthSector { delivery { ${deliveryFields} } } } }`,
        variables: { representations: [{ __typename: 'HealthSector', id: 'health' }] },
      },
    ],
  },
];

/** The operations whose root field the supergraph has. */
export function availableOperations(supergraphSdl: string, only?: string[]): BenchOperation[] {
  const queryType = /type Query[^{]*\{([\s\S]*?)\n\}/.exec(supergraphSdl)?.[1] ?? '';
  return benchOperations.filter(
    (op) => new RegExp(`^\\s+${op.needs}[(:]`, 'm').test(queryType) && (!only || only.includes(op.name)),
  );
}
