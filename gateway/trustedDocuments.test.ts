import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../platform/config.ts';
import { configuredTrustedDocuments } from './trustedDocuments.ts';

describe('the configured trusted documents', () => {
  const missing = '/nonexistent/persisted-query-manifest.json';

  it('stop production when a role must use registered documents and there is no manifest', () => {
    const start = () =>
      configuredTrustedDocuments({ mode: 'production', trustedDocuments: { requiredFor: ['dashboard'], manifestFile: missing } });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/CRG_TRUSTED_DOCUMENTS_ROLES is dashboard but there is no persisted query manifest at \/nonexistent/);
  });

  it('stop production by default, where nothing names the roles, when there is no manifest: the dashboard needs one', () => {
    const config = readConfig({
      CRG_MODE: 'production',
      CRG_AUTH_ISSUER: 'https://issuer.example',
      CRG_AUTH_AUDIENCE: 'crg',
      CRG_AUTH_JWKS_URL: 'https://issuer.example/jwks.json',
    });
    const start = () => configuredTrustedDocuments({ ...config, trustedDocuments: { ...config.trustedDocuments, manifestFile: missing } });
    expect(start).toThrow(/CRG_TRUSTED_DOCUMENTS_ROLES is dashboard but there is no persisted query manifest/);
  });

  it('let development start without one (the dashboard is built on its first visit), and production when no role needs one', () => {
    expect(
      configuredTrustedDocuments({ mode: 'development', trustedDocuments: { requiredFor: ['dashboard'], manifestFile: missing } }),
    ).toEqual({
      requiredFor: ['dashboard'],
      manifestFile: missing,
    });
    expect(
      configuredTrustedDocuments({ mode: 'production', trustedDocuments: { requiredFor: [], manifestFile: undefined } }).requiredFor,
    ).toEqual([]);
  });
});
