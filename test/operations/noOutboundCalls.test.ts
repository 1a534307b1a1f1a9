import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, launch, stopAll, type Service } from '../../scripts/bench/processes.ts';
import { envPrefix } from '../../subgraphs/catalog.ts';
import { mintCallerToken } from '../../subgraphs/kit/auth/localIssuer.ts';
import { developmentAudience, developmentIssuer } from '../../subgraphs/kit/config.ts';
import { projectPath } from '../../subgraphs/kit/schemaFiles.ts';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.ts';

/*
 * The hub talks to its own services and nothing else: no usage reports to a vendor, no probes of
 * cloud metadata addresses. The gateway runs in its own process with every outbound connection
 * and name lookup recorded, serves a query, and may have reached only the subgraphs.
 */
let hub: TestHub;
let gateway: Service;
let dataDir: string;
const connectionsFile = () => path.join(dataDir, 'connections.log');

beforeAll(async () => {
  hub = await startTestHub();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-outbound-'));
  fs.mkdirSync(path.join(dataDir, 'keys'));
  fs.writeFileSync(path.join(dataDir, 'keys', 'development-keys.json'), JSON.stringify(hub.keys));
  fs.writeFileSync(connectionsFile(), '');
  const urls = Object.fromEntries([...hub.subgraphs].map(([name, s]) => [`${envPrefix(name)}_URL`, s.url]));
  gateway = await launch(
    'gateway',
    'gateway/main.ts',
    [],
    {
      ...process.env,
      ...urls,
      CRG_DATA_DIR: dataDir,
      CRG_HOST: '127.0.0.1',
      GATEWAY_PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      CRG_TEST_CONNECTIONS_FILE: connectionsFile(),
    },
    ['--import', projectPath('test', 'support', 'recordConnections.mjs')],
  );
}, 60_000);

afterAll(async () => {
  await stopAll(gateway ? [gateway] : []);
  await hub?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('the gateway reaches only its subgraphs', async () => {
  const token = await mintCallerToken(hub.keys.issuerPrivate, {
    role: 'analyst',
    sector: null,
    subject: 'analyst@test',
    issuer: developmentIssuer,
    audience: developmentAudience,
    expiresIn: '5m',
  });
  const answer = await postGraphQL(gateway.url, '{ sectors { id delivery { total } } }', {}, { authorization: `Bearer ${token}` });
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.sectors).toHaveLength(5);
  // Detectors that probe the host run in the background after start: give them time to show.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const subgraphs = [...hub.subgraphs.values()].map((s) => new URL(s.url));
  const allowed = new Set([...subgraphs.map((url) => `connect ${url.host}`), ...subgraphs.map((url) => `lookup ${url.hostname}`)]);
  const lines = fs.readFileSync(connectionsFile(), 'utf8').split('\n').filter(Boolean);
  expect(lines.some((line) => line.startsWith('connect '))).toBe(true);
  expect(lines.filter((line) => !allowed.has(line))).toEqual([]);
});
