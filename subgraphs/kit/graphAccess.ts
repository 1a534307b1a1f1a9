/**
 * How a subgraph that asks the graph itself (the alerts service) reaches the gateway: where it
 * answers, and the caller token to send. Functions, so a test can start the subgraph before the
 * gateway it will ask, and a token that expires is fetched again for each request.
 */
export interface GraphAccess {
  url(): string;
  token(): Promise<string>;
}
