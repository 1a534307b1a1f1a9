/*
 * How the gateway asks a subgraph for its store's revision, the counter every acknowledged write
 * moves on (subgraphs/kit/revisions.ts): a GET on `revision` beside the subgraph's GraphQL path,
 * carrying the gateway's revision token (signRevisionToken), which no GraphQL endpoint accepts. The answer is `{"revision": n, "epoch": "…"}`.
 */

/** The path a subgraph serves its revision on. */
export const revisionPath = '/revision';

/** Where the subgraph serving GraphQL at `graphqlUrl` answers with its revision. */
export const revisionUrl = (graphqlUrl: string): string => new URL(revisionPath.slice(1), graphqlUrl).toString();

/** What the revision route answers. */
export interface RevisionAnswer {
  revision: number;
  /** Changes whenever the count may start again (a restore, a restart): a revision means nothing in another epoch. */
  epoch: string;
}
