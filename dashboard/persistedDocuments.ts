/**
 * The dashboard's operations as a persisted query manifest, read from its sources at build time:
 * every exported `…Query` or `…Mutation` string of a `dashboard/src/views/*Data.ts` module. The
 * bundle sends these by id, and a gateway that requires registered documents of the dashboard
 * role runs these and no others (docs/security.md, "Trusted documents").
 */
import fs from 'node:fs';
import path from 'node:path';
import { manifestOf, type PersistedQueryManifest } from '../platform/persistedQueryManifest.ts';
import { projectPath } from '../platform/schemaFiles.ts';

const dashboardDir = projectPath('dashboard');
const viewsDir = path.join(dashboardDir, 'src', 'views');

/** The manifest's name in the bundle, as Apollo's tools name it. */
export const manifestFileName = 'persisted-query-manifest.json';

/** Whether an export of a view's data module is an operation the dashboard sends. */
const isOperationExport = (name: string, value: unknown): value is string => /(Query|Mutation)$/.test(name) && typeof value === 'string';

/** The manifest of the operations in the dashboard's sources as they are now. */
export async function dashboardManifest(): Promise<PersistedQueryManifest> {
  // Vite loads the modules as the bundle will (TypeScript, template literals evaluated), in
  // development and in the compiled server alike.
  const { runnerImport } = await import('vite');
  const files = fs
    .readdirSync(viewsDir)
    .filter((file) => file.endsWith('Data.ts'))
    .sort();
  const bodies: { body: string; where: string }[] = [];
  for (const file of files) {
    const { module } = await runnerImport<Record<string, unknown>>(path.join(viewsDir, file), {
      configFile: false,
      root: dashboardDir,
      logLevel: 'warn',
      envDir: false,
    });
    for (const [name, value] of Object.entries(module)) {
      if (isOperationExport(name, value)) bodies.push({ body: value, where: `${name} in dashboard/src/views/${file}` });
    }
  }
  return manifestOf(bodies);
}

/** What the bundle is given to send: each operation's id by its name. */
export const documentIdsByName = (manifest: PersistedQueryManifest): Record<string, string> =>
  Object.fromEntries(manifest.operations.map((operation) => [operation.name, operation.id]));
