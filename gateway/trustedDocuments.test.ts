import { describe, expect, it } from 'vitest';
import { ConfigError } from '../platform/config.ts';
import { configuredTrustedDocuments } from './trustedDocuments.ts';

describe('the configured trusted documents', () => {
  const missing = '/nonexistent/persisted-query-manifest.json';

  it('stop production when a role must use registered documents and there is no manifest', () => {
    const start = () =>
      configuredTrustedDocuments({ mode: 'production', trustedDocuments: { requiredFor: ['dashboard'], manifestFile: missing } });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/CRG_TRUSTED_DOCUMENTS_ROLES is dashboard but there is no persisted query manifest at \/nonexistent/);
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
