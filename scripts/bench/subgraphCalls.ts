/**
 * How many GraphQL calls the subgraphs have answered, read from their own metrics (each serves
 * `crg_http_requests_total` by route on /metrics, to callers on this machine in development mode):
 * the bench reads it before and after each run, outside the timing, so it learns how many
 * subgraph calls a gateway made per request without slowing a subgraph by a single call.
 */

/** The `/graphql` requests a subgraph's metrics page says it answered, whatever their status. */
export function graphqlCallsIn(metricsPage: string): number {
  let calls = 0;
  for (const [, labels, value] of metricsPage.matchAll(/^crg_http_requests_total\{([^}]*)\} (\S+)$/gm)) {
    if (/(?:^|,)route="\/graphql"/.test(labels!)) calls += Number(value);
  }
  return calls;
}

/** The GraphQL calls answered so far by all the subgraphs at `graphqlUrls` together (NaN if one has no metrics to give). */
export async function graphqlCallsAnswered(graphqlUrls: readonly string[]): Promise<number> {
  const counts = await Promise.all(
    graphqlUrls.map(async (url) => {
      const response = await fetch(new URL('/metrics', url));
      return response.ok ? graphqlCallsIn(await response.text()) : NaN;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
