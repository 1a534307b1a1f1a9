import { buildSubgraphSchema } from '@apollo/subgraph';
import { isInputObjectType, isObjectType, type GraphQLArgument, type GraphQLInputField, type GraphQLSchema } from 'graphql';
import { subgraphCatalog, typePrefix } from '../../platform/catalog.ts';
import { readSdl, subgraphSchemaFiles } from '../../platform/schemaFiles.ts';
import { sectorName, templatePrefix } from '../../subgraphs/sector-core/template.ts';

/*
 * Sector-core's resolver types come from the sector contract and the sector template
 * (subgraphs/sector-core/template.graphql), which repeats under placeholder names what every
 * sector declares under its own. The template is only as good as that repetition, so every
 * sector's declarations are compared with it: a field the template types must be declared by
 * each sector with the same type and arguments.
 */

/** The SDL sector-core's resolver types are generated from: the shared types, the sector contract, the template. */
export const sectorTemplateFiles = (): string[] => subgraphSchemaFiles('sector-core', 'sector');

const buildSchema = (files: string[]) => buildSubgraphSchema({ typeDefs: readSdl(files).document });

/** A type or argument written as in SDL, under the sector's names. */
const typeText = (field: { type: unknown }, prefix: string) => sectorName(String(field.type), prefix);

function compareArguments(
  where: string,
  template: readonly (GraphQLArgument | GraphQLInputField)[],
  sector: readonly (GraphQLArgument | GraphQLInputField)[],
  prefix: string,
): string[] {
  return template.flatMap((arg) => {
    const own = sector.find((a) => a.name === arg.name);
    if (!own) return [`${where} has no argument or field "${arg.name}"`];
    const problems = [];
    if (typeText(arg, prefix) !== String(own.type))
      problems.push(`${where}.${arg.name} is ${String(own.type)}, the template says ${typeText(arg, prefix)}`);
    if (JSON.stringify(arg.defaultValue) !== JSON.stringify(own.defaultValue))
      problems.push(`${where}.${arg.name} has another default than the template's`);
    return problems;
  });
}

/** Where one sector's declarations differ from the template's, in words. */
function sectorMismatches(template: GraphQLSchema, sector: GraphQLSchema, sectorId: string): string[] {
  const prefix = typePrefix(sectorId);
  const problems: string[] = [];
  for (const type of Object.values(template.getTypeMap())) {
    const roots = type.name === 'Query' || type.name === 'Mutation';
    if (!roots && !type.name.startsWith(templatePrefix)) continue;
    const name = sectorName(type.name, prefix);
    const own = sector.getType(name);
    if (isInputObjectType(type)) {
      if (!isInputObjectType(own)) problems.push(`${sectorId} declares no input ${name}`);
      else
        problems.push(...compareArguments(`${sectorId}: ${name}`, Object.values(type.getFields()), Object.values(own.getFields()), prefix));
      continue;
    }
    if (!isObjectType(type)) continue;
    if (!isObjectType(own)) {
      problems.push(`${sectorId} declares no type ${name}`);
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const fieldName = roots ? sectorName(field.name, prefix) : field.name;
      const ownField = own.getFields()[fieldName];
      const where = `${sectorId}: ${name}.${fieldName}`;
      if (!ownField) problems.push(`${where} is not declared`);
      else if (typeText(field, prefix) !== String(ownField.type))
        problems.push(`${where} is ${String(ownField.type)}, the template says ${typeText(field, prefix)}`);
      else problems.push(...compareArguments(where, field.args, ownField.args, prefix));
    }
  }
  return problems;
}

/** Every difference between the sectors' declarations and the sector template. */
export function templateMismatches(): string[] {
  const template = buildSchema(sectorTemplateFiles());
  return subgraphCatalog
    .filter((entry) => entry.role === 'sector')
    .flatMap((entry) => sectorMismatches(template, buildSchema(subgraphSchemaFiles(entry.name, 'sector')), entry.name));
}
