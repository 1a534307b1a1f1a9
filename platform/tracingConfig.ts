import { ConfigError } from './config.ts';

/*
 * Tracing is configured by OpenTelemetry's standard variables, so an operator's collector setup
 * works as it does for any other service. It is off unless an OTLP endpoint is set.
 */

export type SamplerName =
  'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

const samplers: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

export interface TracingConfig {
  /** Where spans are posted (OTLP over HTTP, JSON): `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + /v1/traces. */
  endpoint: string;
  /** Sent with every export, e.g. the collector's API key (`OTEL_EXPORTER_OTLP[_TRACES]_HEADERS`); never logged. */
  headers: Record<string, string>;
  /** How long one export may take (`OTEL_EXPORTER_OTLP[_TRACES]_TIMEOUT`, ms). */
  exportTimeoutMs: number;
  /** `OTEL_SERVICE_NAME`; each service names itself `crg-<name>` otherwise. */
  serviceName: string | undefined;
  /** `OTEL_RESOURCE_ATTRIBUTES`, e.g. deployment.environment.name=production. */
  resourceAttributes: Record<string, string>;
  sampler: SamplerName;
  /** The share of new traces kept by the ratio samplers (`OTEL_TRACES_SAMPLER_ARG`, 0 to 1). */
  samplerRatio: number;
  /** The batch span processor (`OTEL_BSP_*`). */
  batch: { scheduledDelayMillis: number; maxQueueSize: number; maxExportBatchSize: number; exportTimeoutMillis: number };
}

type Env = Record<string, string | undefined>;

/** `k1=v1,k2=v2` with percent-encoded values, the form of OTEL_*_HEADERS and OTEL_RESOURCE_ATTRIBUTES; null when malformed. */
function keyValueList(text: string): Record<string, string> | null {
  const entries: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    if (equals <= 0) return null;
    try {
      entries[decodeURIComponent(part.slice(0, equals).trim())] = decodeURIComponent(part.slice(equals + 1).trim());
    } catch {
      return null;
    }
  }
  return entries;
}

/**
 * The tracing configuration in `env`, or undefined when tracing is off: no OTLP endpoint set,
 * `OTEL_TRACES_EXPORTER=none` or `OTEL_SDK_DISABLED=true`. Throws ConfigError naming every
 * variable that is wrong (never quoting a header's value, which may be a credential).
 */
export function readTracingConfig(env: Env = process.env): TracingConfig | undefined {
  // An empty variable means "not set", as in the hub's other settings.
  const value = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];

  const disabled = value('OTEL_SDK_DISABLED');
  if (disabled !== undefined && !['true', 'false'].includes(disabled.toLowerCase())) {
    problems.push(`OTEL_SDK_DISABLED must be true or false (got ${JSON.stringify(disabled)})`);
  }
  const exporter = value('OTEL_TRACES_EXPORTER');
  if (exporter !== undefined && !['otlp', 'none'].includes(exporter)) {
    problems.push(`OTEL_TRACES_EXPORTER must be otlp or none: the hub exports traces over OTLP only (got ${JSON.stringify(exporter)})`);
  }
  const protocolName =
    value('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = value(protocolName);
  if (protocol !== undefined && protocol !== 'http/json') {
    problems.push(
      `${protocolName} must be http/json, the one protocol the hub sends (an OpenTelemetry Collector's OTLP/HTTP receiver takes it on the same port as http/protobuf) (got ${JSON.stringify(protocol)})`,
    );
  }

  let endpoint: string | undefined;
  const tracesEndpoint = value('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseEndpoint = value('OTEL_EXPORTER_OTLP_ENDPOINT');
  const endpointName = tracesEndpoint !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const given = tracesEndpoint ?? baseEndpoint;
  if (given !== undefined) {
    if (!URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol)) {
      // The address may hold credentials: named, not quoted.
      problems.push(`${endpointName} must be an http:// or https:// URL such as http://otel-collector:4318`);
    } else {
      // The signal's own endpoint is used as given; the general one gets the traces path (OTLP spec).
      endpoint = tracesEndpoint ?? `${baseEndpoint!.replace(/\/+$/, '')}/v1/traces`;
    }
  }

  const headersName =
    value('OTEL_EXPORTER_OTLP_TRACES_HEADERS') !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_HEADERS' : 'OTEL_EXPORTER_OTLP_HEADERS';
  const headers = keyValueList(value(headersName) ?? '');
  if (headers === null) problems.push(`${headersName} must be a list of name=value pairs separated by commas (value not shown)`);

  const resourceAttributes = keyValueList(value('OTEL_RESOURCE_ATTRIBUTES') ?? '');
  if (resourceAttributes === null) {
    problems.push(
      `OTEL_RESOURCE_ATTRIBUTES must be a list of name=value pairs separated by commas (got ${JSON.stringify(value('OTEL_RESOURCE_ATTRIBUTES'))})`,
    );
  }

  const sampler = (value('OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on') as SamplerName;
  if (!samplers.includes(sampler)) {
    problems.push(`OTEL_TRACES_SAMPLER must be one of ${samplers.join(', ')} (got ${JSON.stringify(value('OTEL_TRACES_SAMPLER'))})`);
  }
  const ratioText = value('OTEL_TRACES_SAMPLER_ARG');
  const samplerRatio = ratioText === undefined ? 1 : Number(ratioText);
  if (!(samplerRatio >= 0 && samplerRatio <= 1)) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, the share of traces kept (got ${JSON.stringify(ratioText)})`);
  }

  const whole = (name: string, fallback: number, min: number, max: number) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)})`);
      return fallback;
    }
    return n;
  };
  const timeoutName =
    value('OTEL_EXPORTER_OTLP_TRACES_TIMEOUT') !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT' : 'OTEL_EXPORTER_OTLP_TIMEOUT';
  const exportTimeoutMs = whole(timeoutName, 10_000, 1, 600_000);
  const batch = {
    scheduledDelayMillis: whole('OTEL_BSP_SCHEDULE_DELAY', 5000, 0, 600_000),
    maxQueueSize: whole('OTEL_BSP_MAX_QUEUE_SIZE', 2048, 1, 1_000_000),
    maxExportBatchSize: whole('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 512, 1, 1_000_000),
    exportTimeoutMillis: whole('OTEL_BSP_EXPORT_TIMEOUT', 30_000, 1, 600_000),
  };
  if (batch.maxExportBatchSize > batch.maxQueueSize) {
    problems.push('OTEL_BSP_MAX_EXPORT_BATCH_SIZE must not exceed OTEL_BSP_MAX_QUEUE_SIZE');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  if (disabled?.toLowerCase() === 'true' || exporter === 'none' || endpoint === undefined) return undefined;
  return {
    endpoint,
    headers: headers!,
    exportTimeoutMs,
    serviceName: value('OTEL_SERVICE_NAME'),
    resourceAttributes: resourceAttributes!,
    sampler,
    samplerRatio,
    batch,
  };
}
