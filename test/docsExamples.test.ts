import fs from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRole } from '../platform/auth/roles.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { documentationFiles } from './support/documentation.ts';
import { startTestHub, type TestCaller, type TestHub } from './support/hub.ts';

/*
 * Every GraphQL example in the documentation is a promise to its readers: each one runs through
 * the gateway with the token of the role its first line names (`# as: <role> [<sector>]`) and
 * answers without a single error (`# variables: {...}` on the next line gives its variables).
 * The README comes first, then CONTRIBUTING.md and docs/ by name, each file's examples in order.
 */

interface Example {
  file: string;
  text: string;
}

const examples: Example[] = documentationFiles().flatMap((file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((match) => ({ file: path.relative(projectPath(), file), text: match[1]! }))
    // `# not run: <why>` marks an example that only makes sense on another day than the demo date.
    .filter((example) => !example.text.startsWith('# not run:')),
);

/** `# variables: {...}` on the second line, for an example that takes variables. */
function variablesOf(example: string): Record<string, unknown> | undefined {
  const line = /^# variables: (.*)$/m.exec(example);
  return line ? (JSON.parse(line[1]!) as Record<string, unknown>) : undefined;
}

function callerOf(example: Example): TestCaller {
  const header = /^# as: ([\w-]+)(?: ([\w-]+))?\n/.exec(example.text);
  if (!header || !isRole(header[1]))
    throw new Error(`An example in ${example.file} does not name its role on its first line:\n${example.text}`);
  return { role: header[1], sector: header[2] };
}

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

  it.each(
    examples.map((example) => [
      `${example.file}: ${example.text
        .split('\n')
        .find((line) => !line.startsWith('#'))!
        .trim()
        .slice(0, 60)}`,
      example,
    ]),
  )('answers %s', async (_, example) => {
    // A block may show several operations one after the other: each runs on its own, in order.
    for (const operation of parse(example.text).definitions) {
      const { data, errors } = await hub.query(print(operation), variablesOf(example.text), callerOf(example));
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      expect(Object.values(data!).every((value) => value !== null)).toBe(true);
    }
  });
});
