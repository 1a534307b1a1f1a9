/**
 * The peer gateway for `npm run bench`: Hive Gateway serving the committed supergraph, unchanged,
 * over the same subgraphs (scripts/hiveGateway.ts), signing each subgraph call with the
 * development gateway key for the identity the bench names in x-bench-role and x-bench-sector. It
 * does no caller authentication and no authorization of its own: it is the baseline of a gateway
 * doing nothing but federation.
 *
 * Environment: PEER_PORT, CRG_DATA_DIR (where the development keys are), <NAME>_URL per subgraph.
 */
import { randomUUID } from 'node:crypto';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../platform/auth/keys.ts';
import { isRole, scopesByRole } from '../../platform/auth/roles.ts';
import { readConfig } from '../../platform/config.ts';
import { createHiveGateway, serveHiveGateway } from '../hiveGateway.ts';

const config = readConfig();
const keys = await loadOrCreateDevelopmentKeys(config.dataDir);

const runtime = createHiveGateway({
  supergraph: readSupergraph(),
  subgraphUrls: config.subgraphUrls,
  signingKey: await importKey(keys.gatewayPrivate, internalTokenAlgorithm),
  // The bench says which identity each request stands for, as our gateway would have learnt it
  // from the caller's token.
  identityOf(request) {
    const role = request.headers.get('x-bench-role') ?? 'analyst';
    if (!isRole(role)) throw new Error(`unknown role ${role}`);
    return { subject: 'bench@peer-gateway', role, sector: request.headers.get('x-bench-sector'), scopes: scopesByRole[role] };
  },
  // Hive merges identical subgraph calls in flight. A case-level read must reach its subgraph
  // every time, to be audited there, as ours does; a request id of its own per request (ours
  // sends one too) keeps such calls apart.
  propagateHeaders: ({ request }) => (request.headers.has('x-bench-case-level') ? { 'x-request-id': randomUUID() } : {}),
});
const server = await serveHiveGateway(runtime, Number(process.env.PEER_PORT ?? 0));
process.send?.({ ready: 'peer', url: server.url });
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
