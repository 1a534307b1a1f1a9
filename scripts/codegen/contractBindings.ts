import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { fieldPrefix, typePrefix } from '../../platform/catalog.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { contractFile, placeholders, readContract, render, sectorWords, templateValues } from './sectorContract.ts';

/*
 * Sector-core writes the sector contract's resolvers once, under the contract's placeholder names
 * (subgraphs/sector-core/contract.ts). For each sector this writes generated/contractResolvers.ts:
 * a map under the sector's own names (`HealthSector`, `recordHealthServicePoint`...), each entry
 * bound to sector-core's resolver of the same element and typed by the sector's own resolver
 * types, so that the compiler checks every binding and grep finds every resolver.
 *
 * The sector's resolver types map the contract's types to the same models as sector-core's, so
 * that both sides agree: sector-core's codegen.json is the one source of those mappers.
 */

const objectTypes = (sdl: string) =>
  parse(sdl).definitions.filter((d: DefinitionNode): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);

/** Mappers with every `{{Type}}` key written out for each of the type prefixes given. */
export function forEveryPrefix(mappers: Record<string, string>, prefixes: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mappers).flatMap(([type, mapper]) =>
      type.includes('{{Type}}') ? prefixes.map((prefix) => [type.replaceAll('{{Type}}', prefix), mapper]) : [[type, mapper]],
    ),
  );
}

/** sector-core's mappers for the contract's types, under one sector's names and from its generated folder. */
export function contractMappers(sectorId: string): Record<string, string> {
  const config = JSON.parse(fs.readFileSync(projectPath('subgraphs', 'sector-core', 'codegen.json'), 'utf8')) as {
    mappers: Record<string, string>;
  };
  const from = projectPath('subgraphs', 'sector-core', 'generated');
  const to = projectPath('subgraphs', sectorId, 'generated');
  const fromSectorFolder = Object.entries(config.mappers).map(([type, mapper]): [string, string] => {
    const [file, name] = mapper.split('#') as [string, string];
    return [type, `${path.relative(to, path.resolve(from, file))}#${name}`];
  });
  return forEveryPrefix(Object.fromEntries(fromSectorFolder), [typePrefix(sectorId)]);
}

/**
 * sector-core's resolver types stand for every sector: where they name one of the contract's
 * per-sector types as a value (a reference's `__typename`, what a type resolver answers), any
 * sector's type of that kind fits (`${string}Sector`); and its reference resolvers answer the
 * entity's model, not the reference they were given (whose `__typename` is no one sector's). So a
 * sector's binding type-checks against its own resolver types.
 */
export function forAnySector(resolverTypes: string): string {
  let typeNames = 0;
  let references = 0;
  const widened = resolverTypes
    .replace(/(?<!\[)'Template(\w+)'/g, (_, rest: string) => (typeNames++, `\`\${string}${rest}\``))
    .replace(
      /(ReferenceResolver<Maybe<ResolversTypes\['Template\w+'\]>) \| FederationReferenceType,/g,
      (_, kept: string) => (references++, `${kept},`),
    );
  // A codegen upgrade that changes how these are written would otherwise leave sector-core's types
  // naming only the template sector, and every binding would fail to compile far from the cause.
  if (typeNames === 0 || references === 0)
    throw new Error(
      `codegen: sector-core's resolver types no longer look as forAnySector expects (${typeNames} per-sector type names, ${references} reference resolvers rewritten); update scripts/codegen/contractBindings.ts`,
    );
  return widened;
}

/** The text of one sector's generated/contractResolvers.ts. */
export function contractBindings(sectorId: string): string {
  const contract = readContract().sector;
  const own = objectTypes(render(contract, placeholders(sectorId, sectorWords(sectorId))));
  const template = objectTypes(render(contract, templateValues));
  const camel = fieldPrefix(sectorId);
  const lines: string[] = [];
  const perSector: string[] = [];
  const interfaces: string[] = [];
  own.forEach((type, index) => {
    const core = template[index]!;
    const name = type.name.value;
    const renamedFields = type.fields!.some((field, i) => field.name.value !== core.fields![i]!.name.value);
    if (name === 'Query' || name === 'Mutation') {
      lines.push(`    ${name}: {`);
      type.fields!.forEach((field, i) => lines.push(`      ${field.name.value}: ${name}?.${core.fields![i]!.name.value},`));
      lines.push('    },');
    } else if (name === core.name.value && renamedFields) {
      // A type every subgraph shares with fields named for the sector (the facts it adds to the
      // framework): each field under the sector's name. The entity is the representation the
      // gateway sent, which carries the fields this subgraph @requires under the sector's names.
      perSector.push(name);
      lines.push(`    ${name}: {`);
      lines.push('      __resolveReference: (reference) => reference,');
      type.fields!.forEach((field, i) => {
        const external = field.directives?.some((d) => d.name.value === 'external');
        if (!external && field.name.value !== core.fields![i]!.name.value)
          lines.push(`      ${field.name.value}: ${name}?.${core.fields![i]!.name.value},`);
      });
      lines.push('    },');
    } else if (name !== core.name.value) {
      perSector.push(core.name.value);
      lines.push(`    ${name}: ${core.name.value},`);
      for (const i of type.interfaces ?? []) interfaces.push(`    ${i.name.value}: { __resolveType: () => '${name}' },`);
    }
  });
  return `// Generated by \`npm run codegen\` from ${contractFile}. Do not edit: edit the contract and run it again.
/* eslint-disable */
import type { ContractContext, ContractResolvers } from '../../sector-core/contract.ts';
import type { Resolvers } from './resolverTypes.ts';

/**
 * Sector-core's resolvers of the sector contract under the ${sectorId} sector's names. The types it
 * shares with every sector (ServicePoint, Indicator, CrisisCentre...) keep theirs; every object of
 * a cross-sector interface this subgraph serves is the ${sectorId} sector's.
 */
export function ${camel}ContractResolvers(core: ContractResolvers): Resolvers<ContractContext> {
  const { Query, Mutation, ${perSector.join(', ')}, ...shared } = core;
  return {
    ...shared,
${lines.join('\n')}
${interfaces.join('\n')}
  };
}
`;
}
