/**
 * `npm run build`: what production runs, into dist/ (never committed): the server code compiled
 * to JavaScript in dist/server/ and the dashboard's bundle in dist/dashboard/. Start the compiled
 * services with `node dist/server/gateway/main.js` and `node dist/server/subgraphs/run.js <name>`.
 */
import { bundleDir, bundleIsFresh, ensureDashboardBuilt } from '../dashboard/build.ts';
import { compileServer, compiledDir } from './compiledServer.ts';
import { nOf, progress } from './progress.ts';

const say = progress('build');
const started = Date.now();
say(`compiling the server code with tsc (${nOf(1, 2)}), most of a minute`);
compileServer();
console.log(`Server code compiled in ${((Date.now() - started) / 1000).toFixed(1)} s (${compiledDir}).`);
say(bundleIsFresh() ? `the dashboard's bundle is up to date (${nOf(2, 2)})` : `building the dashboard's bundle with Vite (${nOf(2, 2)})`);
await ensureDashboardBuilt();
console.log(`Dashboard bundle ready (${bundleDir}).`);
