import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { AuthorizationPolicy } from '../platform/auth/policy.ts';
import { isCacheableQuery } from './cacheableOperation.ts';

/*
 * Part of step 4 of the gateway's pipeline (see gateway/README.md): by GET the gateway answers
 * only what it could also answer from its cache, framework and aggregate reads. A GET puts the
 * whole operation and its variables in the URL, and URLs are written down by proxies, load
 * balancers and browser histories that keep no audit and honour no consent. A case id, the
 * purpose given for reading a case or an audit query must never be written there, so a query
 * that touches case-level data, the audit log or identifying details is refused by GET, before
 * authorization or any subgraph sees it, and the caller is told to send it by POST.
 */

/** Refuses, 405 with `Allow: POST`, a GET whose query reads anything beyond framework and aggregate data. */
export function postForPrivateReads<C extends BaseContext>(policy: () => AuthorizationPolicy): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, schema, document, operation }) {
          if (request.http?.method !== 'GET' || !operation || operation.operation !== OperationTypeNode.QUERY) return;
          if (isCacheableQuery(schema, policy(), document, 'query')) return;
          const refusal = new GraphQLError(
            'This query reads case-level data, the audit log or identifying details: send it by POST, so that ' +
              'nothing of it is written into URLs and the access logs that keep them (urql: preferGetMethod: false)',
            { extensions: { code: 'POST_REQUIRED' } },
          );
          // Apollo Server reads a HeaderMap here, as for its own refusal of a mutation by GET;
          // graphql-yoga's typings, loaded with Hive Gateway's, declare a plain object instead.
          Object.assign(refusal.extensions, { http: { status: 405, headers: new HeaderMap([['allow', 'POST']]) } });
          throw refusal;
        },
      };
    },
  };
}
