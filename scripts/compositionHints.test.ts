import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './composeSupergraph.ts';
import { fromApolloHint, hintKey, judgeHints, readAcknowledgedHints } from './compositionHints.ts';

const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

/** Two subgraphs that both declare `Place`, each describing it in its own words. */
function disagreeingHints() {
  const subgraph = (name: string, description: string) => ({
    name,
    url: `http://127.0.0.1/${name}`,
    typeDefs: parse(`${federation}\n"${description}"\ntype Place @key(fields: "id") { id: ID! }\ntype Query { ${name}Place: Place }`),
  });
  const result = composeServices([subgraph('first', 'A place.'), subgraph('second', 'Somewhere.')]);
  expect(result.errors).toBeUndefined();
  return (result.hints ?? []).map(fromApolloHint);
}

describe('composition hints', () => {
  it('names a description two subgraphs disagree on by code and coordinate', () => {
    const hints = disagreeingHints();
    expect(hints.map(hintKey)).toEqual(['INCONSISTENT_DESCRIPTION Place']);
    expect(hints[0]!.message).toContain('Somewhere.');
  });

  it('fails a hint until it is acknowledged, and an acknowledgement once its hint is gone', () => {
    const hints = disagreeingHints();
    expect(judgeHints(hints, new Map()).unacknowledged.map(hintKey)).toEqual(['INCONSISTENT_DESCRIPTION Place']);
    const acknowledged = new Map([
      ['INCONSISTENT_DESCRIPTION Place', 'known'],
      ['INCONSISTENT_DESCRIPTION Gone.id', 'fixed since'],
    ]);
    expect(judgeHints(hints, acknowledged)).toEqual({ unacknowledged: [], stale: ['INCONSISTENT_DESCRIPTION Gone.id'] });
  });

  it('the working tree composes with no hint that is not acknowledged, and every acknowledgement is still needed', async () => {
    const result = await composeSupergraph({ theGuilds: true });
    expect(result.errors).toEqual([]);
    expect(judgeHints(result.hints, readAcknowledgedHints())).toEqual({ unacknowledged: [], stale: [] });
  });
});
