import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computedFieldTypesSdl, computedFieldValueTypes } from './computedFieldTypes.ts';

const federation =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@requires", "@inaccessible"])';

const sdl = `${federation}
type Query { place: Place }
type Place @key(fields: "id") {
  id: ID!
  ids: [ID!]! @external
  summary: Summary @requires(fields: "ids")
  shapes: [Shape!] @requires(fields: "ids")
  found: Found @requires(fields: "ids")
  region: Region @requires(fields: "ids")
  country: Country @requires(fields: "ids")
  plain: Plain
}
type Summary { total: Int! }
interface Shape { sides: Int }
type Square implements Shape { sides: Int }
type Circle implements Shape { sides: Int }
union Found = Square | Place
type Region @key(fields: "id") { id: ID! }
type Country @key(fields: "id", resolvable: false) { id: ID! }
type Plain { name: String }
`;

describe('the value types of computed fields', () => {
  it('are the object types without a resolvable key that @requires fields return, through interfaces and unions', () => {
    expect(computedFieldValueTypes(parse(sdl))).toEqual(['Circle', 'Country', 'Square', 'Summary']);
  });

  it('are named by an unreachable object the subgraph can serve beside its own SDL', () => {
    const generated = computedFieldTypesSdl('social-welfare', computedFieldValueTypes(parse(sdl)))!;
    expect(generated).toContain('type SocialWelfareComputedFieldTypes @inaccessible {');
    expect(generated).toContain('  summary: Summary\n');
    const schema = buildSubgraphSchema({ typeDefs: parse(`${sdl}\n${generated}`) });
    expect(schema.getType('SocialWelfareComputedFieldTypes')).toBeDefined();
  });

  it('are none for a subgraph without computed fields, which gets no file', () => {
    expect(
      computedFieldTypesSdl(
        'alerts',
        computedFieldValueTypes(parse(`${federation}\ntype Query { plain: Plain }\ntype Plain { name: String }`)),
      ),
    ).toBeNull();
  });
});
