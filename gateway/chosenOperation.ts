import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/*
 * Part of step 4 of the gateway's pipeline (see gateway/README.md): the operation to run is the
 * one `operationName` names, or the document's only one. Apollo Server finds it, and refuses a
 * document without it when it executes a schema itself; in front of a gateway it leaves that to
 * the gateway's executor, which answered the caller's mistake as an internal error (500). Refused
 * here, before authorization and planning, it is the request error the spec says it is.
 */

/** Refuses, 400 OPERATION_RESOLUTION_FAILURE, a request whose document has no operation of the name given, or several and no name. */
export function chosenOperation<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `The document has no operation named "${request.operationName}"`
            : 'The document holds several operations: name the one to run in operationName';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
