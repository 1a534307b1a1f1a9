import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './logger.ts';
import type { ServiceMetrics } from './metrics.ts';

interface ObservedContext extends BaseContext {
  requestId: string;
}

/**
 * Times every GraphQL operation, counts the errors in its answer by code and sector, and writes
 * one log line per operation with the request id, so a slow or failing request can be followed
 * from the gateway into every subgraph it called.
 */
export function observeOperations<C extends ObservedContext>(metrics: ServiceMetrics, logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response, contextValue }) {
          const seconds = (performance.now() - started) / 1000;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const operation = metrics.operationLabel(operationName);
          metrics.operationDuration.observe({ operation, outcome: errors.length > 0 ? 'error' : 'ok' }, seconds);
          for (const error of errors) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
            const subgraph = typeof error.extensions?.subgraph === 'string' ? error.extensions.subgraph : '';
            metrics.graphqlErrors.inc({ code, subgraph });
          }
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              ms: Math.round(seconds * 10_000) / 10,
              errors: errors.length,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
