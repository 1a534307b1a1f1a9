/**
 * The peer gateway for `npm run bench`: Hive Gateway serving the same committed supergraph over
 * the same subgraphs. Our subgraphs answer only calls carrying a gateway-signed token addressed
 * to them, so this process signs one per subgraph for a fixed analyst with the development
 * gateway key and renews them before they expire. It does no caller authentication and no
 * authorization of its own: it is the baseline of a gateway doing nothing but federation.
 *
 * Environment: PEER_PORT, CRG_DATA_DIR (where the development keys are), <NAME>_URL per subgraph.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from 'node:http';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { subgraphCatalog } from '../../subgraphs/catalog.ts';
import { internalTokenAlgorithm, internalTokenHeader, signInternalToken } from '../../subgraphs/kit/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../subgraphs/kit/auth/keys.ts';
import { scopesByRole } from '../../subgraphs/kit/auth/roles.ts';
import { readConfig } from '../../subgraphs/kit/config.ts';

const config = readConfig();
const keys = await loadOrCreateDevelopmentKeys(config.dataDir);
const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
const identity = { subject: 'bench@peer-gateway', role: 'analyst' as const, sector: null, scopes: scopesByRole.analyst };

const tokens = new Map<string, string>();
async function renewTokens() {
  for (const { name } of subgraphCatalog) tokens.set(name, await signInternalToken(identity, name, signingKey));
}
await renewTokens();
setInterval(() => void renewTokens(), 15_000).unref();

// The committed supergraph names the default ports; point it at the subgraphs actually running.
let supergraph = readSupergraph();
for (const { name } of subgraphCatalog) {
  supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*`), `$1${config.subgraphUrls[name]}`);
}

const runtime = createGatewayRuntime({
  supergraph,
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs: ({ subgraphName }) => ({ [internalTokenHeader]: tokens.get(subgraphName.toLowerCase().replace(/_/g, '-')) }),
  },
});
const port = Number(process.env.PEER_PORT ?? 0);
const server = http.createServer(runtime);
server.listen(port, '127.0.0.1', () => {
  const bound = (server.address() as { port: number }).port;
  process.send?.({ ready: 'peer', url: `http://127.0.0.1:${bound}/graphql` });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
