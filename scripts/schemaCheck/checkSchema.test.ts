import fs from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { supergraphPath } from '../../gateway/supergraph.ts';
import { readSdl, subgraphSchemaFiles } from '../../platform/schemaFiles.ts';
import { workingTreeServices } from '../composeSupergraph.ts';
import { checkSchema, describeResult, parseAcknowledged } from './checkSchema.ts';

/*
 * The schema check on edits a health developer might make to their SDL, against the committed
 * supergraph: a removed field and a changed type are caught and named, a new field passes.
 */

const committed = fs.readFileSync(supergraphPath, 'utf8');

function withHealthSdl(edit: (sdl: string) => string) {
  return workingTreeServices().map((service) =>
    service.name === 'health' ? { ...service, typeDefs: parse(edit(readSdl(subgraphSchemaFiles('health', 'sector')).sdl)) } : service,
  );
}

const check = (services: ReturnType<typeof workingTreeServices>, acknowledged = new Map<string, string>()) =>
  checkSchema({ baseSupergraphSdl: committed, services, acknowledged });

describe('schema check', () => {
  it('passes the working tree as committed', async () => {
    const result = await check(workingTreeServices());
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([]);
  });

  it('fails on a removed field, naming the subgraph and what breaks', async () => {
    const result = await check(withHealthSdl((sdl) => sdl.replace(/\n\s*"[^"\n]*"\n\s*doctorsOnDuty: Int!?/, '')));
    expect(result.ok).toBe(false);
    const text = describeResult(result, 'HEAD');
    expect(text).toMatch(/health\s+BREAKING\s+Field 'doctorsOnDuty' was removed from object type 'MedicalCare'/);
    expect(text).toMatch(/graph\s+BREAKING\s+Field 'doctorsOnDuty' was removed/);
    expect(text).toContain('Not acknowledged, so the check fails');
    expect(result.unacknowledged.map((c) => c.path)).toEqual(['MedicalCare.doctorsOnDuty']);
  });

  it('fails on a changed type, and passes once the change is acknowledged with a reason', async () => {
    const services = withHealthSdl((sdl) => sdl.replace(/doctorsOnDuty: Int(!?)/, 'doctorsOnDuty: String$1'));
    const refused = await check(services);
    expect(refused.ok).toBe(false);
    expect(describeResult(refused, 'HEAD')).toMatch(/changed type from 'Int!?' to 'String!?'/);
    const acknowledged = parseAcknowledged('# header\nMedicalCare.doctorsOnDuty  # rosters now give ranges such as "2-3"\n');
    expect((await check(services, acknowledged)).ok).toBe(true);
  });

  it('passes a new field as safe', async () => {
    const result = await check(
      withHealthSdl((sdl) => sdl.replace(/(type MedicalCare[^{]*\{)/, '$1\n  "Beds set aside for survivors."\n  reservedBeds: Int')),
    );
    expect(result.ok).toBe(true);
    expect(result.changes.some((c) => c.where === 'graph' && c.level === 'safe' && c.path === 'MedicalCare.reservedBeds')).toBe(true);
  });

  it('reports composition errors per subgraph', async () => {
    // Health declares a field coordination owns, without agreeing to share it.
    const result = await check(withHealthSdl((sdl) => `${sdl}\ntype CoordinationBody @key(fields: "id") { id: ID! name: String! }\n`));
    expect(result.ok).toBe(false);
    expect(result.compositionErrors.some((e) => e.subgraphs.includes('health') && e.subgraphs.includes('coordination'))).toBe(true);
    expect(describeResult(result, 'HEAD')).toContain('The subgraphs do not compose');
  });
});
