import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envPrefix, subgraphCatalog } from '../platform/catalog.ts';
import { readConfig } from '../platform/config.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { documentationFiles } from './support/documentation.ts';

/*
 * The documentation stays true to the project: the README stays short, every relative link
 * (and the heading it points to) exists, every `npm run` command named is a script and every
 * script is in the commands table, every repository path named in code spans exists, and every
 * environment variable the code reads is in the configuration table.
 */

const files = documentationFiles();
const read = (file: string) => fs.readFileSync(file, 'utf8');
const relative = (file: string) => path.relative(projectPath(), file);

/** The text outside fenced code blocks, where Markdown links and headings live. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const text = heading!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

describe('documentation', () => {
  it('covers the README, CONTRIBUTING.md and docs/', () => {
    const names = files.map(relative);
    expect(names).toContain('README.md');
    expect(names).toContain('CONTRIBUTING.md');
    expect(names).toContain(path.join('docs', 'configuration.md'));
  });

  it('keeps the README to a few screens', () => {
    expect(read(projectPath('README.md')).split('\n').length).toBeLessThanOrEqual(250);
  });

  it('has every relative link resolve to a file, and to a heading in it', () => {
    const anchors = new Map<string, Set<string>>();
    const anchorsIn = (file: string) => anchors.get(file) ?? anchors.set(file, anchorsOf(read(file))).get(file)!;
    const broken: string[] = [];
    for (const file of files) {
      for (const [, target] of prose(read(file)).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [pathPart, anchor] = target!.split('#') as [string, string | undefined];
        const resolved = pathPart ? path.resolve(path.dirname(file), decodeURIComponent(pathPart)) : file;
        if (!fs.existsSync(resolved)) {
          broken.push(`${relative(file)}: ${target} (no such file)`);
        } else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsIn(resolved).has(anchor)) {
          broken.push(`${relative(file)}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('names only repository paths that exist', () => {
    const topLevel = new Set(fs.readdirSync(projectPath()));
    // Made by running the hub or its commands, not committed.
    const made = /^(data|dist|reports|test-output|backups|node_modules)\//;
    const missing: string[] = [];
    for (const file of files) {
      for (const [, span] of read(file).matchAll(/`([\w.-]+\/[\w./-]*)`/g)) {
        const name = span!.replace(/\/$/, '');
        if (!topLevel.has(name.split('/')[0]!) || made.test(name)) continue;
        if (!fs.existsSync(projectPath(name))) missing.push(`${relative(file)}: ${span}`);
      }
    }
    expect(missing).toEqual([]);
  });

  const scripts = Object.keys((JSON.parse(read(projectPath('package.json'))) as { scripts: Record<string, string> }).scripts);
  const commandOf = (script: string) => (script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`);

  it('names only npm commands that package.json has', () => {
    const unknown: string[] = [];
    for (const file of files) {
      for (const [, script] of read(file).matchAll(/npm run(?: -s)? ([\w:-]+)/g)) {
        if (!scripts.includes(script!)) unknown.push(`${relative(file)}: npm run ${script}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('lists every package.json script in the commands table of CONTRIBUTING.md', () => {
    const contributing = read(projectPath('CONTRIBUTING.md'));
    const section = /^## Commands\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(contributing)?.[1] ?? '';
    const firstColumns = section
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .map((line) => line.split(' | ')[0]!)
      .join('\n');
    const listed = new Set([...firstColumns.matchAll(/`(npm (?:run [\w:-]+|start|test))\b/g)].map((match) => match[1]));
    expect(scripts.filter((script) => !listed.has(commandOf(script)))).toEqual([]);
  });

  it('lists every environment variable the code reads in docs/configuration.md', () => {
    const documented = new Set<string>();
    const table = read(projectPath('docs', 'configuration.md'))
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    for (const line of table) {
      const name = /^\| `([A-Z0-9_<>]+)`/.exec(line)?.[1];
      if (!name) continue;
      const prefixes = name.includes('<SUBGRAPH>')
        ? subgraphCatalog.map((entry) => envPrefix(entry.name))
        : name.includes('<SECTOR>')
          ? subgraphCatalog.filter((entry) => entry.role === 'sector').map((entry) => envPrefix(entry.name))
          : [''];
      for (const prefix of prefixes) documented.add(name.replace(/<SUBGRAPH>|<SECTOR>/, prefix));
    }

    // Every variable configuration reads, per-subgraph names included, as it reads them.
    const used = new Set<string>();
    readConfig(
      new Proxy(
        {},
        {
          get: (_, name) => {
            if (typeof name === 'string') used.add(name);
            return undefined;
          },
        },
      ),
    );
    // And every variable named in the code: read from process.env or an env argument, or one of ours by prefix.
    for (const folder of ['platform', 'gateway', 'subgraphs', 'scripts', 'dashboard', 'test']) {
      for (const name of fs.readdirSync(projectPath(folder), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ts|tsx|mjs|js)$/.test(name) || name.split(path.sep).includes('generated')) continue;
        const code = read(projectPath(folder, name));
        for (const match of code.matchAll(/\b(?:process\.)?env\.([A-Z][A-Z0-9_]*)\b(?!\s*=[^=])/g)) used.add(match[1]!);
        for (const match of code.matchAll(/\b(?:CRG|GATEWAY)_[A-Z0-9_]*[A-Z0-9]\b/g)) used.add(match[0]);
      }
    }
    expect([...used].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });
});
