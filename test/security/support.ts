import { expect } from 'vitest';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import type { TestHub } from '../support/hub.ts';

/** One raw HTTP exchange: the status and the parsed body, whatever they are. */
export async function send(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

/** Everything every subgraph has stored, so a test can prove an attack changed nothing. */
export async function snapshotAll(hub: TestHub): Promise<string> {
  const parts: string[] = [];
  for (const [name, store] of [...hub.stores].sort(([a], [b]) => a.localeCompare(b))) {
    const { documents } = await loadSubgraphDefinition(name);
    for (const { collection } of Object.values(documents)) {
      const docs = await store.collection(collection).find({}, { sort: { _id: 1 } });
      parts.push(`${name}/${collection}:${JSON.stringify(docs)}`);
    }
  }
  return parts.join('\n');
}

/** A refusal: the status, the error code, a message that says why, and no data at all. */
export function expectRefused(answer: { status: number; json: any }, status: number, code: string, reason: string | RegExp) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.json.data ?? undefined).toBeUndefined();
  expect(answer.json.errors[0].extensions.code).toBe(code);
  expect(answer.json.errors[0].message).toMatch(reason);
}
