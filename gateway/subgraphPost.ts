import type { Dispatcher } from 'undici';

/** A subgraph's answer to one POST: its status, content type and body as text. */
export interface PostAnswer {
  status: number;
  /** The Content-Type header's value, '' without one. */
  contentType: string;
  /** The body, for a 2xx or 400 answer; '' for any other, whose body is read and dropped. */
  text: string;
}

/** Whether the body of an answer with this status is kept: a success, or a 400 that may name the caller's error. */
const bodyKept = (status: number) => (status >= 200 && status < 300) || status === 400;

/**
 * One POST through an undici pool, its answer collected as text. Sent through the pool's
 * `dispatch` with a handler of its own rather than `request()`: `request()` wraps every answer
 * in a readable stream and an async resource the gateway only read to its end, about a fifth of
 * the CPU of each subgraph call on the client side (about 52 against 42 µs per call, measured
 * against a local server). The pool's timeouts, connections and errors are the same.
 */
export function postThrough(pool: Dispatcher, path: string, headers: Record<string, string>, body: string): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    let contentType = '';
    pool.dispatch(
      { method: 'POST', path, headers, body },
      {
        onConnect() {},
        onHeaders(statusCode, rawHeaders) {
          status = statusCode;
          // Names and values alternate; a header's name is compared without regard to case.
          for (let i = 0; i < rawHeaders.length; i += 2) {
            const name = rawHeaders[i]!;
            if (name.length === 12 && name.toString('latin1').toLowerCase() === 'content-type') {
              contentType = rawHeaders[i + 1]!.toString('latin1');
              break;
            }
          }
          return true;
        },
        onData(chunk) {
          if (bodyKept(status)) chunks.push(chunk);
          return true;
        },
        onComplete() {
          resolve({ status, contentType, text: Buffer.concat(chunks).toString('utf8') });
        },
        onError: reject,
      },
    );
  });
}
