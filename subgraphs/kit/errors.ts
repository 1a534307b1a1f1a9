import { GraphQLError } from 'graphql';

/** One problem with one field of an input, as reported to the caller. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/**
 * Input that cannot be stored. Raised before anything is written, so the caller can fix every
 * named field and send the whole input again.
 */
export class InvalidInputError extends GraphQLError {
  constructor(
    what: string,
    readonly problems: FieldProblem[],
  ) {
    super(`Invalid ${what}: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`, {
      extensions: { code: 'BAD_USER_INPUT', fields: problems },
    });
  }
}

/** A write that names something that does not exist. */
export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** A write that collides with what is stored: a duplicate id, or a stale version. */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

/**
 * The subgraph's store stopped taking work after a write failed at the disk: what it holds in
 * memory may differ from its files, so it answers nothing until the subgraph restarts and reads
 * them again. Not the caller's fault, and not a dead service: the code says which.
 */
export class StoreUnavailableError extends GraphQLError {
  constructor(
    readonly subgraph: string,
    readonly collection: string,
    readonly reason: string,
  ) {
    super(
      `The ${subgraph} subgraph's store failed to write to its ${collection} collection (${reason}) and accepts ` +
        `nothing further until the subgraph restarts and reloads its files. A write answered with this error may not ` +
        `have been saved: send it again once the subgraph is back.`,
      { extensions: { code: 'STORE_UNAVAILABLE', subgraph, collection } },
    );
  }
}
