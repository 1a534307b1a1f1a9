import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { Kind, print, visit, type DocumentNode } from 'graphql';
import { createHash } from 'node:crypto';

/**
 * A hash that names an operation's shape, the same whatever values it was sent with: every literal
 * (a case code, a name, a free-text purpose written into the query) is blanked before hashing, so
 * the hash cannot be matched against guessed values, as a hash of the text as sent could.
 */
export function operationShapeHash(document: DocumentNode): string {
  const blanked = visit(document, {
    StringValue: () => ({ kind: Kind.STRING, value: '' }),
    IntValue: () => ({ kind: Kind.INT, value: '0' }),
    FloatValue: () => ({ kind: Kind.FLOAT, value: '0' }),
    BooleanValue: () => ({ kind: Kind.BOOLEAN, value: false }),
    EnumValue: () => ({ kind: Kind.ENUM, value: '_' }),
    // An alias is the caller's own text.
    Field: (node) => (node.alias ? { ...node, alias: undefined } : undefined),
  });
  return createHash('sha256').update(print(blanked)).digest('hex');
}

/**
 * Names the GraphQL operation on the request's server span: its name, its type and the hash of
 * its shape (see operationShapeHash). Added only when tracing is on. The name leaves the service
 * only as the metrics' rule allows: the exporter rewrites it (operationNamingExporter.ts).
 */
export function traceOperations<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation, document }) {
          trace.getActiveSpan()?.setAttributes({
            ...(operation ? { 'graphql.operation.type': operation.operation } : {}),
            ...(operationName ? { 'graphql.operation.name': operationName } : {}),
            'graphql.document.hash': operationShapeHash(document),
          });
        },
      };
    },
  };
}
