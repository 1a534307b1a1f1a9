import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { developmentAudience, developmentIssuer } from '../../platform/config.ts';

/**
 * Caller tokens for the bench: every request carries a token of its own, minted before the run,
 * so a gateway that remembers verified tokens (ours does, for a minute) gains nothing from it and
 * each one verifies a signature per request, as public federation gateway benchmarks have it.
 * Subjects are drawn at random from a population of users of the role (`populations`), as many
 * people of one ministry use the same dashboards; each token is new all the same (its own `jti`).
 *
 * The tokens are the local issuer's (platform/auth/localIssuer.ts: ES256, the same claims), signed
 * here with node:crypto directly, several times faster than through jose, so hundreds of thousands
 * are ready in seconds. Every gateway is checked to accept them before anything is timed.
 */

export interface Caller {
  role: 'analyst' | 'sector-officer';
  sector: string | null;
}

/** How many different people of each kind send the bench's requests. */
export const populations: Record<Caller['role'], number> = {
  /** The lead ministry's analysts and committee secretaries. */
  analyst: 200,
  /** One sector's case officers across the country's districts. */
  'sector-officer': 500,
};

export const callerKey = (caller: Caller) => `${caller.role}\n${caller.sector ?? ''}`;

export interface IssuerSettings {
  privateJwk: JWK;
  issuer: string;
  audience: string;
  /** How long the tokens are valid: longer than the whole run. */
  lifetimeSeconds: number;
}

/** Mints `count` tokens for `caller`, each for a subject drawn at random from its population. */
export function mintTokens(settings: IssuerSettings, key: KeyObject, caller: Caller, count: number): string[] {
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: settings.privateJwk.kid, typ: 'JWT' })).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const person = Math.floor(Math.random() * populations[caller.role]);
    const claims = {
      role: caller.role,
      ...(caller.sector ? { sector: caller.sector } : {}),
      sub: `${caller.role}.${String(person).padStart(4, '0')}${caller.sector ? `.${caller.sector}` : ''}@bench`,
      iss: settings.issuer,
      aud: settings.audience,
      iat: now,
      nbf: now,
      exp: now + settings.lifetimeSeconds,
      jti: randomUUID(),
    };
    const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    tokens.push(`${signingInput}.${signature}`);
  }
  return tokens;
}

/**
 * One pool of tokens per kind of caller, read by each gateway from its own start: a gateway never
 * sees a token twice, and the tokens one gateway saw are the ones the next sees, so the pool is
 * only as large as the most any one gateway is sent. `take` mints what a run is expected to need
 * before it starts, with a margin; a run that needs more still gets a new token for every request,
 * minted on demand (counted in `mintedDuringRuns`, whose cost then falls inside the run). No
 * token is ever sent twice to one gateway: `reused` stays 0, and the report says so from the count.
 */
export class TokenPool {
  private readonly key: KeyObject;
  private readonly tokens = new Map<string, string[]>();
  private readonly used = new Map<string, number>();
  /** Requests that carried a token their gateway had seen before: none, by construction; counted to be reported. */
  reused = 0;
  /** Tokens minted while a run was sending, because it outran what was minted before it. */
  mintedDuringRuns = 0;
  /** CPU time spent minting, in ms (process.cpuUsage), and how many were minted in it. */
  mintCpuMs = 0;

  constructor(private readonly settings: IssuerSettings) {
    this.key = createPrivateKey({ key: settings.privateJwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  }

  /** A pool of the development issuer's tokens (the hub's local keys), each valid for four hours: longer than any run. */
  static ofDevelopmentIssuer(issuerPrivate: JWK): TokenPool {
    return new TokenPool({
      privateJwk: issuerPrivate,
      issuer: developmentIssuer,
      audience: developmentAudience,
      lifetimeSeconds: 4 * 3600,
    });
  }

  /** How many tokens are minted, in all. */
  get size(): number {
    return [...this.tokens.values()].reduce((sum, list) => sum + list.length, 0);
  }

  /** CPU ms per token minted (NaN before any). */
  get mintCpuMsPerToken(): number {
    return this.size ? this.mintCpuMs / this.size : NaN;
  }

  private mint(caller: Caller, list: string[], count: number): void {
    const before = process.cpuUsage();
    list.push(...mintTokens(this.settings, this.key, caller, count));
    const spent = process.cpuUsage(before);
    this.mintCpuMs += (spent.user + spent.system) / 1000;
  }

  /**
   * The tokens for one run by `caller` to `gateway`, about `expected` requests (minted now, plus a
   * quarter and 1,000 more): `next()` gives a token that gateway has not seen for each request;
   * `done()` marks those given as used by that gateway.
   */
  take(gateway: string, caller: Caller, expected: number): { next: () => string; done: () => void } {
    const kind = callerKey(caller);
    const cursorKey = `${gateway}\n${kind}`;
    const start = this.used.get(cursorKey) ?? 0;
    const list = this.tokens.get(kind) ?? [];
    this.tokens.set(kind, list);
    const wanted = start + Math.ceil(expected * 1.25) + 1000;
    if (list.length < wanted) this.mint(caller, list, wanted - list.length);
    let given = 0;
    return {
      next: () => {
        const index = start + given++;
        if (index >= list.length) {
          // Outran the margin: mint a small batch now (a few ms) rather than send a token twice.
          const batch = 100;
          this.mint(caller, list, batch);
          this.mintedDuringRuns += batch;
        }
        if (index >= list.length) this.reused++;
        return list[index % list.length]!;
      },
      done: () => this.used.set(cursorKey, start + given),
    };
  }
}
