import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type GraphQLResponse, type TestHub } from '../support/hub.ts';

/*
 * A misspelt name must not be answered with the right one in production: "Did you mean …" lets a
 * caller with no introspection spell the schema out, one guess at a time. Each probe is tried
 * through the gateway and straight against a subgraph with a genuine gateway token, so every
 * place a message is written (the gateway's own checks, Apollo's validation, variable coercion,
 * a subgraph's own answers) is covered.
 */

interface Probe {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** What the message must still say: the problem, without the suggestion. */
  names: RegExp;
}

const timeToService = (incidentType: string) =>
  `pathwayAggregates(year: 2026) { timeToService(incidentType: ${incidentType}) { reached { count } } }`;

const probes: Probe[] = [
  { name: 'a misspelt field', query: '{ sectors { nmae } }', names: /Cannot query field "nmae"/ },
  { name: 'a misspelt argument', query: '{ sector(idd: "health") { id } }', names: /Unknown argument "idd"/ },
  { name: 'a misspelt type', query: '{ sectors { ... on SectorAgenci { id } } }', names: /Unknown type "SectorAgenci"/ },
  { name: 'a misspelt enum value', query: `{ ${timeToService('RAEP')} }`, names: /"RAEP"/ },
  {
    name: 'a misspelt enum value in a variable',
    query: `query Probe($type: IncidentType) { ${timeToService('$type')} }`,
    variables: { type: 'RAEP' },
    names: /"RAEP"/,
  },
];

const messages = (answer: GraphQLResponse) => (answer.errors ?? []).map((e) => e.message);

describe.each(['production', 'development'] as const)('error messages in %s mode', (mode) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ mode });
  });
  afterAll(async () => hub?.stop());

  const through = {
    'the gateway': (probe: Probe) => hub.query(probe.query, probe.variables),
    'a subgraph reached directly': (probe: Probe) => hub.askSubgraph('coordination', probe.query, probe.variables),
  };

  for (const [where, ask] of Object.entries(through)) {
    it.each(probes)(
      `${where} names $name${mode === 'production' ? ' without suggesting one' : ' and suggests the right one'}`,
      async (probe) => {
        const answer = await ask(probe);
        expect(answer.data ?? undefined, JSON.stringify(answer)).toBeUndefined();
        const said = messages(answer);
        expect(
          said.some((message) => probe.names.test(message)),
          JSON.stringify(said),
        ).toBe(true);
        expect(/Did you mean/.test(said.join('\n')), JSON.stringify(said)).toBe(mode === 'development');
      },
    );
  }
});
