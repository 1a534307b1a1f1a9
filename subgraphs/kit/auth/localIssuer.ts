import { SignJWT, type JWK } from 'jose';
import { developmentIssuerAlgorithm, importKey } from './keys.ts';
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
