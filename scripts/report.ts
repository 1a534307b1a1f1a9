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
import { callerToken, gatewayUrl, sendingTo } from './report/gatewayCaller.ts';
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

const token = await callerToken(args.token, { role: 'committee-member', subject: 'meeting-pack@local' }, usage);
const send = sendingTo(gatewayUrl(args.url), token);

try {
  const report = await writeMeetingPack(send, args.body, args.out ?? `reports/${args.body}`);
  console.log(`Meeting pack for ${report.pack.body.name}, ${report.pack.preparedOn}:`);
  for (const file of report.files) console.log(`  ${file}`);
} catch (error) {
  console.error(`Could not write the meeting pack: ${(error as Error).message}`);
  process.exit(1);
}
