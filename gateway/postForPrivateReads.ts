import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Identity } from '../platform/auth/identity.ts';
import type { AuthorizationPolicy } from '../platform/auth/policy.ts';
import { caseLevelScopes } from '../platform/auth/roles.ts';
import { readsFrameworkAndAggregatesOnly } from './cacheableOperation.ts';

/*
 * By GET the gateway answers only framework and aggregate reads, and only to roles that can read
 * nothing else. A GET puts the whole operation and its variables in the URL, and URLs are written
 * down by proxies, load balancers and browser histories that keep no audit and honour no consent.
 * A case id, the purpose given for reading a case or an audit query must never be written there.
 *
 * Two rules, both refusing 405 with `Allow: POST` and the code POST_REQUIRED:
 * - a caller whose role reaches case-level data or the audit log (`caseLevelScopes`) is refused
 *   every GET, a harmless one too, from the context function (step 3, before parsing): a client
 *   left to send queries by GET fails on its first request, before it ever sends a case read
 *   (docs/adr/0021-get-for-aggregates-only.md);
 * - any other caller is refused a GET whose query names a field beyond framework and aggregate
 *   data (step 4, once the operation is resolved, before authorization or any subgraph sees it).
 */

const setting = '(urql: preferGetMethod: false)';

/** True when the caller's role reaches case-level data or the audit log: such a caller never sends a GET. */
export function sendsEveryRequestByPost(identity: Identity): boolean {
  return identity.scopes.some((scope) => caseLevelScopes.includes(scope));
}

/** Throws POST_REQUIRED for a GET from a caller whose role reaches case-level data or the audit log. */
export function refuseGetFromCaseLevelRoles(method: string | undefined, identity: Identity): void {
  if (method !== 'GET' || !sendsEveryRequestByPost(identity)) return;
  throw postRequired(
    `Your role reads case-level data or the audit log: send every request by POST, the harmless ones too, so that no ` +
      `case id, purpose or audit query is ever written into URLs and the access logs that keep them ${setting}`,
  );
}

/** Refuses a GET whose query names anything beyond framework and aggregate data. */
export function postForPrivateReads<C extends BaseContext>(policy: () => AuthorizationPolicy): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, schema, document, operation }) {
          if (request.http?.method !== 'GET' || !operation || operation.operation !== OperationTypeNode.QUERY) return;
          if (readsFrameworkAndAggregatesOnly(schema, policy(), document)) return;
          throw postRequired(
            'This query asks for data beyond framework and aggregates (case-level data, the audit log or identifying ' +
              'details, even under @include or @skip): send it by POST, so that nothing of it is written into URLs and ' +
              `the access logs that keep them ${setting}`,
          );
        },
      };
    },
  };
}

function postRequired(message: string): GraphQLError {
  const refusal = new GraphQLError(message, { extensions: { code: 'POST_REQUIRED' } });
  // Apollo Server reads a HeaderMap here, as for its own refusal of a mutation by GET;
  // graphql-yoga's typings, loaded with Hive Gateway's, declare a plain object instead.
  Object.assign(refusal.extensions, { http: { status: 405, headers: new HeaderMap([['allow', 'POST']]) } });
  return refusal;
}
