/**
 * Identical subgraph calls in flight at the same moment share one answer: when twenty dashboards
 * refresh the same status at once, each subgraph is asked once. Only calls the caller marks as
 * shareable go through here (aggregate-only queries, keyed by who may see the answer), so a
 * case-level read is always its own call and its own audit entry.
 */
export class SharedFetches<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, fetch: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = fetch().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
