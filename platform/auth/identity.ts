import { GraphQLError } from 'graphql';
import type { Role, Scope } from './roles.ts';

/**
 * Who is calling, as the gateway verified it. Subgraphs receive it in the internal token the
 * gateway signs; they never see the caller's own token.
 */
export interface Identity {
  /** The caller's subject (a user or service id), recorded in audit entries. */
  subject: string;
  role: Role;
  /** The sector a sector-bound role acts for, e.g. `health`. */
  sector: string | null;
  scopes: readonly Scope[];
}

export const anonymousIdentity: Identity = Object.freeze({ subject: 'anonymous', role: 'anonymous', sector: null, scopes: [] });

/** The caller presented no valid token. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication required: present a valid bearer token') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** The caller is known but may not do this; the message says what was missing. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'FORBIDDEN', ...extra } });
  }
}

export function hasScope(identity: Identity, scope: Scope): boolean {
  return identity.scopes.includes(scope);
}

/** Throws unless the caller holds every scope named. */
export function requireScopes(identity: Identity, ...needed: Scope[]): void {
  if (identity.role === 'anonymous') throw new UnauthenticatedError();
  const missing = needed.filter((scope) => !hasScope(identity, scope));
  if (missing.length > 0) {
    throw new ForbiddenError(
      `This needs the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the ${identity.role} role does not have`,
      {
        missingScopes: missing,
      },
    );
  }
}

/**
 * Throws unless the caller holds the scopes and acts for `sectorId`: the rule "only this
 * sector's records", which only the subgraph that owns the records can enforce.
 */
export function requireOwnSector(identity: Identity, sectorId: string, ...needed: Scope[]): void {
  requireScopes(identity, ...needed);
  if (identity.sector !== sectorId) {
    throw new ForbiddenError(
      `Only the ${sectorId} sector may do this; the caller acts for ${identity.sector ? `the ${identity.sector} sector` : 'no sector'}`,
      { sector: sectorId },
    );
  }
}
