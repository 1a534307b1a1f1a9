import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { envPrefix } from '../../platform/catalog.ts';
import type { TestHub } from './hub.ts';

/**
 * For a service started in its own process beside a test hub (`launch` in scripts/bench): a data
 * folder holding the hub's keys, so it signs and trusts what the hub does, and an environment
 * pointing it at the hub's subgraphs. `remove()` deletes the folder.
 */
export function serviceEnvironment(hub: TestHub, prefix: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `crg-${prefix}-`));
  fs.mkdirSync(path.join(dataDir, 'keys'));
  fs.writeFileSync(path.join(dataDir, 'keys', 'development-keys.json'), JSON.stringify(hub.keys));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries([...hub.subgraphs].map(([name, s]) => [`${envPrefix(name)}_URL`, s.url])),
    CRG_DATA_DIR: dataDir,
    CRG_HOST: '127.0.0.1',
  };
  return { dataDir, env, remove: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}
