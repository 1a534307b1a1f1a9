import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSubgraphDefinition } from '../../definitions.ts';
import { ConfigError, readConfig } from '../../../platform/config.ts';
import { createLogger } from '../../../platform/logger.ts';
import { startSubgraph } from '../subgraph.ts';
import { generateAuditKey } from './auditSignatures.ts';
import { configuredAuditLogKeys, configuredAuditPublicKey, configuredWitnessRecord, witnessFile } from './configuredAudit.ts';

const logger = createLogger('silent');
const production = (extra: Record<string, string> = {}) =>
  readConfig({
    CRG_MODE: 'production',
    CRG_AUTH_ISSUER: 'https://idp.example',
    CRG_AUTH_AUDIENCE: 'crg',
    CRG_AUTH_JWKS_URL: 'https://idp.example/jwks',
    CRG_STORE: 'memory',
    ...extra,
  });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-audit-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const writeJwk = (name: string, jwk: object) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(jwk));
  return file;
};

describe('audit keys and witness from configuration', () => {
  it('stops a subgraph starting in production without its audit key or witness folder, naming both variables', async () => {
    const started = startSubgraph(await loadSubgraphDefinition('health'), { config: production(), port: 0, logger });
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(
      /HEALTH_AUDIT_KEY_FILE must be set in production mode[\s\S]*CRG_AUDIT_WITNESS_DIR must be set in production mode/,
    );
    expect(() => configuredAuditPublicKey(production(), 'health')).toThrow('HEALTH_AUDIT_PUBLIC_KEY_FILE must be set in production mode');
  });

  it('refuses a key file that does not hold an Ed25519 private key, or a witness folder it cannot write, naming the variable', async () => {
    const publicOnly = writeJwk('public.jwk', createPublicKey(generateAuditKey()).export({ format: 'jwk' }));
    const config = production({ SOCIAL_WELFARE_AUDIT_KEY_FILE: publicOnly, CRG_AUDIT_WITNESS_DIR: dir });
    await expect(configuredAuditLogKeys(config, 'social-welfare', logger)).rejects.toThrow(
      /SOCIAL_WELFARE_AUDIT_KEY_FILE: .* does not hold an Ed25519 private key/,
    );
    expect(() => production({ HEALTH_AUDIT_KEY_FILE: path.join(dir, 'absent.jwk') })).toThrow(
      'HEALTH_AUDIT_KEY_FILE must name a file that exists',
    );
    const notAFolder = writeJwk('not-a-folder', {});
    const witnessInAFile = readConfig({ CRG_STORE: 'embedded', CRG_DATA_DIR: dir, CRG_AUDIT_WITNESS_DIR: notAFolder });
    await expect(configuredAuditLogKeys(witnessInAFile, 'health', logger)).rejects.toThrow(
      /CRG_AUDIT_WITNESS_DIR: cannot open .* for appending/,
    );
  });

  it('signs with the configured key and witnesses in the configured folder; a verifier needs only the public half', async () => {
    const key = generateAuditKey();
    const config = production({
      HEALTH_AUDIT_KEY_FILE: writeJwk('health-audit.jwk', key.export({ format: 'jwk' })),
      HEALTH_AUDIT_PUBLIC_KEY_FILE: writeJwk('health-audit.public.jwk', createPublicKey(key).export({ format: 'jwk' })),
      CRG_AUDIT_WITNESS_DIR: path.join(dir, 'witness'),
    });
    const keys = await configuredAuditLogKeys(config, 'health', logger);
    expect(keys.signingKey.equals(key)).toBe(true);
    keys.witness.record({ subgraph: 'health', size: 1, root: 'r', at: new Date().toISOString(), keyId: 'k', signature: 's' });
    await keys.witness.close();
    expect(fs.existsSync(witnessFile(path.join(dir, 'witness'), 'bangladesh', 'health'))).toBe(true);
    expect(configuredWitnessRecord(config, 'health').heads).toHaveLength(1);
    expect(configuredAuditPublicKey(config, 'health')!.equals(createPublicKey(key))).toBe(true);
  });

  it('makes one development key per subgraph, the same for every process that starts at the same time', async () => {
    const config = readConfig({ CRG_STORE: 'embedded', CRG_DATA_DIR: dir });
    const sets = await Promise.all(Array.from({ length: 6 }, () => configuredAuditLogKeys(config, 'police', logger)));
    for (const set of sets) expect(set.signingKey.equals(sets[0]!.signingKey)).toBe(true);
    await Promise.all(sets.map((set) => set.witness.close()));
    expect(fs.readdirSync(path.join(dir, 'keys'))).toEqual(['audit-police.jwk']);
    expect(fs.statSync(path.join(dir, 'keys', 'audit-police.jwk')).mode & 0o077).toBe(0);
    expect(configuredAuditPublicKey(config, 'police')!.equals(createPublicKey(sets[0]!.signingKey))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'witness', 'bangladesh', 'police.heads.jsonl'))).toBe(true);
  });
});
