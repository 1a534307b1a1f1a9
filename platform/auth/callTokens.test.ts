import { generateKeyPairSync } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CallTokens } from './callTokens.ts';
import type { Identity } from './identity.ts';
import { requireBodyBinding, verifyToken } from './internalToken.ts';
import { scopesByRole } from './roles.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const analyst = (n: number): Identity => ({
  subject: `analyst.${String(n).padStart(4, '0')}@lead-ministry`,
  role: 'analyst',
  sector: null,
  scopes: scopesByRole.analyst,
});
const body = (n: number) => JSON.stringify({ query: 'query Status($n: Int) { sectors { id } }', variables: { n } });

describe('the tokens a gateway keeps for its subgraph calls', () => {
  it('reuses a token for the same caller, subgraph and body only, and each verifies for its call', async () => {
    const tokens = new CallTokens(privateKey);
    const first = await tokens.internalToken(analyst(1), 'health', body(1));
    expect(await tokens.internalToken(analyst(1), 'health', body(1))).toBe(first);
    const others = [
      await tokens.internalToken(analyst(2), 'health', body(1)),
      await tokens.internalToken(analyst(1), 'police', body(1)),
      await tokens.internalToken(analyst(1), 'health', body(2)),
    ];
    expect(new Set([first, ...others]).size).toBe(4);
    const verified = await verifyToken(first, 'health', publicKey);
    expect(requireBodyBinding(verified, body(1)).subject).toBe(analyst(1).subject);
    expect(() => requireBodyBinding(verified, body(2))).toThrow();
    await expect(verifyToken(first, 'police', publicKey)).rejects.toThrow();
  });

  it('keeps a thousand per subgraph, seven subgraphs, in under 725 bytes of heap each (610 kept in one piece, 845 as built by concatenation)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heapUsed = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const subgraphs = ['coordination', 'health', 'police', 'justice', 'social', 'shelter', 'alerts'];
    // Compiled and warmed before measuring: only the kept tokens count.
    const warm = new CallTokens(privateKey);
    for (const subgraph of subgraphs) await warm.internalToken(analyst(0), subgraph, body(0));
    const tokens = new CallTokens(privateKey);
    const before = heapUsed();
    for (let n = 0; n < 1000; n++) for (const subgraph of subgraphs) await tokens.internalToken(analyst(n), subgraph, body(n));
    const perToken = (heapUsed() - before) / (1000 * subgraphs.length);
    // Still kept: the first is reused, not signed again.
    const first = await tokens.internalToken(analyst(0), 'coordination', body(0));
    expect(await tokens.internalToken(analyst(0), 'coordination', body(0))).toBe(first);
    expect(perToken).toBeGreaterThan(300);
    expect(perToken).toBeLessThan(725);
  });
});
