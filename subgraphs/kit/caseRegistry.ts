import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { Pool } from 'undici';
import { SpanKind } from '@opentelemetry/api';
import { caseAccessTokenHeader } from '../../platform/auth/internalToken.ts';
import { requestIdHeader } from '../../platform/requestId.ts';
import { inSpan, type Tracing } from '../../platform/tracing.ts';

/*
 * How a sector subgraph learns whether the caller may see a case now. The rule and the facts it
 * needs (who holds the case, its referrals, the survivor's current consent) live in the case
 * registry (coordination), so a sector asks it, for every case-level read or write, instead of
 * trusting anything the request says about itself: an entity representation carries no access
 * decision. It asks with the case-access token the gateway minted for this caller, which names
 * the caller's sector and is good for nothing else. One request per incoming request at most:
 * the case codes asked for in one tick go together.
 *
 * When the registry does not answer, nothing case-level is served: the error says so.
 */

export const caseAccessPath = '/case-access';

/** What a case-access route answers: the case codes, of those asked, the caller may see now. */
export interface CaseAccessAnswer {
  visible: string[];
}

export interface CaseRegistry {
  /** Whether the caller may see the case now. A case that does not exist is not visible. */
  visible(caseId: string): Promise<boolean>;
}

export class CaseRegistryUnavailableError extends GraphQLError {
  constructor(reason: string) {
    super(`The case registry (coordination) did not answer (${reason}), so no case-level data is served; try again shortly`, {
      extensions: { code: 'CASE_REGISTRY_UNAVAILABLE' },
    });
  }
}

const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 16, keepAliveTimeout: 30_000 });
    pools.set(origin, pool);
  }
  return pool;
}

async function ask(url: URL, token: string, caseIds: readonly string[], options: RegistryOptions): Promise<Set<string>> {
  const { timeoutMs = 5000, tracing, requestId } = options;
  const headers: Record<string, string> = { 'content-type': 'application/json', [caseAccessTokenHeader]: token };
  if (requestId) headers[requestIdHeader] = requestId;
  if (!tracing) return exchange(url, headers, caseIds, timeoutMs);
  const attributes = { 'http.request.method': 'POST', 'server.address': url.hostname, 'crg.case_count': caseIds.length };
  return inSpan(tracing, `POST ${caseAccessPath}`, { kind: SpanKind.CLIENT, attributes }, () => {
    tracing.inject(headers);
    return exchange(url, headers, caseIds, timeoutMs);
  });
}

async function exchange(url: URL, headers: Record<string, string>, caseIds: readonly string[], timeoutMs: number): Promise<Set<string>> {
  let response;
  try {
    response = await poolFor(url.origin).request({
      method: 'POST',
      path: url.pathname,
      headers,
      body: JSON.stringify({ caseIds }),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (error) {
    throw new CaseRegistryUnavailableError((error as Error).message);
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new CaseRegistryUnavailableError(`it answered HTTP ${response.statusCode}`);
  }
  const answer = (await response.body.json()) as CaseAccessAnswer;
  return new Set(answer.visible);
}

/**
 * The registry as one request sees it. `registryUrl` is coordination's GraphQL URL (its
 * case-access route sits beside it); `token` is the case-access token the gateway sent.
 */
/** How a request asks the registry: within how long, with its request id and, when tracing is on, its trace context. */
export interface RegistryOptions {
  timeoutMs?: number;
  requestId?: string;
  tracing?: Tracing;
}

export function caseRegistryFor(registryUrl: string | undefined, token: string | undefined, options: RegistryOptions = {}): CaseRegistry {
  const loader = new DataLoader<string, boolean>(async (caseIds) => {
    if (!registryUrl) throw new CaseRegistryUnavailableError('this subgraph was not told where it is');
    if (!token) throw new CaseRegistryUnavailableError('the request carries no case-access token from the gateway');
    const visible = await ask(new URL(caseAccessPath, registryUrl), token, caseIds, options);
    return caseIds.map((id) => visible.has(id));
  });
  return { visible: (caseId) => loader.load(caseId) };
}
