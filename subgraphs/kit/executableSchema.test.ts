import { describe, expect, it } from 'vitest';
import { loadSubgraphDefinition } from '../definitions.ts';
import { executableSchema } from './executableSchema.ts';

describe('executableSchema', async () => {
  const police = await loadSubgraphDefinition('police');
  const health = await loadSubgraphDefinition('health');

  it('builds a subgraph once per process for the same SDL and resolvers', () => {
    const first = executableSchema(police.schemaFiles, police.resolvers);
    expect(executableSchema(police.schemaFiles, police.resolvers)).toBe(first);
  });

  it('never hands one subgraph the schema built from another SDL or another resolver map', () => {
    const policeSchema = executableSchema(police.schemaFiles, police.resolvers);
    expect(executableSchema(police.schemaFiles, { ...police.resolvers })).not.toBe(policeSchema);
    const healthSchema = executableSchema(health.schemaFiles, health.resolvers);
    expect(healthSchema).not.toBe(policeSchema);
    expect(healthSchema.getQueryType()!.getFields()).toHaveProperty('healthSector');
    expect(policeSchema.getQueryType()!.getFields()).not.toHaveProperty('healthSector');
  });

  it('builds a schema of its own for a caller that changes it in place', () => {
    const shared = executableSchema(police.schemaFiles, police.resolvers);
    const fresh = executableSchema(police.schemaFiles, police.resolvers, { fresh: true });
    expect(fresh).not.toBe(shared);
    expect(executableSchema(police.schemaFiles, police.resolvers)).toBe(shared);
  });
});
