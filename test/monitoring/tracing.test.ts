import { parse } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { operationShapeHash } from '../../platform/traceOperations.ts';
import { readTracingConfig } from '../../platform/tracingConfig.ts';
import { officer, registered } from '../cases/caseFixtures.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

/*
 * OpenTelemetry traces: a case written and read through the gateway make one trace each, with
 * spans from the gateway and from every subgraph the request reached, linked parent to child,
 * exported over OTLP to a receiver the test runs. No span carries anything about the survivor
 * or the caller's token; the logs of the request carry its trace id. Not configured, nothing is
 * traced or sent.
 */

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const serverKind = 2;
const clientKind = 3;

type OtlpValue = {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
};
const valueOf = (value: OtlpValue): unknown =>
  value.arrayValue
    ? (value.arrayValue.values ?? []).map(valueOf)
    : (value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue);
const attributesOf = (list: { key: string; value: OtlpValue }[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));

/** An OTLP/HTTP receiver, as a collector would be: keeps every body posted to it. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const spans = (): ExportedSpan[] =>
    bodies.flatMap((body) =>
      (JSON.parse(body).resourceSpans ?? []).flatMap((resourceSpans: any) => {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        return (resourceSpans.scopeSpans ?? []).flatMap((scope: any) =>
          (scope.spans ?? []).map((span: any) => ({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? '',
            name: span.name,
            kind: span.kind,
            attributes: attributesOf(span.attributes),
          })),
        );
      }),
    );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every log line the hub writes, parsed. */
function capturedLogs() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger('info', {}, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
}

/** Posts an operation to the gateway with the caller's token and our own request id. */
async function ask(hub: TestHub, token: string, requestId: string, query: string, variables: Record<string, unknown>, headers = {}) {
  const response = await fetch(hub.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const receiverPromise = startReceiver();
let receiver: Awaited<typeof receiverPromise>;
beforeAll(async () => {
  receiver = await receiverPromise;
});
afterAll(() => receiver?.close());

describe("an operation's shape hash", () => {
  it('is the same whatever literals and aliases were written, and differs with the fields asked', () => {
    const hash = (text: string) => operationShapeHash(parse(text));
    const asked = hash('{ case(id: "BD-HEALTH-2026-0042", purpose: "call Amena") { id incidentType } }');
    expect(hash('{ case(id: "BD-POLICE-2026-0001", purpose: "x") { id incidentType } }')).toBe(asked);
    expect(hash('{ c: case(id: "BD-POLICE-2026-0001", purpose: "y") { id incidentType } }')).toBe(asked);
    expect(hash('{ case(id: "BD-HEALTH-2026-0042", purpose: "call Amena") { id } }')).not.toBe(asked);
    expect(asked).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('tracing not configured', () => {
  it('is off unless an OTLP endpoint is set, or when switched off by the standard variables', () => {
    expect(readTracingConfig({})).toBeUndefined();
    expect(readTracingConfig({ OTEL_SERVICE_NAME: 'crg', OTEL_TRACES_SAMPLER: 'always_on' })).toBeUndefined();
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })?.endpoint).toBe('http://collector:4318/v1/traces');
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom' })?.endpoint).toBe(
      'http://collector:4318/custom',
    );
  });

  it('refuses a wrong variable by name, without quoting a header that may be a credential', () => {
    const problems = (env: Record<string, string>) => {
      try {
        readTracingConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.message;
        throw error;
      }
      return 'accepted';
    };
    const base = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(problems({ ...base, OTEL_TRACES_SAMPLER: 'sometimes' })).toContain('OTEL_TRACES_SAMPLER must be one of always_on');
    expect(problems({ ...base, OTEL_TRACES_SAMPLER_ARG: '1.5' })).toContain('OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1');
    expect(problems({ ...base, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toContain('OTEL_EXPORTER_OTLP_PROTOCOL must be http/json');
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318 secret' })).toContain('OTEL_EXPORTER_OTLP_ENDPOINT must be an http');
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318 secret' })).not.toContain('secret');
    const badHeaders = problems({ ...base, OTEL_EXPORTER_OTLP_HEADERS: 'api-key-s3cr3t' });
    expect(badHeaders).toContain('OTEL_EXPORTER_OTLP_HEADERS must be a list of name=value pairs');
    expect(badHeaders).not.toContain('s3cr3t');
  });

  describe('a hub started without it', () => {
    let hub: TestHub;
    const logs = capturedLogs();
    const calls: http.IncomingHttpHeaders[] = [];
    const recorder = http.createServer((req, res) => {
      calls.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(503).end());
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
      const tracing = readTracingConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_TRACES_SAMPLER: 'always_on',
      });
      hub = await startTestHub({
        only: [],
        tracing,
        logger: logs.logger,
        subgraphUrlOverrides: { health: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/graphql` },
      });
    });
    afterAll(async () => {
      await hub?.stop();
      recorder.close();
    });

    it('sends no trace context to subgraphs, exports nothing and logs no trace id', async () => {
      const token = await hub.tokenFor({ role: 'analyst' });
      const answer = await ask(hub, token, 'untraced-1', '{ sectors { name delivery { total } } }', {});
      expect(answer.data?.sectors.length).toBeGreaterThan(0);
      expect(calls.length).toBeGreaterThan(0);
      for (const headers of calls) expect(headers.traceparent).toBeUndefined();
      await hub.flushTraces();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.bodies).toEqual([]);
      const requestLines = logs.lines.filter((line) => line.requestId === 'untraced-1');
      expect(requestLines.length).toBeGreaterThan(0);
      for (const line of requestLines) expect(line).not.toHaveProperty('trace_id');
    });
  });
});

describe('traces across the gateway and the subgraphs', () => {
  let hub: TestHub;
  const logs = capturedLogs();
  let token: string;
  let caseId: string;
  const survivor = { name: 'Rokeya Tracewatch', phone: '+880 1711 987654', address: '12 Hidden Road, Mirpur' };
  const purpose = 'call her sister Amena about the hearing';
  const district = 'Dhaka';
  const probe = `query Probe($id: ID!) {
    case(id: $id, purpose: "check") { id district }
    healthSurvivorContact(caseId: $id, purpose: "check") { name }
  }`;
  const probes = new Map<string, { data?: any; errors?: unknown[] }>();
  const longName = `Survivor_NAMESECRET_Seven_${'x'.repeat(50)}`;

  beforeAll(async () => {
    hub = await startTestHub({
      only: ['health'],
      tracing: readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_TRACES_SAMPLER: 'always_on' }),
      logger: logs.logger,
    });
    token = await hub.tokenFor(officer('health'));
    caseId = await registered(hub, 'health', { district });
    // The write names the survivor in the query text itself, not in variables: the text must not reach a span either.
    const written = await ask(
      hub,
      token,
      'trace-write',
      `mutation CaseWrite { recordHealthSurvivorContact(input: { caseId: ${JSON.stringify(caseId)}, name: ${JSON.stringify(survivor.name)}, phone: ${JSON.stringify(survivor.phone)}, address: ${JSON.stringify(survivor.address)}, collectedOn: "2026-11-20" }) { caseId name } }`,
      {},
    );
    expect(written.errors).toBeUndefined();
    expect(written.data!.recordHealthSurvivorContact.name).toBe(survivor.name);
    const read = await ask(
      hub,
      token,
      'trace-read',
      `query CaseRead($id: ID!, $purpose: String) {
        case(id: $id, purpose: $purpose) { id district responses { __typename id summary } }
        healthSurvivorContact(caseId: $id, purpose: $purpose) { name phone address }
      }`,
      { id: caseId, purpose },
      // A caller naming a trace of its own choosing: it is not continued.
      { traceparent: `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01` },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.case.district).toBe(district);
    expect(read.data!.healthSurvivorContact.name).toBe(survivor.name);
    // A police officer probing a real health case and a made-up code: the same refusal twice.
    const police = await hub.tokenFor(officer('police'));
    // The first asks the gateway to plan the operation; the two compared find the plan made.
    for (const [requestId, id] of [
      ['probe-first', 'CASE-BD-2026-999998'],
      ['probe-real', caseId],
      ['probe-missing', 'CASE-BD-2026-999999'],
    ] as const) {
      probes.set(requestId, await ask(hub, police, requestId, probe, { id }));
    }
    // An operation name the metrics' rule refuses (too long to be a plain name), naming someone.
    const named = await ask(hub, token, 'trace-named', `query ${longName} { case(id: ${JSON.stringify(caseId)}) { id district } }`, {});
    expect(named.data?.case.district).toBe(district);
    await hub.flushTraces();
  });
  afterAll(() => hub?.stop());

  /** Every span of the trace the request with this id made. */
  const traceOf = (requestId: string) => {
    const root = receiver.spans().filter((span) => span.attributes['crg.request_id'] === requestId && span.parentSpanId === '');
    expect(root).toHaveLength(1);
    return receiver.spans().filter((span) => span.traceId === root[0]!.traceId);
  };

  for (const [requestId, subgraphs] of [
    ['trace-write', ['health', 'coordination']],
    ['trace-read', ['coordination', 'health']],
  ] as const) {
    it(`${requestId}: one trace, from the gateway into ${subgraphs.join(' and ')}, each span under its parent`, () => {
      const spans = traceOf(requestId);
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const [root, ...others] = [...spans].sort((a, b) => (a.parentSpanId === '' ? -1 : b.parentSpanId === '' ? 1 : 0));
      expect(root).toMatchObject({ service: 'crg-gateway', name: 'POST /graphql', kind: serverKind });
      expect(root!.attributes).toMatchObject({
        'http.response.status_code': 200,
        'graphql.operation.type': requestId === 'trace-write' ? 'mutation' : 'query',
      });
      for (const span of others) expect(byId.has(span.parentSpanId), `${span.service} ${span.name} has its parent in the trace`).toBe(true);
      for (const span of spans) expect(span.attributes['crg.request_id']).toBe(requestId);

      expect(new Set(spans.map((span) => span.service))).toEqual(new Set(['crg-gateway', ...subgraphs.map((name) => `crg-${name}`)]));
      // The Apollo gateway's plan and fetches, and a client span for each subgraph call.
      const names = spans.map((span) => `${span.service} ${span.name}`);
      expect(names).toContain('crg-gateway gateway.plan');
      expect(names).toContain('crg-gateway gateway.fetch');
      for (const subgraph of subgraphs) {
        // Each subgraph's server span is the child of the call made to it, by the gateway or by a sector asking the case registry.
        const served = spans.filter((span) => span.service === `crg-${subgraph}` && span.kind === serverKind);
        expect(served.length).toBeGreaterThan(0);
        for (const span of served) {
          const caller = byId.get(span.parentSpanId)!;
          expect(caller.kind).toBe(clientKind);
          expect(caller.service).not.toBe(span.service);
          if (caller.service === 'crg-gateway') expect(caller.attributes['crg.subgraph']).toBe(subgraph);
          else expect(caller.name).toBe('POST /case-access');
        }
      }
      // A span for each root field the subgraphs resolved and for each store call they made.
      const health = spans.filter((span) => span.service === 'crg-health');
      expect(health.map((span) => span.name)).toContain(
        requestId === 'trace-write' ? 'resolve Mutation.recordHealthSurvivorContact' : 'resolve Query.healthSurvivorContact',
      );
      // Store calls on case records run inside the field's span, with none of their own.
      expect(spans.filter((span) => span.attributes['db.collection.name'] !== undefined).map((span) => span.name)).not.toContainEqual(
        expect.stringMatching(/ (cases|referrals|survivorContacts|medicalCare|auditLog|auditHead)$/),
      );
      for (const span of spans) expect(span.attributes).not.toHaveProperty('crg.store.documents');
    });
  }

  it('reads entities in a span naming their types and count, and does not continue a trace the caller named', () => {
    const spans = traceOf('trace-read');
    const entities = spans.find((span) => span.name === 'resolve Query._entities');
    expect(entities?.attributes['graphql.entity.count']).toBeGreaterThan(0);
    expect((entities?.attributes['graphql.entity.types'] as string[]).length).toBeGreaterThan(0);
    expect(spans[0]!.traceId).not.toBe('ab'.repeat(16));
    expect(receiver.spans().filter((span) => span.traceId === 'ab'.repeat(16) || span.parentSpanId === 'cd'.repeat(8))).toEqual([]);
  });

  it('puts nothing about the survivor, the case or the caller in any span name or attribute', () => {
    const secrets = [survivor.name, survivor.phone, survivor.address, purpose, caseId, district, token, 'Rokeya', 'Amena', 'eyJ'];
    const spans = receiver.spans();
    expect(spans.length).toBeGreaterThan(20);
    for (const span of spans) {
      const text = JSON.stringify([span.name, span.attributes]);
      for (const secret of secrets) expect(text, `${span.service} ${span.name}`).not.toContain(secret);
    }
    // Everything exported, resources and scopes included, exactly as sent.
    for (const body of receiver.bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  });

  it('traces a refused probe on a real case exactly as one on a made-up code', () => {
    const [real, missing] = ['probe-real', 'probe-missing'].map((requestId) => probes.get(requestId)!);
    expect(real!.data).toEqual({ case: null, healthSurvivorContact: null });
    expect(real).toEqual(missing);
    expect(JSON.stringify(real!.errors)).toContain('FORBIDDEN');
    /** The trace without ids, times and order: each span as its path from the root, its kind and attributes. */
    const shape = (requestId: string) => {
      const spans = traceOf(requestId);
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const path = (span: ExportedSpan | undefined): string =>
        span ? `${path(byId.get(span.parentSpanId))} > ${span.service} ${span.name}` : '';
      return spans
        .map((span) => {
          const { 'crg.request_id': _, ...attributes } = span.attributes;
          return `${path(span)} ${span.kind} ${JSON.stringify(Object.entries(attributes).sort())}`;
        })
        .sort();
    };
    const realShape = shape('probe-real');
    expect(realShape.join('\n')).toContain('crg-coordination resolve Query.case');
    expect(realShape).toEqual(shape('probe-missing'));
  });

  it("names an operation in spans only as the metrics' rule allows, on the gateway's own spans and in the subgraphs", () => {
    const spans = traceOf('trace-named');
    expect(spans.some((span) => span.service === 'crg-coordination')).toBe(true);
    expect(spans.find((span) => span.name === 'gateway.plan')?.attributes['graphql.operation.name']).toBe('other');
    for (const span of spans.filter((span) => span.parentSpanId === '')) expect(span.attributes['graphql.operation.name']).toBe('other');
    for (const body of receiver.bodies) expect(body).not.toContain('NAMESECRET');
    // A plain name is kept, as in the metrics.
    const read = traceOf('trace-read');
    expect(read.find((span) => span.parentSpanId === '')!.attributes['graphql.operation.name']).toBe('CaseRead');
    expect(read.find((span) => span.name === 'gateway.plan')!.attributes['graphql.operation.name']).toBe('CaseRead');
  });

  it('writes the trace id on every log line of the request', () => {
    // The gateway's line and one for each subgraph that served GraphQL: health, and for the read coordination too.
    for (const [requestId, services] of [
      ['trace-write', 2],
      ['trace-read', 3],
    ] as const) {
      const traceId = traceOf(requestId)[0]!.traceId;
      const lines = logs.lines.filter((line) => line.requestId === requestId);
      expect(lines.length).toBeGreaterThanOrEqual(services);
      for (const line of lines) expect(line.trace_id).toBe(traceId);
    }
  });
});
