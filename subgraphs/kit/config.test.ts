import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ country: 'bangladesh', store: 'embedded', gatewayPort: 4000, subgraphTimeoutMs: 5000 });
    expect(config.subgraphPorts).toMatchObject({ coordination: 4001, health: 4002, 'social-welfare': 4005, education: 4006 });
    expect(config.subgraphUrls.police).toBe('http://127.0.0.1:4003/graphql');
  });

  it('picks MongoDB when MONGODB_URI is set', () => {
    expect(readConfig({ MONGODB_URI: 'mongodb://db:27017' }).store).toBe('mongodb');
  });

  it('names every bad variable and why, at once', () => {
    let error: unknown;
    try {
      readConfig({ HEALTH_PORT: 'abc', CRG_COUNTRY: 'narnia', GATEWAY_SUBGRAPH_TIMEOUT_MS: '5', POLICE_URL: 'ftp://x', CRG_TODAY: '2026-13-40' });
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

  it('refuses the mongodb store without a URI', () => {
    expect(() => readConfig({ CRG_STORE: 'mongodb' })).toThrow('CRG_STORE is mongodb but MONGODB_URI is not set');
  });
});
