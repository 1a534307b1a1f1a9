/**
 * The peer gateway for `npm run bench`: Hive Gateway serving the same committed supergraph over
 * the same subgraphs. Our subgraphs answer only calls carrying a gateway-signed token addressed
 * to them, so this process signs one per subgraph with the development
 * gateway key (for the identity the bench names in x-bench-role and x-bench-sector) and renews
 * them before they expire. It does no caller authentication and no
 * authorization of its own: it is the baseline of a gateway doing nothing but federation.
 *
 * Environment: PEER_PORT, CRG_DATA_DIR (where the development keys are), <NAME>_URL per subgraph.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { subgraphCatalog } from '../../subgraphs/catalog.ts';
import { internalTokenAlgorithm, internalTokenHeader, signInternalToken } from '../../subgraphs/kit/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../subgraphs/kit/auth/keys.ts';
import { isRole, scopesByRole } from '../../subgraphs/kit/auth/roles.ts';
import { readConfig } from '../../subgraphs/kit/config.ts';
import { supergraphForPeer } from './peerSupergraph.ts';

const config = readConfig();
const keys = await loadOrCreateDevelopmentKeys(config.dataDir);
const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
// The bench says which identity each request stands for (x-bench-role, x-bench-sector), as our
// gateway would have learnt it from the caller's token.
const tokens = new Map<string, { token: string; at: number }>();
async function tokenFor(role: string, sector: string | null, subgraph: string): Promise<string> {
  const key = `${role}\n${sector}\n${subgraph}`;
  const cached = tokens.get(key);
  if (cached && Date.now() - cached.at < 15_000) return cached.token;
  if (!isRole(role)) throw new Error(`unknown role ${role}`);
  const identity = { subject: 'bench@peer-gateway', role, sector, scopes: scopesByRole[role] };
  const token = await signInternalToken(identity, subgraph, signingKey);
  tokens.set(key, { token, at: Date.now() });
  return token;
}

// The committed supergraph names the default ports; point it at the subgraphs actually running.
let supergraph = supergraphForPeer(readSupergraph());
for (const { name } of subgraphCatalog) {
  supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*`), `$1${config.subgraphUrls[name]}`);
}

const runtime = createGatewayRuntime({
  supergraph,
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request, subgraphName }) => ({
      [internalTokenHeader]: await tokenFor(
        request.headers.get('x-bench-role') ?? 'analyst',
        request.headers.get('x-bench-sector'),
        subgraphName.toLowerCase().replace(/_/g, '-'),
      ),
      // Hive merges identical subgraph calls in flight. A case-level read must reach its
      // subgraph every time, to be audited there, as ours does; a request id of its own per
      // request (ours sends one too) keeps such calls apart.
      ...(request.headers.has('x-bench-case-level') ? { 'x-request-id': randomUUID() } : {}),
    }),
  },
});
const port = Number(process.env.PEER_PORT ?? 0);
const server = http.createServer(runtime);
server.listen(port, '127.0.0.1', () => {
  const bound = (server.address() as { port: number }).port;
  process.send?.({ ready: 'peer', url: `http://127.0.0.1:${bound}/graphql` });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
