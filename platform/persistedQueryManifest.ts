/**
 * The persisted query manifest: the operations an app is allowed to send by id, in Apollo's format
 * (`apollo-persisted-query-manifest`, version 1), which Apollo Router, Hive Gateway and GraphOS
 * read as they are. The dashboard's build writes one; the gateway reads it (docs/security.md).
 */
import { createHash } from 'node:crypto';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export const manifestFormat = 'apollo-persisted-query-manifest';

export interface ManifestOperation {
  /** The SHA-256 of `body`, in lower-case hexadecimal: what a client sends as the document id. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  format: typeof manifestFormat;
  version: 1;
  operations: ManifestOperation[];
}

/** A manifest that cannot be used; the message names the problem. */
export class ManifestError extends Error {}

/** The id of a document: the SHA-256 of its text exactly as registered. */
export const documentIdOf = (body: string): string => createHash('sha256').update(body).digest('hex');

/** The one named operation of `body`; throws ManifestError naming what is wrong with it. */
function operationOf(body: string, where: string): OperationDefinitionNode {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch (error) {
    throw new ManifestError(`${where} is not a GraphQL document: ${(error as Error).message}`);
  }
  if (operations.length !== 1 || !operations[0]!.name) {
    throw new ManifestError(`${where} must hold exactly one named operation (it holds ${operations.length})`);
  }
  return operations[0]!;
}

/** The manifest of these documents, by operation name; two operations of one name are refused. */
export function manifestOf(bodies: { body: string; where: string }[]): PersistedQueryManifest {
  const operations = bodies.map(({ body, where }): ManifestOperation => {
    const operation = operationOf(body, where);
    return { id: documentIdOf(body), name: operation.name!.value, type: operation.operation, body };
  });
  const names = operations.map((o) => o.name);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0) throw new ManifestError(`Two operations are named ${repeated.join(', ')}: each needs its own name`);
  return { format: manifestFormat, version: 1, operations: operations.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The documents of a manifest's text, by id; throws ManifestError naming what is wrong. */
export function readManifest(text: string): Map<string, string> {
  let manifest: Partial<PersistedQueryManifest>;
  try {
    manifest = JSON.parse(text) as Partial<PersistedQueryManifest>;
  } catch (error) {
    throw new ManifestError(`The manifest is not JSON: ${(error as Error).message}`);
  }
  if (manifest?.format !== manifestFormat || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new ManifestError(`The manifest must be {"format": "${manifestFormat}", "version": 1, "operations": [...]}`);
  }
  const documents = new Map<string, string>();
  for (const [i, operation] of manifest.operations.entries()) {
    if (typeof operation?.id !== 'string' || typeof operation.body !== 'string') {
      throw new ManifestError(`Operation ${i} of the manifest needs an "id" and a "body" string`);
    }
    // The id must be the body's hash: the gateway accepts a registered body sent whole by that hash.
    if (operation.id !== documentIdOf(operation.body)) {
      throw new ManifestError(`Operation ${operation.name ?? i} of the manifest has the id ${operation.id}, not the SHA-256 of its body`);
    }
    operationOf(operation.body, `Operation ${operation.name ?? i} of the manifest`);
    documents.set(operation.id, operation.body);
  }
  return documents;
}
