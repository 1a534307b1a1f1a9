import { SignJWT, type JWK } from 'jose';
import type { HubConfig } from '../config.ts';
import { developmentIssuerAlgorithm, importKey, loadOrCreateDevelopmentKeys } from './keys.ts';
import type { Role } from './roles.ts';

/*
 * A token issuer for local use: `npm run token`, the development IDE and the tests mint caller
 * tokens with it. In production, tokens come from the ministries' own identity provider and
 * this issuer's keys are not trusted (the gateway then reads the provider's key set).
 */

export interface TokenRequest {
  role: Exclude<Role, 'anonymous'>;
  sector?: string | null;
  subject?: string;
  issuer: string;
  audience: string;
  /** Lifetime such as `1h` or `8h`. */
  expiresIn?: string;
}

export async function mintCallerToken(issuerPrivateKey: JWK, request: TokenRequest): Promise<string> {
  const key = await importKey(issuerPrivateKey, developmentIssuerAlgorithm);
  const claims: Record<string, unknown> = { role: request.role };
  if (request.sector) claims.sector = request.sector;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: issuerPrivateKey.alg ?? developmentIssuerAlgorithm, kid: issuerPrivateKey.kid, typ: 'JWT' })
    .setSubject(request.subject ?? `${request.role}${request.sector ? `.${request.sector}` : ''}@local`)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(key);
}

/** Where the local issuer is not trusted; the message says where tokens come from instead. */
export class LocalIssuerNotTrusted extends Error {}

/**
 * A token from the hub's local issuer, minted only where the gateway trusts it: development mode
 * with no other issuer configured. `npm run token`, `npm run report` and the gateway's IDE and
 * dashboard all mint through here, so the rule is written once.
 */
export async function mintLocalToken(
  config: Pick<HubConfig, 'mode' | 'auth' | 'dataDir'>,
  request: Omit<TokenRequest, 'issuer' | 'audience'>,
): Promise<string> {
  if (config.mode === 'production') {
    throw new LocalIssuerNotTrusted('In production mode tokens come from your identity provider: this local issuer is not trusted there.');
  }
  if (config.auth.jwksUrl || config.auth.jwksFile) {
    throw new LocalIssuerNotTrusted('The gateway is configured to trust another issuer (CRG_AUTH_JWKS_URL/FILE): get a token from it.');
  }
  const keys = await loadOrCreateDevelopmentKeys(config.dataDir);
  return mintCallerToken(keys.issuerPrivate, { ...request, issuer: config.auth.issuer, audience: config.auth.audience });
}
