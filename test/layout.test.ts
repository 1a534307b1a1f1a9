import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { subgraphCatalog } from '../platform/catalog.ts';

// The folders say who owns what, and the imports must agree: the gateway and the subgraphs meet
// only in platform/, and a ministry's folder is its own.
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => path.join(folder, file));
}

/** Every relative import of a file, as a path from the root of the repository. */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(path.join(root, file), 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
    path.normalize(path.join(path.dirname(file), match[1]!)),
  );
}

function crossings(folder: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${file} imports ${target}`),
  );
}

describe('the layout', () => {
  it('keeps the gateway out of subgraphs/', () => {
    expect(crossings('gateway', (target) => target.startsWith('subgraphs/'))).toEqual([]);
  });

  it('keeps platform/ free of both sides', () => {
    expect(crossings('platform', (target) => /^(gateway|subgraphs)\//.test(target))).toEqual([]);
  });

  it('keeps every subgraph folder out of every other subgraph folder', () => {
    const names = subgraphCatalog.map((entry) => entry.name);
    expect(names.length).toBeGreaterThan(1);
    const found = names.flatMap((name) =>
      crossings(`subgraphs/${name}`, (target) => names.some((other) => other !== name && target.startsWith(`subgraphs/${other}/`))),
    );
    expect(found).toEqual([]);
  });

  it('sees the imports it checks', () => {
    // A regular expression that stopped matching would make every check above pass vacuously.
    expect(importsOf('gateway/main.ts').some((target) => target.startsWith('platform/'))).toBe(true);
  });
});
