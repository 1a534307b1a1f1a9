import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { gatewaySigningKey, gatewayVerifyingKey } from './configuredKeys.ts';
import { loadOrCreateDevelopmentKeys } from './keys.ts';

const logger = createLogger('silent');
const production = () =>
  readConfig({
    CRG_MODE: 'production',
    CRG_AUTH_ISSUER: 'https://idp.example',
    CRG_AUTH_AUDIENCE: 'crg',
    CRG_AUTH_JWKS_URL: 'https://idp.example/jwks',
  });

describe('keys from configuration', () => {
  it('stops the gateway and the subgraphs in production when their key files are not configured', async () => {
    await expect(gatewaySigningKey(production(), logger)).rejects.toThrow('CRG_GATEWAY_KEY_FILE must be set in production mode');
    await expect(gatewayVerifyingKey(production(), logger)).rejects.toThrow('CRG_GATEWAY_PUBLIC_KEY_FILE must be set in production mode');
  });

  it('makes development keys once, and every process that starts at the same time reads the same ones', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-keys-'));
    try {
      const sets = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateDevelopmentKeys(dataDir)));
      for (const set of sets) expect(set).toEqual(sets[0]);
      expect(fs.readdirSync(path.join(dataDir, 'keys'))).toEqual(['development-keys.json']);
      expect(fs.statSync(path.join(dataDir, 'keys', 'development-keys.json')).mode & 0o077).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
