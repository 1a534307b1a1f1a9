import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../subgraphs/kit/schemaFiles.ts';

/*
 * The generated resolver types are what make a resolver's shape a compile error: the compiler is
 * run on resolver maps written against them, one right and two wrong.
 */

/** Compiles every source in one program (one pass over the imports) and returns each one's errors. */
function compile(sources: Record<string, string>): Record<string, string[]> {
  const files = Object.fromEntries(
    Object.entries(sources).map(([name, source]) => [path.join(projectPath('subgraphs', 'health'), `__${name}.ts`), source]),
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
      path.basename(file, '.ts').slice(2),
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

describe('generated resolver types', () => {
  it('accept a resolver map of the right shape, and refuse a wrong return or a field the parent does not have', () => {
    const errors = compile({
      right: `${prelude} export const ok: Resolvers<SectorContext> = { CrisisCentre: { medicalCare: (centre) => centre.facet } };`,
      wrongReturn: `${prelude} export const bad: Resolvers<SectorContext> = { CrisisCentre: { medicalCare: () => ({ doctorsOnDuty: 'many' }) } };`,
      wrongParent: `${prelude} export const bad: Resolvers<SectorContext> = { MedicalCare: { doctorsOnDuty: (care) => care.nurses } };`,
    });
    expect(errors.right).toEqual([]);
    expect(errors.wrongReturn!.join('\n')).toMatch(/not assignable/);
    expect(errors.wrongParent!.join('\n')).toMatch(/Property 'nurses' does not exist/);
  }, 60_000);
});
