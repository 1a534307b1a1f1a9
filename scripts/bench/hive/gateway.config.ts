/**
 * Hive Gateway's configuration for the benchmark's peers, in the form its documentation gives
 * (`defineConfig`, exported as `gatewayConfig`), loaded by its own command-line gateway:
 *
 *   hive-gateway supergraph schema/supergraph.graphql --config-path scripts/bench/hive/gateway.config.ts
 *                [--hive-router-runtime] --host 127.0.0.1 --port N
 *
 * What it sets is what a team putting Hive in front of these subgraphs would have to set, no more:
 * - `jwt`: each caller's token is verified by Hive (ES256, the issuer's public key, issuer and
 *   audience), as ours verifies it; a request without a valid token is refused. Its payload is not
 *   forwarded to the subgraphs (`forward.payload: false`; Hive's default is to copy every caller's
 *   claims into each subgraph call's `extensions`): our subgraphs learn who calls from the signed
 *   token below and read nothing else, and a ministry is told no more of a caller than that token
 *   says. Forwarded, the claims (each token's own id and time) would also make every call's body
 *   unique, so Hive's merging of identical calls in flight, on by default, would never merge any.
 * - a plugin (`onFetch`) that signs each subgraph call for the verified caller with the gateway
 *   key, bound to the call's body, and sends it to the subgraph's real URL (scripts/hiveGateway.ts):
 *   our subgraphs answer nothing else.
 * - `propagateHeaders`: Hive merges subgraph calls in flight whose URL, body and passed-on headers
 *   are the same (@graphql-tools/executor-http, `deduplicateInflightRequests`), before the plugin
 *   above signs them. Two headers decide what it may merge, so that it merges what ours merges and
 *   nothing more (gateway/subgraphDataSource.ts):
 *   - `x-crg-merge-scope`, the verified caller's role and sector: an answer is shared only among
 *     callers who may see the same one, never a sector officer's with an analyst's;
 *   - the caller's `x-request-id`: a case-level read must reach its subgraph every time, to be
 *     audited there, and the bench sends each such request with its own id, which keeps them apart.
 * - with PEER_RESPONSE_CACHE_TTL_MS, `responseCaching`: answers kept that long per role and sector
 *   of the verified caller, never for a field that needs more than the aggregate scopes (case-level
 *   data, contacts, the audit log), as ours keeps them.
 * Everything else is Hive's default.
 *
 * Environment: CRG_DATA_DIR (the development keys), <NAME>_URL per subgraph, CRG_AUTH_ISSUER and
 * CRG_AUTH_AUDIENCE (defaults: the development issuer's), PEER_RESPONSE_CACHE_TTL_MS (unset: no cache).
 */
import { createInlineSigningKeyProvider, defineConfig, extractFromHeader } from '@graphql-hive/gateway';
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import { isRole, scopesByRole } from '../../../platform/auth/roles.ts';
import { internalTokenAlgorithm } from '../../../platform/auth/internalToken.ts';
import { developmentIssuerAlgorithm, importKey, loadOrCreateDevelopmentKeys } from '../../../platform/auth/keys.ts';
import { envPrefix, subgraphCatalog } from '../../../platform/catalog.ts';
import { developmentAudience, developmentIssuer } from '../../../platform/config.ts';
import type { Identity } from '../../../platform/auth/identity.ts';
import { subgraphSigning } from '../../hiveGateway.ts';
import { uncacheableCoordinates } from './uncacheable.ts';
import { supergraphPath } from '../../../gateway/supergraph.ts';

const dataDir = process.env.CRG_DATA_DIR;
if (!dataDir) throw new Error('CRG_DATA_DIR must name the folder holding the development keys');
const keys = await loadOrCreateDevelopmentKeys(dataDir);
const issuerKey = keys.issuerJwks.keys[0];
if (!issuerKey) throw new Error(`${dataDir}: the development keys hold no issuer key`);
const supergraph = fs.readFileSync(supergraphPath, 'utf8');
const subgraphUrls = Object.fromEntries(
  subgraphCatalog.map(({ name }) => {
    const url = process.env[`${envPrefix(name)}_URL`];
    if (!url) throw new Error(`${envPrefix(name)}_URL must say where the ${name} subgraph answers`);
    return [name, url];
  }),
);
/** Passed on to every subgraph call so that Hive merges only calls of callers of one role and sector (see above). */
const mergeScopeHeader = 'x-crg-merge-scope';
const cacheTtlMs = Number(process.env.PEER_RESPONSE_CACHE_TTL_MS ?? 0);
const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);

interface CallerClaims {
  sub?: string;
  role?: unknown;
  sector?: unknown;
}

/** The claims of the caller's token, as Hive's JWT support verified it and put it in the context. */
const claimsOf = (context: unknown) => (context as { jwt?: { payload?: CallerClaims } }).jwt?.payload;

/** The caller Hive verified, as the identity the subgraphs are told of. */
function identityOf(context: Record<string, unknown>): Identity {
  const claims = claimsOf(context);
  if (!claims?.sub || !isRole(claims.role)) throw new Error('the caller token names no subject or no known role');
  const sector = typeof claims.sector === 'string' ? claims.sector : null;
  return { subject: claims.sub, role: claims.role, sector, scopes: scopesByRole[claims.role] };
}

export const gatewayConfig = defineConfig({
  jwt: {
    signingKeyProviders: [
      createInlineSigningKeyProvider(createPublicKey({ key: issuerKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString()),
    ],
    tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
    tokenVerification: {
      algorithms: [developmentIssuerAlgorithm],
      issuer: process.env.CRG_AUTH_ISSUER ?? developmentIssuer,
      audience: process.env.CRG_AUTH_AUDIENCE ?? developmentAudience,
    },
    reject: { missingToken: true, invalidToken: true },
    forward: { payload: false },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, context }) => {
      const claims = claimsOf(context);
      const id = request.headers.get('x-request-id');
      return {
        [mergeScopeHeader]: `${String(claims?.role)}/${typeof claims?.sector === 'string' ? claims.sector : ''}`,
        ...(id ? { 'x-request-id': id } : {}),
      };
    },
  },
  responseCaching:
    cacheTtlMs > 0
      ? {
          ttl: cacheTtlMs,
          session: (_request, context) => {
            const claims = claimsOf(context);
            const sector = typeof claims?.sector === 'string' ? claims.sector : '';
            return `${String(claims?.role)}\n${sector}`;
          },
          ttlPerSchemaCoordinate: Object.fromEntries(uncacheableCoordinates(supergraph).map((coordinate) => [coordinate, 0])),
        }
      : undefined,
  plugins: () => [subgraphSigning({ supergraph, subgraphUrls, signingKey, identityOf })],
});
