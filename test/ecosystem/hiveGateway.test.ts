import { Supergraph } from '@apollo/federation-internals';
import fs from 'node:fs';
import {
  Kind,
  OperationTypeNode,
  TypeInfo,
  isInterfaceType,
  isObjectType,
  parse,
  print,
  visit,
  visitWithTypeInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supergraphPath } from '../../gateway/supergraph.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { supergraphForPlanning } from '../../platform/auth/policy.ts';
import { isRole, scopesByRole } from '../../platform/auth/roles.ts';
import { createHiveGateway, serveHiveGateway } from '../../scripts/hiveGateway.ts';
import { callerOf, documentationExamples, exampleTitle, variablesOf, type Example } from '../support/documentation.ts';
import { postGraphQL, startTestHub, type TestCaller, type TestHub } from '../support/hub.ts';

/*
 * The supergraph is for any Federation 2 gateway, not only ours: Hive Gateway serves the committed
 * schema/supergraph.graphql, read as it is, in front of a test hub's subgraphs, and every example
 * of the documentation runs through it as through ours (test/docsExamples.test.ts), in the same
 * order, as the same caller. Hive does no caller authentication: the role and sector are sent to
 * it in x-test-* headers and it signs each subgraph call for them with the hub's gateway key
 * (scripts/hiveGateway.ts).
 *
 * A query runs through ours, then through Hive, and both answers must be the same, data and
 * errors. Nothing is normalised: the hub's clock is fixed, and no example asks for a request id.
 *
 * An operation that changes what it reads runs once only, through Hive: a mutation (running it
 * through both would record it twice: a second value for the same period is refused, a second
 * report appends to a history) and a read of an audit log, since every read of an audit log is
 * recorded in it (ADR 0009), so the second reader would see the first one's read. Either way the
 * second answer would differ for a reason that has nothing to do with the gateway. It must answer
 * as docsExamples.test.ts asks of ours: no error and no null root field. The queries after it then
 * read what Hive wrote, through both gateways.
 */

let hub: TestHub;
let hive: Awaited<ReturnType<typeof serveHiveGateway>>;

beforeAll(async () => {
  hub = await startTestHub();
  const runtime = createHiveGateway({
    supergraph: fs.readFileSync(supergraphPath, 'utf8'),
    subgraphUrls: Object.fromEntries([...hub.subgraphs].map(([name, subgraph]) => [name, subgraph.url])),
    signingKey: await importKey(hub.keys.gatewayPrivate, internalTokenAlgorithm),
    identityOf(request) {
      const role = request.headers.get('x-test-role');
      if (!isRole(role)) throw new Error(`unknown role ${role}`);
      return {
        subject: request.headers.get('x-test-subject')!,
        role,
        sector: request.headers.get('x-test-sector'),
        scopes: scopesByRole[role],
      };
    },
  });
  hive = await serveHiveGateway(runtime);
}, 60_000);

afterAll(async () => {
  await hive?.close();
  await hub?.stop();
});

/** The example's caller, with the same subject in our token and in Hive's identity. */
const callerFor = (example: Example): TestCaller => ({ ...callerOf(example), subject: 'reader@documentation' });

const askHive = (query: string, variables: Record<string, unknown> | undefined, as: TestCaller) =>
  postGraphQL(hive.url, query, variables, {
    'x-test-role': as.role,
    'x-test-subject': as.subject!,
    ...(as.sector ? { 'x-test-sector': as.sector } : {}),
  });

const examples = documentationExamples();
const apiSchema = Supergraph.build(supergraphForPlanning(fs.readFileSync(supergraphPath, 'utf8')))
  .apiSchema()
  .toGraphQLJSSchema();

/** Whether the operation selects a field of an audit log (`AuditLog` or a type implementing it). */
function readsAnAuditLog(operation: OperationDefinitionNode): boolean {
  const typeInfo = new TypeInfo(apiSchema);
  let reads = false;
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const isAuditLog = (type: unknown) => isInterfaceType(type) && type.name === 'AuditLog';
        if (isAuditLog(parent) || (isObjectType(parent) && parent.getInterfaces().some(isAuditLog))) reads = true;
      },
    }),
  );
  return reads;
}

/** Whether running the operation changes what it, or another run of it, reads. */
const changesWhatItReads = (operation: OperationDefinitionNode) =>
  operation.operation === OperationTypeNode.MUTATION || readsAnAuditLog(operation);

describe('Hive Gateway on the committed supergraph', () => {
  it('loads it as it is, and there are examples to compare and examples to run through it once', async () => {
    const answer = await askHive('{ __typename }', undefined, { role: 'analyst', subject: 'reader@documentation' });
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    const operations = examples.flatMap((example) => parse(example.text).definitions as OperationDefinitionNode[]);
    expect(operations.filter((o) => !changesWhatItReads(o)).length).toBeGreaterThan(0);
    expect(operations.filter((o) => o.operation === OperationTypeNode.MUTATION).length).toBeGreaterThan(0);
    expect(operations.filter(readsAnAuditLog).length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [exampleTitle(example), example]))('answers %s as ours does', async (_, example) => {
    const as = callerFor(example);
    const variables = variablesOf(example);
    for (const operation of parse(example.text).definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${example.file}: an example holds only operations`);
      const query = print(operation);
      if (changesWhatItReads(operation)) {
        const theirs = await askHive(query, variables, as);
        expect(theirs.errors, JSON.stringify(theirs.errors)).toBeUndefined();
        expect(Object.values(theirs.data!).every((value) => value !== null)).toBe(true);
      } else {
        // At once: neither changes what the other reads.
        const [ours, theirs] = await Promise.all([hub.query(query, variables, as), askHive(query, variables, as)]);
        expect(ours.errors, JSON.stringify(ours.errors)).toBeUndefined();
        expect(theirs).toEqual(ours);
      }
    }
  });
});
