import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';

/*
 * Keys come from configuration (files holding JWKs). In development mode, when none are
 * configured, the hub makes its own under <data dir>/keys on first start and says so loudly:
 * a local token issuer (for `npm run token`) and the gateway's signing key.
 */

export type Key = CryptoKey | KeyObject;

export interface DevelopmentKeys {
  /** Private JWK of the local token issuer; `npm run token` signs with it. */
  issuerPrivate: JWK;
  /** The issuer's public key set, which the gateway trusts in development. */
  issuerJwks: { keys: JWK[] };
  /** Private JWK the gateway signs internal tokens with. */
  gatewayPrivate: JWK;
  /** Public JWK every subgraph verifies them with. */
  gatewayPublic: JWK;
}

export const developmentIssuerAlgorithm = 'ES256';

async function keyPair(alg: string, kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
  const privateJwk = { ...(await exportJWK(privateKey)), alg, kid, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), alg, kid, use: 'sig' };
  return { privateJwk, publicJwk };
}

/** Fresh keys in memory (tests use these). */
export async function generateDevelopmentKeys(): Promise<DevelopmentKeys> {
  const issuer = await keyPair(developmentIssuerAlgorithm, `local-issuer-${Date.now().toString(36)}`);
  const gateway = await keyPair('EdDSA', `gateway-${Date.now().toString(36)}`);
  return {
    issuerPrivate: issuer.privateJwk,
    issuerJwks: { keys: [issuer.publicJwk] },
    gatewayPrivate: gateway.privateJwk,
    gatewayPublic: gateway.publicJwk,
  };
}

const keyFile = (dataDir: string) => path.join(dataDir, 'keys', 'development-keys.json');

/**
 * Writes a private file unless it exists. Several processes
 * start at once, so it is written under a temporary name and linked into place: exactly one
 * version wins and every process reads that one.
 */
export function writeFileOnce(file: string, contents: string | Uint8Array): void {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    fs.writeFileSync(temporary, contents, { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temporary);
    }
  }
}

/** As writeFileOnce, making the contents only when the file does not exist yet. */
export async function createFileOnce(file: string, make: () => Promise<string> | string): Promise<string> {
  if (!fs.existsSync(file)) writeFileOnce(file, await make());
  return fs.readFileSync(file, 'utf8');
}

/** The development keys under `dataDir`, made on first use (see createFileOnce). */
export async function loadOrCreateDevelopmentKeys(dataDir: string): Promise<DevelopmentKeys> {
  const keys = await createFileOnce(keyFile(dataDir), async () => JSON.stringify(await generateDevelopmentKeys(), null, 2));
  return JSON.parse(keys) as DevelopmentKeys;
}

/** Reads a JWK (or a one-key JWK set) from a file, naming the variable when it cannot. */
export function readJwkFile(file: string, variable: string): JWK {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${variable}: cannot read a JWK from ${file} (${(error as Error).message})`);
  }
  const jwk = (parsed as { keys?: JWK[] }).keys?.[0] ?? (parsed as JWK);
  if (typeof jwk !== 'object' || !jwk || typeof jwk.kty !== 'string') {
    throw new Error(`${variable}: ${file} does not hold a JWK (no "kty")`);
  }
  return jwk;
}

export async function importKey(jwk: JWK, fallbackAlg: string): Promise<Key> {
  return importJWK(jwk, jwk.alg ?? fallbackAlg) as Promise<Key>;
}
