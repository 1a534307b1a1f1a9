import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { SectorNames } from './names.ts';

/*
 * Everything outside the new sector's own folder that must know about it, each a small edit to
 * a file that is data: the catalog (catalog.json: start, compose, codegen, gateway and tests read
 * it), the lead ministry's registry, and docker-compose.
 */

export function addToCatalog(root: string, n: SectorNames): number {
  const file = path.join(root, 'platform', 'catalog.json');
  const catalog = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; defaultPort: number; role: string }[];
  const port = Math.max(...catalog.map((entry) => entry.defaultPort)) + 1;
  catalog.push({ name: n.id, defaultPort: port, role: 'sector' });
  fs.writeFileSync(file, `${JSON.stringify(catalog, null, 2)}\n`);
  return port;
}

/** The sector's entry in the lead ministry's registry, in every country, focal point to be appointed. */
export function addToRegistry(root: string, n: SectorNames, countries: readonly string[]): void {
  const file = path.join(root, 'subgraphs', 'coordination', 'seed', 'addedSectors.json');
  const added = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
  added.push({ id: n.id, name: n.shortName, ministry: Object.fromEntries(countries.map((c) => [c, n.ministry])) });
  fs.writeFileSync(file, `${JSON.stringify(added, null, 2)}\n`);
}

/** A service for the sector, like the reference sector's, and its URL for every service that lists the others. */
export function addToDockerCompose(
  root: string,
  from: SectorNames,
  to: SectorNames,
  fromPort: number,
  port: number,
  envPrefix: { from: string; to: string },
): void {
  const file = path.join(root, 'docker-compose.yml');
  if (!fs.existsSync(file)) return;
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  const services = doc.get('services') as YAMLMap;
  const reference = services.get(from.id, true) as unknown as YAMLMap;
  // A copy of the reference sector's service node keeps its merge key (<<: *service).
  const node = reference.clone() as YAMLMap;
  const text = (value: unknown) =>
    String(value).replaceAll(from.id, to.id).replaceAll(`:${fromPort}/`, `:${port}/`).replaceAll(`${fromPort}`, `${port}`);
  const rewrite = (map: YAMLMap) => {
    for (const pair of map.items) {
      if (isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.value = text(pair.value.value);
      else if (isMap(pair.value)) rewrite(pair.value);
      else if (isSeq(pair.value)) {
        for (const item of pair.value.items) if (isScalar(item) && typeof item.value === 'string') item.value = text(item.value);
      }
    }
  };
  rewrite(node);
  services.set(to.id, node);
  for (const pair of services.items) {
    const service = pair.value as YAMLMap;
    const environment = isMap(service) ? (service.get('environment', true) as YAMLMap | undefined) : undefined;
    const fromUrl = environment && isMap(environment) ? environment.get(`${envPrefix.from}_URL`) : undefined;
    if (typeof fromUrl !== 'string') continue;
    environment!.set(`${envPrefix.to}_URL`, text(fromUrl));
    const dependsOn = service.get('depends_on', true);
    if (isMap(dependsOn) && dependsOn.has(from.id)) dependsOn.set(to.id, (dependsOn.get(from.id, true) as unknown as YAMLMap).clone());
  }
  fs.writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}
