/**
 * The peer gateway for `npm run bench`: Hive Gateway serving the same committed supergraph over
 * the same subgraphs. Our subgraphs answer only calls carrying a gateway-signed token addressed
 * to them and bound to the request body, so this process signs one per subgraph call with the
 * development gateway key (for the identity the bench names in x-bench-role and x-bench-sector),
 * as ours does, and adds the case-access token a sector needs. It does no caller authentication
 * and no authorization of its own: it is the baseline of a gateway doing nothing but federation.
 *
 * Environment: PEER_PORT, CRG_DATA_DIR (where the development keys are), <NAME>_URL per subgraph.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../platform/auth/keys.ts';
import { isRole, scopesByRole } from '../../platform/auth/roles.ts';
import { readConfig } from '../../platform/config.ts';
import { supergraphForPeer } from './peerSupergraph.ts';

const config = readConfig();
const keys = await loadOrCreateDevelopmentKeys(config.dataDir);
const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
// The bench says which identity each request stands for (x-bench-role, x-bench-sector), as our
// gateway would have learnt it from the caller's token.
function identityOf(headers: Headers) {
  const role = headers.get('x-bench-role') ?? 'analyst';
  if (!isRole(role)) throw new Error(`unknown role ${role}`);
  return { subject: 'bench@peer-gateway', role, sector: headers.get('x-bench-sector'), scopes: scopesByRole[role] };
}
const subgraphByUrl = new Map(subgraphCatalog.map(({ name }) => [config.subgraphUrls[name]!, name]));

// The committed supergraph names the default ports; point it at the subgraphs actually running.
let supergraph = supergraphForPeer(readSupergraph());
for (const { name } of subgraphCatalog) {
  supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*`), `$1${config.subgraphUrls[name]}`);
}

const runtime = createGatewayRuntime({
  supergraph,
  logging: 'error',
  propagateHeaders: {
    // Hive merges identical subgraph calls in flight. A case-level read must reach its subgraph
    // every time, to be audited there, as ours does; a request id of its own per request (ours
    // sends one too) keeps such calls apart.
    fromClientToSubgraphs: ({ request }) => (request.headers.has('x-bench-case-level') ? { 'x-request-id': randomUUID() } : {}),
  },
  plugins: () => [
    {
      async onFetch({ url, options, setOptions, context }) {
        const request = (context as { request: Request }).request;
        const subgraph = subgraphByUrl.get(url);
        if (!subgraph) throw new Error(`the peer called ${url}, which is no subgraph of the hub`);
        if (typeof options.body !== 'string') throw new Error(`the peer's call to ${subgraph} has no text body to sign`);
        const identity = identityOf(request.headers);
        const signed = await gatewayCallHeaders(identity, subgraph, signingKey, options.body);
        setOptions({ ...options, headers: { ...Object.fromEntries(new Headers(options.headers as HeadersInit)), ...signed } });
      },
    },
  ],
});
const port = Number(process.env.PEER_PORT ?? 0);
// The runtime answers its own failures (as a 500), so nothing waits on the promise it returns.
const server = http.createServer((req, res) => void runtime(req, res));
server.listen(port, '127.0.0.1', () => {
  const bound = (server.address() as { port: number }).port;
  process.send?.({ ready: 'peer', url: `http://127.0.0.1:${bound}/graphql` });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
