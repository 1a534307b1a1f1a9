import { SignJWT, jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import { isRole, scopesByRole } from './roles.ts';
import { UnauthenticatedError, type Identity } from './identity.ts';

/*
 * The gateway's word to a subgraph about who is calling. The gateway signs one per subgraph
 * call with its own private key (Ed25519); every subgraph holds only the public key. The token
 * is addressed to one subgraph (audience) and lives for seconds, so one taken from a log or a
 * proxy cannot be replayed against another subgraph or later.
 */

export const internalTokenHeader = 'x-crg-gateway-token';
const issuer = 'crg-gateway';
export const internalTokenAlgorithm = 'EdDSA';
const lifetimeSeconds = 30;

type Key = CryptoKey | KeyObject;

export async function signInternalToken(identity: Identity, subgraph: string, privateKey: Key): Promise<string> {
  return new SignJWT({ role: identity.role, sector: identity.sector })
    .setProtectedHeader({ alg: internalTokenAlgorithm, typ: 'crg-internal+jwt' })
    .setSubject(identity.subject)
    .setIssuer(issuer)
    .setAudience(subgraph)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(privateKey);
}

/**
 * Checks a token sent to `subgraph` and returns the identity it carries. Scopes are derived
 * from the role here too, so a token cannot claim scopes its role does not grant.
 */
export async function verifyInternalToken(token: string | undefined, subgraph: string, publicKey: Key): Promise<Identity> {
  if (!token) throw new UnauthenticatedError('This subgraph answers only the gateway: the request carries no gateway token');
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer,
      audience: subgraph,
      algorithms: [internalTokenAlgorithm],
      typ: 'crg-internal+jwt',
      requiredClaims: ['sub', 'exp', 'iat'],
      maxTokenAge: `${lifetimeSeconds + 5}s`,
    });
    if (!isRole(payload.role)) throw new Error(`unknown role ${JSON.stringify(payload.role)}`);
    const sector = typeof payload.sector === 'string' ? payload.sector : null;
    return { subject: payload.sub!, role: payload.role, sector, scopes: scopesByRole[payload.role] };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    throw new UnauthenticatedError(`This subgraph answers only the gateway: the gateway token is not valid (${(error as Error).message})`);
  }
}
