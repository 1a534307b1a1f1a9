import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { k8sDir, renderK8s } from './writeK8s.ts';

/*
 * The manifests checked against the Kubernetes OpenAPI schemas that the kubernetes-models
 * package ships (validated with ajv inside it): nothing is downloaded when this runs.
 */

type Doc = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any };

async function validate(doc: Doc): Promise<void> {
  const models = (await import(`kubernetes-models/${doc.apiVersion}`)) as Record<string, new (value: unknown) => { validate(): void }>;
  const Model = models[doc.kind];
  if (!Model) throw new Error(`No schema for ${doc.apiVersion} ${doc.kind}`);
  new Model(doc).validate();
}

const committed = () =>
  fs
    .readdirSync(k8sDir)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => parseAllDocuments(fs.readFileSync(path.join(k8sDir, file), 'utf8')).map((d) => ({ file, doc: d.toJS() as Doc })));

describe('Kubernetes manifests', () => {
  it('are up to date with the subgraph catalog (npm run k8s)', () => {
    for (const [file, text] of Object.entries(renderK8s())) {
      expect(fs.readFileSync(path.join(k8sDir, file), 'utf8'), file).toBe(text);
    }
  });

  it('every object is valid against its Kubernetes schema', async () => {
    const docs = committed();
    expect(docs.length).toBeGreaterThan(20);
    for (const { file, doc } of docs) await expect(validate(doc), `${file} ${doc.kind}`).resolves.toBeUndefined();
  });

  it('the validator does catch a broken object', async () => {
    const deployment = committed().find(({ doc }) => doc.kind === 'Deployment')!.doc;
    const broken = structuredClone(deployment);
    broken.spec.replicas = 'two';
    await expect(validate(broken)).rejects.toThrow();
  });

  it('every service has a deployment with probes, resources and a drain, a service, an autoscaler and a disruption budget', () => {
    const docs = committed().map(({ doc }) => doc);
    for (const name of ['gateway', ...subgraphCatalog.map((e) => e.name)]) {
      const kinds = docs
        .filter((d) => d.metadata.name === name)
        .map((d) => d.kind)
        .sort();
      expect(kinds, name).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service']);
      const container = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === name)!.spec.template.spec.containers[0];
      expect(container.readinessProbe.httpGet.path).toBe('/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/health');
      expect(container.resources.requests.cpu).toBeTruthy();
      expect(container.lifecycle.preStop).toBeTruthy();
    }
  });

  it('every service reads a scrape token, so production serves its metrics to the scraper that holds it', () => {
    const docs = committed().map(({ doc }) => doc);
    const config = docs.find((d) => d.kind === 'ConfigMap')! as Doc & { data: Record<string, string> };
    const tokenFile = config.data.CRG_METRICS_TOKEN_FILE!;
    for (const name of ['gateway', ...subgraphCatalog.map((e) => e.name)]) {
      const pod = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === name)!.spec.template.spec;
      const mount = pod.containers[0].volumeMounts.find((m: { mountPath: string }) => tokenFile.startsWith(`${m.mountPath}/`));
      expect(mount, name).toBeDefined();
      const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name);
      expect(volume.secret.secretName, name).toBe('crg-metrics-token');
    }
  });
});
