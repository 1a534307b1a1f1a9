/**
 * The server code compiled to JavaScript, as production runs it: the gateway, the subgraphs, the
 * kit and the operators' scripts (tsconfig.build.json), into dist/server/ with the source tree's
 * layout. Development and the tests run the TypeScript sources through tsx instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { projectPath } from '../platform/schemaFiles.ts';

export const compiledDir = projectPath('dist', 'server');

/**
 * The compiled file of a source file, both named from the project root: `gateway/main.ts` →
 * `dist/server/gateway/main.js`. The image's commands (docker-compose, Kubernetes) are these.
 */
export function compiledFile(sourceFile: string): string {
  return `dist/server/${sourceFile.replace(/\.ts$/, '.js')}`;
}

/** The absolute path of a source file's compiled file. */
export function compiledPath(sourceFile: string): string {
  return projectPath(compiledFile(sourceFile));
}

/**
 * Compiles the server code afresh (the old output is removed first, so a deleted source leaves
 * no stale file behind). Throws with the compiler's messages when it fails.
 */
export function compileServer(): void {
  fs.rmSync(compiledDir, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', projectPath('tsconfig.build.json')], { cwd: projectPath(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${result.stdout}${result.stderr}`);
}
