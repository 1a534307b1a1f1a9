import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, launch, stopAll, type Service } from '../../scripts/bench/processes.ts';
import { mintCallerToken } from '../../platform/auth/localIssuer.ts';
import { developmentAudience, developmentIssuer } from '../../platform/config.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { serviceEnvironment } from '../support/serviceEnvironment.ts';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.ts';

/*
 * The hub talks to its own services and nothing else: no usage reports to a vendor, no probes of
 * cloud metadata addresses. The gateway runs in its own process with every outbound connection
 * and name lookup recorded, serves a query, and may have reached only the subgraphs.
 */
let hub: TestHub;
let gateway: Service;
let health: Service;
let environment: ReturnType<typeof serviceEnvironment>;
const connectionsFile = () => path.join(environment.dataDir, 'gateway-connections.log');
const subgraphConnectionsFile = () => path.join(environment.dataDir, 'health-connections.log');
const recorder = () => ['--import', projectPath('test', 'support', 'recordConnections.mjs')];

beforeAll(async () => {
  hub = await startTestHub();
  environment = serviceEnvironment(hub, 'outbound');
  fs.writeFileSync(connectionsFile(), '');
  fs.writeFileSync(subgraphConnectionsFile(), '');
  const healthPort = String(await freePort());
  health = await launch(
    'health',
    'subgraphs/run.ts',
    ['health'],
    {
      ...environment.env,
      LOG_LEVEL: 'silent',
      CRG_STORE: 'memory',
      HEALTH_PORT: healthPort,
      CRG_TEST_CONNECTIONS_FILE: subgraphConnectionsFile(),
    },
    recorder(),
  );
  // Health runs in its own process, recorded too; the other subgraphs are the test hub's.
  gateway = await launch(
    'gateway',
    'gateway/main.ts',
    [],
    {
      ...environment.env,
      LOG_LEVEL: 'silent',
      HEALTH_URL: health.url,
      GATEWAY_PORT: String(await freePort()),
      CRG_TEST_CONNECTIONS_FILE: connectionsFile(),
    },
    recorder(),
  );
}, 60_000);

afterAll(async () => {
  await stopAll([gateway, health].filter(Boolean));
  await hub?.stop();
  environment?.remove();
});

it('the gateway reaches only its subgraphs, and a subgraph nothing at all', async () => {
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
  const subgraphs = [...hub.subgraphs.values()].map((s) => new URL(s.url)).concat(new URL(health.url));
  const allowed = new Set([...subgraphs.map((url) => `connect ${url.host}`), ...subgraphs.map((url) => `lookup ${url.hostname}`)]);
  const recorded = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const gatewayLines = recorded(connectionsFile());
  expect(gatewayLines).toContain(`connect ${new URL(health.url).host}`);
  expect(gatewayLines.filter((line) => !allowed.has(line))).toEqual([]);
  // Listening on its address looks that address up; that is all a subgraph on the embedded store does.
  expect(recorded(subgraphConnectionsFile()).filter((line) => line !== `lookup ${new URL(health.url).hostname}`)).toEqual([]);
});
