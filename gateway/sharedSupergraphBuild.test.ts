// First, as in the gateway: what @apollo/gateway requires but never runs is kept from loading with it.
import { ApolloGatewaySharingBuilds } from './sharedSupergraphBuild.ts';
import type { ServiceEndpointDefinition, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { supergraphForPlanning } from '../platform/auth/policy.ts';
import { readSupergraph } from './supergraph.ts';

const original = supergraphForPlanning(readSupergraph());
const description = 'The current framework: the one in force (adopted, not superseded).';
const revised = description.replace(/\.$/, ' (revised).');
const changed = original.replace(`"""${description}"""`, `"""${revised}"""`);

const frameworkDescription = (schema: GraphQLSchema | undefined) => schema?.getQueryType()?.getFields().framework?.description;

describe('gateways built from one supergraph text in one process', () => {
  const started: ApolloGatewaySharingBuilds[] = [];
  // As startGateway does: otherwise Apollo would start reporting on the host (gateway/server.ts).
  beforeAll(() => {
    vi.stubEnv('APOLLO_TELEMETRY_DISABLED', 'true');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((gateway) => gateway.stop()));
  });

  /** A gateway on a fixed text (or a hook it can be reloaded through); it records the subgraphs it built a data source for. */
  const load = async (supergraph: string | ((update: SupergraphSdlUpdateFunction) => void)) => {
    const dataSourcesFor: string[] = [];
    const gateway = new ApolloGatewaySharingBuilds({
      supergraphSdl:
        typeof supergraph === 'string'
          ? supergraph
          : async ({ update }) => {
              supergraph(update);
              return { supergraphSdl: original };
            },
      buildService: ({ name }: ServiceEndpointDefinition) => {
        dataSourcesFor.push(name);
        return new LocalGraphQLDataSource(buildSchema('type Query { unused: Int }'));
      },
    });
    started.push(gateway);
    const { schema } = await gateway.load();
    return { gateway, schema, dataSourcesFor };
  };

  it('share what Apollo builds from it, while each gets data sources of its own', async () => {
    expect(changed === original).toBe(false);
    const first = await load(original);
    const second = await load(original);
    expect(second.schema === first.schema).toBe(true);
    expect(second.gateway.__testing().queryPlanner === first.gateway.__testing().queryPlanner).toBe(true);
    expect(first.dataSourcesFor.length).toBeGreaterThan(1);
    expect(second.dataSourcesFor).toEqual(first.dataSourcesFor);
    expect(frameworkDescription(second.schema)).toBe(description);
  });

  it('build their own from another text, and a gateway on the first text after it gets that text again', async () => {
    const first = await load(original);
    const other = await load(changed);
    expect(other.schema === first.schema).toBe(false);
    expect(other.gateway.__testing().queryPlanner === first.gateway.__testing().queryPlanner).toBe(false);
    expect(frameworkDescription(other.schema)).toBe(revised);
    const again = await load(original);
    expect(frameworkDescription(again.schema)).toBe(description);
    expect(frameworkDescription(first.gateway.schema)).toBe(description);
  });

  it('move to their own build on a reload, leaving the others on theirs', async () => {
    let reload: SupergraphSdlUpdateFunction | undefined;
    const reloaded = await load((update) => (reload = update));
    const stays = await load(original);
    expect(stays.schema === reloaded.schema).toBe(true);
    reload!(changed);
    expect(frameworkDescription(reloaded.gateway.schema)).toBe(revised);
    expect(frameworkDescription(stays.gateway.schema)).toBe(description);
    expect(reloaded.gateway.__testing().queryPlanner === stays.gateway.__testing().queryPlanner).toBe(false);
    // Back to the first text: served as it was, whether built again or not.
    reload!(original);
    expect(frameworkDescription(reloaded.gateway.schema)).toBe(description);
  });
});
