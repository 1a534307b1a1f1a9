import fs from 'node:fs';
import { projectPath } from '../../platform/schemaFiles.ts';

/** The project's documentation: README.md, CONTRIBUTING.md and every Markdown file under docs/, in that order. */
export function documentationFiles(): string[] {
  const docs = fs
    .readdirSync(projectPath('docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => projectPath('docs', name));
  return [projectPath('README.md'), projectPath('CONTRIBUTING.md'), ...docs].filter((file) => fs.existsSync(file));
}
