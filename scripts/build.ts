/**
 * `npm run build`: what production runs, into dist/ (never committed): the server code compiled
 * to JavaScript in dist/server/ and the dashboard's bundle in dist/dashboard/. Start the compiled
 * services with `node dist/server/gateway/main.js` and `node dist/server/subgraphs/run.js <name>`.
 */
import { bundleDir, ensureDashboardBuilt } from '../dashboard/build.ts';
import { compileServer, compiledDir } from './compiledServer.ts';

const started = Date.now();
compileServer();
console.log(`Server code compiled in ${((Date.now() - started) / 1000).toFixed(1)} s (${compiledDir}).`);
await ensureDashboardBuilt();
console.log(`Dashboard bundle ready (${bundleDir}).`);
