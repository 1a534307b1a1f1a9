/**
 * `npm run dashboard:build`: builds the dashboard's bundle into dist/dashboard/ if its sources
 * changed since the last build (it runs before `npm start`, so the first page opens at once).
 */
import { bundleDir, bundleIsFresh, ensureDashboardBuilt } from '../dashboard/build.ts';

const started = Date.now();
if (bundleIsFresh()) {
  console.log(`Dashboard bundle is up to date (${bundleDir}).`);
} else {
  await ensureDashboardBuilt();
  console.log(`Dashboard built in ${((Date.now() - started) / 1000).toFixed(1)} s (${bundleDir}).`);
}
