import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

/**
 * The project root: the nearest folder above this file that holds package.json. The same from
 * the TypeScript sources (subgraphs/kit/) and from the compiled JavaScript (dist/server/subgraphs/kit/),
 * so the SDL files, the supergraph and the dashboard's bundle are found from either.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

const root = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Absolute path of a file given relative to the project root. */
export function projectPath(...parts: string[]): string {
  return path.join(root, ...parts);
}

/** The `.graphql` files in a folder whose names start with `prefix`, the main one first, the rest by name. */
function sdlFilesIn(folder: string, prefix: string): string[] {
  const first = prefix ? `${prefix}.graphql` : 'schema.graphql';
  if (!fs.existsSync(projectPath(folder))) return [];
  const names = fs
    .readdirSync(projectPath(folder))
    .filter((name) => name.endsWith('.graphql') && name.startsWith(prefix) && name !== 'supergraph.graphql')
    .sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
  return names.map((name) => projectPath(folder, name));
}

/** The shared SDL every subgraph is built from (`schema/shared*.graphql`), and for a sector `schema/sector*.graphql`. */
export function sharedSchemaFiles(role: 'coordination' | 'sector' | 'service'): string[] {
  return [...sdlFilesIn('schema', 'shared'), ...(role === 'sector' ? sdlFilesIn('schema', 'sector') : [])];
}

/**
 * The SDL files a subgraph is built from, in order: the shared value types
 * (`schema/shared*.graphql`), for a sector the shared types of the sector contract
 * (`schema/sector*.graphql`), then what `npm run codegen` rendered from the sector contract into
 * the subgraph's `generated/` folder, then every `.graphql` file in the subgraph's own folder,
 * `schema.graphql` first. A capability can so add its own SDL file beside the others instead of
 * growing one file without end.
 */
export function subgraphSchemaFiles(name: string, role: 'coordination' | 'sector' | 'service'): string[] {
  return [
    ...sharedSchemaFiles(role),
    ...sdlFilesIn(path.join('subgraphs', name, 'generated'), ''),
    ...sdlFilesIn(path.join('subgraphs', name), ''),
  ];
}

/** The SDL files' text, joined as readSdl joins it, unparsed: cheap to compare with text read before. */
export function joinedSdlText(files: string[]): string {
  return files.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}

/** Reads and joins the SDL files; parse errors name the file. */
export function readSdl(files: string[]): { sdl: string; document: DocumentNode } {
  const parts = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    try {
      parse(text); // alone first, so that a syntax error names its file
    } catch (error) {
      throw new Error(`${path.relative(root, file)}: ${String(error)}`);
    }
    return text;
  });
  const sdl = parts.join('\n');
  return { sdl, document: parse(sdl) };
}
