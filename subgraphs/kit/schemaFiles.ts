import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a file given relative to the project root. */
export function projectPath(...parts: string[]): string {
  return path.join(root, ...parts);
}

/** The SDL files a subgraph is built from, in order: shared types, the sector contract, its own. */
export function subgraphSchemaFiles(name: string, role: 'coordination' | 'sector'): string[] {
  return [
    projectPath('schema', 'shared.graphql'),
    ...(role === 'sector' ? [projectPath('schema', 'sector.graphql')] : []),
    projectPath('subgraphs', name, 'schema.graphql'),
  ];
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
