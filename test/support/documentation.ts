import fs from 'node:fs';
import path from 'node:path';
import { isRole } from '../../platform/auth/roles.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import type { TestCaller } from './hub.ts';

/** The project's documentation: README.md, CONTRIBUTING.md and every Markdown file under docs/, in that order. */
export function documentationFiles(): string[] {
  const docs = fs
    .readdirSync(projectPath('docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => projectPath('docs', name));
  return [projectPath('README.md'), projectPath('CONTRIBUTING.md'), ...docs].filter((file) => fs.existsSync(file));
}

/** A ```graphql block of the documentation: the file it is in (from the project root) and its text. */
export interface Example {
  file: string;
  text: string;
}

/**
 * Every GraphQL example of the documentation that is run, in the order of documentationFiles and
 * each file's order. The first line names the role it runs as (`# as: <role> [<sector>]`);
 * `# not run: <why>` marks an example that only makes sense on another day than the demo date.
 */
export function documentationExamples(): Example[] {
  return documentationFiles().flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)]
      .map((match) => ({ file: path.relative(projectPath(), file), text: match[1]! }))
      .filter((example) => !example.text.startsWith('# not run:')),
  );
}

/** `# variables: {...}` on the second line, for an example that takes variables. */
export function variablesOf(example: Example): Record<string, unknown> | undefined {
  const line = /^# variables: (.*)$/m.exec(example.text);
  return line ? (JSON.parse(line[1]!) as Record<string, unknown>) : undefined;
}

/** Who the example runs as, from its first line. */
export function callerOf(example: Example): TestCaller {
  const header = /^# as: ([\w-]+)(?: ([\w-]+))?\n/.exec(example.text);
  if (!header || !isRole(header[1]))
    throw new Error(`An example in ${example.file} does not name its role on its first line:\n${example.text}`);
  return { role: header[1], sector: header[2] };
}

/** A short name for the example in a test's title: its first line that is not a comment. */
export const exampleTitle = (example: Example) =>
  `${example.file}: ${example.text
    .split('\n')
    .find((line) => !line.startsWith('#'))!
    .trim()
    .slice(0, 60)}`;
