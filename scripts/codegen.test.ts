import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sectorIds, typePrefix } from '../platform/catalog.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { loadSubgraphDefinition } from '../subgraphs/definitions.ts';
import { forAnySector } from './codegen/contractBindings.ts';
import { placeholders, render, sectorWords } from './codegen/sectorContract.ts';

/*
 * The generated resolver types are what make a resolver's shape a compile error: the compiler is
 * run on resolver maps written against them, one right and two wrong, for a sector's own types
 * and for sector-core's (the sector contract under its placeholder names), and on bindings of
 * sector-core's resolvers to a sector's names, one right and one wrong. Then what the contract
 * renders and binds for every sector of the catalog is checked.
 */

/**
 * Compiles every source in one program (one pass over the imports) and returns each one's errors.
 * Sources are named `<folder under subgraphs>/<name>`.
 */
function compile(sources: Record<string, string>): Record<string, string[]> {
  const files = Object.fromEntries(
    Object.entries(sources).map(([name, source]) => {
      const [folder, file] = name.split('/') as [string, string];
      return [path.join(projectPath('subgraphs', folder), `__${file}.ts`), source];
    }),
  );
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (name) => files[path.resolve(name)] ?? read(name);
  host.fileExists = (name) => path.resolve(name) in files || exists(name);
  const program = ts.createProgram(Object.keys(files), options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return Object.fromEntries(
    Object.entries(files).map(([file]) => [
      `${path.basename(path.dirname(file))}/${path.basename(file, '.ts').slice(2)}`,
      diagnostics
        .filter((d) => d.file && path.resolve(d.file.fileName) === file)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}

const prelude = `
import type { Resolvers } from './generated/resolverTypes.ts';
import type { SectorContext } from '../sector-core/resolvers.ts';
import type { MedicalCareDoc } from './models.ts';
`;

const bindingPrelude = `
import type { Resolvers } from './generated/resolverTypes.ts';
import type { ContractContext, ContractResolvers } from '../sector-core/contract.ts';
`;

const templatePrelude = `
import type { Resolvers } from './generated/resolverTypes.ts';
import type { MonitoringContext } from './monitoring/context.ts';
`;

describe('generated resolver types', () => {
  it('accept a resolver map of the right shape, and refuse a wrong return or a field the parent does not have', () => {
    const errors = compile({
      'health/right': `${prelude} export const ok: Resolvers<SectorContext<MedicalCareDoc>> = { CrisisCentre: { medicalCare: (centre, _, ctx) => ctx.loaders.facetByCentreId.load(centre.id) } };`,
      'health/wrongReturn': `${prelude} export const bad: Resolvers<SectorContext> = { CrisisCentre: { medicalCare: () => ({ doctorsOnDuty: 'many' }) } };`,
      'health/wrongParent': `${prelude} export const bad: Resolvers<SectorContext> = { MedicalCare: { doctorsOnDuty: (care) => care.nurses } };`,
      'health/rightBinding': `${bindingPrelude} export const ok = (core: ContractResolvers): Resolvers<ContractContext> => ({ HealthSector: core.TemplateSector, HealthAction: core.TemplateAction });`,
      'health/wrongBinding': `${bindingPrelude} export const bad = (core: ContractResolvers): Resolvers<ContractContext> => ({ HealthAction: core.TemplateSector });`,
      'sector-core/right': `${templatePrelude} export const ok: Resolvers<MonitoringContext> = { TemplateSector: { indicators: (_, __, ctx) => ctx.loaders.monitoring.indicators.load() }, ServicePoint: { id: (point) => point._id } };`,
      'sector-core/wrongReturn': `${templatePrelude} export const bad: Resolvers<MonitoringContext> = { TemplateAction: { status: () => 'FINISHED' } };`,
      'sector-core/wrongParent': `${templatePrelude} export const bad: Resolvers<MonitoringContext> = { ServicePoint: { district: (point) => point.region } };`,
    });
    expect(errors['health/right']).toEqual([]);
    expect(errors['health/wrongReturn']!.join('\n')).toMatch(/not assignable/);
    expect(errors['health/wrongParent']!.join('\n')).toMatch(/Property 'nurses' does not exist/);
    expect(errors['health/rightBinding']).toEqual([]);
    expect(errors['health/wrongBinding']!.join('\n')).toMatch(/not assignable/);
    expect(errors['sector-core/right']).toEqual([]);
    expect(errors['sector-core/wrongReturn']!.join('\n')).toMatch(/not assignable/);
    expect(errors['sector-core/wrongParent']!.join('\n')).toMatch(/Property 'region' does not exist/);
  }, 120_000);
});

describe('the sector contract', () => {
  it('renders every placeholder and refuses one it has no value for, or a sector without its words', () => {
    const values = placeholders('social-welfare', {
      words: 'social welfare',
      serves: 'shelter',
      responds: 'shelter',
      facet: 'Shelter',
      facetWords: 'shelter',
    });
    expect(render('type {{Type}}Sector { {{field}}: ID } # the {{words}} sector, `{{id}}`', values)).toBe(
      'type SocialWelfareSector { socialWelfare: ID } # the social welfare sector, `social-welfare`',
    );
    expect(() => render('type {{Typ}}Sector', values)).toThrow(/no value for \{\{Typ\}\}/);
    expect(() => sectorWords('no-such-sector')).toThrow(/subgraphs\/no-such-sector\/contract.json is missing/);
  });

  it('gives every sector every root field and entity of the contract, bound to its own names', async () => {
    for (const id of sectorIds) {
      const definition = await loadSubgraphDefinition(id);
      const resolvers = definition.resolvers as Record<string, Record<string, unknown>>;
      const contract = parse(fs.readFileSync(projectPath('subgraphs', id, 'generated', 'contract.graphql'), 'utf8'));
      const types = contract.definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION);
      const prefix = typePrefix(id);
      expect(types.map((t) => t.name.value)).toContain(`${prefix}Sector`);
      for (const type of types) {
        const name = type.name.value;
        if (name === 'Query' || name === 'Mutation') {
          for (const field of type.fields ?? [])
            expect(typeof resolvers[name]?.[field.name.value], `${id}: ${name}.${field.name.value}`).toBe('function');
        } else if (type.directives?.some((d) => d.name.value === 'key')) {
          expect(typeof resolvers[name]?.__resolveReference, `${id}: ${name}.__resolveReference`).toBe('function');
        }
      }
      const resolveType = resolvers.FrameworkAction?.__resolveType as () => string;
      expect(resolveType()).toBe(`${prefix}Action`);
    }
  }, 60_000);
});

describe("widening sector-core's resolver types to any sector", () => {
  it('stops with the file to update when the generated types no longer look as expected', () => {
    expect(() => forAnySector("export type X = { __typename?: 'Other' };")).toThrow(/scripts\/codegen\/contractBindings\.ts/);
  });
});
