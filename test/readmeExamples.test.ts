import fs from 'node:fs';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRole } from '../platform/auth/roles.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { startTestHub, type TestCaller, type TestHub } from './support/hub.ts';

/*
 * Every GraphQL example in the README is a promise to its readers: each one runs through the
 * gateway with the token of the role its first line names (`# as: <role> [<sector>]`) and
 * answers without a single error (`# variables: {...}` on the next line gives its variables).
 */

const readme = fs.readFileSync(projectPath('README.md'), 'utf8');
// `# not run: <why>` marks an example that only makes sense on another day than the demo date.
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
  .map((match) => match[1]!)
  .filter((example) => !example.startsWith('# not run:'));

/** `# variables: {...}` on the second line, for an example that takes variables. */
function variablesOf(example: string): Record<string, unknown> | undefined {
  const line = /^# variables: (.*)$/m.exec(example);
  return line ? (JSON.parse(line[1]!) as Record<string, unknown>) : undefined;
}

function callerOf(example: string): TestCaller {
  const header = /^# as: ([\w-]+)(?: ([\w-]+))?\n/.exec(example);
  if (!header || !isRole(header[1])) throw new Error(`A README example does not name its role on its first line:\n${example}`);
  return { role: header[1], sector: header[2] };
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

describe('README examples', () => {
  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(
    examples.map((example) => [
      example
        .split('\n')
        .find((line) => !line.startsWith('#'))!
        .trim()
        .slice(0, 60),
      example,
    ]),
  )('answers %s', async (_, example) => {
    // A block may show several operations one after the other: each runs on its own, in order.
    for (const operation of parse(example).definitions) {
      const { data, errors } = await hub.query(print(operation), variablesOf(example), callerOf(example));
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      expect(Object.values(data!).every((value) => value !== null)).toBe(true);
    }
  });
});
