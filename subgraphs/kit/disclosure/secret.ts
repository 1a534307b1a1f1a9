import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileOnce } from '../../../platform/auth/keys.ts';
import { ConfigError } from '../../../platform/config.ts';

/*
 * The secret record keys are derived with (recordKeys.ts). Whoever holds it can work out every
 * cell's noise and take it off, so it is kept outside the store: in production a file named by
 * `CRG_DISCLOSURE_KEY_FILE` (at least 32 random bytes; make one with `openssl rand -out FILE 32`),
 * and start-up stops without it. In development, when none is named, one is made under
 * <CRG_DATA_DIR>/keys/ on first start, as the other development keys are. Every replica of a
 * subgraph must use the same secret, or they answer the same question differently.
 */

export const disclosureKeyVariable = 'CRG_DISCLOSURE_KEY_FILE';

function readSecretFile(file: string): Buffer {
  let secret: Buffer;
  try {
    secret = fs.readFileSync(file);
  } catch (error) {
    throw new ConfigError([`${disclosureKeyVariable} must name a readable file (${(error as Error).message})`]);
  }
  if (secret.length < 32) {
    throw new ConfigError([`${disclosureKeyVariable}: ${file} must hold at least 32 bytes of random data (it has ${secret.length})`]);
  }
  return secret;
}

/** Made once under the data folder (see writeFileOnce: concurrent starts agree on one). */
function developmentSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'keys', 'disclosure-key');
  if (!fs.existsSync(file)) writeFileOnce(file, randomBytes(32));
  return readSecretFile(file);
}

/** The configured secret; throws ConfigError naming the variable when production has none. */
export function readDisclosureSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const file = env[disclosureKeyVariable];
  if (file) return readSecretFile(file);
  if (env.CRG_MODE === 'production') {
    throw new ConfigError([
      `${disclosureKeyVariable} must be set in production mode (a file of at least 32 random bytes, kept outside the store, the same for every replica)`,
    ]);
  }
  return developmentSecret(env.CRG_DATA_DIR || 'data');
}
