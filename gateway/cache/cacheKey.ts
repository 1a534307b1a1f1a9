import type { HTTPGraphQLRequest } from '@apollo/server';
import type { Identity } from '../../platform/auth/identity.ts';

interface Operation {
  query: string;
  operationName: unknown;
  variables: unknown;
  extensions: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function fromPost(body: unknown): Operation | null {
  if (!isObject(body) || typeof body.query !== 'string') return null;
  return {
    query: body.query,
    operationName: body.operationName ?? null,
    variables: body.variables ?? null,
    extensions: body.extensions ?? null,
  };
}

function fromGet(search: string): Operation | null {
  const params = new URLSearchParams(search);
  const query = params.get('query');
  if (query === null) return null;
  try {
    const json = (name: string) => {
      const text = params.get(name);
      return text === null ? null : (JSON.parse(text) as unknown);
    };
    return { query, operationName: params.get('operationName'), variables: json('variables'), extensions: json('extensions') };
  } catch {
    // Apollo Server refuses it in its own words.
    return null;
  }
}

/**
 * The key an answer is kept under: who may see it (the role and sector decide what authorization
 * leaves in it), the media type the caller accepts, and the operation as sent, by GET or POST
 * alike. Null when the request's parameters are not where a GET or a POST carries them: such a
 * request is left to Apollo Server. Everything before the query is JSON, which holds no line
 * break, so no two requests share a key.
 */
export function cacheKey(request: HTTPGraphQLRequest, identity: Identity): string | null {
  const operation = request.method === 'POST' ? fromPost(request.body) : request.method === 'GET' ? fromGet(request.search) : null;
  if (!operation) return null;
  const { query, operationName, variables, extensions } = operation;
  const who = [identity.role, identity.sector, request.headers.get('accept') ?? null, operationName, variables, extensions];
  return `${JSON.stringify(who)}\n${query}`;
}
