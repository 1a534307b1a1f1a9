import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../platform/schemaFiles.ts';

/*
 * The generated resolver types are what make a resolver's shape a compile error: the compiler is
 * run on resolver maps written against them, one right and two wrong, for a sector's own types
 * and for sector-core's (the sector contract and template).
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
`;

const templatePrelude = `
import type { Resolvers } from './generated/resolverTypes.ts';
import type { MonitoringContext } from './monitoring/context.ts';
`;

describe('generated resolver types', () => {
  it('accept a resolver map of the right shape, and refuse a wrong return or a field the parent does not have', () => {
    const errors = compile({
      'health/right': `${prelude} export const ok: Resolvers<SectorContext> = { CrisisCentre: { medicalCare: (centre) => centre.facet } };`,
      'health/wrongReturn': `${prelude} export const bad: Resolvers<SectorContext> = { CrisisCentre: { medicalCare: () => ({ doctorsOnDuty: 'many' }) } };`,
      'health/wrongParent': `${prelude} export const bad: Resolvers<SectorContext> = { MedicalCare: { doctorsOnDuty: (care) => care.nurses } };`,
      'sector-core/right': `${templatePrelude} export const ok: Resolvers<MonitoringContext> = { TemplateSector: { indicators: (_, __, ctx) => ctx.loaders.monitoring.indicators.load() }, ServicePoint: { id: (point) => point._id } };`,
      'sector-core/wrongReturn': `${templatePrelude} export const bad: Resolvers<MonitoringContext> = { TemplateAction: { status: () => 'FINISHED' } };`,
      'sector-core/wrongParent': `${templatePrelude} export const bad: Resolvers<MonitoringContext> = { ServicePoint: { district: (point) => point.region } };`,
    });
    expect(errors['health/right']).toEqual([]);
    expect(errors['health/wrongReturn']!.join('\n')).toMatch(/not assignable/);
    expect(errors['health/wrongParent']!.join('\n')).toMatch(/Property 'nurses' does not exist/);
    expect(errors['sector-core/right']).toEqual([]);
    expect(errors['sector-core/wrongReturn']!.join('\n')).toMatch(/not assignable/);
    expect(errors['sector-core/wrongParent']!.join('\n')).toMatch(/Property 'region' does not exist/);
  }, 60_000);
});
