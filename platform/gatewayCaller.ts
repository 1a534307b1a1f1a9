/*
 * How a program of the hub asks the graph through the gateway as a caller does, with a bearer
 * token: the alerts service's checks and the report commands. One request, one answer.
 */

/** A GraphQL answer as the gateway sends it. */
export interface GatewayAnswer<T = unknown> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** How long one question to the gateway may take, unless the caller says otherwise. */
const askTimeoutMs = 30_000;

/**
 * POSTs one operation to the gateway at `url` with the token. An answer that is not GraphQL (a
 * proxy's error page) throws an error giving its status, not the address (the alerts service
 * reports it to analysts); a GraphQL answer with errors is returned for the caller to judge.
 */
export async function askGateway<T = unknown>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs = askTimeoutMs,
): Promise<GatewayAnswer<T>> {
  // Configuration refuses such an address (CRG_GATEWAY_URL); a caller passing one gets no echo of it.
  if (URL.canParse(url) && (new URL(url).username || new URL(url).password)) {
    throw new Error('the gateway URL holds a user name or password: the hub refuses it (the caller token is the credential)');
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(withoutUserinfo((error as Error).message), { cause: error });
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as GatewayAnswer<T>;
  } catch {
    throw new Error(`the gateway answered HTTP ${response.status} with no GraphQL response`);
  }
}

/** A message with any user name and password written in an address (`//user:secret@`) taken out. */
function withoutUserinfo(message: string): string {
  return message.replace(/\/\/[^\s/@]*@/g, '//');
}
