import path from 'node:path';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf, documentationExamples, exampleTitle, variablesOf } from './support/documentation.ts';
import { startTestHub, type TestHub } from './support/hub.ts';

/*
 * Every GraphQL example in the documentation is a promise to its readers: each one runs through
 * the gateway with the token of the role its first line names (`# as: <role> [<sector>]`) and
 * answers without a single error (`# variables: {...}` on the next line gives its variables).
 * The README comes first, then CONTRIBUTING.md and docs/ by name, each file's examples in order.
 */

const examples = documentationExamples();

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

describe('documentation examples', () => {
  it('has examples to run, in the README and in the analyst and case guides', () => {
    const files = new Set(examples.map((example) => example.file));
    expect(files).toContain('README.md');
    expect(files).toContain(path.join('docs', 'analyst-guide.md'));
    expect(files).toContain(path.join('docs', 'cases.md'));
  });

  it.each(examples.map((example) => [exampleTitle(example), example]))('answers %s', async (_, example) => {
    // A block may show several operations one after the other: each runs on its own, in order.
    for (const operation of parse(example.text).definitions) {
      const { data, errors } = await hub.query(print(operation), variablesOf(example), callerOf(example));
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      expect(Object.values(data!).every((value) => value !== null)).toBe(true);
    }
  });
});
