import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { getNamedType, isCompositeType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isCacheableQuery } from '../../gateway/cacheableOperation.ts';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import { isMet, readAuthorizationPolicy, requirementsForField, supergraphForPlanning } from '../../platform/auth/policy.ts';
import { roles, scopes, scopesByRole } from '../../platform/auth/roles.ts';
import { readSdl } from '../../platform/schemaFiles.ts';

/*
 * The rule for reading a field is written once (requirementsForField). The gateway applies it to
 * the supergraph, each subgraph to its own SDL, and the response cache uses it to keep out every
 * read that needs more than aggregate data. Here the two sources are held side by side, field by
 * field and role by role: a directive dropped or changed on either side fails this test.
 */

const sdl = readSupergraph();
const supergraph = Supergraph.build(supergraphForPlanning(sdl)).apiSchema().toGraphQLJSSchema();
const supergraphPolicy = readAuthorizationPolicy(sdl);
const identities = roles.map((role) => ({
  role,
  subject: role,
  sector: role.startsWith('sector') ? 'health' : null,
  scopes: scopesByRole[role],
}));

function allowed(schema: GraphQLSchema, policy: ReturnType<typeof readAuthorizationPolicy>, typeName: string, fieldName: string) {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const requirements = requirementsForField(policy, schema, type, fieldName);
  return identities.filter((identity) => requirements.every((r) => isMet(r, identity))).map((identity) => identity.role);
}

describe('one authorization rule', () => {
  it('lets the same roles read each field in the supergraph and in the subgraph that serves it', async () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const entry of subgraphCatalog) {
      const definition = await loadSubgraphDefinition(entry.name);
      const { document, sdl: subgraphSdl } = readSdl(definition.schemaFiles);
      const schema = buildSubgraphSchema({ typeDefs: document });
      const policy = readAuthorizationPolicy(subgraphSdl);
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('_')) continue;
        const inSupergraph = supergraph.getType(type.name);
        if (!isObjectType(inSupergraph)) continue;
        for (const field of Object.keys(type.getFields())) {
          if (field.startsWith('_') || !inSupergraph.getFields()[field]) continue;
          compared += 1;
          const here = allowed(schema, policy, type.name, field);
          const there = allowed(supergraph, supergraphPolicy, type.name, field);
          if (here.join() !== there.join())
            disagreements.push(`${entry.name} ${type.name}.${field}: [${here.join(',')}] here, [${there.join(',')}] in the supergraph`);
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(disagreements).toEqual([]);
  });

  it('never serves from the cache a root field that needs more than aggregate data', () => {
    const aggregate = new Set<string>([scopes.frameworkRead, scopes.aggregatesRead, scopes.meetingsRead]);
    const query = supergraph.getQueryType()!;
    const verdicts = Object.values(query.getFields()).map((field) => {
      const selection = isCompositeType(getNamedType(field.type)) ? `{ ${field.name} { __typename } }` : `{ ${field.name} }`;
      const needs = requirementsForField(supergraphPolicy, supergraph, query, field.name);
      const aggregateOnly = needs.every((r) => r.kind === 'authenticated' || r.anyOf.every((all) => all.every((s) => aggregate.has(s))));
      return { field: field.name, cached: isCacheableQuery(supergraph, supergraphPolicy, parse(selection), 'query'), aggregateOnly };
    });
    expect(verdicts.filter((v) => v.cached !== v.aggregateOnly)).toEqual([]);
    // Both kinds are there: the cache serves some root fields and keeps out case-level ones.
    expect(verdicts.filter((v) => v.cached).map((v) => v.field)).toContain('sectors');
    expect(verdicts.filter((v) => !v.cached).map((v) => v.field)).toContain('case');
  });
});
