/**
 * `npm run dashboard:build`: builds the dashboard's bundle into dist/dashboard/ if its sources
 * changed since the last build (it runs before `npm start`, so the first page opens at once).
 */
import { bundleDir, bundleIsFresh, ensureDashboardBuilt } from '../dashboard/build.ts';
import { progress } from './progress.ts';

const started = Date.now();
if (bundleIsFresh()) {
  console.log(`Dashboard bundle is up to date (${bundleDir}).`);
} else {
  progress('dashboard:build')("building the dashboard's bundle with Vite: its sources changed since the last build");
  await ensureDashboardBuilt();
  console.log(`Dashboard built in ${((Date.now() - started) / 1000).toFixed(1)} s (${bundleDir}).`);
}
