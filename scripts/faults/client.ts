/** A GraphQL call through the gateway as a client makes it, and what came of it; `Data` is the shape the caller expects. */
export interface Outcome<Data = Record<string, any>> {
  /** An HTTP answer with a GraphQL body came back (data, a clean error, or both). */
  answered: boolean;
  data?: Data | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function call<Data = Record<string, any>>(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Outcome<Data>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as Pick<Outcome<Data>, 'data' | 'errors'>;
    return { answered: true, ...body };
  } catch {
    return { answered: false };
  }
}

/** Counts of one stream of calls. */
export interface Tally {
  sent: number;
  answered: number;
}

/**
 * Runs `write` from `writers` loops at once until `done()` holds, numbering each call; every
 * call's outcome is counted, and `acknowledged` gets the key of each write the hub confirmed.
 */
export async function writeStream(
  writers: number,
  done: () => boolean,
  write: (n: number) => Promise<{ outcome: Outcome; acknowledged?: string }>,
): Promise<Tally & { acknowledged: string[] }> {
  const tally = { sent: 0, answered: 0, acknowledged: [] as string[] };
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (!done()) {
        const n = next++;
        tally.sent += 1;
        const { outcome, acknowledged } = await write(n);
        if (outcome.answered) tally.answered += 1;
        if (acknowledged !== undefined) tally.acknowledged.push(acknowledged);
        // A refused call comes back at once; pace the retries so a down service is not hammered.
        if (!acknowledged) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
  return tally;
}
