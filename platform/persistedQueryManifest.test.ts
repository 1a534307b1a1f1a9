import { describe, expect, it } from 'vitest';
import { documentIdOf, manifestOf, readManifest } from './persistedQueryManifest.ts';

const status = 'query Status { sectors { id } }';

describe('the persisted query manifest', () => {
  it('registers each operation under the SHA-256 of its text, in Apollo’s format', () => {
    const manifest = manifestOf([{ body: status, where: 'statusQuery' }]);
    expect(manifest).toEqual({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: documentIdOf(status), name: 'Status', type: 'query', body: status }],
    });
    expect(documentIdOf(status)).toMatch(/^[0-9a-f]{64}$/);
    expect(readManifest(JSON.stringify(manifest))).toEqual(new Map([[documentIdOf(status), status]]));
  });

  it('refuses two operations of one name, an anonymous one, and text that is not GraphQL, naming where', () => {
    expect(() =>
      manifestOf([
        { body: status, where: 'a' },
        { body: `${status} `, where: 'b' },
      ]),
    ).toThrow(/Two operations are named Status/);
    expect(() => manifestOf([{ body: '{ sectors { id } }', where: 'sectorsQuery in x.ts' }])).toThrow(
      /sectorsQuery in x.ts must hold exactly one named operation/,
    );
    expect(() => manifestOf([{ body: 'meetings:read', where: 'scopeQuery' }])).toThrow(/scopeQuery is not a GraphQL document/);
  });

  it('refuses a manifest in another format, or whose id is not its body’s hash', () => {
    expect(() => readManifest('{"operations": []}')).toThrow(/"format": "apollo-persisted-query-manifest"/);
    const forged = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: 'a'.repeat(64), name: 'Status', body: status }],
    };
    expect(() => readManifest(JSON.stringify(forged))).toThrow(
      /Operation Status of the manifest has the id a+, not the SHA-256 of its body/,
    );
    expect(() => readManifest('not json')).toThrow(/The manifest is not JSON/);
  });
});
