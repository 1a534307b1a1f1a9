/**
 * The Kubernetes manifests under deploy/k8s/, made from the subgraph catalog so a new sector gets
 * its own without anyone copying YAML: `npm run k8s` writes them, `npm run k8s -- --check` fails
 * when the committed files differ (CI runs it, and a test validates every object against the
 * Kubernetes schemas).
 */
import { envPrefix, subgraphCatalog } from '../../platform/catalog.ts';
import { compiledFile } from '../compiledServer.ts';

export const namespace = 'crg';
/** V8 memory flags for the gateway, used by the manifests and by the benchmark alike. */
export const gatewayNodeFlags = ['--max-semi-space-size=4', '--max-old-space-size=192'];
const image = 'coordinated-response-graph:0.1.0';
const gatewayPort = 4000;
const labelsOf = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'coordinated-response-graph' });

export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string; metadata: Record<string, unknown> & { name: string } };

interface ServiceSpec {
  name: string;
  port: number;
  args: string[];
  maxReplicas: number;
  env: { name: string; value?: string; valueFrom?: unknown }[];
  volumes: { name: string; mountPath: string; source: Record<string, unknown>; writable?: boolean }[];
  cpu: string;
  memory: string;
}

/** Deployment, Service, autoscaler and disruption budget for one stateless service. */
function serviceManifests(spec: ServiceSpec): Manifest[] {
  const labels = labelsOf(spec.name);
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    failureThreshold,
    timeoutSeconds: 2,
  });
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: spec.name, namespace, labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        // Never below the running count during a rollout: a new pod must be ready before an old one goes.
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: {
            labels,
            annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(spec.port), 'prometheus.io/path': '/metrics' },
          },
          spec: {
            // SIGTERM starts the drain (readiness fails, requests in flight finish); the process
            // exits by itself within 25 s, before this limit.
            terminationGracePeriodSeconds: 30,
            securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: spec.name,
                image,
                args: spec.args,
                ports: [{ name: 'http', containerPort: spec.port }],
                envFrom: [{ configMapRef: { name: 'crg-config' } }],
                env: spec.env,
                startupProbe: probe('/ready', 2, 30),
                readinessProbe: probe('/ready', 5, 2),
                livenessProbe: probe('/health', 10, 3),
                // Endpoints are removed asynchronously: keep serving a few seconds after SIGTERM is due.
                lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
                resources: { requests: { cpu: spec.cpu, memory: spec.memory }, limits: { memory: '512Mi' } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                volumeMounts: [
                  { name: 'tmp', mountPath: '/tmp' },
                  ...spec.volumes.map((v) => ({ name: v.name, mountPath: v.mountPath, readOnly: !v.writable })),
                ],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }, ...spec.volumes.map((v) => ({ name: v.name, ...v.source }))],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: spec.name, namespace, labels },
      spec: { selector: labels, ports: [{ name: 'http', port: spec.port, targetPort: 'http' }] },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: spec.name, namespace, labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: spec.name },
        minReplicas: 2,
        maxReplicas: spec.maxReplicas,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: spec.name, namespace, labels },
      spec: { minAvailable: 1, selector: { matchLabels: labels } },
    },
  ];
}

const secretFile = (name: string, secretName: string, mountPath: string) => ({ name, mountPath, source: { secret: { secretName } } });
// Every service reads its metrics' bearer token here; Prometheus sends the same one (docs/operations.md, "Health, readiness and metrics").
const metricsTokenDir = '/etc/crg/metrics-token';
const metricsToken = secretFile('metrics-token', 'crg-metrics-token', metricsTokenDir);

/** Every manifest, by file name under deploy/k8s/. */
export function k8sManifests(): Record<string, Manifest[]> {
  const subgraphUrls = Object.fromEntries(
    subgraphCatalog.map((entry) => [
      `${envPrefix(entry.name)}_URL`,
      `http://${entry.name}.${namespace}.svc.cluster.local:${entry.defaultPort}/graphql`,
    ]),
  );
  const files: Record<string, Manifest[]> = {
    'config.yaml': [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: labelsOf('crg') } },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'crg-config', namespace, labels: labelsOf('crg') },
        data: {
          CRG_MODE: 'production',
          CRG_COUNTRY: 'bangladesh',
          CRG_HOST: '0.0.0.0',
          CRG_STORE: 'mongodb',
          LOG_LEVEL: 'info',
          // Replace with the ministries' identity provider.
          CRG_AUTH_ISSUER: 'https://identity.example.gov',
          CRG_AUTH_AUDIENCE: 'coordinated-response-graph',
          CRG_AUTH_JWKS_URL: 'https://identity.example.gov/.well-known/jwks.json',
          // Per replica: each gateway pod counts a caller's requests on its own (docs/operations.md, "Scale-out").
          GATEWAY_RATE_LIMIT_PER_MINUTE: '600',
          GATEWAY_RESPONSE_CACHE_TTL_MS: '2000',
          // A dashboard token runs only the dashboard's registered operations (docs/security.md, "Trusted documents").
          CRG_TRUSTED_DOCUMENTS_ROLES: 'dashboard',
          // Production serves /metrics only to a scraper sending this token.
          CRG_METRICS_TOKEN_FILE: `${metricsTokenDir}/token`,
          ...subgraphUrls,
        },
      },
      {
        // Where every subgraph's replicas append the heads of their audit logs: a volume apart from
        // the database, so that whoever controls the database cannot rewrite what was witnessed.
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'crg-audit-witness', namespace, labels: labelsOf('crg') },
        spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
    'gateway.yaml': serviceManifests({
      name: 'gateway',
      port: gatewayPort,
      args: [compiledFile('gateway/main.ts')],
      maxReplicas: 10,
      cpu: '500m',
      memory: '256Mi',
      env: [
        { name: 'GATEWAY_PORT', value: String(gatewayPort) },
        // A smaller young generation and a bounded heap hold the gateway's RSS down (docs/performance.md, Gateway memory).
        { name: 'NODE_OPTIONS', value: gatewayNodeFlags.join(' ') },
        { name: 'CRG_GATEWAY_KEY_FILE', value: '/etc/crg/gateway-key/gateway.jwk' },
        // A new supergraph is applied by updating this ConfigMap: the gateway reloads it live.
        { name: 'CRG_SUPERGRAPH_FILE', value: '/etc/crg/supergraph/supergraph.graphql' },
      ],
      volumes: [
        secretFile('gateway-key', 'crg-gateway-key', '/etc/crg/gateway-key'),
        { name: 'supergraph', mountPath: '/etc/crg/supergraph', source: { configMap: { name: 'crg-supergraph' } } },
        metricsToken,
      ],
    }),
  };
  for (const entry of subgraphCatalog) {
    // A sector's keyring for identifying details, the alerts service's for its subscribers' signing
    // secrets (docs/encryption-at-rest.md), apart from its database.
    const keyring = entry.role !== 'coordination';
    // The hub's own services (alerts) hold no case-level data: no audit log, no published counts.
    const audited = entry.role !== 'service';
    files[`${entry.name}.yaml`] = serviceManifests({
      name: entry.name,
      port: entry.defaultPort,
      args: [compiledFile('subgraphs/run.ts'), entry.name],
      maxReplicas: 6,
      cpu: '250m',
      memory: '256Mi',
      env: [
        { name: `${envPrefix(entry.name)}_PORT`, value: String(entry.defaultPort) },
        { name: 'CRG_GATEWAY_PUBLIC_KEY_FILE', value: '/etc/crg/gateway-public-key/gateway.public.jwk' },
        // The secret that keys the noise of published counts; the same for every replica (docs/disclosure-control.md).
        ...(audited ? [{ name: 'CRG_DISCLOSURE_KEY_FILE', value: '/etc/crg/disclosure-key/disclosure.key' }] : []),
        // mongodb://…@mongo-0.mongo:27017,mongo-1.mongo:27017,mongo-2.mongo:27017/?replicaSet=rs0 (docs/operations.md, "Scale-out").
        { name: 'MONGODB_URI', valueFrom: { secretKeyRef: { name: 'crg-mongodb', key: 'uri' } } },
        ...(keyring ? [{ name: `${envPrefix(entry.name)}_ENCRYPTION_KEYS_FILE`, value: '/etc/crg/encryption-keys/keyring.json' }] : []),
        ...(audited
          ? [
              // The audit log's signing key, and the witness of its heads on a volume the database's owner does not hold (docs/audit-log.md).
              { name: `${envPrefix(entry.name)}_AUDIT_KEY_FILE`, value: '/etc/crg/audit-key/audit.jwk' },
              { name: 'CRG_AUDIT_WITNESS_DIR', value: '/var/lib/crg/witness' },
            ]
          : [
              // The alerts service asks the graph through the gateway, with a token for its own role from the identity provider.
              { name: 'CRG_GATEWAY_URL', value: `http://gateway.${namespace}.svc.cluster.local:${gatewayPort}/graphql` },
              { name: 'CRG_ALERTS_TOKEN_FILE', value: '/etc/crg/alerts-token/token' },
            ]),
      ],
      volumes: [
        secretFile('gateway-public-key', 'crg-gateway-public-key', '/etc/crg/gateway-public-key'),
        metricsToken,
        ...(audited ? [secretFile('disclosure-key', 'crg-disclosure-key', '/etc/crg/disclosure-key')] : []),
        ...(keyring ? [secretFile('encryption-keys', `crg-${entry.name}-encryption-keys`, '/etc/crg/encryption-keys')] : []),
        ...(audited
          ? [
              secretFile('audit-key', `crg-${entry.name}-audit-key`, '/etc/crg/audit-key'),
              {
                name: 'audit-witness',
                mountPath: '/var/lib/crg/witness',
                source: { persistentVolumeClaim: { claimName: 'crg-audit-witness' } },
                writable: true,
              },
            ]
          : [secretFile('alerts-token', `crg-${entry.name}-token`, '/etc/crg/alerts-token')]),
      ],
    });
  }
  return files;
}
