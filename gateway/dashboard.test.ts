import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateDevelopmentKeys } from '../platform/auth/keys.ts';
import { mintLocalToken } from '../platform/auth/localIssuer.ts';
import { developmentAudience, developmentIssuer, readConfig } from '../platform/config.ts';
import type { MintDevelopmentToken } from './auth/fromConfig.ts';
import { dashboardRoutes, developmentTokenSeconds } from './dashboard.ts';

// A request from this machine; test/security/developmentToken.test.ts calls from other addresses.
const request = { socket: { remoteAddress: '127.0.0.1' } } as Parameters<ReturnType<typeof dashboardRoutes>[string]>[0];

describe('the dashboard token route', () => {
  let dataDir: string;
  const saved = process.env.CRG_DATA_DIR;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-dashboard-'));
    process.env.CRG_DATA_DIR = dataDir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CRG_DATA_DIR;
    else process.env.CRG_DATA_DIR = saved;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('mints a short-lived dashboard-role token from the local issuer in development', async () => {
    const localIssuer: MintDevelopmentToken = (tokenRequest) => mintLocalToken(readConfig({ CRG_DATA_DIR: dataDir }), tokenRequest);
    const answer = await dashboardRoutes({ mode: 'development', mintDevelopmentToken: localIssuer })['/dashboard/token']!(request);
    expect(answer.status).toBe(200);
    const { token } = JSON.parse(answer.body) as { token: string };
    const keys = await loadOrCreateDevelopmentKeys(dataDir);
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys.issuerJwks), {
      issuer: developmentIssuer,
      audience: developmentAudience,
    });
    expect(payload.role).toBe('dashboard');
    expect(payload.exp! - payload.iat!).toBe(developmentTokenSeconds);
  });

  it('offers no token in production, nor when the gateway trusts another issuer', async () => {
    const localIssuer: MintDevelopmentToken = (tokenRequest) => mintLocalToken(readConfig({ CRG_DATA_DIR: dataDir }), tokenRequest);
    for (const options of [{ mode: 'production' as const, mintDevelopmentToken: localIssuer }, { mode: 'development' as const }]) {
      const answer = await dashboardRoutes(options)['/dashboard/token']!(request);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toMatch(/eyJ/);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    }
  });
});
