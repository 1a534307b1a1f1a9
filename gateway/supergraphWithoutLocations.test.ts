// First, as in the gateway: what @apollo/gateway requires but never runs is kept from loading with it.
import { ApolloGatewaySharingBuilds } from './sharedSupergraphBuild.ts';
import type { Supergraph } from '@apollo/federation-internals';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { supergraphForPlanning } from '../platform/auth/policy.ts';
import { startTestHub, type TestHub } from '../test/support/hub.ts';
import { readSupergraph } from './supergraph.ts';
import { apolloGatewaySupergraph } from './supergraphWithoutLocations.ts';

/** Every schema element of `supergraph` that keeps the node it was built from, with that node. */
function sourceNodes(supergraph: Supergraph): { loc?: unknown }[] {
  const nodes: { loc?: unknown }[] = [];
  for (const type of supergraph.schema.types()) {
    if (type.sourceAST) nodes.push(type.sourceAST);
    if ('fields' in type) for (const field of type.fields()) if (field.sourceAST) nodes.push(field.sourceAST);
  }
  return nodes;
}

describe('the supergraph Apollo Gateway plans with', () => {
  const { Supergraph: ApolloSupergraph } = apolloGatewaySupergraph();
  const built: Supergraph[] = [];
  const build = ApolloSupergraph.build;
  let hub: TestHub;

  beforeAll(async () => {
    // Sees what the gateway builds, after the gateway's own module has made its change to `build`.
    ApolloSupergraph.build = (sdl, options) => {
      const supergraph = build.call(ApolloSupergraph, sdl, options);
      built.push(supergraph);
      return supergraph;
    };
    hub = await startTestHub({ only: [] });
    // As startGateway does: otherwise Apollo would start reporting on the host (gateway/server.ts).
    vi.stubEnv('APOLLO_TELEMETRY_DISABLED', 'true');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    ApolloSupergraph.build = build;
    await hub?.stop();
  });

  it('keeps no source locations (no chain of the lexer’s tokens), and the gateway answers with it', async () => {
    const { data, errors } = await hub.query<{ sectors: { id: string }[] }>('{ sectors { id } }');
    expect(errors).toBeUndefined();
    expect(data!.sectors.length).toBe(5);
    // Gateways in one process share the build of one text (sharedSupergraphBuild.ts): a text no
    // other has built (a comment more) is built by this one.
    const gateway = new ApolloGatewaySharingBuilds({
      supergraphSdl: `${supergraphForPlanning(readSupergraph())}\n# built by the source locations test\n`,
      buildService: () => new LocalGraphQLDataSource(buildSchema('type Query { unused: Int }')),
    });
    try {
      await gateway.load();
    } finally {
      await gateway.stop();
    }
    expect(built.length).toBeGreaterThan(0);
    for (const supergraph of built) {
      const nodes = sourceNodes(supergraph);
      expect(nodes.length).toBeGreaterThan(100);
      expect(nodes.filter((node) => node.loc !== undefined)).toEqual([]);
    }
  });

  it('still refuses a supergraph that is not valid, saying why', () => {
    const valid = supergraphForPlanning(readSupergraph());
    const broken = valid.replace(/type Query\b/, 'type Query @join__type(graph: NO_SUCH_GRAPH)');
    expect(broken).not.toBe(valid);
    expect(() => ApolloSupergraph.build(valid, { validateSupergraph: true })).not.toThrow();
    expect(() => ApolloSupergraph.build(broken, { validateSupergraph: true })).toThrow(
      /Invalid value for "@join__type\(graph:\)" of type "join__Graph!" in application of "@join__type" to "Query"/,
    );
  });
});
