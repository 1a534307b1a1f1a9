/** `npm run k8s`: writes deploy/k8s/*.yaml from k8sManifests(); `--check` only compares. */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { projectPath } from '../../platform/schemaFiles.ts';
import { k8sManifests } from './k8sManifests.ts';

const header = '# Made by `npm run k8s` from scripts/deploy/k8sManifests.ts; edit that, not this file.\n';
export const k8sDir = projectPath('deploy', 'k8s');

export function renderK8s(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(k8sManifests()).map(([file, docs]) => [
      file,
      header + docs.map((doc) => stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'),
    ]),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [file, text] of Object.entries(renderK8s())) {
    const target = path.join(k8sDir, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (current === text) continue;
    if (check) stale.push(file);
    else {
      fs.mkdirSync(k8sDir, { recursive: true });
      fs.writeFileSync(target, text);
    }
  }
  if (stale.length > 0) {
    console.error(`deploy/k8s is out of date (${stale.join(', ')}): run npm run k8s`);
    process.exit(1);
  }
  console.log(check ? 'deploy/k8s is up to date.' : 'deploy/k8s written.');
}
