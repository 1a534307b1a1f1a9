import { describe, expect, it } from 'vitest';
import { unprotectedRootFields } from './unprotected.ts';

describe('unprotectedRootFields', () => {
  it('names every query and mutation that carries no auth directive', () => {
    const sdl = `
      type Query { open: String guarded: String @requiresScopes(scopes: [["cases:read"]]) known: String @authenticated }
      type Mutation { write: Boolean }
    `;
    expect(unprotectedRootFields(sdl)).toEqual(['Query.open', 'Mutation.write']);
  });
});
