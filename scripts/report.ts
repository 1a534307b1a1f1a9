/**
 * `npm run report -- --body <id>` writes the meeting pack for a coordination body's next
 * meeting: one CSV file per table and a printable HTML page, from one query through the gateway.
 *
 *   --body <id>    the coordination body, e.g. bd-steering (required)
 *   --out <dir>    where to write (default reports/<body id>)
 *   --url <url>    the gateway (default CRG_GATEWAY_URL, or http://127.0.0.1:<GATEWAY_PORT or 4000>/graphql)
 *   --token <jwt>  the caller's bearer token (default CRG_TOKEN; in development, a local committee
 *                  member's); needs meetings:read and framework:read
 */
import { parseArgs } from 'node:util';
import { LocalIssuerNotTrusted, mintLocalToken } from '../platform/auth/localIssuer.ts';
import { readConfig } from '../platform/config.ts';
import type { SendQuery } from './report/packQuery.ts';
import { writeMeetingPack } from './report/writeReport.ts';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run report -- --body <id> [--out <dir>] [--url <gateway url>] [--token <jwt>]`);
  process.exit(2);
}

let args: { body?: string; out?: string; url?: string; token?: string };
try {
  args = parseArgs({
    options: { body: { type: 'string' }, out: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' } },
  }).values;
} catch (error) {
  usage((error as Error).message);
}
if (!args.body) usage('--body is required');

const url = args.url ?? process.env.CRG_GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
/**
 * The caller's token, or in development a committee member's from the hub's local issuer (as
 * `npm run token` makes), so the report works out of the box on a local hub.
 */
async function bearerToken(): Promise<string> {
  const given = args.token ?? process.env.CRG_TOKEN;
  if (given) return given;
  try {
    return await mintLocalToken(readConfig(), { role: 'committee-member', subject: 'meeting-pack@local', expiresIn: '10m' });
  } catch (error) {
    if (error instanceof LocalIssuerNotTrusted) usage(`--token (or CRG_TOKEN) is required: ${error.message}`);
    throw error;
  }
}
const credentials: Record<string, string> = { authorization: `Bearer ${await bearerToken()}` };

const send: SendQuery = async (query, variables) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...credentials },
    body: JSON.stringify({ query, variables }),
  });
  if (!response.ok && !response.headers.get('content-type')?.includes('json')) {
    throw new Error(`The gateway at ${url} answered ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as Awaited<ReturnType<SendQuery>>;
};

try {
  const report = await writeMeetingPack(send, args.body, args.out ?? `reports/${args.body}`);
  console.log(`Meeting pack for ${report.pack.body.name}, ${report.pack.preparedOn}:`);
  for (const file of report.files) console.log(`  ${file}`);
} catch (error) {
  console.error(`Could not write the meeting pack: ${(error as Error).message}`);
  process.exit(1);
}
