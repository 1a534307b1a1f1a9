import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { OperationNamer } from './operationNames.ts';

/**
 * The attributes in which a span names a GraphQL operation: ours on the server spans
 * (traceOperations.ts) and the Apollo gateway's on its request and plan spans, which it fills
 * with the name as the caller wrote it.
 */
const operationNameAttributes = ['graphql.operation.name', 'operationName'] as const;

/**
 * An exporter that hands spans on with every operation name passed through `name` (the metrics'
 * rule, operationNames.ts), so no span leaves the service with a name that rule refuses, whoever
 * set it. A subgraph sees the gateway's name for its part of the plan (`<name>__<subgraph>__<n>`),
 * which goes through the same rule.
 */
export function operationNamingExporter(inner: SpanExporter, name: OperationNamer): SpanExporter {
  const bounded = (span: ReadableSpan): ReadableSpan => {
    let attributes: ReadableSpan['attributes'] | undefined;
    for (const key of operationNameAttributes) {
      const value = span.attributes[key];
      if (value === undefined) continue;
      const recorded = name(typeof value === 'string' ? value : undefined);
      if (recorded !== value) attributes = { ...(attributes ?? span.attributes), [key]: recorded };
    }
    // The span as it was, but for its attributes: its methods and other fields come from it.
    return attributes ? (Object.create(span, { attributes: { value: attributes } }) as ReadableSpan) : span;
  };
  return {
    export: (spans, done: (result: ExportResult) => void) => inner.export(spans.map(bounded), done),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
