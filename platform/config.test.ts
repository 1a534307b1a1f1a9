import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ country: 'bangladesh', store: 'embedded', gatewayPort: 4000, subgraphTimeoutMs: 5000 });
    expect(config.subgraphPorts).toMatchObject({ coordination: 4001, health: 4002, 'social-welfare': 4005, education: 4006 });
    expect(config.subgraphUrls.police).toBe('http://127.0.0.1:4003/graphql');
  });

  it('refuses a gateway URL holding a user name or password, naming the variable and not echoing it', () => {
    const asked = () => readConfig({ CRG_GATEWAY_URL: 'http://ops:hunter2@127.0.0.1:9/graphql' });
    expect(asked).toThrow(ConfigError);
    expect(asked).toThrow(/CRG_GATEWAY_URL must not hold a user name or password/);
    expect(asked).not.toThrow(/hunter2|ops:/);
    expect(readConfig({ CRG_GATEWAY_URL: 'https://gateway.example/graphql' }).gatewayUrl).toBe('https://gateway.example/graphql');
  });

  it('reads the roles that must use registered documents, the dashboard in production and none in development by default', () => {
    const production = {
      CRG_MODE: 'production',
      CRG_AUTH_ISSUER: 'https://issuer.example',
      CRG_AUTH_AUDIENCE: 'crg',
      CRG_AUTH_JWKS_URL: 'https://issuer.example/jwks.json',
    };
    expect(readConfig(production).trustedDocuments).toEqual({ requiredFor: ['dashboard'], manifestFile: undefined });
    expect(readConfig({}).trustedDocuments).toEqual({ requiredFor: [], manifestFile: undefined });
    // An operator's choice wins in either mode; `none` says no role (an empty variable counts as unset).
    expect(readConfig({ ...production, CRG_TRUSTED_DOCUMENTS_ROLES: 'none' }).trustedDocuments.requiredFor).toEqual([]);
    expect(readConfig({ ...production, CRG_TRUSTED_DOCUMENTS_ROLES: '' }).trustedDocuments.requiredFor).toEqual(['dashboard']);
    expect(readConfig({ ...production, CRG_TRUSTED_DOCUMENTS_ROLES: 'alerts-service' }).trustedDocuments.requiredFor).toEqual([
      'alerts-service',
    ]);
    expect(readConfig({ CRG_TRUSTED_DOCUMENTS_ROLES: 'dashboard' }).trustedDocuments.requiredFor).toEqual(['dashboard']);
  });

  it('refuses a role that does not exist among the roles that must use registered documents', () => {
    expect(readConfig({ CRG_TRUSTED_DOCUMENTS_ROLES: 'dashboard, alerts-service' }).trustedDocuments.requiredFor).toEqual([
      'dashboard',
      'alerts-service',
    ]);
    expect(() => readConfig({ CRG_TRUSTED_DOCUMENTS_ROLES: 'dashbord' })).toThrow(
      /CRG_TRUSTED_DOCUMENTS_ROLES must be roles separated by commas, each one of analyst, .*; or none \(got "dashbord"\)/,
    );
    expect(() => readConfig({ CRG_TRUSTED_DOCUMENTS_FILE: 'no-such-manifest.json' })).toThrow(
      /CRG_TRUSTED_DOCUMENTS_FILE must name a file that exists/,
    );
  });

  it('picks MongoDB when MONGODB_URI is set', () => {
    expect(readConfig({ MONGODB_URI: 'mongodb://db:27017' }).store).toBe('mongodb');
  });

  it('names every bad variable and why, at once', () => {
    let error: unknown;
    try {
      readConfig({
        HEALTH_PORT: 'abc',
        CRG_COUNTRY: 'narnia',
        GATEWAY_SUBGRAPH_TIMEOUT_MS: '5',
        POLICE_URL: 'ftp://x',
        CRG_TODAY: '2026-13-40',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('HEALTH_PORT must be a whole number between 0 and 65535 (got "abc")');
    expect(message).toContain('CRG_COUNTRY must be one of bangladesh, england-wales, south-africa (got "narnia")');
    expect(message).toContain('GATEWAY_SUBGRAPH_TIMEOUT_MS must be at least 100 ms');
    expect(message).toContain('POLICE_URL must be an http:// or https:// URL');
    expect(message).toContain('CRG_TODAY must be a real calendar date');
  });

  it('reads the pathway re-read age in minutes: 60 by default, 0 for never, a whole number only', () => {
    expect(readConfig({}).pathwayRereadAfterMs).toBe(3_600_000);
    expect(readConfig({ CRG_PATHWAY_REREAD_MINUTES: '5' }).pathwayRereadAfterMs).toBe(300_000);
    expect(readConfig({ CRG_PATHWAY_REREAD_MINUTES: '0' }).pathwayRereadAfterMs).toBe(0);
    expect(() => readConfig({ CRG_PATHWAY_REREAD_MINUTES: 'hourly' })).toThrow(
      'CRG_PATHWAY_REREAD_MINUTES must be a whole number from 0 to 10080 (got "hourly")',
    );
    expect(() => readConfig({ CRG_PATHWAY_REREAD_MINUTES: '-1' })).toThrow(
      'CRG_PATHWAY_REREAD_MINUTES must be a whole number from 0 to 10080',
    );
  });

  it('refuses the mongodb store without a URI', () => {
    expect(() => readConfig({ CRG_STORE: 'mongodb' })).toThrow('CRG_STORE is mongodb but MONGODB_URI is not set');
  });

  it('runs in development mode by default, with a local issuer and audience', () => {
    const config = readConfig({});
    expect(config.mode).toBe('development');
    expect(config.auth).toMatchObject({ issuer: 'crg-local-issuer', audience: 'coordinated-response-graph', jwksUrl: undefined });
    expect(config.limits).toMatchObject({ maxDepth: 12, maxAliases: 30, maxCost: 5000, requestsPerMinute: 1200 });
  });

  it("stops production mode without an issuer, an audience and the issuer's keys, naming each", () => {
    let error: unknown;
    try {
      readConfig({ CRG_MODE: 'production' });
    } catch (e) {
      error = e;
    }
    const message = (error as ConfigError).message;
    expect(message).toContain('CRG_AUTH_ISSUER must be set in production mode');
    expect(message).toContain('CRG_AUTH_AUDIENCE must be set in production mode');
    expect(message).toContain('CRG_AUTH_JWKS_URL or CRG_AUTH_JWKS_FILE must be set in production mode');
  });

  it('refuses key files that do not exist and limits out of range', () => {
    expect(() => readConfig({ CRG_GATEWAY_KEY_FILE: '/nowhere/key.json' })).toThrow('CRG_GATEWAY_KEY_FILE must name a file that exists');
    expect(() => readConfig({ GATEWAY_MAX_DEPTH: '1' })).toThrow('GATEWAY_MAX_DEPTH must be a whole number from 2 to 100 (got "1")');
    expect(() => readConfig({ CRG_MODE: 'staging' })).toThrow('CRG_MODE must be development or production');
  });

  it('reads the scrape token from CRG_METRICS_TOKEN_FILE, and refuses one short enough to guess', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-metrics-token-'));
    try {
      const file = path.join(dir, 'token');
      expect(readConfig({}).metricsToken).toBeUndefined();
      fs.writeFileSync(file, `${'f'.repeat(64)}\n`);
      expect(readConfig({ CRG_METRICS_TOKEN_FILE: file }).metricsToken).toBe('f'.repeat(64));
      fs.writeFileSync(file, 'secret\n');
      expect(() => readConfig({ CRG_METRICS_TOKEN_FILE: file })).toThrow(
        `CRG_METRICS_TOKEN_FILE must hold one token of at least 32 characters with no spaces, e.g. from \`openssl rand -hex 32\` (${file} holds 6 characters)`,
      );
      expect(() => readConfig({ CRG_METRICS_TOKEN_FILE: path.join(dir, 'missing') })).toThrow(
        'CRG_METRICS_TOKEN_FILE must name a file that exists',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
