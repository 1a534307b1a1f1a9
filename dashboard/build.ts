/**
 * Builds the dashboard's bundle with Vite when it is missing or older than its sources, so a
 * fresh clone serves it from `npm start` and the tests without a separate step, and nothing
 * built is committed. A build is skipped when the sources' fingerprint matches the one stamped
 * into the bundle, which makes the check cheap on every start.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../platform/schemaFiles.ts';
import { dashboardManifest, documentIdsByName, manifestFileName } from './persistedDocuments.ts';

/** The dashboard's sources; absent from the production image, which carries only the built bundle. */
const dashboardDir = projectPath('dashboard');
const sourcesDir = path.join(dashboardDir, 'src');

/** Where the built bundle is served from; `dist/` is never committed. */
export const bundleDir = projectPath('dist', 'dashboard');
const stampFile = 'build-stamp.json';

/** The dashboard's operations, built with the bundle from the same sources (dashboard/persistedDocuments.ts). */
export const bundleManifestFile = path.join(bundleDir, manifestFileName);

/** The bundle's files: fixed names, so the gateway can list its routes without reading a manifest. */
export const bundleFiles = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
} as const;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return /\.test\.tsx?$/.test(entry.name) ? [] : [full];
    })
    .sort();
}

/** A fingerprint of everything that goes into the bundle: sources, page, this script and the lock file. */
export function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...sourceFiles(sourcesDir),
    path.join(dashboardDir, 'index.html'),
    // This script's source and the manifest's, also when the compiled copies in dist/server/ run.
    path.join(dashboardDir, 'build.ts'),
    path.join(dashboardDir, 'persistedDocuments.ts'),
    projectPath('platform', 'persistedQueryManifest.ts'),
    projectPath('package-lock.json'),
  ];
  for (const file of inputs) {
    hash.update(path.relative(projectPath(), file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

function builtFingerprint(): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(bundleDir, stampFile), 'utf8')) as { sources: string }).sources;
  } catch {
    return undefined;
  }
}

/** The bundle is complete and, where the sources are at hand, built from them as they are now. */
export function bundleIsFresh(): boolean {
  const complete = [...Object.keys(bundleFiles), manifestFileName].every((f) => fs.existsSync(path.join(bundleDir, f)));
  if (!fs.existsSync(sourcesDir)) return complete;
  return complete && builtFingerprint() === sourceFingerprint();
}

async function runVite(outDir: string, documentIds: Record<string, string>): Promise<void> {
  // Imported here so that serving an up-to-date bundle never loads the build tool.
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: dashboardDir,
    base: '/dashboard/',
    logLevel: 'warn',
    // Keeps Vite from reading the project's PostCSS or env files: the bundle depends on its sources only.
    css: { postcss: {} },
    envDir: false,
    publicDir: false,
    // The ids the dashboard sends in place of its operations' text (api/graphql.ts).
    define: { __DASHBOARD_DOCUMENT_IDS__: JSON.stringify(documentIds) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // One script and one stylesheet with fixed names: the gateway serves exactly these files.
      cssCodeSplit: false,
      modulePreload: { polyfill: false },
      assetsInlineLimit: 100_000,
      reportCompressedSize: false,
      rolldownOptions: {
        output: { entryFileNames: 'app.js', assetFileNames: 'app[extname]', codeSplitting: false },
      },
    },
  });
}

let building: Promise<void> | undefined;

/**
 * Builds the bundle unless it is fresh. Concurrent callers in one process share one build; other
 * processes (parallel test files) build into their own folder and swap it in whole, so a reader
 * never sees half a bundle.
 */
export function ensureDashboardBuilt(): Promise<void> {
  if (bundleIsFresh()) return Promise.resolve();
  if (!fs.existsSync(sourcesDir)) return Promise.reject(new Error(`no bundle in ${bundleDir} and no sources to build it from`));
  building ??= (async () => {
    const sources = sourceFingerprint();
    const staging = `${bundleDir}.building-${process.pid}`;
    const manifest = await dashboardManifest();
    await runVite(staging, documentIdsByName(manifest));
    fs.writeFileSync(path.join(staging, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(staging, stampFile), JSON.stringify({ sources, builtAt: new Date().toISOString() }));
    const retired = `${bundleDir}.old-${process.pid}`;
    if (fs.existsSync(bundleDir)) fs.renameSync(bundleDir, retired);
    try {
      fs.renameSync(staging, bundleDir);
    } catch {
      // Another process swapped in its own build of the same sources first: ours is not needed.
      fs.rmSync(staging, { recursive: true, force: true });
    }
    fs.rmSync(retired, { recursive: true, force: true });
  })().finally(() => {
    building = undefined;
  });
  return building;
}
