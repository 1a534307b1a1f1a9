/*
 * How the gateway asks a subgraph for its store's revision, the counter every acknowledged write
 * moves on (subgraphs/kit/revisions.ts): a GET on `revision` beside the subgraph's GraphQL path,
 * carrying the gateway's revision token (signRevisionToken), which no GraphQL endpoint accepts. The
 * answer is `{"revision": n, "epoch": "…"}`.
 *
 * With `?gateway=<id>&holds=<epoch:revision>` the request is a lease poll
 * (docs/adr/0023-revision-leases-for-cached-answers.md): the subgraph holds it until the revision
 * is not the one named, or for a while, and a subgraph that grants leases adds `leaseMs` to the
 * answer.
 */

/**
 * A revision as the gateway's cache keeps it and a lease poll names it (`epoch:revision`): two are
 * the same only if both their epoch and their count are.
 */
export const revisionText = (answer: RevisionAnswer): string => `${answer.epoch}:${answer.revision}`;

/** The path a subgraph serves its revision on. */
export const revisionPath = '/revision';

/** Where the subgraph serving GraphQL at `graphqlUrl` answers with its revision. */
export const revisionUrl = (graphqlUrl: string): string => new URL(revisionPath.slice(1), graphqlUrl).toString();

/** The query parameters of a lease poll. */
export const leasePollParameters = { gateway: 'gateway', holds: 'holds' } as const;

/** A gateway's id in a lease poll: random, URL-safe, one per gateway process. */
export const gatewayIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** What the revision route answers. */
export interface RevisionAnswer {
  revision: number;
  /** Changes whenever the count may start again (a restore, a restart): a revision means nothing in another epoch. */
  epoch: string;
  /**
   * Only in answer to a lease poll, from a subgraph that grants leases: for this long from sending
   * the poll, the gateway may trust this revision without asking again.
   */
  leaseMs?: number;
}
