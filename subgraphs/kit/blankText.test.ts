import { describe, expect, it } from 'vitest';
import { listed, optionalText, requiredText } from './blankText.ts';

describe('blank text', () => {
  it('refuses text of spaces, naming the field, and lets omitted optional text through', () => {
    expect(requiredText({ reason: ' \t', name: 'Amina' })).toEqual([{ field: 'reason', problem: 'must not be empty' }]);
    expect(optionalText({ note: '', evidenceRef: null, minutesRef: undefined })).toEqual([
      { field: 'note', problem: 'is empty: leave it out when there is nothing to say' },
    ]);
  });

  it('names each text of a list by its place', () => {
    expect(requiredText(listed('decisions', ['Adopt the plan', '  ']))).toEqual([{ field: 'decisions[1]', problem: 'must not be empty' }]);
  });
});
