import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { describeRequirement, readAuthorizationPolicy, supergraphForPlanning } from '../platform/auth/policy.ts';

/*
 * The schema reference, as the graph's users see it: every type, field, argument and enum value
 * of the composed API with its description, the subgraphs that serve it, and the scopes it needs.
 * `npm run compose` writes it beside the supergraph, so it never drifts from it.
 */

const anchor = (name: string) => `#${name.toLowerCase()}`;
const link = (name: string) => `[\`${name}\`](${anchor(name)})`;
const cell = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|');

export function schemaReference(supergraphSdl: string): string {
  const supergraph = Supergraph.build(supergraphForPlanning(supergraphSdl));
  const schema = supergraph.apiSchema().toGraphQLJSSchema();
  const policy = readAuthorizationPolicy(supergraphSdl);
  const owners = new Map<string, string[]>();
  for (const subgraph of supergraph.subgraphs()) {
    for (const type of subgraph.schema.types()) {
      if (!('fields' in type)) continue;
      for (const field of (type as unknown as { fields(): { name: string }[] }).fields()) {
        const key = `${type.name}.${field.name}`;
        owners.set(key, [...(owners.get(key) ?? []), subgraph.name]);
      }
    }
  }
  const needs = (key: string, typeName?: string) =>
    [...(policy.fields.get(key) ?? []), ...(typeName ? (policy.types.get(typeName) ?? []) : [])].map(describeRequirement).join('; ');

  const fieldRow = (typeName: string, field: GraphQLField<unknown, unknown>) => {
    const key = `${typeName}.${field.name}`;
    const args = field.args.map((a) => `\`${a.name}: ${String(a.type)}\` ${cell(a.description)}`).join('<br>');
    const named = getNamedType(field.type).name;
    const type = isSpecifiedScalarType(getNamedType(field.type)) ? `\`${String(field.type)}\`` : `${link(named)} \`${String(field.type)}\``;
    return `| \`${field.name}\` | ${type} | ${cell(field.description)}${args ? `<br>**Arguments:** ${args}` : ''} | ${needs(key, named) || '—'} | ${(owners.get(key) ?? []).join(', ')} |`;
  };

  const sections: string[] = [];
  const order = (t: GraphQLNamedType) => (t.name === 'Query' ? 0 : t.name === 'Mutation' ? 1 : 2);
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t))
    .sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  for (const type of types) {
    const kind = isObjectType(type)
      ? 'type'
      : isInterfaceType(type)
        ? 'interface'
        : isUnionType(type)
          ? 'union'
          : isEnumType(type)
            ? 'enum'
            : isInputObjectType(type)
              ? 'input'
              : 'scalar';
    const lines = [`### ${type.name}`, '', `*${kind}*${type.description ? ` — ${cell(type.description)}` : ''}`, ''];
    if (isObjectType(type) || isInterfaceType(type)) {
      if (type.getInterfaces().length > 0)
        lines.push(
          `Implements ${type
            .getInterfaces()
            .map((i) => link(i.name))
            .join(', ')}.`,
          '',
        );
      if (isInterfaceType(type))
        lines.push(
          `Implemented by ${schema
            .getPossibleTypes(type)
            .map((t) => link(t.name))
            .join(', ')}.`,
          '',
        );
      lines.push('| Field | Type | Description | Needs | Served by |', '| --- | --- | --- | --- | --- |');
      for (const field of Object.values(type.getFields())) lines.push(fieldRow(type.name, field));
    } else if (isInputObjectType(type)) {
      lines.push('| Field | Type | Description |', '| --- | --- | --- |');
      for (const field of Object.values(type.getFields()))
        lines.push(`| \`${field.name}\` | \`${String(field.type)}\` | ${cell(field.description)} |`);
    } else if (isEnumType(type)) {
      lines.push('| Value | Description |', '| --- | --- |');
      for (const value of type.getValues()) lines.push(`| \`${value.name}\` | ${cell(value.description)} |`);
    } else if (isUnionType(type)) {
      lines.push(
        `One of ${type
          .getTypes()
          .map((t) => link(t.name))
          .join(', ')}.`,
      );
    } else if (isScalarType(type)) {
      lines.push(type.specifiedByURL ? `Specified by ${type.specifiedByURL}.` : '');
    }
    sections.push(lines.join('\n'));
  }
  return [
    '# Schema reference',
    '',
    'The composed graph as its callers see it: every type and field with its description, the scopes it needs',
    '("Needs"; see docs/security.md) and the subgraphs that serve it. Written by `npm run compose`; do not edit.',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
