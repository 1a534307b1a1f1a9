import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { undocumented } from './undocumented.ts';

describe('undocumented', () => {
  it('names every type, field, argument, input field and enum value without a description', () => {
    const sdl = parse(`
      extend type Query { "Cases." cases(district: String, "Page size." first: Int): [Case!]! }
      type Case { "Its code." code: ID! status: Status }
      "Where a case stands."
      enum Status { "Open." OPEN CLOSED }
      input CaseInput { code: ID! }
    `);
    expect(undocumented(sdl)).toEqual(['Query.cases(district:)', 'Case', 'Case.status', 'Status.CLOSED', 'CaseInput', 'CaseInput.code']);
  });

  it('finds nothing to name in a fully described schema', () => {
    expect(undocumented(parse('"A thing." type Thing { "Its id." id("Unused." x: Int): ID! }'))).toEqual([]);
  });
});
