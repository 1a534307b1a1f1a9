import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../../platform/schemaFiles.ts';

/*
 * `docker compose up` starts a development hub unless told otherwise: local keys, introspection,
 * the IDE. Published on every interface, it would answer anyone on the same network. Every port
 * the file publishes must bind loopback only while the hub it runs may be in development mode.
 */

type Port = string | number | { target: number; published?: string | number; host_ip?: string };
interface Service {
  ports?: Port[];
  network_mode?: string;
  environment?: Record<string, string>;
}

const compose = parse(fs.readFileSync(projectPath('docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};

/** The host address a published port binds; '' for every interface, which is compose's default. */
function hostAddress(port: Port): string {
  if (typeof port === 'object') return port.host_ip ?? '';
  const text = String(port);
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']'));
  const parts = text.split(':');
  return parts.length === 3 ? parts[0]! : '';
}

const loopback = (address: string) => address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);

describe('docker-compose publishes no development hub beyond this machine', () => {
  it('runs the hub in development mode unless CRG_MODE says otherwise', () => {
    const modes = Object.values(compose.services).flatMap((s) => (s.environment?.CRG_MODE ? [s.environment.CRG_MODE] : []));
    expect(modes.length).toBeGreaterThan(0);
    expect(modes.some((mode) => mode !== 'production')).toBe(true);
  });

  it('so binds every published port to loopback', () => {
    const wide = Object.entries(compose.services).flatMap(([name, service]) =>
      (service.ports ?? []).filter((port) => !loopback(hostAddress(port))).map((port) => `${name}: ${JSON.stringify(port)}`),
    );
    expect(wide).toEqual([]);
  });

  it("puts no service on the host's network, where its own listening address would be the machine's", () => {
    const onHost = Object.entries(compose.services).filter(([, s]) => s.network_mode === 'host');
    expect(onHost.map(([name]) => name)).toEqual([]);
  });

  it('reads each form of port the same way compose does', () => {
    expect(['4000', '4000:4000', '0.0.0.0:4000:4000', { target: 4000, published: 4000 }].map(hostAddress)).toEqual(['', '', '0.0.0.0', '']);
    expect(['127.0.0.1:4000:4000', '[::1]:4000:4000', { target: 4000, host_ip: '127.0.0.1' }].map((p) => loopback(hostAddress(p)))).toEqual(
      [true, true, true],
    );
  });
});
